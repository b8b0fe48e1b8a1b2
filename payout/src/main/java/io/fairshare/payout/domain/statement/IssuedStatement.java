package io.fairshare.payout.domain.statement;

import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.outcome.Rejection;
import io.fairshare.payout.domain.ledger.Periods;
import java.util.List;
import java.util.Optional;

/**
 * What settlement publishes per issued statement (topic {@code fairshare.statements.issued.v1}), as payout
 * needs it. A PLATFORM statement says what one platform owes for the period, per society and category; a
 * SOCIETY statement says what one society is owed. Amounts are minor units of {@code currency}; an
 * adjustment statement may carry negative lines (credits) and lines that correct an earlier period.
 */
public record IssuedStatement(
        String statementId,
        String periodId,
        StatementKind kind,
        String platformId,
        String societyId,
        String currency,
        List<IssuedLine> lines) {

    /** Largest absolute line amount accepted: 15 digits keeps every total inside pain.001's 18 digits. */
    public static final long MAX_LINE_AMOUNT = 999_999_999_999_999L;

    public IssuedStatement {
        lines = lines == null ? null : List.copyOf(lines);
    }

    public static IssuedStatement platform(String statementId, String periodId, String platformId, String currency, List<IssuedLine> lines) {
        return new IssuedStatement(statementId, periodId, StatementKind.PLATFORM, platformId, null, currency, lines);
    }

    public static IssuedStatement society(String statementId, String periodId, String societyId, String currency, List<IssuedLine> lines) {
        return new IssuedStatement(statementId, periodId, StatementKind.SOCIETY, null, societyId, currency, lines);
    }

    /** The period a line's money belongs to: the period it corrects, else the statement's. */
    public String periodOf(IssuedLine line) {
        return line.correctsPeriod() != null ? line.correctsPeriod() : periodId;
    }

    /** The society a line belongs to (a SOCIETY statement's lines are all its own). */
    public String societyOf(IssuedLine line) {
        return kind == StatementKind.SOCIETY ? societyId : line.societyId();
    }

    /** The platform a line belongs to, where known. */
    public String platformOf(IssuedLine line) {
        return kind == StatementKind.PLATFORM ? platformId : line.platformId();
    }

    /** Sum of all lines. */
    public long total() {
        long sum = 0;
        for (IssuedLine l : lines) {
            sum = Math.addExact(sum, l.amount());
        }
        return sum;
    }

    /** Empty when the statement can be posted or recorded; else the first thing wrong with it. */
    public Optional<Rejection> validate() {
        if (blank(statementId)) {
            return invalid("statementId is required");
        }
        if (!Periods.isValid(periodId)) {
            return invalid("periodId must look like 2026-11, got: " + periodId);
        }
        if (kind == null) {
            return invalid("kind is required (PLATFORM or SOCIETY)");
        }
        if (!CurrencyUnit.isSupported(currency)) {
            return invalid("currency must be an ISO 4217 code with a minor unit, got: " + currency);
        }
        if (lines == null) {
            return invalid("lines are required (may be empty)");
        }
        if (kind == StatementKind.PLATFORM && (blank(platformId) || societyId != null)) {
            return invalid("a PLATFORM statement names its platformId and no societyId");
        }
        if (kind == StatementKind.SOCIETY && (blank(societyId) || platformId != null)) {
            return invalid("a SOCIETY statement names its societyId and no platformId");
        }
        for (int i = 0; i < lines.size(); i++) {
            Optional<String> problem = lineProblem(lines.get(i));
            if (problem.isPresent()) {
                return invalid("lines[" + i + "]: " + problem.get());
            }
        }
        return Optional.empty();
    }

    private Optional<String> lineProblem(IssuedLine line) {
        if (line == null) {
            return Optional.of("line is null");
        }
        if (line.category() == null) {
            return Optional.of("category is required");
        }
        if (Math.abs(line.amount()) > MAX_LINE_AMOUNT) {
            return Optional.of("amount exceeds " + MAX_LINE_AMOUNT + " minor units");
        }
        if (line.correctsPeriod() != null
                && (!Periods.isValid(line.correctsPeriod()) || line.correctsPeriod().compareTo(periodId) > 0)) {
            return Optional.of("correctsPeriod must be a period not after " + periodId + ", got: " + line.correctsPeriod());
        }
        if (kind == StatementKind.PLATFORM) {
            if (line.platformId() != null && !line.platformId().equals(platformId)) {
                return Optional.of("platformId " + line.platformId() + " differs from the statement's " + platformId);
            }
            if (line.category() == LineCategory.UNCLAIMED) {
                return line.societyId() == null ? Optional.empty() : Optional.of("an UNCLAIMED line has no society");
            }
            return blank(line.societyId()) ? Optional.of("a " + line.category() + " line needs a societyId") : Optional.empty();
        }
        if (line.category() == LineCategory.UNCLAIMED) {
            return Optional.of("a SOCIETY statement has no UNCLAIMED lines");
        }
        if (line.societyId() != null && !line.societyId().equals(societyId)) {
            return Optional.of("societyId " + line.societyId() + " differs from the statement's " + societyId);
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Optional<Rejection> invalid(String message) {
        return Optional.of(Rejection.of(ErrorCode.INVALID_STATEMENT, message));
    }
}
