package io.fairshare.settlement.domain.claim;

import io.fairshare.contracts.errors.FieldError;
import io.fairshare.settlement.domain.payee.Payee;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of claims, without storage: what a claim must carry, who may raise one on which line, who may act on
 * it, and what a correction may be.
 *
 * <ul>
 *   <li>Evidence is required: 1 to {@value #MAX_EVIDENCE} characters after trimming.</li>
 *   <li>A claim on a line names the line ({@link LineRef}); a {@link ClaimType#MISSING_USAGE} claim names no line but
 *       the platform, work, usage type and unit kind instead.</li>
 *   <li>Raising: a society on the lines of its own statements (its members' lines); a party on lines that name it,
 *       on payee statements (a society's or its own); the operator on any line. A line one may not raise on is
 *       answered as if it did not exist.</li>
 *   <li>Acting: accept and reject are the operator's; withdraw is the claimant's own.</li>
 *   <li>A correction: 1 to {@value #MAX_CORRECTIONS} entries, one per payee, each a non-zero whole number of minor
 *       units of at most {@value #MAX_AMOUNT_MINOR} either way (signed: positive is owed to the payee, negative is a
 *       credit back to the platform).</li>
 * </ul>
 */
public final class ClaimRules {
    public static final int MAX_EVIDENCE = 4000;
    public static final int MAX_CORRECTIONS = 20;
    /** Well inside I-JSON's exact range, so that sums of corrections stay exact in every reader. */
    public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000_000L;
    public static final int MAX_ID = 200;

    private ClaimRules() {
    }

    /** Every field error of a new claim: type, evidence, and either a line or the missing usage. */
    public static List<FieldError> validate(ClaimType type, String evidence, LineRef line, ClaimedLine missing) {
        List<FieldError> errors = new ArrayList<>();
        if (type == null) {
            errors.add(new FieldError("type", "REQUIRED", "type is one of WRONG_SHARE, OVER_CLAIM, MISSING_USAGE, WRONG_WORK, UNLICENSED_USE_DISPUTED"));
        }
        String e = evidence == null ? "" : evidence.strip();
        if (e.isEmpty()) {
            errors.add(new FieldError("evidence", "REQUIRED", "evidence is required: what is wrong and why"));
        } else if (e.length() > MAX_EVIDENCE) {
            errors.add(new FieldError("evidence", "TOO_LONG", "evidence is at most " + MAX_EVIDENCE + " characters"));
        }
        if (type == null) {
            return errors;
        }
        if (type.onALine()) {
            if (line == null) {
                errors.add(new FieldError("line", "REQUIRED", "a " + type + " claim names the line: statementId, section, lineNumber"));
            } else {
                if (blank(line.statementId()) || blank(line.section())) {
                    errors.add(new FieldError("line", "REQUIRED", "line.statementId and line.section are required"));
                }
                if (line.lineNumber() < 0) {
                    errors.add(new FieldError("line.lineNumber", "INVALID", "line.lineNumber is 0 or more"));
                }
            }
            if (missing != null) {
                errors.add(new FieldError("missingUsage", "NOT_ALLOWED", "only a MISSING_USAGE claim names missing usage"));
            }
        } else {
            if (line != null) {
                errors.add(new FieldError("line", "NOT_ALLOWED", "a MISSING_USAGE claim names the usage, not a line"));
            }
            if (missing == null || blank(missing.platformId()) || blank(missing.workId()) || missing.usageType() == null
                    || missing.unitKind() == null) {
                errors.add(new FieldError("missingUsage", "REQUIRED",
                        "missingUsage needs platformId, workId, usageType (e.g. pre-training) and unitKind (e.g. tokens)"));
            } else if (tooLong(missing.platformId()) || tooLong(missing.workId()) || tooLong(missing.workCategory())
                    || tooLong(missing.partyId())) {
                errors.add(new FieldError("missingUsage", "TOO_LONG", "ids are at most " + MAX_ID + " characters"));
            }
        }
        return errors;
    }

    /**
     * Whether {@code claimant} may raise a claim on a line of the statement of {@code statementKind} (SOCIETY, PARTY,
     * PLATFORM) addressed to {@code addresseeId}.
     */
    public static boolean mayRaiseOn(Claimant claimant, String statementKind, String addresseeId, ClaimedLine line) {
        return switch (claimant.kind()) {
            case OPERATOR -> true;
            case SOCIETY -> "SOCIETY".equals(statementKind) && claimant.id().equals(addresseeId);
            case PARTY -> !"PLATFORM".equals(statementKind) && claimant.id().equals(line.partyId());
        };
    }

    /** Whether {@code operator} (the caller is the operator) or the claimant may take {@code action}. */
    public static boolean mayAct(ClaimAction action, boolean operator, boolean isClaimant) {
        return action == ClaimAction.WITHDRAW ? isClaimant : operator;
    }

    /** Every field error of an accepted claim's correction. */
    public static List<FieldError> validate(List<Correction> corrections) {
        List<FieldError> errors = new ArrayList<>();
        if (corrections == null || corrections.isEmpty() || corrections.size() > MAX_CORRECTIONS) {
            errors.add(new FieldError("corrections", "COUNT", "1 to " + MAX_CORRECTIONS + " corrections, one per payee"));
            return errors;
        }
        Set<Payee> seen = new HashSet<>();
        for (int i = 0; i < corrections.size(); i++) {
            Correction c = corrections.get(i);
            String at = "corrections[" + i + "]";
            if (c == null || c.payee() == null || c.payee().kind() == null || blank(c.payee().id()) || tooLong(c.payee().id())) {
                errors.add(new FieldError(at + ".payee", "REQUIRED", "payeeKind (SOCIETY or PARTY) and payeeId are required"));
                continue;
            }
            if (c.amountMinor() == 0 || Math.abs(c.amountMinor()) > MAX_AMOUNT_MINOR) {
                errors.add(new FieldError(at + ".amountMinor", "INVALID",
                        "a non-zero whole number of minor units, at most " + MAX_AMOUNT_MINOR + " either way"));
            }
            if (!seen.add(c.payee())) {
                errors.add(new FieldError(at + ".payee", "REPEATED", "one correction per payee"));
            }
        }
        return errors;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean tooLong(String s) {
        return s != null && s.length() > MAX_ID;
    }
}
