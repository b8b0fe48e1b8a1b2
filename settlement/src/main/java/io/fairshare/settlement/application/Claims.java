package io.fairshare.settlement.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairshare.contracts.errors.FieldError;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.Roles;
import io.fairshare.settlement.domain.claim.ClaimAction;
import io.fairshare.settlement.domain.claim.ClaimAdjustment;
import io.fairshare.settlement.domain.claim.ClaimRules;
import io.fairshare.settlement.domain.claim.ClaimState;
import io.fairshare.settlement.domain.claim.ClaimType;
import io.fairshare.settlement.domain.claim.ClaimedLine;
import io.fairshare.settlement.domain.claim.Claimant;
import io.fairshare.settlement.domain.claim.Correction;
import io.fairshare.settlement.domain.claim.LineRef;
import io.fairshare.settlement.domain.close.StatementCalculator;
import io.fairshare.settlement.domain.payee.Payee;
import io.fairshare.settlement.domain.payee.PayeeKind;
import io.fairshare.settlement.domain.period.PeriodState;
import io.fairshare.settlement.domain.usage.LineStatus;
import io.fairshare.settlement.persistence.ClaimStore;
import io.fairshare.settlement.persistence.SettlementStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Claims and disputes on issued statement lines (issue 14, section 5): raising, reading, and the operator's decision.
 * An accepted claim is settled as adjustment lines by the next close of a later period ({@link CloseService} asks
 * {@link #toSettle}); the issued statement it corrects never changes.
 *
 * <p>Who sees a claim: the operator every one; an auditor key without a scope every one, an issued auditor key those
 * of its platforms and periods; a society the claims it raised and those on its own statements' lines or naming it;
 * a party those it raised and those on lines naming it; either also an accepted claim whose correction names it (it
 * reads the claim its adjustment points to); a platform those charged to it. Anyone else, and any id that
 * does not exist, get the same 404 body ({@link #NOT_FOUND}), which names no id.
 */
@ApplicationScoped
public class Claims {
    /** The one answer for a claim or line this caller may not see, or that does not exist. */
    static final String NOT_FOUND = "no claim or line that you may see";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A new claim, as posted. */
    public record RaiseRequest(String type, String periodId, LineBody line, MissingUsageBody missingUsage, String evidence) {
    }

    public record LineBody(String statementId, String section, Integer lineNumber) {
    }

    /** Usage the claimant believes is missing: platform, work, usage type and unit kind (wire names), and optionally whose. */
    public record MissingUsageBody(String platformId, String workId, String workCategory, String usageType, String unitKind,
                                   String societyId, String partyId) {
    }

    /** The operator's decision: for an accept, the corrections; a note either way. */
    public record DecisionRequest(List<CorrectionBody> corrections, String note) {
    }

    /** One correction: the payee, and a signed amount in minor units (positive: owed to the payee; negative: credited back). */
    public record CorrectionBody(String payeeKind, String payeeId, Long amountMinor, String currency) {
    }

    public record ClaimantView(String kind, String id) {
    }

    public record HistoryView(String state, String actorName, String actorRole, Instant at, String note) {
    }

    /**
     * A claim (source {@code claim}) or one of the registry's over-claim disputes (source {@code resolution}: a
     * disputed line of an issued platform statement, held until the registry resolves it; state {@code HELD}).
     */
    public record ClaimView(String source, String id, String type, String state, String periodId, LineBody line, String platformId,
                            String societyId, String partyId, String workId, String workCategory, String usageType, String unitKind,
                            ClaimantView claimant, String evidence, String currency, List<CorrectionBody> corrections,
                            String settledInPeriod, String amount, Instant createdAt, List<HistoryView> history) {
    }

    private final ClaimStore store;
    private final SettlementStore settlement;
    private final Statements statements;
    private final Terms terms;
    private final StatementCalculator calculator;

    public Claims(ClaimStore store, SettlementStore settlement, Statements statements, Terms terms, StatementCalculator calculator) {
        this.store = store;
        this.settlement = settlement;
        this.statements = statements;
        this.terms = terms;
        this.calculator = calculator;
    }

    static ApiProblem notFound() {
        return ApiProblem.notFound(NOT_FOUND);
    }

    /** Raises a claim for {@code caller}; the stored claim. */
    public ClaimView raise(Caller caller, RaiseRequest body) {
        if (body == null) {
            throw ApiProblem.invalid("a claim body is required", List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        ClaimType type = null;
        if (body.type() != null) {
            try {
                type = ClaimType.valueOf(body.type());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("type", "UNKNOWN", "type is one of WRONG_SHARE, OVER_CLAIM, MISSING_USAGE, WRONG_WORK, UNLICENSED_USE_DISPUTED"));
            }
        }
        if (body.periodId() == null || body.periodId().isBlank()) {
            errors.add(new FieldError("periodId", "REQUIRED", "periodId is the period of the line, e.g. 2026-11"));
        }
        LineRef ref = body.line() == null ? null : new LineRef(body.line().statementId(), body.line().section(),
                body.line().lineNumber() == null ? -1 : body.line().lineNumber());
        ClaimedLine missing = missing(body.missingUsage(), errors);
        boolean unknownType = !errors.isEmpty() && "type".equals(errors.get(0).field());
        // every field error at once; an unknown type is named once, not also as missing
        ClaimRules.validate(type, body.evidence(), ref, missing).stream()
                .filter(e -> !(unknownType && "type".equals(e.field()))).forEach(errors::add);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("the claim is not valid", errors);
        }
        Claimant claimant = claimant(caller, type);
        String period = terms.period(body.periodId()).id();
        if (settlement.state(period) != PeriodState.CLOSED) {
            throw ApiProblem.conflict("period-not-closed", "period " + period + " has no issued statements yet: a claim is raised on a closed"
                    + " period's statements; usage of an open period is corrected by the ledger before its close");
        }
        String statementKind = null;
        String addressee = null;
        String currency;
        ClaimedLine line;
        if (type.onALine()) {
            StatementRecord s = statements.statement(ref.statementId()).filter(r -> r.periodId().equals(period)).orElseThrow(Claims::notFound);
            line = line(s, ref).orElseThrow(Claims::notFound);
            if (claimant == null || !ClaimRules.mayRaiseOn(claimant, s.kind(), s.addresseeId(), line)) {
                throw notFound();
            }
            statementKind = s.kind();
            addressee = s.addresseeId();
            currency = s.currency();
        } else {
            if (claimant == null) {
                throw ApiProblem.forbidden("a claim of missing usage is raised by a society, a party or the operator");
            }
            if (!store.knowsPlatform(missing.platformId())) {
                throw ApiProblem.notFound("no platform " + missing.platformId() + " has a statement in settlement");
            }
            line = switch (claimant.kind()) {
                case PARTY -> withPayee(missing, null, claimant.id());
                case SOCIETY -> withPayee(missing, claimant.id(), missing.partyId());
                case OPERATOR -> missing;
            };
            currency = calculator.config().currency().code();
        }
        String id = "clm_" + HexFormat.of().formatHex(bytes(12));
        ClaimStore.Row row = new ClaimStore.Row(id, type, period, statementKind, addressee, line, currency, claimant, body.evidence().strip(),
                ClaimState.OPEN, null, null, Instant.now(), List.of());
        Optional<String> twin = store.insert(caller, row);
        if (twin.isPresent()) {
            throw ApiProblem.conflict("claim-already-open", "your OPEN " + type + " claim " + twin.get()
                    + " on this line exists: withdraw it or wait for the decision before raising another");
        }
        return view(store.find(id).orElseThrow(), true);
    }

    /** One claim with its history, for a caller who may see it. */
    public ClaimView get(Caller caller, String claimId) {
        return view(visible(caller, claimId), true);
    }

    /**
     * The claims {@code caller} may see, optionally of one period and state; for the operator also the registry's
     * over-claim disputes of issued statements (source {@code resolution}, state {@code HELD}).
     */
    public List<ClaimView> list(Caller caller, String periodId, String state) {
        String period = periodId == null || periodId.isBlank() ? null : terms.period(periodId).id();
        ClaimState s = null;
        boolean held = false;
        if (state != null && !state.isBlank()) {
            if ("HELD".equals(state)) {
                held = true;
            } else {
                try {
                    s = ClaimState.valueOf(state);
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.invalid("state is one of OPEN, ACCEPTED, REJECTED, WITHDRAWN, HELD",
                            List.of(new FieldError("state", "UNKNOWN", "no state " + state)));
                }
            }
        }
        List<ClaimView> out = new ArrayList<>();
        if (!held) {
            for (ClaimStore.Row r : store.list(period, s)) {
                if (maySee(caller, r)) {
                    out.add(view(r, false));
                }
            }
        }
        if (caller.isOperator() && s == null) {
            out.addAll(resolutions(period));
        }
        return out;
    }

    /** {@code action} on a claim: accept and reject by the operator, withdraw by the claimant; 409 naming the state when it is not OPEN. */
    public ClaimView act(Caller caller, String claimId, ClaimAction action, DecisionRequest body) {
        ClaimStore.Row r = visible(caller, claimId);
        boolean isClaimant = claimantOf(caller, r);
        if (!ClaimRules.mayAct(action, caller.isOperator(), isClaimant)) {
            throw ApiProblem.forbidden(action == ClaimAction.WITHDRAW ? "only the claimant withdraws a claim" : "only the operator decides a claim");
        }
        String corrections = null;
        if (action == ClaimAction.ACCEPT) {
            corrections = write(corrections(body, r.currency()));
        }
        String note = body == null || body.note() == null || body.note().isBlank() ? null : body.note().strip();
        if (note != null && note.length() > ClaimRules.MAX_EVIDENCE) {
            throw ApiProblem.invalid("the note is too long", List.of(new FieldError("note", "TOO_LONG", "at most " + ClaimRules.MAX_EVIDENCE)));
        }
        ClaimStore.Change change = store.act(caller, claimId, action, corrections, note).orElseThrow(Claims::notFound);
        if (!change.changed()) {
            throw ApiProblem.conflict("claim-not-open", "the claim is " + change.claim().state() + ": only an OPEN claim can be "
                    + action.to().name().toLowerCase(Locale.ROOT));
        }
        return view(change.claim(), true);
    }

    /** Accepted claims of periods before {@code periodId} not yet settled: the adjustments the close of {@code periodId} issues. */
    public List<ClaimAdjustment> toSettle(String periodId) {
        List<ClaimAdjustment> out = new ArrayList<>();
        for (ClaimStore.Row r : store.toSettle(periodId)) {
            out.add(new ClaimAdjustment(r.claimId(), r.periodId(), r.line(), r.currency(), read(r.corrections())));
        }
        return out;
    }

    private List<Correction> corrections(DecisionRequest body, String currency) {
        List<FieldError> errors = new ArrayList<>();
        List<Correction> out = new ArrayList<>();
        List<CorrectionBody> given = body == null || body.corrections() == null ? List.of() : body.corrections();
        for (int i = 0; i < given.size(); i++) {
            CorrectionBody c = given.get(i);
            String at = "corrections[" + i + "]";
            if (c == null) {
                out.add(null);
                continue;
            }
            PayeeKind kind = "SOCIETY".equals(c.payeeKind()) ? PayeeKind.SOCIETY : "PARTY".equals(c.payeeKind()) ? PayeeKind.PARTY : null;
            if (c.currency() != null && !c.currency().equals(currency)) {
                errors.add(new FieldError(at + ".currency", "CURRENCY", "the claim's line is in " + currency));
            }
            if (c.amountMinor() == null) {
                errors.add(new FieldError(at + ".amountMinor", "REQUIRED", "amountMinor is a signed whole number of minor units of " + currency));
            }
            out.add(new Correction(kind == null ? null : new Payee(kind, c.payeeId()), c.amountMinor() == null ? 1 : c.amountMinor()));
        }
        errors.addAll(ClaimRules.validate(out));
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("the correction is not valid", errors);
        }
        return out;
    }

    private ClaimStore.Row visible(Caller caller, String claimId) {
        if (claimId == null || !claimId.startsWith("clm_") || claimId.length() > 40) {
            throw notFound();
        }
        return store.find(claimId).filter(r -> maySee(caller, r)).orElseThrow(Claims::notFound);
    }

    static boolean maySee(Caller caller, ClaimStore.Row r) {
        ClaimedLine l = r.line();
        return switch (caller.role()) {
            case Roles.OPERATOR -> true;
            case Roles.AUDITOR -> caller.scope().isEmpty() || caller.scope().mayRead(l.platformId(), r.periodId());
            case Roles.SOCIETY -> claimantOf(caller, r) || caller.id().equals(l.societyId())
                    || "SOCIETY".equals(r.statementKind()) && caller.id().equals(r.addresseeId())
                    || corrects(r, new Payee(PayeeKind.SOCIETY, caller.id()));
            case Roles.PARTY -> claimantOf(caller, r) || caller.id().equals(l.partyId()) || corrects(r, new Payee(PayeeKind.PARTY, caller.id()));
            case Roles.PLATFORM -> caller.id().equals(l.platformId());
            default -> false;
        };
    }

    /** Whether an accepted claim's correction names {@code payee}: it reads the claim its adjustment points to. */
    private static boolean corrects(ClaimStore.Row r, Payee payee) {
        return r.corrections() != null && read(r.corrections()).stream().anyMatch(c -> c.payee().equals(payee));
    }

    private static boolean claimantOf(Caller caller, ClaimStore.Row r) {
        Claimant c = claimant(caller, r.type());
        return c != null && c.equals(r.claimant());
    }

    /** The claimant a caller raises claims as; null for a platform or auditor (who raise none). */
    private static Claimant claimant(Caller caller, ClaimType type) {
        return switch (caller.role()) {
            case Roles.OPERATOR -> new Claimant(Claimant.Kind.OPERATOR, caller.name());
            case Roles.SOCIETY -> new Claimant(Claimant.Kind.SOCIETY, caller.id());
            case Roles.PARTY -> new Claimant(Claimant.Kind.PARTY, caller.id());
            default -> null;
        };
    }

    private static ClaimedLine missing(MissingUsageBody m, List<FieldError> errors) {
        if (m == null) {
            return null;
        }
        UsageType usageType = m.usageType() == null ? null : UsageType.fromWire(m.usageType()).orElse(null);
        UnitKind unitKind = m.unitKind() == null ? null : UnitKind.fromWire(m.unitKind()).orElse(null);
        if (m.usageType() != null && usageType == null) {
            errors.add(new FieldError("missingUsage.usageType", "UNKNOWN", "usageType is a wire name: pre-training, fine-tuning, retrieval, evaluation"));
        }
        if (m.unitKind() != null && unitKind == null) {
            errors.add(new FieldError("missingUsage.unitKind", "UNKNOWN", "unitKind is a wire name: tokens, bytes, items, seconds"));
        }
        return new ClaimedLine(null, m.platformId(), m.societyId(), m.partyId(), m.workId(), m.workCategory(), usageType, unitKind,
                LineStatus.LICENSED, null, null);
    }

    private static ClaimedLine withPayee(ClaimedLine m, String societyId, String partyId) {
        return new ClaimedLine(null, m.platformId(), societyId, partyId, m.workId(), m.workCategory(), m.usageType(), m.unitKind(), m.status(),
                null, null);
    }

    /** The line {@code ref} of a stored statement, as the statement shows it. */
    private static Optional<ClaimedLine> line(StatementRecord s, LineRef ref) {
        if (!io.fairshare.contracts.transparency.StatementLines.SECTIONS.contains(ref.section()) || ref.lineNumber() < 0) {
            return Optional.empty();
        }
        List<JsonNode> found = section(s.canonical(), ref.section(), ref.lineNumber()).lines();
        JsonNode l = found.isEmpty() ? null : found.get(0);
        if (l == null || !l.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new ClaimedLine(ref, text(l, "platformId"), text(l, "societyId"), text(l, "partyId"), text(l, "workId"),
                text(l, "workCategory"), UsageType.fromWire(text(l, "usageType")).orElseThrow(),
                UnitKind.fromWire(text(l, "unitKind")).orElseThrow(), LineStatus.valueOf(text(l, "status")), text(l, "tariffId"),
                text(l, "pricedWith")));
    }

    /** The disputed lines of issued platform statements: the registry's over-claim disputes, held until resolved. */
    private List<ClaimView> resolutions(String periodId) {
        List<ClaimView> out = new ArrayList<>();
        for (ClaimStore.PlatformStatementBytes p : store.platformStatements(periodId)) {
            Section d = section(p.canonical(), "disputed", -1);
            for (int n = 0; n < d.lines().size(); n++) {
                JsonNode l = d.lines().get(n);
                out.add(new ClaimView("resolution", "resolution:" + p.statementId() + "/disputed/" + n, ClaimType.OVER_CLAIM.name(), "HELD",
                        p.periodId(), new LineBody(p.statementId(), "disputed", n), text(l, "platformId"), text(l, "societyId"),
                        text(l, "partyId"), text(l, "workId"), text(l, "workCategory"), text(l, "usageType"), text(l, "unitKind"),
                        new ClaimantView("REGISTRY", "rights-registry"), "the shares claimed for this work exceed 100%; the registry scaled"
                        + " them pro rata and settlement holds the money until the dispute is resolved", d.currency(),
                        null, null, text(l, "amount"), null, null));
            }
        }
        return out;
    }

    private static ClaimView view(ClaimStore.Row r, boolean withHistory) {
        ClaimedLine l = r.line();
        LineBody line = l.ref() == null ? null : new LineBody(l.ref().statementId(), l.ref().section(), l.ref().lineNumber());
        List<CorrectionBody> corrections = r.corrections() == null ? null : read(r.corrections()).stream()
                .map(c -> new CorrectionBody(c.payee().kind().name(), c.payee().id(), c.amountMinor(), r.currency())).toList();
        List<HistoryView> history = withHistory ? r.history().stream()
                .map(h -> new HistoryView(h.state().name(), h.actorName(), h.actorRole(), h.at(), h.note())).toList() : null;
        return new ClaimView("claim", r.claimId(), r.type().name(), r.state().name(), r.periodId(), line, l.platformId(), l.societyId(),
                l.partyId(), l.workId(), l.workCategory(), l.usageType().wireName(), l.unitKind().wireName(),
                new ClaimantView(r.claimant().kind().name(), r.claimant().id()), r.evidence(), r.currency(), corrections, r.settledInPeriod(),
                null, r.createdAt(), history);
    }

    private record StoredCorrection(String payeeKind, String payeeId, long amountMinor) {
    }

    private static String write(List<Correction> corrections) {
        try {
            return JSON.writeValueAsString(corrections.stream()
                    .map(c -> new StoredCorrection(c.payee().kind().name(), c.payee().id(), c.amountMinor())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Correction> read(String corrections) {
        try {
            return JSON.readValue(corrections, new TypeReference<List<StoredCorrection>>() { }).stream()
                    .map(c -> new Correction(new Payee(PayeeKind.valueOf(c.payeeKind()), c.payeeId()), c.amountMinor())).toList();
        } catch (IOException e) {
            throw new IllegalStateException("stored corrections do not read back", e);
        }
    }

    /** A stored statement's currency and the lines wanted of one section. */
    private record Section(String currency, List<JsonNode> lines) {
    }

    /**
     * Streams a stored statement for its {@code currency} and the lines of {@code name} (every one, or only the one at
     * {@code only} when it is 0 or more), skipping everything else unread: a statement of a 10M-line period is tens of
     * megabytes, and a claim needs one line of it, the operator's list only the disputed ones.
     */
    private static Section section(byte[] canonical, String name, int only) {
        try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(canonical)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new IllegalStateException("a stored statement is not a JSON object");
            }
            String currency = null;
            List<JsonNode> lines = new ArrayList<>();
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String member = p.currentName();
                com.fasterxml.jackson.core.JsonToken t = p.nextToken();
                if ("currency".equals(member) && t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    currency = p.getText();
                } else if (name.equals(member) && t == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                    for (int n = 0; p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY; n++) {
                        if (only < 0 || n == only) {
                            lines.add(JSON.readTree(p));
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            return new Section(currency, lines);
        } catch (IOException e) {
            throw new IllegalStateException("a stored statement is not readable JSON", e);
        }
    }


    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
