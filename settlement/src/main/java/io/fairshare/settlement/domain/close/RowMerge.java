package io.fairshare.settlement.domain.close;

import io.fairshare.settlement.domain.outcome.CloseError;

import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.period.PeriodCalendar;
import io.fairshare.settlement.domain.pricing.PricedLine;
import io.fairshare.settlement.domain.pricing.PricedTariff;
import io.fairshare.settlement.domain.pricing.Pricing;
import io.fairshare.settlement.domain.pricing.PricingTerms;
import io.fairshare.settlement.domain.pricing.Receiver;
import io.fairshare.settlement.domain.tariff.BasisPoints;
import io.fairshare.settlement.domain.usage.UsageAggregator;
import io.fairshare.settlement.domain.usage.UsageRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merging rule of a close: every valid row of the period, or of an earlier one (an adjustment), is
 * added to the rows with the same key; the merged rows, in {@link UsageRow#KEY_ORDER}, become lines with
 * their pricing tariff and receiver. A row of a later period, or an invalid one, is an error.
 */
final class RowMerge {
    private final PeriodCalendar calendar;

    RowMerge(PeriodCalendar calendar) {
        this.calendar = calendar;
    }

    List<PricedLine> lines(List<UsageRow> rows, Period period, PricingTerms terms, List<CloseError> errors) {
        Map<UsageRow, UsageRow> merged = new HashMap<>(rows.size() * 2);
        Map<String, Period> periods = new HashMap<>();
        for (UsageRow row : rows) {
            if (row == null) {
                errors.add(new CloseError("ROW_INVALID", "row null", "a usage row is null"));
                continue;
            }
            String subject = subject(row);
            int before = errors.size();
            if (UsageAggregator.isBlank(row.platformId()) || UsageAggregator.isBlank(row.workId())) {
                errors.add(new CloseError("ROW_INVALID", subject, "platformId and workId are required"));
            }
            if (row.usageType() == null || row.unitKind() == null) {
                errors.add(new CloseError("ROW_INVALID", subject, "usageType and unitKind are required"));
            }
            errors.addAll(UsageAggregator.validateLine(subject, row.status(), row.partyId(), row.tariffId(), BasisPoints.WHOLE));
            if (row.events() < 1 || row.units() < 1 || row.attributedUnits() == null || row.attributedUnits().signum() <= 0) {
                errors.add(new CloseError("ROW_INVALID", subject, "events, units and attributedUnits must be positive"));
            }
            Period usage = periods.computeIfAbsent(String.valueOf(row.usagePeriod()), id -> calendar.parse(id).orElse(null));
            if (usage == null) {
                errors.add(new CloseError("ROW_INVALID", subject, "usagePeriod " + row.usagePeriod() + " is not a period id of the calendar"));
            } else if (period.isBefore(usage)) {
                errors.add(new CloseError("ROW_FROM_LATER_PERIOD", subject,
                        "usage of " + usage.id() + " cannot be settled in the close of the earlier period " + period.id()));
            }
            if (errors.size() == before) {
                merged.merge(row.key(), row, UsageRow::plus);
            }
        }
        List<UsageRow> sorted = new ArrayList<>(merged.values());
        sorted.sort(UsageRow.KEY_ORDER);
        List<PricedLine> lines = new ArrayList<>(sorted.size());
        Set<String> reported = new HashSet<>();
        for (UsageRow row : sorted) {
            PricedTariff pricing = Pricing.pricingTariff(row, terms, errors, reported);
            if (pricing != null) {
                lines.add(new PricedLine(row, !row.usagePeriod().equals(period.id()), pricing, Receiver.of(row)));
            }
        }
        return lines;
    }

    /** What an error about a row names: platform, period, work and party. */
    private static String subject(UsageRow row) {
        return "row " + row.platformId() + "/" + row.usagePeriod() + "/" + row.workId() + "/" + row.partyId();
    }
}
