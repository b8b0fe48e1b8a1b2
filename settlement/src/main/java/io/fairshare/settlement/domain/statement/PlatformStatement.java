package io.fairshare.settlement.domain.statement;

import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.tariff.TariffApplication;

import io.fairshare.contracts.money.Money;

import io.fairshare.contracts.money.CurrencyUnit;
import java.math.RoundingMode;
import java.util.List;

/**
 * What a platform owes for one period: per payee, plus the money held back (UNCLAIMED shares until a
 * claim, disputed shares until the dispute ends). Never changes once issued.
 *
 * @param owed      per payee; each equals that payee's statement's {@code byPlatform} entry for this platform
 * @param unclaimed lines of the UNCLAIMED holdback
 * @param disputed  lines of the disputed holdback
 * @param byModel   per model id and version: events, units and amount, summing to {@code totals.total}
 *                  ({@link ModelBreakdown}); empty when the close had no model figures
 */
public record PlatformStatement(
        String statementId,
        Period period,
        String platformId,
        CurrencyUnit currency,
        RoundingMode totalRounding,
        List<PayeeAmount> owed,
        List<StatementLine> unclaimed,
        List<StatementLine> disputed,
        List<TariffApplication> tariffApplications,
        Totals totals,
        List<ModelAmount> byModel) implements IssuedStatement {

    /**
     * {@code total = owed + unclaimedHeld + disputedHeld}. {@code unlicensed} and {@code violations}
     * are the parts of {@code owed} from UNLICENSED and RESERVED usage.
     */
    public record Totals(Money owed, Money unclaimedHeld, Money disputedHeld, Money total, Money unlicensed, Money violations) {
    }

    public PlatformStatement {
        owed = List.copyOf(owed);
        unclaimed = List.copyOf(unclaimed);
        disputed = List.copyOf(disputed);
        tariffApplications = List.copyOf(tariffApplications);
        byModel = byModel == null ? List.of() : List.copyOf(byModel);
    }

    /** A statement without a model breakdown (yet). */
    public PlatformStatement(String statementId, Period period, String platformId, CurrencyUnit currency, RoundingMode totalRounding,
                             List<PayeeAmount> owed, List<StatementLine> unclaimed, List<StatementLine> disputed,
                             List<TariffApplication> tariffApplications, Totals totals) {
        this(statementId, period, platformId, currency, totalRounding, owed, unclaimed, disputed, tariffApplications, totals, List.of());
    }

    /** This statement with {@code models} as its breakdown; every other figure unchanged. */
    public PlatformStatement withModels(List<ModelAmount> models) {
        return new PlatformStatement(statementId, period, platformId, currency, totalRounding, owed, unclaimed, disputed,
                tariffApplications, totals, models);
    }

    @Override
    public byte[] canonicalForm() {
        return CanonicalForm.of(this);
    }
}
