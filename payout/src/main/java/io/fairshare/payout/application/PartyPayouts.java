package io.fairshare.payout.application;

import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.PaymentStatus;
import io.fairshare.payout.domain.run.CarriedForward;
import io.fairshare.payout.domain.run.PayoutRun;
import io.fairshare.payout.domain.statement.IssuedLine;
import io.fairshare.payout.domain.statement.IssuedStatement;
import io.fairshare.payout.domain.statement.StatementKind;
import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.persistence.PayoutDatabase;
import io.fairshare.service.audit.AdminAudit;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.Roles;
import io.fairshare.service.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A party paid directly reads its own payout state: the statements addressed to it, what is owed and not yet
 * paid, what is held and why, what was sent and its status with the bank, and what a run carried forward and why.
 * Who may: the party itself, the operator, and an auditor within its scope (statement lines of its platforms and
 * periods, balances and payments of its periods; every auditor read is audit-logged). Anyone else, and a party
 * payout knows nothing of, gets the same 404: nothing says whether the party exists. (A society's members are paid
 * through the society: their money is in the society's own payouts, which payout does not split by member.)
 */
@ApplicationScoped
public class PartyPayouts {
    public record Line(String platformId, String category, long amountMinor, String correctsPeriod) {
    }

    public record Statement(String statementId, String periodId, String currency, List<Line> lines) {
    }

    /** A ledger balance of the party's, with what it means for the party. */
    public record Balance(String account, String type, String periodId, String currency, long balanceMinor, String meaning) {
    }

    public record Paid(String endToEndId, String runId, String valueDate, String currency, long amountMinor, List<String> periods,
                       String status) {
    }

    public record Carried(String runId, String currency, long amountMinor, String reason, long thresholdMinor) {
    }

    public record View(String partyId, List<Statement> statements, List<Balance> balances, List<Paid> payments, List<Carried> carriedForward) {
        boolean isEmpty() {
            return statements.isEmpty() && balances.isEmpty() && payments.isEmpty() && carriedForward.isEmpty();
        }
    }

    private final PayoutDatabase db;
    private final AdminAudit audit;

    public PartyPayouts(PayoutDatabase db, AdminAudit audit) {
        this.db = db;
        this.audit = audit;
    }

    public View of(Caller caller, String partyId) {
        boolean own = caller.isOwn(Roles.PARTY, partyId);
        boolean auditor = caller.is(Roles.AUDITOR) && !caller.scope().isEmpty();
        if (!own && !caller.isOperator() && !auditor) {
            throw notFound(partyId);
        }
        Scope scope = auditor ? caller.scope() : Scope.of(List.of(Scope.ALL), List.of(Scope.ALL));
        View v = db.read(tx -> read(new Books(tx.book().records().statements(), tx.balancesFromPostings(),
                tx.book().records().paymentStatuses(), tx.book().records().runs()), partyId, scope));
        if (auditor) {
            audit.record(caller, "READ_PARTY_PAYOUTS", "party/" + partyId, "scope platforms " + scope.platforms() + ", periods " + scope.periods());
        }
        if (!own && v.isEmpty()) {
            throw notFound(partyId);
        }
        return v;
    }

    /** What the view is made of, read in one snapshot. */
    private record Books(List<IssuedStatement> statements, List<PayoutDatabase.AccountBalance> balances, Map<String, PaymentStatus> statuses,
                         List<PayoutRun> runs) {
    }

    private static View read(Books tx, String partyId, Scope scope) {
        List<Statement> statements = new ArrayList<>();
        for (IssuedStatement s : tx.statements()) {
            if (s.kind() != StatementKind.SOCIETY || !partyId.equals(s.societyId()) || s.lines() == null) {
                continue;
            }
            List<Line> lines = new ArrayList<>();
            for (IssuedLine l : s.lines()) {
                String platform = s.platformOf(l);
                if (scope.mayRead(platform, s.periodOf(l))) {
                    lines.add(new Line(platform, l.category() == null ? null : l.category().name(), l.amount(), l.correctsPeriod()));
                }
            }
            if (!lines.isEmpty()) {
                statements.add(new Statement(s.statementId(), s.periodId(), s.currency(), lines));
            }
        }
        List<Balance> balances = new ArrayList<>();
        for (PayoutDatabase.AccountBalance b : tx.balances()) {
            AccountId a = b.account();
            String type = a.type().name();
            String period = a.period() == null || a.period().isEmpty() ? null : a.period();
            if (partyId.equals(a.owner()) && b.balance() != 0 && MEANINGS.containsKey(type)
                    && (period == null ? scope.periods().contains(Scope.ALL) : scope.coversPeriod(period))) {
                balances.add(new Balance(type + ":" + a.owner() + (period == null ? "" : ":" + period) + ":" + a.currency(), type,
                        period, a.currency(), b.balance(), MEANINGS.get(type)));
            }
        }
        Map<String, PaymentStatus> statuses = tx.statuses();
        List<Paid> payments = new ArrayList<>();
        List<Carried> carried = new ArrayList<>();
        for (PayoutRun run : tx.runs()) {
            for (Payment p : run.payments()) {
                if (partyId.equals(p.societyId()) && p.periods().stream().allMatch(scope::coversPeriod)) {
                    payments.add(new Paid(p.endToEndId(), run.runId(), run.valueDate().toString(), p.currency(), p.amount(), p.periods(),
                            statuses.getOrDefault(p.endToEndId(), PaymentStatus.PLANNED).name()));
                }
            }
            for (CarriedForward c : run.carriedForward()) {
                if (partyId.equals(c.societyId()) && scope.periods().contains(Scope.ALL)) {
                    carried.add(new Carried(run.runId(), c.currency(), c.amount(), c.reason().name(), c.threshold()));
                }
            }
        }
        return new View(partyId, statements, balances, payments, carried);
    }

    private static final Map<String, String> MEANINGS = Map.of(
            AccountType.PAYABLE.name(), "owed to you and not yet paid (the next payout run pays it once it reaches your minimum payout)",
            AccountType.HOLDBACK_DISPUTED.name(), "held: the shares of the work are disputed (over-claimed) until the operator decides",
            AccountType.HOLDBACK_RESERVED.name(), "held: the penalty for use against a reservation, until the operator decides who receives it",
            AccountType.IN_TRANSIT.name(), "sent to your bank, not yet confirmed by it",
            AccountType.RECOVERABLE.name(), "paid to you in excess (a later credit), to be recovered from what you are owed next");

    private static ApiProblem notFound(String partyId) {
        return ApiProblem.notFound("no payouts for party " + partyId);
    }
}
