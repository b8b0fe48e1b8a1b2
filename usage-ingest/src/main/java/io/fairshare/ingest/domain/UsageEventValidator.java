package io.fairshare.ingest.domain;

import io.fairshare.contracts.errors.FieldError;

import io.fairshare.contracts.CloudEventTypes;
import io.fairshare.contracts.identifiers.IdResult;
import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.Identifiers;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates one submitted usage event, given as the typed input the edge read from the body
 * ({@link UsageEventInput}), either plain or wrapped in a structured-mode CloudEvent
 * ({@link CloudEventInput}). Every problem is reported, not only the first; the
 * codes are listed in the module README.
 */
public final class UsageEventValidator {
    public static final int MAX_EVENT_ID = 128;
    public static final int MAX_MODEL_ID = 200;
    public static final int MAX_MODEL_VERSION = 100;
    public static final int MAX_TITLE = 500;
    public static final int MAX_DATASET_ID = 200;
    public static final int MAX_TRAINING_RUN_ID = 200;
    public static final int MAX_IDENTIFIERS = 16;
    public static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(1_000_000);
    public static final int MAX_WEIGHT_SCALE = 6;

    private static final Set<String> COUNTRIES = Set.copyOf(Arrays.asList(Locale.getISOCountries()));

    private final IngestLimits limits;

    public UsageEventValidator(IngestLimits limits) {
        this.limits = limits;
    }

    /** A plain event: {@code {"eventId": ..., "modelId": ..., ...}}; not an object when not {@link Sent.Got}. */
    public Validated validatePlain(Sent<UsageEventInput> event, String platformId, Instant now) {
        if (!(event instanceof Sent.Got<UsageEventInput> g)) {
            return Validated.invalid(null, List.of(new FieldError("", "EVENT_NOT_OBJECT", "each event must be a JSON object")));
        }
        UsageEventInput fields = g.value();
        return validateFields(fields, fields.eventId(), "eventId", "", platformId, now);
    }

    /**
     * A structured-mode CloudEvent whose {@code data} is the usage event: {@code id} is the event id,
     * {@code type} must be {@value CloudEventTypes#USAGE_REPORTED}.
     */
    public Validated validateCloudEvent(Sent<CloudEventInput> event, String platformId, Instant now) {
        if (!(event instanceof Sent.Got<CloudEventInput> g)) {
            return Validated.invalid(null, List.of(new FieldError("", "EVENT_NOT_OBJECT", "each CloudEvent must be a JSON object")));
        }
        CloudEventInput ce = g.value();
        List<FieldError> errors = new ArrayList<>();
        Sent<String> specversion = ce.specversion();
        if (specversion.isMissing()) {
            errors.add(new FieldError("specversion", "FIELD_REQUIRED", "specversion is required and must be \"1.0\""));
        } else if (!CloudEventTypes.SPEC_VERSION.equals(specversion.value())) {
            errors.add(new FieldError("specversion", "CLOUDEVENT_SPECVERSION", "specversion must be \"1.0\", was " + specversion.describe()));
        }
        Sent<String> source = ce.source();
        if (source.value() == null || source.value().isBlank()) {
            errors.add(new FieldError("source", source.isMissing() ? "FIELD_REQUIRED" : "FIELD_TYPE", "source is required: a non-empty URI-reference naming your system"));
        }
        Sent<String> type = ce.type();
        if (type.isMissing()) {
            errors.add(new FieldError("type", "FIELD_REQUIRED", "type is required and must be \"" + CloudEventTypes.USAGE_REPORTED + "\""));
        } else if (!CloudEventTypes.USAGE_REPORTED.equals(type.value())) {
            errors.add(new FieldError("type", "CLOUDEVENT_TYPE", "type must be \"" + CloudEventTypes.USAGE_REPORTED + "\", was " + type.describe()));
        }
        Sent<String> dct = ce.datacontenttype();
        if (!dct.isMissing() && !(dct.value() != null && dct.value().toLowerCase(Locale.ROOT).startsWith("application/json"))) {
            errors.add(new FieldError("datacontenttype", "CLOUDEVENT_DATACONTENTTYPE", "datacontenttype must be application/json when given, was " + dct.describe()));
        }
        if (ce.dataBase64Given()) {
            errors.add(new FieldError("data_base64", "CLOUDEVENT_DATA_BASE64", "data_base64 is not supported: send the usage event as JSON in data"));
        }
        Sent<UsageEventInput> data = ce.data();
        String eventId = ce.id().value();
        if (!(data instanceof Sent.Got<UsageEventInput> dg)) {
            errors.add(new FieldError("data", data.isMissing() ? "FIELD_REQUIRED" : "FIELD_TYPE", "data is required: a JSON object holding the usage event"));
            checkEventId(ce.id(), "id", errors);
            return Validated.invalid(eventId, errors);
        }
        UsageEventInput fields = dg.value();
        Sent<String> innerId = fields.eventId();
        if (!innerId.isMissing() && !innerId.equals(ce.id())) {
            errors.add(new FieldError("data.eventId", "CLOUDEVENT_ID_MISMATCH", "data.eventId, when given, must equal the CloudEvent id"));
        }
        Validated inner = validateFields(fields, ce.id(), "id", "data.", platformId, now);
        if (errors.isEmpty()) {
            return inner;
        }
        errors.addAll(inner.errors());
        return Validated.invalid(eventId, errors);
    }

