package io.fairshare.payout.application;

import io.fairshare.contracts.statements.AmountCategory;
import io.fairshare.contracts.statements.StatementAmountV1;
import io.fairshare.contracts.statements.StatementIssuedV1;
import io.fairshare.payout.domain.statement.IssuedLine;
import io.fairshare.payout.domain.statement.IssuedStatement;
import io.fairshare.payout.domain.statement.LineCategory;
import io.fairshare.payout.domain.statement.StatementKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code fairshare.statements.issued.v1} announcement as the domain's {@link IssuedStatement}.
 *
 * <ul>
 *   <li>PLATFORM stays PLATFORM; SOCIETY and PARTY become the domain's SOCIETY kind, addressed to the payee:
 *       the society, or the party paid directly (its party id is its payee id: ledger owner, bank-details key).</li>
 *   <li>A line's payee is its {@code societyId}, else its {@code partyId} (a party paid directly); UNCLAIMED has none.</li>
 *   <li>Categories map one to one; RESERVED_PENALTY and DISPUTED go to holdbacks until a decision, as the domain says.</li>
 *   <li>Amounts carry no period of their own, so everything (late usage of {@code adjustsPeriods} included) is booked
 *       in the statement's period.</li>
 * </ul>
 * Whatever the mapping cannot make sense of is left for {@link IssuedStatement#validate()} to refuse with a reason.
 */
public final class StatementMapping {
    private StatementMapping() {
    }

    public static IssuedStatement toDomain(StatementIssuedV1 e) {
        List<IssuedLine> lines = new ArrayList<>();
        if (e.amounts() != null) {
            for (StatementAmountV1 a : e.amounts()) {
                lines.add(a == null ? null : new IssuedLine(payee(a), a.platformId(), category(a.category()), a.amountMinor(), null));
            }
        }
        if (e.kind() == null) {
            return new IssuedStatement(e.statementId(), e.periodId(), null, e.platformId(), null, e.currency(), lines);
        }
        return switch (e.kind()) {
            case PLATFORM -> new IssuedStatement(e.statementId(), e.periodId(), StatementKind.PLATFORM, e.platformId(),
                    e.societyId() != null ? e.societyId() : e.partyId(), e.currency(), lines);
            case SOCIETY -> new IssuedStatement(e.statementId(), e.periodId(), StatementKind.SOCIETY, e.platformId(), e.societyId(),
                    e.currency(), lines);
            case PARTY -> new IssuedStatement(e.statementId(), e.periodId(), StatementKind.SOCIETY, e.platformId(), e.partyId(),
                    e.currency(), lines);
        };
    }

    private static String payee(StatementAmountV1 a) {
        return a.societyId() != null ? a.societyId() : a.partyId();
    }

    private static LineCategory category(AmountCategory c) {
        return c == null ? null : LineCategory.valueOf(c.name());
    }
}
