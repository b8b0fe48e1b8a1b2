package io.fairshare.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventFingerprintTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private static UsageEvent event(long units, BigDecimal weight, String title, String run) {
        return new UsageEvent("e-1", "model", "1", UsageType.PRE_TRAINING, List.of(new WorkId(IdScheme.ISBN, "9780306406157")), title,
                units, UnitKind.TOKENS, AT, "KR", null, weight, run);
    }

    @Test
    void theSameEventHasTheSameFingerprintOfFixedSize() {
        byte[] a = EventFingerprint.of(event(10, new BigDecimal("0.5"), "T", null));
        assertArrayEquals(a, EventFingerprint.of(event(10, new BigDecimal("0.50"), "T", null)));
        assertEquals(1 + EventFingerprint.FIELDS.size() * EventFingerprint.DIGEST_BYTES, a.length);
        assertEquals(EventFingerprint.VERSION, a[0]);
        assertEquals(List.of(), EventFingerprint.differingFields(a, a.clone()));
    }

    @Test
    void eachDifferingFieldIsNamedInWireOrder() {
        byte[] a = EventFingerprint.of(event(10, new BigDecimal("0.5"), "T", null));
        assertEquals(List.of("units"), EventFingerprint.differingFields(a, EventFingerprint.of(event(11, new BigDecimal("0.5"), "T", null))));
        assertEquals(List.of("work.title", "attributionWeight"),
                EventFingerprint.differingFields(a, EventFingerprint.of(event(10, new BigDecimal("0.25"), "U", null))));
        // absent and empty are different values
        assertEquals(List.of("work.title"), EventFingerprint.differingFields(EventFingerprint.of(event(10, null, null, null)),
                EventFingerprint.of(event(10, null, "", null))));
        assertEquals(List.of("trainingRunId"), EventFingerprint.differingFields(a, EventFingerprint.of(event(10, new BigDecimal("0.5"), "T", "run-1"))));
    }

    @Test
    void partsOfAFieldCannotRunIntoEachOther() {
        UsageEvent one = new UsageEvent("e", "m", "1", UsageType.PRE_TRAINING, List.of(new WorkId(IdScheme.URL, "ab"), new WorkId(IdScheme.URL, "c")),
                null, 1, UnitKind.TOKENS, AT, "KR", null, null, null);
        UsageEvent other = new UsageEvent("e", "m", "1", UsageType.PRE_TRAINING, List.of(new WorkId(IdScheme.URL, "a"), new WorkId(IdScheme.URL, "bc")),
                null, 1, UnitKind.TOKENS, AT, "KR", null, null, null);
        assertEquals(List.of("work.identifiers"), EventFingerprint.differingFields(EventFingerprint.of(one), EventFingerprint.of(other)));
        // the same instant is the same value; one nanosecond later is not
        UsageEvent later = new UsageEvent("e", "m", "1", UsageType.PRE_TRAINING, one.identifiers(), null, 1, UnitKind.TOKENS, AT.plusNanos(1), "KR",
                null, null, null);
        assertEquals(List.of("usedAt"), EventFingerprint.differingFields(EventFingerprint.of(one), EventFingerprint.of(later)));
    }

    @Test
    void aFingerprintOfAnotherLayoutDiffersAsAWhole() {
        byte[] a = EventFingerprint.of(event(10, null, "T", null));
        byte[] other = a.clone();
        other[0] = 2;
        assertEquals(List.of("*"), EventFingerprint.differingFields(a, other));
        assertEquals(List.of("*"), EventFingerprint.differingFields(a, new byte[] {1, 2, 3}));
    }
}
