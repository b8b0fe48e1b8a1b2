package io.fairshare.contracts.transparency;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A statement export that proves itself (contracts README, "Verifiable statement export"): the
 * statement as issued, the signed tree head of its period, the operator's public key, and for every
 * line its leaf index in the log and its audit path to the head's root.
 * <pre>
 * {"schema": "fairshare.transparency.verifiable-statement.v1",
 *  "statement": { ...the statement's canonical JSON... },
 *  "treeHead": { ...SignedTreeHead JSON... },
 *  "publicKey": "base64 X.509 SubjectPublicKeyInfo",
 *  "nodes": ["hex", ...],
 *  "proofs": [{"section": "lines", "lineNumber": 0, "leafIndex": 17, "auditPath": [4, 0, 9]}, ...]}
 * </pre>
 * A line's audit path is a list of indices into {@code nodes}, leaf side first: the lines of one
 * statement are neighbours in the log and share most of their paths' nodes, so each node is written
 * once (a 100,000-line statement carries about 100,000 nodes, not 1.7 million).
 */
public record VerifiableStatement(String statementJson, SignedTreeHead treeHead, String publicKey, List<Proof> proofs) {
    public static final String SCHEMA = "fairshare.transparency.verifiable-statement.v1";

    /** One line's inclusion proof. */
    public record Proof(String section, int lineNumber, long leafIndex, List<byte[]> auditPath) {
    }

    public VerifiableStatement {
        proofs = List.copyOf(proofs);
    }

    /** The export as JSON: the statement embedded byte for byte as it was issued. */
    public byte[] toJson() {
        HexFormat hex = HexFormat.of();
        Map<ByteBuffer, Integer> index = new HashMap<>();
        List<byte[]> nodes = new ArrayList<>();
        StringBuilder paths = new StringBuilder(proofs.size() * 120);
        for (int i = 0; i < proofs.size(); i++) {
            Proof p = proofs.get(i);
            paths.append(i == 0 ? "\n" : ",\n").append("{\"section\":\"").append(p.section()).append("\",\"lineNumber\":").append(p.lineNumber())
                    .append(",\"leafIndex\":").append(p.leafIndex()).append(",\"auditPath\":[");
            for (int k = 0; k < p.auditPath().size(); k++) {
                byte[] node = p.auditPath().get(k);
                Integer at = index.get(ByteBuffer.wrap(node));
                if (at == null) {
                    at = nodes.size();
                    index.put(ByteBuffer.wrap(node), at);
                    nodes.add(node);
                }
                paths.append(k == 0 ? "" : ",").append(at.intValue());
            }
            paths.append("]}");
        }
        StringBuilder sb = new StringBuilder(statementJson.length() + paths.length() + nodes.size() * 68 + 1024);
        sb.append("{\"schema\":\"").append(SCHEMA).append("\",\n\"publicKey\":\"").append(publicKey).append("\",\n\"treeHead\":")
                .append(treeHead.toJson()).append(",\n\"statement\":").append(statementJson).append(",\n\"nodes\":[");
        for (int i = 0; i < nodes.size(); i++) {
            sb.append(i == 0 ? "\"" : ",\"").append(hex.formatHex(nodes.get(i))).append('"');
        }
        sb.append("],\n\"proofs\":[").append(paths);
        return sb.append("]}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The export's parts; the statement stays parsed (as {@link #statement}), its text is not kept. */
    public record Parsed(Map<String, Object> statement, SignedTreeHead treeHead, String publicKey, List<Proof> proofs) {
    }

    public static Parsed parse(String json) {
        Map<String, Object> m = JsonText.object(JsonText.parse(json), "the export");
        if (!SCHEMA.equals(m.get("schema"))) {
            throw new IllegalArgumentException("the export's schema is not " + SCHEMA);
        }
        HexFormat hex = HexFormat.of();
        List<Object> nodeTexts = JsonText.array(m.get("nodes"), "the export's nodes");
        byte[][] nodes = new byte[nodeTexts.size()][];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = hex.parseHex((String) nodeTexts.get(i));
        }
        List<Proof> proofs = new ArrayList<>();
        for (Object o : JsonText.array(m.get("proofs"), "the export's proofs")) {
            Map<String, Object> p = JsonText.object(o, "a proof");
            List<Object> at = JsonText.array(p.get("auditPath"), "a proof's auditPath");
            List<byte[]> path = new ArrayList<>(at.size());
            for (Object h : at) {
                path.add(nodes[((BigDecimal) h).intValueExact()]);
            }
            proofs.add(new Proof((String) p.get("section"), ((BigDecimal) p.get("lineNumber")).intValueExact(),
                    ((BigDecimal) p.get("leafIndex")).longValueExact(), path));
        }
        return new Parsed(JsonText.object(m.get("statement"), "the export's statement"),
                SignedTreeHead.fromJson(JsonText.object(m.get("treeHead"), "the export's treeHead")), (String) m.get("publicKey"), proofs);
    }
}
