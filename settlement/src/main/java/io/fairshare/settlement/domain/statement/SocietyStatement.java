package io.fairshare.settlement.domain.statement;

import io.fairshare.settlement.domain.payee.Payee;

import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.tariff.TariffApplication;

import io.fairshare.contracts.money.Money;

import io.fairshare.contracts.money.CurrencyUnit;
import java.math.RoundingMode;
import java.util.List;

/**
 * A payee's statement for one period: a society's (or, for a party paid directly, that party's).
 * Once issued it never changes; it is identified by its canonical form's SHA-256.
 *
 * @param lines              current-period usage: LICENSED lines and UNLICENSED lines (flagged by status)
 * @param adjustments        late usage of earlier, closed periods; each names the period it corrects
 * @param violations         RESERVED (opted-out) usage at the penalty rate, current or late
 * @param held               this payee's disputed lines: computed, held in the disputed holdback, not paid, not in the total
 * @param byPlatform         per platform, what it owes this payee; sums to {@code totals.total}
 * @param tariffApplications the period-level tariff figures behind this payee's lines
 */
public record SocietyStatement(
        String statementId,
        Period period,
        Payee payee,
        CurrencyUnit currency,
        RoundingMode totalRounding,
        List<StatementLine> lines,
        List<StatementLine> adjustments,
        List<StatementLine> violations,
        List<StatementLine> held,
        List<PlatformAmount> byPlatform,
        List<TariffApplication> tariffApplications,
        Totals totals) implements IssuedStatement {

    /**
     * Sums of rounded lines. {@code unlicensed} is the part of {@code lines} that is UNLICENSED;
     * {@code total = lines + adjustments + violations}; {@code held} is outside the total.
     */
    public record Totals(Money lines, Money unlicensed, Money adjustments, Money violations, Money total, Money held) {
    }

    public SocietyStatement {
        lines = List.copyOf(lines);
        adjustments = List.copyOf(adjustments);
        violations = List.copyOf(violations);
        held = List.copyOf(held);
        byPlatform = List.copyOf(byPlatform);
        tariffApplications = List.copyOf(tariffApplications);
    }

    @Override
    public byte[] canonicalForm() {
        return CanonicalForm.of(this);
    }
}