    private Validated validateFields(UsageEventInput f, Sent<String> rawEventId, String eventIdPath, String p,
                                     String platformId, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String eventId = checkEventId(rawEventId, eventIdPath, errors);
        Sent<String> claimedPlatform = f.platformId();
        if (!claimedPlatform.isMissing() && !platformId.equals(claimedPlatform.value())) {
            errors.add(new FieldError(p + "platformId", "PLATFORM_ID_MISMATCH",
                    "platformId is taken from your credentials; omit it, or send your own (" + platformId + ")"));
        }
        String modelId = requiredString(f.modelId(), p, "modelId", MAX_MODEL_ID, errors);
        String modelVersion = requiredString(f.modelVersion(), p, "modelVersion", MAX_MODEL_VERSION, errors);
        UsageType usageType = null;
        String ut = requiredString(f.usageType(), p, "usageType", 40, errors);
        if (ut != null) {
            usageType = UsageType.fromWire(ut).orElse(null);
            if (usageType == null) {
                errors.add(new FieldError(p + "usageType", "USAGE_TYPE_UNKNOWN", "usageType must be one of "
                        + Arrays.stream(UsageType.values()).map(UsageType::wireName).collect(Collectors.joining(", ")) + "; was " + Sent.describe(ut)));
            }
        }
        List<WorkId> ids = checkWork(f.work(), p + "work", errors);
        String title = null;
        if (f.work() instanceof Sent.Got<UsageEventInput.Work> w) {
            title = optionalString(w.value().title(), p + "work.title", MAX_TITLE, errors);
        }
        long units = checkUnits(f.units(), p + "units", errors);
        UnitKind unitKind = null;
        String uk = requiredString(f.unitKind(), p, "unitKind", 40, errors);
        if (uk != null) {
            unitKind = UnitKind.fromWire(uk).orElse(null);
            if (unitKind == null) {
                errors.add(new FieldError(p + "unitKind", "UNIT_KIND_UNKNOWN", "unitKind must be one of "
                        + Arrays.stream(UnitKind.values()).map(UnitKind::wireName).collect(Collectors.joining(", ")) + "; was " + Sent.describe(uk)));
            }
        }
        Instant usedAt = checkUsedAt(f.usedAt(), p + "usedAt", now, errors);
        String territory = checkTerritory(f.territory(), p + "territory", errors);
        String datasetId = optionalString(f.datasetId(), p + "datasetId", MAX_DATASET_ID, errors);
        String trainingRunId = optionalString(f.trainingRunId(), p + "trainingRunId", MAX_TRAINING_RUN_ID, errors);
        BigDecimal weight = checkWeight(f.attributionWeight(), p + "attributionWeight", errors);
        if (!errors.isEmpty()) {
            return Validated.invalid(eventId, errors);
        }
        return Validated.valid(new UsageEvent(eventId, modelId, modelVersion, usageType, ids, title, units, unitKind,
                usedAt, territory, datasetId, weight, trainingRunId));
    }

