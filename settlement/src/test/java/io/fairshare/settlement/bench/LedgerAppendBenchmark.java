package io.fairshare.settlement.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.LineStatus;
import io.fairshare.contracts.usage.ResolvedLineV1;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageResolvedV1;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.contracts.usage.WorkRef;
import io.fairshare.settlement.application.UsageLedger;
import io.fairshare.settlement.domain.period.PeriodCalendar;
import io.fairshare.settlement.persistence.UsageLedgerStore;
import io.fairshare.testsupport.TestServers;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * Append throughput of the usage ledger against raw PostgreSQL COPY of the same rows, in one run on
 * the test JVM's PostgreSQL. Not a test: run with
 * {@code ./mvnw -B -o -pl settlement test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.fairshare.settlement.bench.LedgerAppendBenchmark [-Dexec.args="200000 5000"]}.
 * Measures: the ledger's append (mapping, validation, period, the keys' unnest INSERT with dedup and
 * the new lines' COPY, one transaction per batch), the same events again (all duplicates), JSON
 * parsing of the same events (the consumer's other cost), and plain COPY of the same event and line
 * rows into tables with the same keys and indexes.
 */
public final class LedgerAppendBenchmark {
    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        String url = TestServers.createDatabase("settlement_bench");
        Flyway flyway = Flyway.configure().dataSource(url, TestServers.username(), TestServers.password())
                .locations("classpath:db/migration").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        try (AgroalDataSource ds = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p.maxSize(4).connectionFactoryConfiguration(f -> f.jdbcUrl(url)
                        .principal(new NamePrincipal(TestServers.username())).credential(new SimplePassword(TestServers.password())))))) {
            UsageLedger ledger = new UsageLedger(new UsageLedgerStore(ds, PeriodCalendar.defaults()), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

            List<UsageResolvedV1> warm = generate("warm", 20_000);
            appendAll(ledger, warm, batch);
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            for (UsageResolvedV1 e : warm) {
                json.readValue(json.writeValueAsBytes(e), UsageResolvedV1.class);
            }
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE copy_event (LIKE usage_event INCLUDING ALL)");
                s.execute("CREATE TABLE copy_line (LIKE usage_line INCLUDING ALL)");
            }
            System.out.printf("events %,d per round (2 lines each), batch %,d; the machine's load average matters (2 cores)%n", events, batch);
            int rounds = 3;
            double[] ledgerRate = new double[rounds];
            double[] copyRate = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                List<UsageResolvedV1> all = generate("r" + r, events);
                // alternate which goes first, so that neither always meets a colder or busier database
                double ledgerSeconds;
                double copySeconds;
                if (r % 2 == 0) {
                    ledgerSeconds = time(() -> appendAll(ledger, all, batch));
                    copySeconds = copy(ds, all, batch);
                } else {
                    copySeconds = copy(ds, all, batch);
                    ledgerSeconds = time(() -> appendAll(ledger, all, batch));
                }
                double dupSeconds = time(() -> appendAll(ledger, all, batch));
                List<byte[]> wire = new ArrayList<>(all.size());
                for (UsageResolvedV1 e : all) {
                    wire.add(json.writeValueAsBytes(e));
                }
                double parseSeconds = time(() -> {
                    for (byte[] b : wire) {
                        try {
                            json.readValue(b, UsageResolvedV1.class);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
                ledgerRate[r] = events / ledgerSeconds;
                copyRate[r] = events / copySeconds;
                System.out.printf("round %d: ledger append %,9.0f events/s | raw COPY %,9.0f events/s | duplicates %,9.0f events/s | JSON parse %,9.0f events/s%n",
                        r + 1, ledgerRate[r], copyRate[r], events / dupSeconds, events / parseSeconds);
            }
            java.util.Arrays.sort(ledgerRate);
            java.util.Arrays.sort(copyRate);
            System.out.printf("median: ledger append %,.0f events/s, raw COPY %,.0f events/s (ledger = %.0f%% of COPY)%n",
                    ledgerRate[rounds / 2], copyRate[rounds / 2], 100 * ledgerRate[rounds / 2] / copyRate[rounds / 2]);
        }
        System.exit(0);
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void appendAll(UsageLedger ledger, List<UsageResolvedV1> events, int batch) {
        for (int i = 0; i < events.size(); i += batch) {
            ledger.append(events.subList(i, Math.min(events.size(), i + batch)));
        }
    }

    /** COPY of the same event and line rows (text format, built from the same objects), batch by batch. */
    private static double copy(AgroalDataSource ds, List<UsageResolvedV1> all, int batch) throws Exception {
        try (Connection c = ds.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            PeriodCalendar calendar = PeriodCalendar.defaults();
            long t0 = System.nanoTime();
            for (int i = 0; i < all.size(); i += batch) {
                StringBuilder ev = new StringBuilder();
                StringBuilder ln = new StringBuilder();
                for (UsageResolvedV1 r : all.subList(i, Math.min(all.size(), i + batch))) {
                    UsageAcceptedV1 u = r.usage();
                    String period = calendar.periodOf(u.usedAt()).id();
                    ev.append(u.platformId()).append('\t').append(u.eventId()).append('\t').append(period).append('\t').append(period)
                            .append('\t').append(u.usedAt()).append('\t').append(Instant.EPOCH).append("\t\\N\n"); // trace_id (V70): none
                    for (ResolvedLineV1 l : r.lines()) {
                        ln.append(period).append('\t').append(period).append('\t').append(u.platformId()).append('\t').append(u.eventId())
                                .append('\t').append(nul(l.societyId())).append('\t').append(nul(l.partyId())).append('\t').append(r.workId())
                                .append('\t').append(r.workCategory()).append('\t').append(u.usageType().name()).append('\t')
                                .append(u.unitKind().name()).append('\t').append(nul(l.tariffId())).append('\t').append(l.status().name())
                                .append('\t').append(l.disputed()).append('\t').append(r.backClaim()).append('\t').append(u.units()).append('\t')
                                .append(BigDecimal.valueOf(u.units()).multiply(BigDecimal.valueOf(l.shareBasisPoints())).toPlainString())
                                .append('\t').append(u.modelId()).append('\t').append(u.modelVersion()).append('\t') // the model (V80)
                                .append(nul(u.trainingRunId())).append('\t').append(nul(u.datasetId())).append('\n');
                    }
                }
                c.setAutoCommit(false);
                copy.copyIn("COPY copy_event FROM STDIN", new StringReader(ev.toString()));
                copy.copyIn("COPY copy_line FROM STDIN", new StringReader(ln.toString()));
                c.commit();
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static String nul(String s) {
        return s == null ? "\\N" : s;
    }

    private static List<UsageResolvedV1> generate(String prefix, int n) {
        List<UsageResolvedV1> out = new ArrayList<>(n);
        Instant base = Instant.parse("2026-10-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            String platform = "plat-" + (i % 20);
            UsageAcceptedV1 u = new UsageAcceptedV1(platform, prefix + "-" + i, "model", "1", UsageType.values()[i % 4],
                    new WorkRef(List.of(new WorkId(IdScheme.ISBN, "9780306406157")), null), 1000 + (i % 997), UnitKind.TOKENS,
                    base.plusSeconds(i % 2_000_000), "KR", null, null, base);
            out.add(new UsageResolvedV1(u, "w-" + (i % 50_000), "book", new WorkId(IdScheme.ISBN, "9780306406157"), false,
                    List.of(new ResolvedLineV1("p-" + (i % 1000), "s-" + (i % 12), 7000, LineStatus.LICENSED, "lic", "t-" + (i % 5), false),
                            new ResolvedLineV1(null, null, 3000, LineStatus.UNCLAIMED, null, null, false)),
                    base));
        }
        return out;
    }
}
