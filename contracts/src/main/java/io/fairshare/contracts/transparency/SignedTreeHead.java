package io.fairshare.contracts.transparency;

import io.fairshare.contracts.canonical.CanonicalJson;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * The signed head of the statement log after a period's close (contracts README, "Signed tree head").
 * The log holds every issued statement line of every closed period, appended period by period, so
 * the tree of an earlier head is a prefix of a later one's (a consistency proof shows it), and each
 * head names the hash of the one before it.
 *
 * @param periodId         the period whose close appended {@code periodLeafCount} lines
 * @param treeSize         leaves in the log after this close
 * @param periodFirstLeaf  index of the period's first line in the log
 * @param periodLeafCount  lines the period's close appended
 * @param rootHash         RFC 9162 root of the log's first {@code treeSize} leaves
 * @param issuedAt         when the head was signed (UTC, ISO-8601, to the millisecond)
 * @param previousPeriodId the period of the previous head; null for the first head
 * @param previousHeadHash {@link #headHash()} of the previous head; null for the first head
 * @param signature        Ed25519 over {@link #signedBytes()}; null before signing
 */
public record SignedTreeHead(
        String periodId,
        long treeSize,
        long periodFirstLeaf,
        long periodLeafCount,
        byte[] rootHash,
        Instant issuedAt,
        String previousPeriodId,
        byte[] previousHeadHash,
        byte[] signature) {
    public static final String SCHEMA = "fairshare.transparency.tree-head.v1";

    /** The bytes that are signed: the RFC 8785 JSON of every member but {@code signature}. */
    public byte[] signedBytes() {
        return body().endObject().toBytes();
    }

    /** SHA-256 of {@link #signedBytes()}: what the next head names as its previous one. */
    public byte[] headHash() {
        return MerkleTree.sha256().digest(signedBytes());
    }

    public SignedTreeHead signedWith(PrivateKey key) {
        return new SignedTreeHead(periodId, treeSize, periodFirstLeaf, periodLeafCount, rootHash, issuedAt, previousPeriodId,
                previousHeadHash, OperatorKey.sign(key, signedBytes()));
    }

    public boolean signatureVerifies(PublicKey key) {
        return signature != null && OperatorKey.verify(key, signedBytes(), signature);
    }

    /** The head as published: {@link #signedBytes()}' members plus {@code signature} (base64), canonical JSON. */
    public String toJson() {
        return body().field("signature", signature == null ? null : Base64.getEncoder().encodeToString(signature)).endObject().toString();
    }

    public static SignedTreeHead fromJson(String json) {
        return fromJson(JsonText.object(JsonText.parse(json), "the tree head"));
    }

    public static SignedTreeHead fromJson(Map<String, Object> m) {
        if (!SCHEMA.equals(m.get("schema"))) {
            throw new IllegalArgumentException("the tree head's schema is not " + SCHEMA);
        }
        HexFormat hex = HexFormat.of();
        String previous = (String) m.get("previousHeadHash");
        String signature = (String) m.get("signature");
        return new SignedTreeHead((String) m.get("periodId"), number(m, "treeSize"), number(m, "periodFirstLeaf"),
                number(m, "periodLeafCount"), hex.parseHex((String) m.get("rootHash")), Instant.parse((String) m.get("issuedAt")),
                (String) m.get("previousPeriodId"), previous == null ? null : hex.parseHex(previous),
                signature == null ? null : Base64.getDecoder().decode(signature));
    }

    public String rootHashHex() {
        return HexFormat.of().formatHex(rootHash);
    }

    public boolean sameSignedContent(SignedTreeHead other) {
        return MessageDigest.isEqual(signedBytes(), other.signedBytes());
    }

    private CanonicalJson body() {
        HexFormat hex = HexFormat.of();
        return new CanonicalJson().beginObject()
                .field("schema", SCHEMA)
                .field("periodId", periodId)
                .field("treeSize", treeSize)
                .field("periodFirstLeaf", periodFirstLeaf)
                .field("periodLeafCount", periodLeafCount)
                .field("rootHash", hex.formatHex(rootHash))
                .field("issuedAt", issuedAt.toString())
                .field("previousPeriodId", previousPeriodId)
                .field("previousHeadHash", previousHeadHash == null ? null : hex.formatHex(previousHeadHash));
    }

    private static long number(Map<String, Object> m, String name) {
        if (m.get(name) instanceof BigDecimal d) {
            return d.longValueExact();
        }
        throw new IllegalArgumentException("the tree head's " + name + " must be an integer");
    }
}