    private static String checkEventId(Sent<String> raw, String path, List<FieldError> errors) {
        if (raw.isMissing()) {
            errors.add(new FieldError(path, "FIELD_REQUIRED", path + " is required: your own unique id for this event"));
            return null;
        }
        String s = raw.value();
        if (s == null) {
            errors.add(new FieldError(path, "FIELD_TYPE", path + " must be a string, was " + raw.describe()));
            return null;
        }
        if (s.isEmpty() || s.length() > MAX_EVENT_ID) {
            errors.add(new FieldError(path, "EVENT_ID_LENGTH", path + " must be 1 to " + MAX_EVENT_ID + " characters, was " + s.length()));
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                errors.add(new FieldError(path, "EVENT_ID_CHARACTERS",
                        path + " may hold only printable ASCII without spaces; character " + (i + 1) + " is not"));
                return null;
            }
        }
        return s;
    }

    private static String requiredString(Sent<String> v, String p, String name, int max, List<FieldError> errors) {
        if (v.isMissing()) {
            errors.add(new FieldError(p + name, "FIELD_REQUIRED", name + " is required"));
            return null;
        }
        return string(v, p + name, max, errors);
    }

    private static String optionalString(Sent<String> v, String path, int max, List<FieldError> errors) {
        return v.isMissing() ? null : string(v, path, max, errors);
    }

    private static String string(Sent<String> v, String path, int max, List<FieldError> errors) {
        String s = v.value();
        if (s == null) {
            errors.add(new FieldError(path, "FIELD_TYPE", path + " must be a string, was " + v.describe()));
            return null;
        }
        if (s.isBlank()) {
            errors.add(new FieldError(path, "FIELD_EMPTY", path + " must not be empty"));
            return null;
        }
        if (s.length() > max) {
            errors.add(new FieldError(path, "FIELD_TOO_LONG", path + " must be at most " + max + " characters, was " + s.length()));
            return null;
        }
        return s;
    }

    private static List<WorkId> checkWork(Sent<UsageEventInput.Work> work, String path, List<FieldError> errors) {
        if (work.isMissing()) {
            errors.add(new FieldError(path, "FIELD_REQUIRED", "work is required: {\"identifiers\": [{\"scheme\": \"isbn\", \"value\": \"...\"}]}"));
            return List.of();
        }
        if (!(work instanceof Sent.Got<UsageEventInput.Work> w)) {
            errors.add(new FieldError(path, "FIELD_TYPE", "work must be an object, was " + work.describe()));
            return List.of();
        }
        Sent<List<Sent<UsageEventInput.Identifier>>> ids = w.value().identifiers();
        String ip = path + ".identifiers";
        if (ids.isMissing()) {
            errors.add(new FieldError(ip, "FIELD_REQUIRED", "work.identifiers is required: at least one identifier of the work"));
            return List.of();
        }
        List<Sent<UsageEventInput.Identifier>> list = ids.value();
        if (list == null) {
            errors.add(new FieldError(ip, "FIELD_TYPE", "work.identifiers must be an array, was " + ids.describe()));
            return List.of();
        }
        if (list.isEmpty()) {
            errors.add(new FieldError(ip, "WORK_IDENTIFIERS_EMPTY", "work.identifiers must hold at least one identifier"));
            return List.of();
        }
        if (list.size() > MAX_IDENTIFIERS) {
            errors.add(new FieldError(ip, "WORK_IDENTIFIERS_TOO_MANY", "work.identifiers may hold at most " + MAX_IDENTIFIERS + ", was " + list.size()));
            return List.of();
        }
        List<WorkId> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String ep = ip + "[" + i + "]";
            UsageEventInput.Identifier id = list.get(i).value();
            if (id == null) {
                errors.add(new FieldError(ep, "FIELD_TYPE", ep + " must be an object {\"scheme\": ..., \"value\": ...}"));
                continue;
            }
            Sent<String> scheme = id.scheme();
            Sent<String> value = id.value();
            String ss = scheme.value();
            if (ss == null) {
                errors.add(new FieldError(ep + ".scheme", scheme.isMissing() ? "FIELD_REQUIRED" : "FIELD_TYPE", "scheme is required: one of "
                        + Arrays.stream(IdScheme.values()).map(IdScheme::wireName).collect(Collectors.joining(", "))));
                continue;
            }
            IdScheme s = IdScheme.fromWire(ss).orElse(null);
            if (s == null) {
                errors.add(new FieldError(ep + ".scheme", "IDENTIFIER_SCHEME_UNKNOWN", "scheme must be one of "
                        + Arrays.stream(IdScheme.values()).map(IdScheme::wireName).collect(Collectors.joining(", ")) + "; was " + Sent.describe(ss)));
                continue;
            }
            String vs = value.value();
            if (vs == null) {
                errors.add(new FieldError(ep + ".value", value.isMissing() ? "FIELD_REQUIRED" : "FIELD_TYPE", "value is required: the identifier as a string"));
                continue;
            }
            IdResult r = Identifiers.normalize(s, vs);
            if (!r.isOk()) {
                errors.add(new FieldError(ep + ".value", r.errorCode(), r.message()));
                continue;
            }
            if (!out.contains(r.id())) {
                out.add(r.id());
            }
        }
        return out;
    }

    private long checkUnits(Sent<Number> sent, String path, List<FieldError> errors) {
        if (sent.isMissing()) {
            errors.add(new FieldError(path, "FIELD_REQUIRED", "units is required: how much of the work was used, a positive integer"));
            return 0;
        }
        Number v = sent.value();
        BigInteger n;
        if (v instanceof BigInteger b) {
            n = b;
        } else if (v instanceof BigDecimal) {
            errors.add(new FieldError(path, "UNITS_NOT_INTEGER", "units must be a whole number, was " + v));
            return 0;
        } else {
            errors.add(new FieldError(path, "FIELD_TYPE", "units must be a JSON number, was " + sent.describe()));
            return 0;
        }
        if (n.signum() <= 0) {
            errors.add(new FieldError(path, "UNITS_NOT_POSITIVE", "units must be greater than 0, was " + n));
            return 0;
        }
        if (n.compareTo(BigInteger.valueOf(limits.maxUnits())) > 0) {
            errors.add(new FieldError(path, "UNITS_TOO_LARGE", "units must be at most " + limits.maxUnits() + ", was " + n));
            return 0;
        }
        return n.longValueExact();
    }

    private Instant checkUsedAt(Sent<String> v, String path, Instant now, List<FieldError> errors) {
        if (v.isMissing()) {
            errors.add(new FieldError(path, "FIELD_REQUIRED", "usedAt is required: when the work was used, RFC 3339 (e.g. 2026-11-01T09:30:00Z)"));
            return null;
        }
        String s = v.value();
        if (s == null) {
            errors.add(new FieldError(path, "FIELD_TYPE", "usedAt must be an RFC 3339 string, was " + v.describe()));
            return null;
        }
        Instant t;
        try {
            t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(path, "USED_AT_FORMAT", "usedAt must be an RFC 3339 date-time with an offset (e.g. 2026-11-01T09:30:00Z), was " + Sent.describe(s)));
            return null;
        }
        if (t.isAfter(now.plus(limits.maxFutureSkew()))) {
            errors.add(new FieldError(path, "USED_AT_IN_FUTURE", "usedAt " + s + " is in the future (more than "
                    + limits.maxFutureSkew().toSeconds() + " s ahead of the server clock " + now + ")"));
            return null;
        }
        if (t.isBefore(limits.earliestUsedAt())) {
            errors.add(new FieldError(path, "USED_AT_TOO_EARLY", "usedAt " + s + " is before " + limits.earliestUsedAt()));
            return null;
        }
        return t;
    }

    private static String checkTerritory(Sent<String> v, String path, List<FieldError> errors) {
        if (v.isMissing()) {
            errors.add(new FieldError(path, "FIELD_REQUIRED", "territory is required: an ISO 3166-1 alpha-2 code such as KR"));
            return null;
        }
        String s = v.value();
        if (s == null) {
            errors.add(new FieldError(path, "FIELD_TYPE", "territory must be a string, was " + v.describe()));
            return null;
        }
        String up = s.toUpperCase(Locale.ROOT);
        if (up.length() != 2 || !COUNTRIES.contains(up)) {
            errors.add(new FieldError(path, "TERRITORY_UNKNOWN", "territory must be an ISO 3166-1 alpha-2 code such as KR, was " + Sent.describe(s)));
            return null;
        }
        return up;
    }

    private static BigDecimal checkWeight(Sent<Number> sent, String path, List<FieldError> errors) {
        if (sent.isMissing()) {
            return null;
        }
        Number v = sent.value();
        BigDecimal w;
        if (v instanceof BigDecimal b) {
            w = b;
        } else if (v instanceof BigInteger b) {
            w = new BigDecimal(b);
        } else {
            errors.add(new FieldError(path, "FIELD_TYPE", "attributionWeight must be a JSON number, was " + sent.describe()));
            return null;
        }
        if (w.signum() <= 0 || w.compareTo(MAX_WEIGHT) > 0) {
            errors.add(new FieldError(path, "ATTRIBUTION_WEIGHT_RANGE", "attributionWeight must be greater than 0 and at most " + MAX_WEIGHT + ", was " + w.toPlainString()));
            return null;
        }
        BigDecimal stripped = w.stripTrailingZeros();
        if (stripped.scale() > MAX_WEIGHT_SCALE) {
            errors.add(new FieldError(path, "ATTRIBUTION_WEIGHT_PRECISION", "attributionWeight may have at most " + MAX_WEIGHT_SCALE + " decimal places, was " + w.toPlainString()));
            return null;
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
