package io.fairshare.settlement.domain.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which period an instant belongs to, in the scheme's time zone. Default: monthly in Asia/Seoul, so
 * {@code 2026-11-30T15:00:00Z} (midnight on 1 December in Seoul) is already in {@code 2026-12}.
 */
public record PeriodCalendar(ZoneId zone, PeriodLength length) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Seoul");
    private static final Pattern MONTH_ID = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER_ID = Pattern.compile("(\\d{4})-Q([1-4])");

    public PeriodCalendar {
        if (zone == null || length == null) {
            throw new IllegalArgumentException("zone and length are required");
        }
    }

    public static PeriodCalendar defaults() {
        return new PeriodCalendar(DEFAULT_ZONE, PeriodLength.MONTHLY);
    }

    public Period periodOf(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, zone);
        int firstMonth = ((day.getMonthValue() - 1) / length.months()) * length.months() + 1;
        return periodStarting(YearMonth.of(day.getYear(), firstMonth));
    }

    public Period next(Period period) {
        return periodStarting(YearMonth.from(period.firstDay()).plusMonths(length.months()));
    }

    public Period previous(Period period) {
        return periodStarting(YearMonth.from(period.firstDay()).minusMonths(length.months()));
    }

    /** The period with this id, or empty if the id is not of this calendar's form. */
    public Optional<Period> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Matcher m = (length == PeriodLength.MONTHLY ? MONTH_ID : QUARTER_ID).matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int month = length == PeriodLength.MONTHLY ? Integer.parseInt(m.group(2)) : (Integer.parseInt(m.group(2)) - 1) * 3 + 1;
        return Optional.of(periodStarting(YearMonth.of(year, month)));
    }

    private Period periodStarting(YearMonth first) {
        String id = length == PeriodLength.MONTHLY
                ? first.toString()
                : String.format("%04d-Q%d", first.getYear(), (first.getMonthValue() - 1) / 3 + 1);
        return new Period(id, zone, first.atDay(1), first.plusMonths(length.months()).atDay(1));
    }
}
