package io.fairshare.payout.domain.statement;

import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.ledger.BalanceOverlay;
import io.fairshare.payout.domain.ledger.Balances;
import io.fairshare.payout.domain.ledger.CreditApplication;
import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.ledger.Posting;
import io.fairshare.payout.domain.ledger.RecoveryOffset;
import io.fairshare.payout.domain.ledger.SourceKind;
import io.fairshare.payout.domain.ledger.SourceRef;
import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.outcome.Rejection;
import io.fairshare.payout.domain.outcome.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The posting rule of an issued statement: a pure function from the statement and the current balances to
 * balanced ledger transactions with deterministic ids (the caller posts them atomically). The README has the
 * table of every rule.
 */
public final class StatementPosting {
    private StatementPosting() {
    }

    public static String transactionId(String statementId) {
        return "statement:" + statementId;
    }

    /**
     * Postings for an issued statement. A SOCIETY statement posts nothing (it is the same money seen from the
     * society; reconciliation uses it). A PLATFORM statement, with each line's money in the line's period:
     * <ul>
     *   <li>positive amounts: Cr PAYABLE (LICENSED, UNLICENSED) or the holdback (RESERVED_PENALTY, DISPUTED,
     *       UNCLAIMED), Dr RECEIVABLE of the platform;</li>
     *   <li>negative amounts (a credit note), netted per account first: Dr PAYABLE up to its balance, the rest
     *       Dr RECOVERABLE; Cr RECEIVABLE up to what is open, the rest Cr PLATFORM_CREDIT. A credit larger
     *       than a holdback's balance is refused (the money was already decided; a person must look).</li>
     * </ul>
     * followed by {@link CreditApplication} and {@link RecoveryOffset} where they apply.
     */
    public static Result<List<LedgerTransaction>> postingsFor(IssuedStatement statement, Balances balances) {
        Optional<Rejection> invalid = statement.validate();
        if (invalid.isPresent()) {
            return Result.rejected(invalid.get());
        }
        if (statement.kind() == StatementKind.SOCIETY) {
            return Result.ok(List.of());
        }
        String ccy = statement.currency();
        String platform = statement.platformId();
        Map<AccountId, Long> byAccount = new TreeMap<>();
        Map<String, Long> byPeriod = new TreeMap<>();
        for (IssuedLine line : statement.lines()) {
            if (line.amount() == 0) {
                continue;
            }
            String period = statement.periodOf(line);
            byAccount.merge(targetOf(line, platform, period, ccy), line.amount(), Math::addExact);
            byPeriod.merge(period, line.amount(), Math::addExact);
        }
        List<Posting> postings = new ArrayList<>();
        for (Map.Entry<AccountId, Long> e : byAccount.entrySet()) {
            if (e.getValue() > 0) {
                postings.add(Posting.increase(e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<AccountId, Long> e : byAccount.entrySet()) {
            if (e.getValue() >= 0) {
                continue;
            }
            AccountId account = e.getKey();
            long credit = -e.getValue();
            long available = Math.max(0, balances.balance(account));
            if (account.type() == AccountType.PAYABLE) {
                long fromPayable = Math.min(credit, available);
                if (fromPayable > 0) {
                    postings.add(Posting.decrease(account, fromPayable));
                }
                if (credit > fromPayable) {
                    postings.add(Posting.increase(AccountId.recoverable(account.owner(), account.period(), ccy), credit - fromPayable));
                }
            } else {
                if (credit > available) {
                    return Result.rejected(ErrorCode.HOLDBACK_CREDIT_EXCEEDS_BALANCE, "statement " + statement.statementId()
                            + " credits " + credit + " to " + account + " which holds " + available);
                }
                postings.add(Posting.decrease(account, credit));
            }
        }
        for (Map.Entry<String, Long> e : byPeriod.entrySet()) {
            AccountId receivable = AccountId.receivable(platform, e.getKey(), ccy);
            long net = e.getValue();
            if (net > 0) {
                postings.add(Posting.increase(receivable, net));
            } else if (net < 0) {
                long credit = -net;
                long fromReceivable = Math.min(credit, Math.max(0, balances.balance(receivable)));
                if (fromReceivable > 0) {
                    postings.add(Posting.decrease(receivable, fromReceivable));
                }
                if (credit > fromReceivable) {
                    postings.add(Posting.increase(AccountId.platformCredit(platform, e.getKey(), ccy), credit - fromReceivable));
                }
            }
        }
        if (postings.isEmpty()) {
            return Result.ok(List.of());
        }
        String id = statement.statementId();
        LedgerTransaction main = new LedgerTransaction(transactionId(id), new SourceRef(SourceKind.STATEMENT, id), postings);
        List<LedgerTransaction> result = new ArrayList<>(List.of(main));
        BalanceOverlay after = new BalanceOverlay(balances).apply(main);
        CreditApplication.postingsFor(List.of(platform), ccy, after, main.id() + ":credit-applied", id).ifPresent(tx -> {
            result.add(tx);
            after.apply(tx);
        });
        RecoveryOffset.postingsFor(societiesIn(main), ccy, after, main.id() + ":recovery-offset", id).ifPresent(result::add);
        return Result.ok(result);
    }

    private static AccountId targetOf(IssuedLine line, String platform, String period, String ccy) {
        return switch (line.category()) {
            case LICENSED, UNLICENSED -> AccountId.payable(line.societyId(), period, ccy);
            case RESERVED_PENALTY -> AccountId.reserved(line.societyId(), period, ccy);
            case DISPUTED -> AccountId.disputed(line.societyId(), period, ccy);
            case UNCLAIMED -> AccountId.unclaimed(platform, period, ccy);
        };
    }

    private static SortedSet<String> societiesIn(LedgerTransaction tx) {
        SortedSet<String> societies = new TreeSet<>();
        for (Posting p : tx.postings()) {
            if (p.account().type() == AccountType.PAYABLE || p.account().type() == AccountType.RECOVERABLE) {
                societies.add(p.account().owner());
            }
        }
        return societies;
    }
}
