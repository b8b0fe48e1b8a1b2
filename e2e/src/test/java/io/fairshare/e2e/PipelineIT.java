package io.fairshare.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairshare.contracts.Topics;
import io.fairshare.seeds.SeedGenerator;
import io.fairshare.seeds.SeedLoader;
import io.fairshare.seeds.SeedSet;
import io.fairshare.seeds.SeedSpec;
import io.fairshare.seeds.UsageWorkload;
import io.fairshare.seeds.WorkloadPoster;
import io.fairshare.stack.LocalStack;
import io.fairshare.stack.RunningStack;
import io.fairshare.stack.StackOptions;
import io.fairshare.stack.pipeline.ConsumerLag;
import io.fairshare.stack.pipeline.ServiceClient;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The whole pipeline, as the four packaged services run it against one real Kafka broker and one real
 * PostgreSQL: seeds loaded over HTTP, usage events posted to ingest (one batch resubmitted, rights-registry
 * restarted while it resolves, usage-ingest killed with SIGKILL while requests are in flight and the unanswered
 * batches sent again), the period closed, one late event settled as an adjustment of the next period,
 * statements booked by payout and paid in a run whose pain.001 file is checked against the ISO 20022 schema.
 * Every amount is compared with {@link ExpectedSettlement}, computed here from the seeds and tariffs alone.
 */
class PipelineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CATCH_UP = Duration.ofMinutes(5);
    /** payout's default minimum payment (fairshare.payout.thresholds.KRW). */
    private static final long THRESHOLD_KRW = 10_000;

    private static LocalStack stack;
    private static RunningStack running;
    private static Path root;

    @BeforeAll
    static void startTheStack() throws Exception {
        root = Path.of(System.getProperty("fairshare.project.root", "..")).toAbsolutePath().normalize();
        Path home = root.resolve("e2e/target/stack");
        stack = new LocalStack(StackOptions.parse("--port-base", "0", "--home", home.toString(), "--root", root.toString(),
                "--ready-timeout", "300"));
        running = stack.start();
        assertEquals(Map.of(), running.skipped(), "every service runs");
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyAmountFromUsageEventsToThePaymentFileMatchesTheSeedsAndTariffs() throws Exception {
        SeedSet seeds = SeedGenerator.generate(SeedSpec.small(1_000));
        SeedLoader.Endpoints endpoints = running.seedEndpoints();
        SeedLoader.Result loaded = new SeedLoader(endpoints, running.operatorToken(), System.out).load(seeds);
        ServiceClient settlement = new ServiceClient(running.baseUrl("settlement"), running.operatorToken());
        ServiceClient payout = new ServiceClient(running.baseUrl("payout"), running.operatorToken());

        // Two periods that have ended (settlement closes only those): P gets the stream, P+1 the late event.
        YearMonth p = YearMonth.now(UsageWorkload.SEOUL).minusMonths(2);
        YearMonth next = p.plusMonths(1);
        UsageWorkload first = UsageWorkload.forPeriod(seeds, 101, 8_000, p, UsageWorkload.SEOUL);
        UsageWorkload second = UsageWorkload.forPeriod(seeds, 102, 4_000, p, UsageWorkload.SEOUL);
        WorkloadPoster poster = new WorkloadPoster(endpoints.ingest(), loaded.platformKeys(), 2, 500, System.out);

        WorkloadPoster.Result a = poster.post(first);
        assertEquals(List.of(8_000L, 0L, 0L), List.of(a.accepted(), a.duplicate(), a.rejected()), "first stream");
        // rights-registry restarts while it resolves the first stream; ingest takes the second meanwhile
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
            try {
                stack.restart("rights-registry");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WorkloadPoster.Result b = poster.post(second);
        restart.get();
        assertEquals(4_000, b.accepted(), "second stream");
        // usage-ingest is killed (SIGKILL) while a third stream is in flight, restarted, and the poster sends
        // every unanswered batch again: what was stored may be answered duplicate, nothing may be lost or doubled
        UsageWorkload third = UsageWorkload.forPeriod(seeds, 103, 6_000, p, UsageWorkload.SEOUL);
        long acceptedBefore = acceptedOnTopic();
        CompletableFuture<Void> crash = CompletableFuture.runAsync(() -> {
            try {
                while (acceptedOnTopic() < acceptedBefore + 1_000) {
                    Thread.sleep(10);
                }
                stack.crash("usage-ingest");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WorkloadPoster.Result crashed = new WorkloadPoster(endpoints.ingest(), loaded.platformKeys(), 2, 200, System.out).post(third);
        crash.get();
        assertEquals(6_000, crashed.accepted() + crashed.duplicate(), "third stream: every event accepted once or answered as stored");
        assertEquals(0, crashed.rejected());
        assertTrue(crashed.retries() > 0, "the kill cut requests in flight, which were sent again");
        // one batch resubmitted: the same 500 events again are duplicates, nothing is counted twice
        WorkloadPoster.Result again = poster.post(UsageWorkload.forPeriod(seeds, 101, 500, p, UsageWorkload.SEOUL));
        assertEquals(List.of(0L, 500L, 0L), List.of(again.accepted(), again.duplicate(), again.rejected()), "resubmission");

        ExpectedSettlement expected = new ExpectedSettlement(seeds);
        first.forEach(expected::add);
        second.forEach(expected::add);
        third.forEach(expected::add);
        assertTrue(expected.unmatched() > 0, "the workload includes unmatched usage");

        try (ConsumerLag lag = new ConsumerLag(running.kafkaBootstrap())) {
            lag.awaitCaughtUp(Set.of(), CATCH_UP, Duration.ofSeconds(10), System.out::println);
            JsonNode closed = settlement.post("/v1/periods/" + p + "/close", null);
            assertEquals("CLOSED", closed.path("state").asText());
            lag.awaitRecords(Topics.STATEMENTS_ISSUED, closed.path("statements").size(), CATCH_UP);
            Map<String, JsonNode> issued = statementsOf(p.toString());
            checkPlatformStatements(issued, expected, p.toString());
            checkPayeeTotalsTieOut(issued);

            // one late event of P, posted after P closed: an adjustment on P+1's statements
            UsageWorkload late = lateEvent(seeds, p);
            assertEquals(1, poster.post(late).accepted());
            ExpectedSettlement expectedLate = new ExpectedSettlement(seeds);
            late.forEach(expectedLate::add);
            lag.awaitCaughtUp(Set.of(), CATCH_UP, Duration.ofSeconds(10), System.out::println);
            // every event's trace runs from its HTTP request through the registry into settlement's ledger
            int traced = TraceChain.check(running, late.event(0).platformId(), late.event(0).eventId());
            assertTrue(traced >= 18_000, "records of the resolution stream checked for their trace: " + traced);
            JsonNode closedNext = settlement.post("/v1/periods/" + next + "/close", null);
            int before = closed.path("statements").size();
            lag.awaitRecords(Topics.STATEMENTS_ISSUED, before + closedNext.path("statements").size(), CATCH_UP);
            Map<String, JsonNode> adjustments = statementsOf(next.toString());
            assertFalse(adjustments.isEmpty(), "the late event is settled in " + next);
            adjustments.values().forEach(s -> assertEquals(List.of(p.toString()),
                    JSON.convertValue(s.path("adjustsPeriods"), List.class), s.path("statementId").asText()));
            checkPlatformStatements(adjustments, expectedLate, next.toString());

            // payout: statements booked once, a run paying each society its payable at or above the threshold
            lag.awaitCaughtUp(Set.of("payout-ledger"), CATCH_UP, Duration.ofSeconds(10), System.out::println);
            // what payout owes a society: the LICENSED and UNLICENSED amounts issued to it; its RESERVED_PENALTY
            // amounts are held back; together they are the expectation's rounded totals
            Map<String, Long> owed = new TreeMap<>();
            Map<String, Long> penalties = new TreeMap<>();
            for (Map<String, JsonNode> set : List.of(issued, adjustments)) {
                for (JsonNode s : set.values()) {
                    if (s.path("kind").asText().equals("PLATFORM")) {
                        for (JsonNode amount : s.path("amounts")) {
                            String category = amount.path("category").asText();
                            String society = amount.path("societyId").asText();
                            long minor = amount.path("amountMinor").asLong();
                            if (category.equals("LICENSED") || category.equals("UNLICENSED")) {
                                owed.merge(society, minor, Long::sum);
                            } else if (category.equals("RESERVED_PENALTY")) {
                                penalties.merge(society, minor, Long::sum);
                            }
                        }
                    }
                }
            }
            Map<String, Long> expectedPerSociety = new TreeMap<>();
            for (ExpectedSettlement e : List.of(expected, expectedLate)) {
                e.roundedByReceiver().forEach((k, v) -> {
                    if (!k.receiver().equals(ExpectedSettlement.UNCLAIMED)) {
                        expectedPerSociety.merge(k.receiver(), v, Long::sum);
                    }
                });
            }
            Map<String, Long> owedAndHeld = new TreeMap<>(owed);
            penalties.forEach((k, v) -> owedAndHeld.merge(k, v, Long::sum));
            assertEquals(expectedPerSociety, owedAndHeld, "owed to each society, penalties for reserved use included");
            assertFalse(penalties.isEmpty(), "the workload uses an opted-out work");
            LocalDate valueDate = LocalDate.now(UsageWorkload.SEOUL).plusDays(1);
            JsonNode run = payout.put("/v1/payout-runs/E2E-" + p, Map.of("valueDate", valueDate.toString()));
            Map<String, Long> paid = new TreeMap<>();
            run.path("payments").forEach(pm -> paid.put(pm.path("payeeId").asText(), pm.path("amountMinor").asLong()));
            Map<String, Long> carried = new TreeMap<>();
            run.path("carriedForward").forEach(c -> carried.put(c.path("payeeId").asText(), c.path("amountMinor").asLong()));
            Map<String, Long> expectPaid = new TreeMap<>();
            Map<String, Long> expectCarried = new TreeMap<>();
            owed.forEach((society, amount) -> (amount >= THRESHOLD_KRW ? expectPaid : expectCarried).put(society, amount));
            System.out.printf("e2e: %d matched and %d unmatched events; %d statements for %s, %d for %s; owed %s; paid %s; carried %s%n",
                    expected.matched(), expected.unmatched(), issued.size(), p, adjustments.size(), next, owedAndHeld, paid, carried);
            assertEquals(expectPaid, paid, "payments of the run");
            assertEquals(expectCarried, carried, "carried forward");
            long total = expectPaid.values().stream().mapToLong(Long::longValue).sum();
            assertEquals(total, run.path("controlSum").path("KRW").asLong(), "control sum");

            String xml = payout.getText("/v1/payout-runs/E2E-" + p + "/pain001", "application/xml");
            checkPain001(xml, expectPaid.size(), total);
            JsonNode trial = payout.get("/v1/ledger/trial-balance");
            assertTrue(trial.path("balanced").asBoolean(), trial.toString());
            long heldForReserved = 0;
            long heldUnclaimed = 0;
            for (JsonNode account : trial.path("accounts")) {
                String name = account.path("account").asText();
                long balance = account.path("balanceMinor").asLong();
                if (name.startsWith("PAYABLE:")) {
                    assertTrue(balance >= 0, "no negative payable: " + account);
                } else if (name.startsWith("HOLDBACK_RESERVED:")) {
                    heldForReserved += balance;
                } else if (name.startsWith("HOLDBACK_UNCLAIMED:")) {
                    heldUnclaimed += balance;
                }
            }
            assertEquals(penalties.values().stream().mapToLong(Long::longValue).sum(), heldForReserved,
                    "penalties for reserved use are held back");
            long unclaimed = 0;
            for (ExpectedSettlement e : List.of(expected, expectedLate)) {
                unclaimed += e.roundedByReceiver().entrySet().stream()
                        .filter(en -> en.getKey().receiver().equals(ExpectedSettlement.UNCLAIMED))
                        .mapToLong(Map.Entry::getValue).sum();
            }
            assertEquals(unclaimed, heldUnclaimed, "unclaimed shares are held back");
            JsonNode reconciliation = payout.get("/v1/reconciliation?periodId=" + p);
            assertEquals(0, reconciliation.path("alarms").size(), reconciliation.toString());
        }
    }

    /** The first workload (by seed) whose only event is matched, licensed or not, dated in {@code p}. */
    /** Records on the accepted topic now (the sum of its partitions' end offsets). */
    private static long acceptedOnTopic() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, running.kafkaBootstrap());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(Topics.USAGE_ACCEPTED).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static UsageWorkload lateEvent(SeedSet seeds, YearMonth p) {
        for (long seed = 900; ; seed++) {
            UsageWorkload w = UsageWorkload.forPeriod(seeds, seed, 1, p, UsageWorkload.SEOUL);
            if (w.event(0).matched() && !seeds.isReserved(w.event(0).catalogueWorkId())) {
                return w;
            }
        }
    }

    /** Every StatementIssuedV1 of a period on the statements topic, by statement id (the last copy of each). */
    private static Map<String, JsonNode> statementsOf(String periodId) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, running.kafkaBootstrap());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, JsonNode> out = new TreeMap<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> parts = new ArrayList<>();
            c.partitionsFor(Topics.STATEMENTS_ISSUED).forEach(pi -> parts.add(new org.apache.kafka.common.TopicPartition(pi.topic(), pi.partition())));
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<org.apache.kafka.common.TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    JsonNode s = JSON.readTree(r.value());
                    if (s.path("periodId").asText().equals(periodId)) {
                        out.put(s.path("statementId").asText(), s);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Each platform statement's amount per (platform, receiver) is the expectation rounded once; each category
     * lies within its line count of its exact sum and the categories add up to the statement's total.
     */
    private static void checkPlatformStatements(Map<String, JsonNode> issued, ExpectedSettlement expected, String periodId) {
        Map<ExpectedSettlement.Key, Long> actual = new TreeMap<>();
        Map<ExpectedSettlement.Category, Long> actualCategories = new TreeMap<>();
        int platformStatements = 0;
        for (JsonNode s : issued.values()) {
            if (!s.path("kind").asText().equals("PLATFORM")) {
                continue;
            }
            platformStatements++;
            long sum = 0;
            for (JsonNode amount : s.path("amounts")) {
                String category = amount.path("category").asText();
                String receiver = category.equals("UNCLAIMED") ? ExpectedSettlement.UNCLAIMED
                        : amount.hasNonNull("societyId") ? amount.path("societyId").asText() : amount.path("partyId").asText();
                long minor = amount.path("amountMinor").asLong();
                actual.merge(new ExpectedSettlement.Key(amount.path("platformId").asText(), receiver), minor, Long::sum);
                actualCategories.merge(new ExpectedSettlement.Category(amount.path("platformId").asText(), receiver, category),
                        minor, Long::sum);
                sum += minor;
            }
            assertEquals(s.path("totalMinor").asLong(), sum, s.path("statementId").asText() + ": amounts add up to the total");
        }
        assertTrue(platformStatements > 0, "platform statements of " + periodId);
        assertEquals(expected.roundedByReceiver(), actual, "amount per (platform, receiver) in " + periodId);
        expected.exactByCategory().forEach((c, exact) -> {
            long got = actualCategories.getOrDefault(c, 0L);
            assertTrue(exact.subtract(BigDecimal.valueOf(got)).abs().compareTo(BigDecimal.valueOf(expected.lines(c))) < 0,
                    c + ": issued " + got + ", exact " + exact);
        });
        assertEquals(expected.exactByCategory().keySet(), actualCategories.keySet(), "categories issued in " + periodId);
    }

    /** What a society's statement says a platform owes it is what that platform's statement says. */
    private static void checkPayeeTotalsTieOut(Map<String, JsonNode> issued) {
        Map<String, Long> fromPlatforms = new TreeMap<>();
        Map<String, Long> fromPayees = new TreeMap<>();
        for (JsonNode s : issued.values()) {
            String kind = s.path("kind").asText();
            for (JsonNode amount : s.path("amounts")) {
                String category = amount.path("category").asText();
                if (category.equals("UNCLAIMED") || category.equals("DISPUTED")) {
                    continue;
                }
                String payee = amount.hasNonNull("societyId") ? amount.path("societyId").asText() : amount.path("partyId").asText();
                String key = amount.path("platformId").asText() + "|" + payee + "|" + category;
                (kind.equals("PLATFORM") ? fromPlatforms : fromPayees).merge(key, amount.path("amountMinor").asLong(), Long::sum);
            }
        }
        assertEquals(fromPlatforms, fromPayees, "society and platform statements tie out");
    }

    private static void checkPain001(String xml, int transactions, long controlSum) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)));
        String ns = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
        org.w3c.dom.Element header = (org.w3c.dom.Element) doc.getElementsByTagNameNS(ns, "GrpHdr").item(0);
        String nb = header.getElementsByTagNameNS(ns, "NbOfTxs").item(0).getTextContent();
        String ctrl = header.getElementsByTagNameNS(ns, "CtrlSum").item(0).getTextContent();
        assertEquals(Integer.toString(transactions), nb, "NbOfTxs");
        assertEquals(0, new BigDecimal(ctrl).compareTo(BigDecimal.valueOf(controlSum)), "CtrlSum " + ctrl);
        Path xsd = root.resolveSibling("shared/standards/pain.001.001.09.xsd");
        if (!Files.isRegularFile(xsd)) {
            System.out.println("SKIPPED: pain.001 schema validation: " + xsd + " is absent (the ISO 20022 schema lives beside the checkout)");
            return;
        }
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile()).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }
}
