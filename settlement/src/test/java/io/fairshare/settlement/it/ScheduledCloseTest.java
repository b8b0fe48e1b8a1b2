package io.fairshare.settlement.it;

import static io.fairshare.settlement.it.SettlementApi.event;
import static io.fairshare.settlement.it.SettlementApi.line;
import static io.fairshare.settlement.it.SettlementApi.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.usage.LineStatus;
import io.fairshare.settlement.application.CloseService;
import io.fairshare.settlement.application.ScheduledClose;
import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.period.PeriodCalendar;
import io.fairshare.settlement.persistence.CloseScheduleStore;
import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scheduled close, on a database of its own (the period chain of CloseFlowTest stays untouched)
 * and a usage topic of its own, with the schedule on (every second, two hours' grace) and a clock the
 * test moves. Periods 2024-05 to 2024-08 (Seoul), platform plat-a, society s-alpha; every line is
 * UNLICENSED at the statutory KRW 2 per 1,000 tokens.
 */
@QuarkusTest
@TestProfile(ScheduledCloseTest.ScheduleOn.class)
@WithTestResource(value = FairshareTestResources.class, initArgs = @ResourceArg(name = "database", value = "settlement_scheduled_close"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduledCloseTest {
    static final String TOPIC = "fairshare.usage.resolved.v1.scheduled-close-test";
    static final Duration GRACE = Duration.ofHours(2);

    public static class ScheduleOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "fairshare.settlement.close.enabled", "true",
                    "fairshare.settlement.close.schedule-every", "1s",
                    "fairshare.settlement.close.grace", GRACE.toString(),
                    "mp.messaging.incoming.usage-resolved-in.topic", TOPIC,
                    "mp.messaging.incoming.usage-resolved-in.group.id", "settlement-scheduled-close-test",
                    "mp.messaging.incoming.usage-resolved-in.metadata.max.age.ms", "1000");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(MovableClock.class);
        }
    }

    @Inject
    AgroalDataSource db;
    @Inject
    MovableClock clock;
    @Inject
    ScheduledClose scheduledClose;
    @Inject
    CloseService closeService;
    @Inject
    CloseScheduleStore scheduleStore;

    private final PeriodCalendar seoul = PeriodCalendar.defaults();

    private Period period(String id) {
        return seoul.parse(id).orElseThrow();
    }

    /** {@code events} events of 10,000 tokens each used mid-period: KRW 20 each to s-alpha. */
    private void usage(String periodId, int events) throws Exception {
        List<io.fairshare.contracts.usage.UsageResolvedV1> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            batch.add(event("plat-a", "sched-" + periodId + "-" + i, periodId + "-15T00:00:00Z", 10_000, "w-1",
                    line("p-1", "s-alpha", 10_000, LineStatus.UNLICENSED, null)));
        }
        SettlementApi.publish(TOPIC, batch);
        SettlementApi.awaitCount(db, events, "SELECT count(*) FROM usage_event WHERE usage_period = ?", periodId);
    }

    private String state(String periodId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT state FROM period WHERE period_id = ?")) {
            ps.setString(1, periodId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "OPEN";
            }
        }
    }

    private long count(String sql, Object... args) throws Exception {
        return SettlementApi.count(db, sql, args);
    }

    /** One statement set: the society's and the platform's statements, issued in one transaction, each announced once. */
    private void assertOneStatementSet(String periodId, long total) throws Exception {
        assertEquals("CLOSED", state(periodId));
        assertEquals(total, count("SELECT total_minor FROM statement WHERE statement_id = ?", periodId + "/society/s-alpha"));
        assertEquals(total, count("SELECT total_minor FROM statement WHERE statement_id = ?", periodId + "/platform/plat-a"));
        assertEquals(2, count("SELECT count(*) FROM statement WHERE period_id = ?", periodId));
        assertEquals(1, count("SELECT count(DISTINCT issued_at) FROM statement WHERE period_id = ?", periodId));
        assertEquals(2, count("SELECT count(*) FROM statement_outbox o JOIN statement s USING (statement_id) WHERE s.period_id = ?", periodId));
    }

    @Test
    @Order(1)
    void aPeriodWithinItsGraceTimeStaysOpen() throws Exception {
        operator().contentType("application/json").body(SettlementApi.statutoryScheme()).put("/v1/statutory-scheme").then().statusCode(200);
        Period may = period("2024-05");
        clock.set(may.end().plus(GRACE).minusSeconds(1));
        usage("2024-05", 2);
        Thread.sleep(3_500); // at least three ticks of the one-second schedule
        assertEquals("OPEN", state("2024-05"));
        assertEquals(0, count("SELECT count(*) FROM statement"));
    }

    @Test
    @Order(2)
    void aDuePeriodClosesWithoutAnyApiCall() throws Exception {
        clock.set(period("2024-05").end().plus(GRACE));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> "CLOSED".equals(state("2024-05")));
        assertOneStatementSet("2024-05", 40);
        // the next period has not ended at the clock's time: nothing else closes
        Thread.sleep(2_000);
        assertEquals(0, count("SELECT count(*) FROM period WHERE period_id <> '2024-05'"));
    }

    @Test
    @Order(3)
    void twoSchedulersRacingForTheSameDuePeriodCloseItOnce() throws Exception {
        usage("2024-06", 3);
        Instant due = period("2024-06").end().plus(GRACE); // the test's schedulers' time; the service's own clock stays in May
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<ScheduledClose.Sweep> instance = () -> {
            start.await(10, TimeUnit.SECONDS);
            ScheduledClose.Sweep s = scheduledClose.sweep(due);
            while (!s.locked()) { // the lock was taken (by the other, or the service's own tick): try again, as the next tick would
                Thread.sleep(50);
                s = scheduledClose.sweep(due);
            }
            return s;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ScheduledClose.Sweep>> racers = List.of(pool.submit(instance), pool.submit(instance));
            List<String> closed = new ArrayList<>();
            for (Future<ScheduledClose.Sweep> r : racers) {
                ScheduledClose.Sweep s = r.get(60, TimeUnit.SECONDS);
                assertTrue(s.stoppedAt().isEmpty(), s.toString());
                closed.addAll(s.closed());
            }
            assertEquals(List.of("2024-06"), closed, "exactly one of the two closed the period");
        } finally {
            pool.shutdownNow();
        }
        assertOneStatementSet("2024-06", 60);
    }

    @Test
    @Order(4)
    void twoClosesRacingPastTheLockStillIssueOneStatementSet() throws Exception {
        usage("2024-07", 1);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<CloseService.Closed> close = () -> {
            start.await(10, TimeUnit.SECONDS);
            return closeService.close("2024-07");
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<CloseService.Closed> a = pool.submit(close);
            Future<CloseService.Closed> b = pool.submit(close);
            assertEquals(a.get(60, TimeUnit.SECONDS).statements(), b.get(60, TimeUnit.SECONDS).statements(), "both answer the stored set");
        } finally {
            pool.shutdownNow();
        }
        assertOneStatementSet("2024-07", 20);
    }

    @Test
    @Order(5)
    void whileAnotherInstanceHoldsTheLockASweepClosesNothing() throws Exception {
        usage("2024-08", 1);
        Instant due = period("2024-08").end().plus(GRACE);
        try (Connection other = db.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                ps.setLong(1, CloseScheduleStore.LOCK_KEY);
                ps.executeQuery().close();
            }
            ScheduledClose.Sweep refused = scheduledClose.sweep(due);
            assertFalse(refused.locked());
            assertEquals(List.of(), refused.closed());
            assertEquals("OPEN", state("2024-08"));
            other.rollback();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> scheduledClose.sweep(due).locked());
        assertOneStatementSet("2024-08", 20);
    }
}
