package io.fairshare.ingest.domain;

import io.fairshare.contracts.identifiers.WorkId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * What an event said, kept beside its id so that a later submission of the same id can be told apart: the same
 * event again (a duplicate) or something else under a used id (a conflict, naming the fields that differ).
 *
 * <p>The fingerprint is a version byte followed by {@value #DIGEST_BYTES} bytes per field, in {@link #FIELDS} order:
 * the first bytes of SHA-256 over the field's name, a zero byte and the field's value as validated (identifiers
 * normalised, instants in UTC, decimals without trailing zeros), so that the same event sent with other key order,
 * whitespace or spelling of one instant has the same fingerprint. 97 bytes, whatever the event's size. Two
 * submissions that differ in a field differ in its digest except with probability 2^-64.
 */
public final class EventFingerprint {
    /** The fingerprint layout's version (the first byte). */
    public static final byte VERSION = 1;
    static final int DIGEST_BYTES = 8;

    private record Field(String name, Function<UsageEvent, String> value) {
    }

    private static final List<Field> FIELD_LIST = List.of(
            new Field("modelId", UsageEvent::modelId),
            new Field("modelVersion", UsageEvent::modelVersion),
            new Field("usageType", e -> e.usageType() == null ? null : e.usageType().name()),
            new Field("work.identifiers", e -> e.identifiers() == null ? null
                    : String.join("\n", e.identifiers().stream().map(WorkId::key).toList())),
            new Field("work.title", UsageEvent::title),
            new Field("units", e -> Long.toString(e.units())),
            new Field("unitKind", e -> e.unitKind() == null ? null : e.unitKind().name()),
            new Field("usedAt", e -> e.usedAt() == null ? null : e.usedAt().toString()),
            new Field("territory", UsageEvent::territory),
            new Field("datasetId", UsageEvent::datasetId),
            new Field("attributionWeight", e -> plain(e.attributionWeight())),
            new Field("trainingRunId", UsageEvent::trainingRunId));

    /** The fields compared, by their wire names, in fingerprint order. */
    public static final List<String> FIELDS = FIELD_LIST.stream().map(Field::name).toList();

    private EventFingerprint() {
    }

    public static byte[] of(UsageEvent e) {
        byte[] out = new byte[1 + FIELD_LIST.size() * DIGEST_BYTES];
        out[0] = VERSION;
        MessageDigest sha = sha256();
        for (int i = 0; i < FIELD_LIST.size(); i++) {
            Field f = FIELD_LIST.get(i);
            sha.update(f.name().getBytes(StandardCharsets.UTF_8));
            String v = f.value().apply(e);
            // an absent value and an empty one differ
            sha.update(v == null ? new byte[] {0, 0} : ("\u0000\u0001" + v).getBytes(StandardCharsets.UTF_8));
            System.arraycopy(sha.digest(), 0, out, 1 + i * DIGEST_BYTES, DIGEST_BYTES);
        }
        return out;
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has SHA-256", e);
        }
    }
}
