package io.fairshare.ingest.domain;

import io.fairshare.contracts.errors.FieldError;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTriageTest {
    static Validated ok(String id) {
        return Validated.valid(new UsageEvent(id, "m", "1", null, List.of(), null, 1, null, null, "KR", null, null));
    }

    @Test
    void anIdRepeatedWithinABatchIsTakenOnceAndTheRepeatsAreRefused() {
        BatchTriage.Result r = BatchTriage.triage(List.of(ok("a"), ok("b"), ok("a"), ok("a")));
        assertEquals(List.of(0, 1), r.candidates().stream().map(BatchTriage.Candidate::index).toList());
        assertEquals(EventStatus.REJECTED, r.answered().get(2).status());
        assertEquals("EVENT_ID_REPEATED_IN_BATCH", r.answered().get(3).errors().get(0).code());
        assertEquals(2, r.answered().size());
    }

    @Test
    void invalidEventsAreAnsweredAndDoNotShadowALaterValidOneWithTheSameId() {
        Validated bad = Validated.invalid("a", List.of(new FieldError("units", "UNITS_NOT_POSITIVE", "no")));
        BatchTriage.Result r = BatchTriage.triage(List.of(bad, ok("a")));
        assertEquals(List.of(1), r.candidates().stream().map(BatchTriage.Candidate::index).toList());
        assertEquals(EventStatus.REJECTED, r.answered().get(0).status());
    }
}
