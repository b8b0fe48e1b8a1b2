package io.fairshare.registry.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairshare.contracts.errors.FieldError;
import io.fairshare.contracts.identifiers.IdResult;
import io.fairshare.contracts.identifiers.Identifiers;
import io.fairshare.contracts.identifiers.PartyIds;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.Category;
import io.fairshare.registry.domain.catalogue.IdentifierPriority;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.domain.licence.Licence;
import io.fairshare.registry.domain.licence.PlatformId;
import io.fairshare.registry.domain.licence.TariffId;
import io.fairshare.registry.domain.optout.Reservation;
import io.fairshare.registry.domain.optout.ReservationSource;
import io.fairshare.registry.domain.party.Party;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.Society;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.scope.Validity;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.shares.Share;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of catalogue entities and changes, mapped field by field (no polymorphic Jackson on domain records).
 * The same form is stored in the catalogue tables ({@code doc}), in the outbox, on the change topic and in REST
 * bodies. A change is an envelope {@code {"type":"UpsertWork","work":{...}}} or {@code {"type":"DeleteWork",
 * "key":...}}, where a delete's key is a string (work, party, society) or the JSON of the entity's key fields.
 *
 * <p>Readers validate as they go: with an {@link Errors} collector they report every bad field (REST); with
 * {@link Errors#strict()} they throw on the first (stored and published JSON, which this service wrote).
 */
public final class CatalogueJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogueJson() {
    }

    /** Collects field errors under a path prefix. */
    public static final class Errors {
        private final List<FieldError> list = new ArrayList<>();
        private final boolean strict;

        private Errors(boolean strict) {
            this.strict = strict;
        }

        public static Errors collecting() {
            return new Errors(false);
        }

        public static Errors strict() {
            return new Errors(true);
        }

        public void add(String field, String code, String message) {
            if (strict) {
                throw new IllegalArgumentException(field + ": " + message);
            }
            list.add(new FieldError(field, code, message));
        }

        public List<FieldError> list() {
            return List.copyOf(list);
        }

        public boolean isEmpty() {
            return list.isEmpty();
        }
    }

    // ---------------------------------------------------------------- writing

    public static ObjectNode work(Work w) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("key", w.key().key());
        ArrayNode ids = n.putArray("identifiers");
        w.identifiers().forEach(id -> ids.add(id.key()));
        n.put("title", w.title());
        n.put("category", w.category().wireName());
        ArrayNode alt = n.putArray("alternateTitles");
        w.alternateTitles().forEach(alt::add);
        return n;
    }

    public static ObjectNode party(Party p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", p.id().value());
        n.put("name", p.name());
        n.put("isni", p.isni());
        n.put("ipi", p.ipi());
        return n;
    }

    public static ObjectNode society(Society s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", s.id().value());
        n.put("name", s.name());
        return n;
    }

    public static ObjectNode share(Share s) {
        ObjectNode n = shareKey(s.key());
        n.put("basisPoints", s.basisPoints());
        n.put("validTo", date(s.validTo()));
        return n;
    }

    public static ObjectNode shareKey(Share.Key k) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("work", k.work().key());
        n.put("party", k.party().value());
        n.put("right", k.right().name());
        n.put("territory", k.territory().code());
        n.put("validFrom", date(k.validFrom()));
        return n;
    }

    public static ObjectNode mandate(Mandate m) {
        ObjectNode n = mandateKey(m.key());
        n.put("society", m.society().value());
        n.put("validTo", date(m.validTo()));
        return n;
    }

    public static ObjectNode mandateKey(Mandate.Key k) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("party", k.party().value());
        n.put("right", k.right().name());
        n.put("territory", k.territory().code());
        n.put("validFrom", date(k.validFrom()));
        return n;
    }

    public static ObjectNode reservation(Reservation r) {
        ObjectNode n = reservationKey(r.key());
        n.put("effectiveFrom", date(r.effectiveFrom()));
        return n;
    }

    public static ObjectNode reservationKey(Reservation.Key k) {
        ObjectNode n = MAPPER.createObjectNode();
        if (k.target() instanceof Reservation.OnWork w) {
            n.put("work", w.work().key());
        } else {
            n.put("party", ((Reservation.OnParty) k.target()).party().value());
        }
        n.put("source", k.source().name());
        return n;
    }

    public static ObjectNode licence(Licence l) {
        ObjectNode n = licenceKey(l.key());
        n.put("validTo", date(l.validTo()));
        n.put("tariff", l.tariff().value());
        return n;
    }

    public static ObjectNode licenceKey(Licence.Key k) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("platform", k.platform().value());
        n.put("licensor", k.licensor().value());
        n.put("validFrom", date(k.validFrom()));
        return n;
    }

    /** The entity document an upsert stores, or null for a delete. */
    public static ObjectNode document(CatalogueChange c) {
        if (c instanceof CatalogueChange.UpsertWork u) {
            return work(u.work());
        } else if (c instanceof CatalogueChange.UpsertParty u) {
            return party(u.party());
        } else if (c instanceof CatalogueChange.UpsertShare u) {
            return share(u.share());
        } else if (c instanceof CatalogueChange.UpsertSociety u) {
            return society(u.society());
        } else if (c instanceof CatalogueChange.UpsertMandate u) {
            return mandate(u.mandate());
        } else if (c instanceof CatalogueChange.UpsertReservation u) {
            return reservation(u.reservation());
        } else if (c instanceof CatalogueChange.UpsertLicence u) {
            return licence(u.licence());
        }
        return null;
    }

    /** The change envelope. */
    public static ObjectNode change(CatalogueChange c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", c.getClass().getSimpleName());
        ObjectNode doc = document(c);
        if (doc != null) {
            n.set(EntityKind.of(c).field(), doc);
            return n;
        }
        if (c instanceof CatalogueChange.DeleteWork d) {
            n.put("key", d.key().key());
        } else if (c instanceof CatalogueChange.DeleteParty d) {
            n.put("key", d.id().value());
        } else if (c instanceof CatalogueChange.DeleteSociety d) {
            n.put("key", d.id().value());
        } else if (c instanceof CatalogueChange.DeleteShare d) {
            n.set("key", shareKey(d.key()));
        } else if (c instanceof CatalogueChange.DeleteMandate d) {
            n.set("key", mandateKey(d.key()));
        } else if (c instanceof CatalogueChange.DeleteReservation d) {
            n.set("key", reservationKey(d.key()));
        } else if (c instanceof CatalogueChange.DeleteLicence d) {
            n.set("key", licenceKey(d.key()));
        } else {
            throw new IllegalArgumentException("unknown change " + c.getClass());
        }
        return n;
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    // ---------------------------------------------------------------- reading

    public static CatalogueChange readChange(JsonNode n) {
        Errors e = Errors.strict();
        String type = n.path("type").asText();
        switch (type) {
            case "UpsertWork": return new CatalogueChange.UpsertWork(readWork(n.get("work"), e, ""));
            case "UpsertParty": return new CatalogueChange.UpsertParty(readParty(n.get("party"), e, ""));
            case "UpsertShare": return new CatalogueChange.UpsertShare(readShare(n.get("share"), e, ""));
            case "UpsertSociety": return new CatalogueChange.UpsertSociety(readSociety(n.get("society"), e, ""));
            case "UpsertMandate": return new CatalogueChange.UpsertMandate(readMandate(n.get("mandate"), e, ""));
            case "UpsertReservation":
                return new CatalogueChange.UpsertReservation(readReservation(n.get("reservation"), e, ""));
            case "UpsertLicence": return new CatalogueChange.UpsertLicence(readLicence(n.get("licence"), e, ""));
            case "DeleteWork": return new CatalogueChange.DeleteWork(identifier(n.get("key"), e, "key"));
            case "DeleteParty": return new CatalogueChange.DeleteParty(new PartyId(n.get("key").asText()));
            case "DeleteSociety": return new CatalogueChange.DeleteSociety(new SocietyId(n.get("key").asText()));
            case "DeleteShare": return new CatalogueChange.DeleteShare(readShareKey(n.get("key"), e, ""));
            case "DeleteMandate": return new CatalogueChange.DeleteMandate(readMandateKey(n.get("key"), e, ""));
            case "DeleteReservation":
                return new CatalogueChange.DeleteReservation(readReservationKey(n.get("key"), e, ""));
            case "DeleteLicence": return new CatalogueChange.DeleteLicence(readLicenceKey(n.get("key"), e, ""));
            default: throw new IllegalArgumentException("unknown change type " + type);
        }
    }

    /**
     * A work from its JSON; its key is its highest-priority identifier (a {@code key} field, if present, is not
     * read). Null when {@code e} collected errors.
     */
    public static Work readWork(JsonNode n, Errors e, String prefix) {
        if (!object(n, e, prefix)) {
            return null;
        }
        List<WorkId> ids = new ArrayList<>();
        JsonNode idsNode = n.get("identifiers");
        if (idsNode == null || !idsNode.isArray() || idsNode.isEmpty()) {
            e.add(prefix + "identifiers", "REQUIRED", "identifiers must be a non-empty array of scheme:value strings");
        } else {
            for (int i = 0; i < idsNode.size(); i++) {
                WorkId id = identifier(idsNode.get(i), e, prefix + "identifiers[" + i + "]");
                if (id != null) {
                    if (ids.contains(id)) {
                        e.add(prefix + "identifiers[" + i + "]", "DUPLICATE", "identifier " + id.key() + " is listed twice");
                    } else {
                        ids.add(id);
                    }
                }
            }
        }
        String title = text(n, "title", e, prefix, true);
        Category category = null;
        String cat = text(n, "category", e, prefix, true);
        if (cat != null) {
            category = Category.fromWire(cat).orElse(null);
            if (category == null) {
                e.add(prefix + "category", "CATEGORY_UNKNOWN",
                        "category must be one of music, book, news-article, script, comic, image, video, other; was " + cat);
            }
        }
        List<String> alt = new ArrayList<>();
        JsonNode altNode = n.get("alternateTitles");
        if (altNode != null && !altNode.isNull()) {
            if (!altNode.isArray()) {
                e.add(prefix + "alternateTitles", "FORMAT", "alternateTitles must be an array of strings");
            } else {
                altNode.forEach(a -> alt.add(a.asText()));
            }
        }
        if (!e.isEmpty() || ids.isEmpty() || title == null || category == null) {
            return null;
        }
        return new Work(IdentifierPriority.primary(ids), ids, title, category, alt);
    }

    public static Party readParty(JsonNode n, Errors e, String prefix) {
        if (!object(n, e, prefix)) {
            return null;
        }
        String id = text(n, "id", e, prefix, true);
        String name = text(n, "name", e, prefix, true);
        String isni = text(n, "isni", e, prefix, false);
        String ipi = text(n, "ipi", e, prefix, false);
        if (isni != null) {
            PartyIds.PartyIdResult r = PartyIds.normalizeIsni(isni);
            if (r.isOk()) {
                isni = r.value();
            } else {
                e.add(prefix + "isni", r.errorCode(), r.message());
            }
        }
        if (ipi != null) {
            PartyIds.PartyIdResult r = PartyIds.normalizeIpi(ipi);
            if (r.isOk()) {
                ipi = r.value();
            } else {
                e.add(prefix + "ipi", r.errorCode(), r.message());
            }
        }
        if (!e.isEmpty() || id == null || name == null) {
            return null;
        }
        return new Party(new PartyId(id), name, isni, ipi);
    }

    public static Society readSociety(JsonNode n, Errors e, String prefix) {
        if (!object(n, e, prefix)) {
            return null;
        }
        String id = text(n, "id", e, prefix, true);
        String name = text(n, "name", e, prefix, true);
        if (id != null && id.equals(SocietyId.STATUTORY.value())) {
            e.add(prefix + "id", "RESERVED_ID", "STATUTORY stands for the statutory scheme and cannot be a society id");
        }
        if (!e.isEmpty() || id == null || name == null) {
            return null;
        }
        return new Society(new SocietyId(id), name);
    }

    public static Share readShare(JsonNode n, Errors e, String prefix) {
        Share.Key k = readShareKey(n, e, prefix);
        if (k == null && n == null) {
            return null;
        }
        Integer bp = null;
        JsonNode b = n.get("basisPoints");
        if (b == null || b.isNull()) {
            e.add(prefix + "basisPoints", "REQUIRED", "basisPoints is required (1..10000)");
        } else if (!b.canConvertToInt() || !b.isIntegralNumber() || b.asInt() < 1 || b.asInt() > 10_000) {
            e.add(prefix + "basisPoints", "SHARE_RANGE", "basisPoints must be an integer 1..10000; was " + b);
        } else {
            bp = b.asInt();
        }
        LocalDate to = date(n, "validTo", e, prefix);
        range(k == null ? null : k.validFrom(), to, e, prefix);
        if (!e.isEmpty() || k == null || bp == null) {
            return null;
        }
        return new Share(k.work(), k.party(), k.right(), k.territory(), bp, k.validFrom(), to);
    }

    public static Share.Key readShareKey(JsonNode n, Errors e, String prefix) {
        if (!object(n, e, prefix)) {
            return null;
        }
        WorkId work = identifier(n.get("work"), e, prefix + "work");
        PartyId party = partyId(n, "party", e, prefix);
        RightType right = right(n, e, prefix);
        Territory territory = territory(n, e, prefix);
        LocalDate from = date(n, "validFrom", e, prefix);
        if (work == null || party == null || right == null || territory == null || !e.isEmpty()) {
            return null;
        }
        return new Share.Key(work, party, right, territory, from);
    }

    public static Mandate readMandate(JsonNode n, Errors e, String prefix) {
        Mandate.Key k = readMandateKey(n, e, prefix);
        if (n == null || !n.isObject()) {
            return null;
        }
        String society = text(n, "society", e, prefix, true);
        LocalDate to = date(n, "validTo", e, prefix);
        range(k == null ? null : k.validFrom(), to, e, prefix);
        if (!e.isEmpty() || k == null || society == null) {
            return null;
        }
        return new Mandate(k.party(), new SocietyId(society), k.right(), k.territory(), k.validFrom(), to);
    }

    public static Mandate.Key readMandateKey(JsonNode n, Errors e, String prefix) {
        if (!object(n, e, prefix)) {
            return null;
        }
        PartyId party = partyId(n, "party", e, prefix);
        RightType right = right(n, e, prefix);
        Territory territory = territory(n, e, prefix);
        LocalDate from = date(n, "validFrom", e, prefix);
        if (party == null || right == null || territory == null || !e.isEmpty()) {
            return null;
        }
        return new Mandate.Key(party, right, territory, from);
    }

    public static Reservation readReservation(JsonNode n, Errors e, String prefix) {
        Reservation.Key k = readReservationKey(n, e, prefix);
        if (n == null || !n.isObject()) {
            return null;
        }
        LocalDate from = date(n, "effectiveFrom", e, prefix);
        if (!e.isEmpty() || k == null) {
            return null;
        }
        return new Reservation(k.target(), k.source(), from);
    }

    public static Reservation.Key readReservationKey(JsonNode n, Errors e, String prefix) {
        if (!object(n, e, prefix)) {
            return null;
        }
        boolean hasWork = n.hasNonNull("work");
        boolean hasParty = n.hasNonNull("party");
        Reservation.Target target = null;
        if (hasWork == hasParty) {
            e.add(prefix + "work", "TARGET", "a reservation names exactly one of work (scheme:value) or party");
        } else if (hasWork) {
            WorkId w = identifier(n.get("work"), e, prefix + "work");
            target = w == null ? null : new Reservation.OnWork(w);
        } else {
            PartyId p = partyId(n, "party", e, prefix);
            target = p == null ? null : new Reservation.OnParty(p);
        }
        ReservationSource source = null;
        String s = text(n, "source", e, prefix, true);
        if (s != null) {
            try {
                source = ReservationSource.valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                e.add(prefix + "source", "SOURCE_UNKNOWN",
                        "source must be one of TDMREP, C2PA, DO_NOT_TRAIN_REGISTRY, DIRECT_REQUEST; was " + s);
            }
        }
        if (target == null || source == null || !e.isEmpty()) {
            return null;
        }
        return new Reservation.Key(target, source);
    }

    public static Licence readLicence(JsonNode n, Errors e, String prefix) {
        Licence.Key k = readLicenceKey(n, e, prefix);
        if (n == null || !n.isObject()) {
            return null;
        }
        LocalDate to = date(n, "validTo", e, prefix);
        String tariff = text(n, "tariff", e, prefix, true);
        range(k == null ? null : k.validFrom(), to, e, prefix);
        if (!e.isEmpty() || k == null || tariff == null) {
            return null;
        }
        return new Licence(k.platform(), k.licensor(), k.validFrom(), to, new TariffId(tariff));
    }

    public static Licence.Key readLicenceKey(JsonNode n, Errors e, String prefix) {
        if (!object(n, e, prefix)) {
            return null;
        }
        String platform = text(n, "platform", e, prefix, true);
        String licensor = text(n, "licensor", e, prefix, true);
        LocalDate from = date(n, "validFrom", e, prefix);
        if (platform == null || licensor == null || !e.isEmpty()) {
            return null;
        }
        return new Licence.Key(new PlatformId(platform), new SocietyId(licensor), from);
    }

    /** A {@code scheme:value} identifier in canonical form, or null (error added). */
    public static WorkId identifier(JsonNode n, Errors e, String field) {
        if (n == null || n.isNull() || !n.isTextual() || n.asText().isBlank()) {
            e.add(field, "REQUIRED", field + " must be an identifier scheme:value, e.g. iswc:T0345246801");
            return null;
        }
        IdResult r = Identifiers.parseKey(n.asText());
        if (!r.isOk()) {
            e.add(field, r.errorCode(), r.message());
            return null;
        }
        return r.id();
    }

    private static boolean object(JsonNode n, Errors e, String prefix) {
        if (n == null || !n.isObject()) {
            e.add(prefix.isEmpty() ? "$" : prefix, "FORMAT", "a JSON object is expected");
            return false;
        }
        return true;
    }

    private static String text(JsonNode n, String field, Errors e, String prefix, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                e.add(prefix + field, "REQUIRED", field + " is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            e.add(prefix + field, "FORMAT", field + " must be a string");
            return null;
        }
        return v.asText().strip();
    }

    private static PartyId partyId(JsonNode n, String field, Errors e, String prefix) {
        String v = text(n, field, e, prefix, true);
        return v == null ? null : new PartyId(v);
    }

    private static RightType right(JsonNode n, Errors e, String prefix) {
        String v = text(n, "right", e, prefix, true);
        if (v == null) {
            return null;
        }
        try {
            return RightType.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            e.add(prefix + "right", "RIGHT_TYPE_UNKNOWN",
                    "right must be one of TRAINING, REPRODUCTION, MECHANICAL, PERFORMANCE, SYNCHRONISATION; was " + v);
            return null;
        }
    }

    private static Territory territory(JsonNode n, Errors e, String prefix) {
        String v = text(n, "territory", e, prefix, true);
        if (v == null) {
            return null;
        }
        Territory t = Territory.parse(v).orElse(null);
        if (t == null) {
            e.add(prefix + "territory", "TERRITORY_UNKNOWN", "territory must be an ISO 3166-1 alpha-2 code or WORLD; was " + v);
        }
        return t;
    }

    private static LocalDate date(JsonNode n, String field, Errors e, String prefix) {
        String v = text(n, field, e, prefix, false);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException ex) {
            e.add(prefix + field, "DATE_FORMAT", field + " must be a date YYYY-MM-DD; was " + v);
            return null;
        }
    }

    private static void range(LocalDate from, LocalDate to, Errors e, String prefix) {
        if (from != null && to != null) {
            String p = Validity.problem(from, to);
            if (p != null) {
                e.add(prefix + "validTo", "DATE_RANGE", p);
            }
        }
    }
}
