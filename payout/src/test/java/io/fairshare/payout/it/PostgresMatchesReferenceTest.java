package io.fairshare.payout.it;

import static io.fairshare.payout.it.PayoutApi.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.payout.domain.Handled;
import io.fairshare.payout.domain.InMemoryPayoutRecords;
import io.fairshare.payout.domain.PayoutBook;
import io.fairshare.payout.domain.outcome.Result;
import io.fairshare.payout.domain.ledger.AccountId;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.ledger.LedgerInvariants;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.domain.run.HoldbackRelease;
import io.fairshare.payout.domain.statement.IssuedLine;
import io.fairshare.payout.domain.statement.IssuedStatement;
import io.fairshare.payout.domain.statement.LineCategory;
import io.fairshare.payout.persistence.PayoutDatabase;
import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL ledger and records against the in-memory reference: seeded random histories of statements
 * (credit notes, holdbacks, unclaimed shares, redeliveries with the same or other content), receipts and
 * holdback releases, each applied to both books, must give equal results, the same transactions, and equal
 * balances. Each history runs in one database transaction that is rolled back at the end, so that its documents
 * (society statements that match no platform statement, among others) never reach the other tests' books.
 */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class PostgresMatchesReferenceTest {
    private static final int SEEDS = 3;
    private static final int STEPS = 70;

    @Inject
    PayoutDatabase database;

    /** Thrown at the end of a history to roll its transaction back. */
    private static final class Discard extends RuntimeException {
        Discard() {
            super("history checked; rolled back", null, false, false);
        }
    }

    @Test
    void randomHistoriesGiveTheSameResultsTransactionsAndBalancesAsTheReference() {
        Map<Handled.Outcome, Integer> outcomes = new HashMap<>(); // null: refused
        for (long seed = 1; seed <= SEEDS; seed++) {
            Random rnd = new Random(seed);
            String tag = id("H" + seed);
            PayoutBook memory = InMemoryPayoutRecords.book();
            List<IssuedStatement> delivered = new ArrayList<>();
            long currentSeed = seed;
            try {
                database.write(tx -> {
                    play(rnd, tag, memory, tx.book(), delivered, outcomes, currentSeed);
                    for (AccountType type : AccountType.values()) {
                        if (type == AccountType.CLEARING) {
                            continue; // the one bank account is shared with every other test's receipts
                        }
                        for (AccountId a : memory.ledger().accounts(type)) {
                            assertEquals(memory.ledger().balance(a), tx.book().ledger().balance(a), a.toString());
                            assertTrue(tx.book().ledger().accounts(type).contains(a), a.toString());
                        }
                    }
                    LedgerInvariants.assertHold(tx.book().ledger());
                    throw new Discard();
                });
            } catch (Discard expected) {
                // the history's transaction is rolled back
            }
        }
        for (Handled.Outcome o : Handled.Outcome.values()) {
            assertTrue(outcomes.getOrDefault(o, 0) > 0, "no step ended " + o + ": " + outcomes);
        }
        assertTrue(outcomes.getOrDefault(null, 0) > 0, "no step was refused: " + outcomes);
    }

    private static void play(Random rnd, String tag, PayoutBook memory, PayoutBook postgres, List<IssuedStatement> delivered,
                             Map<Handled.Outcome, Integer> outcomes, long seed) {
        List<String> societies = List.of("HS1-" + tag, "HS2-" + tag, "HS3-" + tag);
        String platform = "HP-" + tag;
        for (int step = 1; step <= STEPS; step++) {
            String period = String.format("2025-%02d", 1 + step / 8);
            Function<PayoutBook, Result<Handled>> op;
            int dice = rnd.nextInt(100);
            if (dice < 45 || delivered.isEmpty()) {
                IssuedStatement s = statement(rnd, tag + "-st" + step, period, platform, societies);
                delivered.add(s);
                op = book -> book.receiveStatement(s);
            } else if (dice < 70) {
                Receipt r = new Receipt(platform, "k" + step, "KRW", 1 + rnd.nextInt(60_000), LocalDate.of(2025, 6, 1), "ref");
                op = book -> book.receivePayment(r);
            } else if (dice < 85) {
                IssuedStatement again = delivered.get(rnd.nextInt(delivered.size()));
                IssuedStatement s = rnd.nextBoolean() ? again : new IssuedStatement(again.statementId(), again.periodId(), again.kind(),
                        again.platformId(), again.societyId(), again.currency(), List.of(IssuedLine.of(societies.get(0), LineCategory.LICENSED, 1)));
                op = book -> book.receiveStatement(s);
            } else {
                List<AccountId> held = new ArrayList<>();
                for (AccountType t : List.of(AccountType.HOLDBACK_DISPUTED, AccountType.HOLDBACK_RESERVED, AccountType.HOLDBACK_UNCLAIMED)) {
                    memory.ledger().accounts(t).stream().filter(a -> memory.ledger().balance(a) > 0).forEach(held::add);
                }
                if (held.isEmpty()) {
                    continue;
                }
                AccountId h = held.get(rnd.nextInt(held.size()));
                long amount = 1 + rnd.nextInt((int) Math.min(Integer.MAX_VALUE - 1, memory.ledger().balance(h) + 2_000));
                HoldbackRelease.Beneficiary to = h.type() == AccountType.HOLDBACK_UNCLAIMED && rnd.nextBoolean()
                        ? HoldbackRelease.Beneficiary.platform(platform) : HoldbackRelease.Beneficiary.society(societies.get(rnd.nextInt(3)));
                HoldbackRelease release = new HoldbackRelease(tag + "-rel" + step, h, amount, to);
                op = book -> book.releaseHoldback(release);
            }
            Result<Handled> expected = op.apply(memory);
            Result<Handled> actual = op.apply(postgres);
            assertEquals(expected, actual, "seed " + seed + " step " + step);
            outcomes.merge(expected instanceof Result.Ok<Handled> ok ? ok.value().outcome() : null, 1, Integer::sum);
        }
    }

    /** A platform statement: licensed, unlicensed, held and unclaimed lines, now and then a credit on an earlier period. */
    private static IssuedStatement statement(Random rnd, String id, String period, String platform, List<String> societies) {
        List<IssuedLine> lines = new ArrayList<>();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            LineCategory c = LineCategory.values()[rnd.nextInt(LineCategory.values().length)];
            String society = c == LineCategory.UNCLAIMED ? null : societies.get(rnd.nextInt(societies.size()));
            long amount = 1 + rnd.nextInt(40_000);
            lines.add(rnd.nextInt(5) == 0 && !period.equals("2025-01")
                    ? IssuedLine.adjustment(society, c, -amount, "2025-01")
                    : IssuedLine.of(society, c, amount));
        }
        if (rnd.nextInt(6) == 0) {
            String society = societies.get(0);
            return IssuedStatement.society(id, period, society, "KRW", lines.stream().filter(l -> l.category() != LineCategory.UNCLAIMED)
                    .map(l -> new IssuedLine(society, null, l.category(), Math.abs(l.amount()), null)).toList());
        }
        return IssuedStatement.platform(id, period, platform, "KRW", lines);
    }

}
