package io.fairshare.settlement.domain.claim;

import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.contracts.money.Money;
import io.fairshare.settlement.domain.payee.Payee;
import io.fairshare.settlement.domain.payee.PayeeKind;
import io.fairshare.settlement.domain.statement.ClaimPointer;
import io.fairshare.settlement.domain.statement.StatementLine;
import io.fairshare.settlement.domain.usage.LineStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An accepted claim not yet settled: it becomes adjustment lines on the next close of a later period, one per
 * correction, on the payee's statement (and, through what the platform owes that payee, on the platform's), each
 * pointing to the claim and the line it corrects.
 *
 * <p>An adjustment line copies the corrected line's platform, work, usage type, unit kind, tariff and pricing
 * tariff; it is addressed to the correction's payee (a society: {@code societyId} the society, {@code partyId} the
 * corrected line's party; a party paid directly: {@code societyId} null); its {@code correctsPeriod} is the claim's
 * period; events, units and attributed units are 0 (it corrects money, not usage); its status is UNLICENSED when the
 * corrected line was, else LICENSED (so payout books it to the payee's payable: a negative amount is a credit note,
 * netted against the payable and recovered from later payouts when it is larger); its amount is the correction's,
 * already whole minor units, so nothing is rounded.
 *
 * @param claimPeriod the period of the corrected line (or of the missing usage)
 * @param currency    the currency code of the corrected line's statement
 */
public record ClaimAdjustment(String claimId, String claimPeriod, ClaimedLine line, String currency, List<Correction> corrections) {
    public static final Comparator<ClaimAdjustment> ORDER = Comparator.comparing(ClaimAdjustment::claimId);

    public ClaimAdjustment {
        corrections = List.copyOf(corrections);
    }

    /** The adjustment lines, one per correction in payee order. */
    public List<StatementLine> lines(CurrencyUnit c) {
        List<Correction> sorted = new ArrayList<>(corrections);
        sorted.sort(Comparator.comparing(Correction::payee));
        LineRef ref = line.ref();
        ClaimPointer pointer = ref == null ? new ClaimPointer(claimId, null, null, null)
                : new ClaimPointer(claimId, ref.statementId(), ref.section(), ref.lineNumber());
        LineStatus status = line.status() == LineStatus.UNLICENSED ? LineStatus.UNLICENSED : LineStatus.LICENSED;
        List<StatementLine> out = new ArrayList<>(sorted.size());
        for (Correction k : sorted) {
            Payee p = k.payee();
            boolean society = p.kind() == PayeeKind.SOCIETY;
            out.add(new StatementLine(line.platformId(), society ? p.id() : null, society ? line.partyId() : p.id(), line.workId(),
                    line.workCategory(), line.usageType(), line.unitKind(), status, line.tariffId(), line.pricedWith(), false, false,
                    claimPeriod, 0, 0, BigDecimal.ZERO, Money.ofMinor(k.amountMinor(), c), pointer));
        }
        return out;
    }
}
