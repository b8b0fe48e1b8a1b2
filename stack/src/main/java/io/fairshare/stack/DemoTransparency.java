package io.fairshare.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairshare.contracts.transparency.OperatorKey;
import io.fairshare.contracts.transparency.SignedTreeHead;
import io.fairshare.contracts.transparency.Verifier;
import io.fairshare.stack.pipeline.ServiceClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The demo's transparency step: what each model was trained on (the public disclosure report of every model that
 * a platform statement names), one rights holder's own view with a party credential issued for it, and one
 * statement verified offline against its period's signed tree head. Each is written to a file and its address
 * printed, so that a reader can open them or run {@code ./fairshare verify} on the export.
 */
final class DemoTransparency {
    private static final Duration CREDENTIAL_ARRIVES = Duration.ofSeconds(60);

    private final RunningStack stack;
    private final Path projectRoot;
    private final PrintStream out;

    DemoTransparency(RunningStack stack, Path projectRoot, PrintStream out) {
        this.stack = stack;
        this.projectRoot = projectRoot.toAbsolutePath();
        this.out = out;
    }

    void run(JsonNode closed, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String period = closed.path("periodId").asText();
        ServiceClient settlement = new ServiceClient(stack.baseUrl("settlement"), stack.operatorToken());
        ServiceClient anonymous = new ServiceClient(stack.baseUrl("settlement"), null);
        String societyStatement = null;
        out.println("  Disclosure reports (public: no credentials; groups below the minimum size are suppressed):");
        for (JsonNode s : closed.path("statements")) {
            String id = s.path("statementId").asText();
            if (!s.path("kind").asText().equals("PLATFORM")) {
                societyStatement = societyStatement == null && s.path("kind").asText().equals("SOCIETY") ? id : societyStatement;
                continue;
            }
            String platform = s.path("addresseeId").asText();
            for (String model : models(settlement.get("/v1/statements/" + id))) {
                String path = "/v1/disclosure/" + period + "/" + platform + "/" + model;
                JsonNode report = anonymous.get(path);
                String file = platform + "-" + model;
                Files.writeString(dir.resolve(file + ".disclosure.json"), report.toPrettyString(), StandardCharsets.UTF_8);
                Files.writeString(dir.resolve(file + ".disclosure.html"), anonymous.getText(path, "text/html"), StandardCharsets.UTF_8);
                out.printf("    %-14s %-22s %,12d events  %s  %s%n", platform, model, report.path("totalEvents").asLong(),
                        largestCategory(report), stack.baseUrl("settlement") + path);
            }
        }
        if (societyStatement != null) {
            partyView(settlement, period, societyStatement, dir);
            verified(settlement, societyStatement, period, dir);
        }
    }

    /** The models a platform statement's per-model breakdown names. */
    private static Set<String> models(JsonNode platformStatement) {
        Set<String> models = new LinkedHashSet<>();
        platformStatement.path("byModel").forEach(m -> models.add(m.path("modelId").asText()));
        return models;
    }

    /** The category with the largest share of the model's units (the report lists groups largest first). */
    private static String largestCategory(JsonNode report) {
        for (JsonNode g : report.path("dimensions").path("workCategory")) {
            if (!g.path("suppressed").asBoolean()) {
                return String.format("%s: %s of the units", g.path("group").asText(), g.path("percent").asText());
            }
        }
        return "(every category suppressed)";
    }

    /** Issues a party credential for the first party of a society statement and reads its view with it. */
    private void partyView(ServiceClient settlement, String period, String statementId, Path dir) throws IOException, InterruptedException {
        JsonNode statement = settlement.get("/v1/statements/" + statementId);
        String party = statement.path("lines").path(0).path("partyId").asText(null);
        if (party == null) {
            return;
        }
        ServiceClient registry = new ServiceClient(stack.baseUrl("rights-registry"), stack.operatorToken());
        JsonNode issued = registry.post("/v1/credentials/parties/" + party, Map.of());
        ServiceClient asParty = new ServiceClient(stack.baseUrl("settlement"), issued.path("token").asText());
        String path = "/v1/parties/" + party + "/usage?period=" + period;
        JsonNode view = readOnceLearnt(asParty, path);
        Path file = dir.resolve("party-" + party + ".usage.json");
        Files.writeString(file, view.toPrettyString(), StandardCharsets.UTF_8);
        JsonNode totals = view.path("totals").path(0);
        out.printf("  Party view of %s (its own credential %s): %d usage group(s), %d statement line(s), owed %s %s, held %s%n    %s%n    %s%n",
                party, issued.path("keyId").asText(), view.path("usage").size(), view.path("statementLines").size(),
                totals.path("owed").asText("0"), totals.path("currency").asText(""), totals.path("held").asText("0"),
                stack.baseUrl("settlement") + path, file);
    }

    /** Settlement learns a credential from the credentials topic: a new one is refused for a moment. */
    private static JsonNode readOnceLearnt(ServiceClient client, String path) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CREDENTIAL_ARRIVES.toNanos();
        while (true) {
            try {
                return client.get(path);
            } catch (ServiceClient.HttpFailure e) {
                if ((e.status() != 401 && e.status() != 503) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    /** Writes a statement's verifiable export, its period's tree head and the public key, and verifies them offline. */
    private void verified(ServiceClient settlement, String statementId, String period, Path dir) throws IOException, InterruptedException {
        String file = statementId.replace('/', '-');
        Path export = dir.resolve(file + ".verifiable.json");
        Path head = dir.resolve(period + ".tree-head.json");
        Path key = dir.resolve("operator-public-key.json");
        Files.writeString(export, settlement.getText("/v1/transparency/statements/" + statementId + "/verifiable", "application/json"),
                StandardCharsets.UTF_8);
        Files.writeString(head, settlement.getText("/v1/transparency/periods/" + period + "/tree-head", "application/json"),
                StandardCharsets.UTF_8);
        String keyJson = settlement.getText("/v1/transparency/public-key", "application/json");
        Files.writeString(key, keyJson, StandardCharsets.UTF_8);
        Verifier.Result r = Verifier.verify(Files.readString(export), SignedTreeHead.fromJson(Files.readString(head)),
                OperatorKey.publicKey(settlement.get("/v1/transparency/public-key").path("publicKey").asText()));
        out.printf("  Statement %s: %s, %d line(s) against the signed tree head of %s (size %d)%n    ./fairshare verify %s --tree-head %s --public-key %s%n",
                statementId, r.verified() ? "verified" : "NOT verified " + r.failures(), r.linesChecked(), period,
                r.treeHead() == null ? 0 : r.treeHead().treeSize(), rel(export), rel(head), rel(key));
        if (!r.verified()) {
            throw new IllegalStateException("statement " + statementId + " does not verify: " + r.failures());
        }
    }

    private Path rel(Path p) {
        Path a = p.toAbsolutePath();
        return a.startsWith(projectRoot) ? projectRoot.relativize(a) : a;
    }
}
