package io.fairshare.payout.it;

import static io.fairshare.payout.it.PayoutApi.id;
import static io.fairshare.payout.it.PayoutApi.issue;
import static io.fairshare.payout.it.PayoutApi.publishAndAwait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the database itself refuses, whatever the code does. */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class LedgerDatabaseTest {
    @Inject
    AgroalDataSource db;

    @BeforeEach
    void somethingIsPosted() throws Exception {
        publishAndAwait(db, issue("2026-06", id("plat-db"), Map.of(id("S-DB"), 12_000L)));
    }

    @AfterEach
    void theBooksStaySound() throws Exception {
        PayoutApi.assertBooksSound(db);
    }

    @Test
    void postingsAndTransactionsRefuseUpdateDeleteAndTruncate() {
        for (String sql : new String[] {
                "UPDATE posting SET amount = amount + 1 WHERE tx_id = (SELECT min(tx_id) FROM posting)",
                "DELETE FROM posting WHERE tx_id = (SELECT min(tx_id) FROM posting)",
                "TRUNCATE posting CASCADE",
                "UPDATE ledger_transaction SET source_id = 'x' WHERE tx_id = (SELECT min(tx_id) FROM ledger_transaction)",
                "DELETE FROM ledger_transaction WHERE tx_id = (SELECT min(tx_id) FROM ledger_transaction)",
                "TRUNCATE ledger_transaction CASCADE",
                "UPDATE account SET balance = balance + 1 WHERE acc_type = 'PAYABLE'",
                "DELETE FROM statement WHERE statement_id = (SELECT min(statement_id) FROM statement)"}) {
            SQLException e = assertThrows(SQLException.class, () -> execute(sql), sql);
            assertTrue(e.getMessage().contains("refused"), sql + ": " + e.getMessage());
        }
    }

    @Test
    void anUnbalancedTransactionIsRefusedAtCommit() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("INSERT INTO ledger_transaction (tx_id, source_kind, source_id) VALUES ('manual:unbalanced', 'RECEIPT', 'x/y')");
            s.executeUpdate("INSERT INTO posting (tx_id, line_no, acc_type, owner, period, currency, side, amount)"
                    + " VALUES ('manual:unbalanced', 0, 'CLEARING', 'bank', '', 'KRW', 'D', 100)");
            SQLException e = assertThrows(SQLException.class, c::commit);
            assertTrue(e.getMessage().contains("unbalanced in KRW by 100"), e.getMessage());
            c.rollback();
            c.setAutoCommit(true);
        }
        assertEquals(0, PayoutApi.count(db, "SELECT count(*) FROM ledger_transaction WHERE tx_id = 'manual:unbalanced'"));
    }

    @Test
    void aPayableCannotGoNegativeNorAnAmountBeZero() throws Exception {
        String payee = id("S-DB");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("INSERT INTO ledger_transaction (tx_id, source_kind, source_id) VALUES ('manual:overdraw', 'PAYOUT', 'x')");
            s.executeUpdate("INSERT INTO posting (tx_id, line_no, acc_type, owner, period, currency, side, amount)"
                    + " VALUES ('manual:overdraw', 0, 'CLEARING', 'bank', '', 'KRW', 'C', 12001)");
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO posting (tx_id, line_no, acc_type, owner, period, currency, side, amount)"
                            + " VALUES ('manual:overdraw', 1, 'PAYABLE', '" + payee + "', '2026-06', 'KRW', 'D', 12001)"));
            assertTrue(e.getMessage().contains("account_not_negative"), e.getMessage());
            c.rollback();
            SQLException zero = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO posting (tx_id, line_no, acc_type, owner, period, currency, side, amount)"
                            + " VALUES ('manual:zero', 0, 'CLEARING', 'bank', '', 'KRW', 'D', 0)"));
            assertTrue(zero.getMessage().contains("posting_amount_check"), zero.getMessage());
            c.rollback();
            c.setAutoCommit(true);
        }
        assertEquals(12_000, PayoutApi.payable(db, payee));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
