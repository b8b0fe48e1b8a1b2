package io.fairshare.settlement.application;

import io.fairshare.contracts.statements.AmountCategory;
import io.fairshare.contracts.statements.StatementAmountV1;
import io.fairshare.contracts.statements.StatementIssuedV1;
import io.fairshare.contracts.statements.StatementKind;
import io.fairshare.settlement.domain.statement.IssuedStatements;
import io.fairshare.settlement.domain.payee.PayeeKind;
import io.fairshare.settlement.domain.statement.PlatformStatement;
import io.fairshare.settlement.domain.statement.SocietyStatement;
import io.fairshare.settlement.domain.statement.StatementLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The announcements of a close ({@link StatementIssuedV1}), made from its issued statements. A
 * payee's amounts are its lines, adjustments and violations by platform and category (they sum to
 * its total) plus its held (DISPUTED) lines; a platform's are the payees' amounts from that platform
 * plus its UNCLAIMED and disputed holdbacks (they sum to its total).
 */
final class Announcements {
    private Announcements() {
    }

    static StatementIssuedV1 of(SocietyStatement s, Instant issuedAt) {
        boolean society = s.payee().kind() == PayeeKind.SOCIETY;
        return new StatementIssuedV1(s.statementId(), society ? StatementKind.SOCIETY : StatementKind.PARTY, s.period().id(),
                society ? s.payee().id() : null, society ? null : s.payee().id(), null, s.currency().code(), s.totals().total().minor(),
                s.sha256(), adjusted(s.adjustments(), s.violations(), s.held()), payeeAmounts(s, true), issuedAt);
    }

    static StatementIssuedV1 of(PlatformStatement p, IssuedStatements all, Instant issuedAt) {
        Sums sums = new Sums();
        List<StatementLine> fromPayees = new ArrayList<>();
        for (SocietyStatement s : all.societyStatements()) {
            for (StatementAmountV1 a : payeeAmounts(s, false)) {
                if (a.platformId().equals(p.platformId())) {
                    sums.add(a.platformId(), a.societyId(), a.partyId(), a.category(), a.amountMinor());
                }
            }
            for (List<StatementLine> section : List.of(s.adjustments(), s.violations())) {
                section.stream().filter(l -> l.platformId().equals(p.platformId())).forEach(fromPayees::add);
            }
        }
        for (StatementLine l : p.unclaimed()) {
            sums.add(l.platformId(), null, null, AmountCategory.UNCLAIMED, l.amount().minor());
        }
        for (StatementLine l : p.disputed()) {
            sums.add(l.platformId(), l.societyId(), l.societyId() == null ? l.partyId() : null, AmountCategory.DISPUTED, l.amount().minor());
        }
        return new StatementIssuedV1(p.statementId(), StatementKind.PLATFORM, p.period().id(), null, null, p.platformId(),
                p.currency().code(), p.totals().total().minor(), p.sha256(), adjusted(fromPayees, p.unclaimed(), p.disputed()),
                sums.list(), issuedAt);
    }

    private static List<StatementAmountV1> payeeAmounts(SocietyStatement s, boolean withHeld) {
        String society = s.payee().kind() == PayeeKind.SOCIETY ? s.payee().id() : null;
        String party = society == null ? s.payee().id() : null;
        Sums sums = new Sums();
        for (List<StatementLine> section : List.of(s.lines(), s.adjustments(), s.violations())) {
            for (StatementLine l : section) {
                sums.add(l.platformId(), society, party, category(l), l.amount().minor());
            }
        }
        if (withHeld) {
            for (StatementLine l : s.held()) {
                sums.add(l.platformId(), society, party, AmountCategory.DISPUTED, l.amount().minor());
            }
        }
        return sums.list();
    }

    private static AmountCategory category(StatementLine l) {
        return switch (l.status()) {
            case LICENSED -> AmountCategory.LICENSED;
            case UNLICENSED -> AmountCategory.UNLICENSED;
            case RESERVED -> AmountCategory.RESERVED_PENALTY;
            case UNCLAIMED -> AmountCategory.UNCLAIMED;
        };
    }

    @SafeVarargs
    private static List<String> adjusted(List<StatementLine>... sections) {
        TreeSet<String> periods = new TreeSet<>();
        for (List<StatementLine> section : sections) {
            for (StatementLine l : section) {
                if (l.correctsPeriod() != null) {
                    periods.add(l.correctsPeriod());
                }
            }
        }
        return List.copyOf(periods);
    }

    /** Sums by (platform, society, party, category), in that order; zero sums are left out. */
    private static final class Sums {
        private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
        private static final Comparator<StatementAmountV1> ORDER = Comparator.comparing(StatementAmountV1::platformId)
                .thenComparing(StatementAmountV1::societyId, NULLS_FIRST)
                .thenComparing(StatementAmountV1::partyId, NULLS_FIRST)
                .thenComparing(StatementAmountV1::category);
        private final Map<StatementAmountV1, Long> sums = new TreeMap<>(ORDER);

        void add(String platformId, String societyId, String partyId, AmountCategory category, long minor) {
            sums.merge(new StatementAmountV1(platformId, societyId, partyId, category, 0), minor, Math::addExact);
        }

        List<StatementAmountV1> list() {
            List<StatementAmountV1> out = new ArrayList<>();
            sums.forEach((k, v) -> {
                if (v != 0) {
                    out.add(new StatementAmountV1(k.platformId(), k.societyId(), k.partyId(), k.category(), v));
                }
            });
            return out;
        }
    }
}
