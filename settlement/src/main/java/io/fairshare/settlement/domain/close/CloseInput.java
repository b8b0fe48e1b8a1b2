package io.fairshare.settlement.domain.close;

import io.fairshare.settlement.domain.claim.ClaimAdjustment;
import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.tariff.RevenueDeclaration;
import io.fairshare.settlement.domain.tariff.StatutoryScheme;
import io.fairshare.settlement.domain.tariff.Tariff;
import io.fairshare.settlement.domain.usage.UsageRow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a close needs.
 *
 * @param period              the period being closed
 * @param rows                usage of the period, plus late usage of earlier, closed periods (adjustments);
 *                            the caller guarantees each row is settled in exactly one close
 * @param tariffs             licence tariffs by id
 * @param statutory           the statutory tariff and the reserved-usage penalty multiplier
 * @param revenueDeclarations each platform's declared revenue for the period (needed where a tariff has a revenue share)
 * @param claims              accepted claims of earlier periods not yet settled: they become adjustment lines; the
 *                            caller guarantees each is settled in exactly one close
 */
public record CloseInput(
        Period period,
        List<UsageRow> rows,
        Map<String, Tariff> tariffs,
        StatutoryScheme statutory,
        List<RevenueDeclaration> revenueDeclarations,
        List<ClaimAdjustment> claims) {

    /** A close without claims. */
    public CloseInput(Period period, List<UsageRow> rows, Map<String, Tariff> tariffs, StatutoryScheme statutory,
                      List<RevenueDeclaration> revenueDeclarations) {
        this(period, rows, tariffs, statutory, revenueDeclarations, List.of());
    }

    public CloseInput {
        claims = claims == null ? List.of() : List.copyOf(claims);
        rows = rows == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(rows));
        tariffs = tariffs == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(tariffs));
        revenueDeclarations = revenueDeclarations == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(revenueDeclarations));
    }
}
