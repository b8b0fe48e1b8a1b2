package io.fairshare.payout.persistence;

import io.fairshare.payout.domain.PayoutRecords;
import io.fairshare.payout.domain.payment.BankDetails;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.PaymentStatus;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.domain.run.HoldbackRelease;
import io.fairshare.payout.domain.run.PayoutRun;
import io.fairshare.payout.domain.statement.IssuedStatement;
import io.fairshare.service.persistence.StorageException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link PayoutRecords} in PostgreSQL, on the connection of the ledger's transaction (see {@link PayoutDatabase}).
 * Documents are stored as JSON beside their keys; statements, receipts, runs, payments and releases are
 * append-only (a trigger refuses UPDATE and DELETE). Lists come back in arrival order.
 */
public final class PgPayoutRecords implements PayoutRecords {
    private final Connection c;

    public PgPayoutRecords(Connection connection) {
        this.c = connection;
    }

    @Override
    public Optional<IssuedStatement> statement(String statementId) {
        return one("SELECT body FROM statement WHERE statement_id = ?", statementId, IssuedStatement.class);
    }

    @Override
    public void saveStatement(IssuedStatement s) {
        update("INSERT INTO statement (statement_id, kind, period_id, body) VALUES (?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING",
                s.statementId(), s.kind().name(), s.periodId(), Json.write(s));
    }

    @Override
    public List<IssuedStatement> statements() {
        return all("SELECT body FROM statement ORDER BY seq", IssuedStatement.class);
    }

    @Override
    public Optional<Receipt> receipt(String sourceId) {
        return one("SELECT body FROM receipt WHERE source_id = ?", sourceId, Receipt.class);
    }

    @Override
    public void saveReceipt(Receipt r) {
        update("INSERT INTO receipt (source_id, platform_id, body) VALUES (?, ?, ?::jsonb) ON CONFLICT DO NOTHING",
                r.sourceId(), r.platformId(), Json.write(r));
    }

    @Override
    public List<Receipt> receipts() {
        return all("SELECT body FROM receipt ORDER BY seq", Receipt.class);
    }

    @Override
    public Optional<PayoutRun> run(String runId) {
        return one("SELECT body FROM payout_run WHERE run_id = ?", runId, PayoutRun.class);
    }

    @Override
    public void saveRun(PayoutRun run) {
        int inserted = update("INSERT INTO payout_run (run_id, value_date, created_at, body) VALUES (?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING",
                run.runId(), Date.valueOf(run.valueDate()), Timestamp.from(run.createdAt()), Json.write(run));
        if (inserted == 0) {
            return;
        }
        for (Payment p : run.payments()) {
            update("INSERT INTO payment (end_to_end_id, run_id, payee_id, currency, amount, body) VALUES (?, ?, ?, ?, ?, ?::jsonb)",
                    p.endToEndId(), run.runId(), p.societyId(), p.currency(), p.amount(), Json.write(p));
            update("INSERT INTO payment_status (end_to_end_id, status) VALUES (?, ?)", p.endToEndId(), PaymentStatus.PLANNED.name());
        }
    }

    @Override
    public List<PayoutRun> runs() {
        return all("SELECT body FROM payout_run ORDER BY seq", PayoutRun.class);
    }

    @Override
    public Optional<Payment> payment(String endToEndId) {
        return one("SELECT body FROM payment WHERE end_to_end_id = ?", endToEndId, Payment.class);
    }

    @Override
    public Optional<PaymentStatus> paymentStatus(String endToEndId) {
        return one("SELECT status FROM payment_status WHERE end_to_end_id = ?", endToEndId, String.class).map(PaymentStatus::valueOf);
    }

    @Override
    public void savePaymentStatus(String endToEndId, PaymentStatus status) {
        if (update("UPDATE payment_status SET status = ?, updated_at = now() WHERE end_to_end_id = ?", status.name(), endToEndId) == 0) {
            throw new IllegalArgumentException("unknown payment " + endToEndId);
        }
    }

    @Override
    public Map<String, PaymentStatus> paymentStatuses() {
        Map<String, PaymentStatus> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT end_to_end_id, status FROM payment_status");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), PaymentStatus.valueOf(rs.getString(2)));
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
        return out;
    }

    @Override
    public Optional<HoldbackRelease> release(String releaseId) {
        return one("SELECT body FROM holdback_release WHERE release_id = ?", releaseId, HoldbackRelease.class);
    }

    @Override
    public void saveRelease(HoldbackRelease release) {
        update("INSERT INTO holdback_release (release_id, body) VALUES (?, ?::jsonb) ON CONFLICT DO NOTHING", release.releaseId(), Json.write(release));
    }

    @Override
    public List<HoldbackRelease> releases() {
        return all("SELECT body FROM holdback_release ORDER BY seq", HoldbackRelease.class);
    }

    @Override
    public Optional<BankDetails> bankDetails(String payeeId) {
        return one("SELECT body FROM bank_details WHERE payee_id = ?", payeeId, BankDetails.class);
    }

    @Override
    public void saveBankDetails(String payeeId, BankDetails details) {
        update("INSERT INTO bank_details (payee_id, body) VALUES (?, ?::jsonb)"
                + " ON CONFLICT (payee_id) DO UPDATE SET body = EXCLUDED.body, registered_at = now()", payeeId, Json.write(details));
    }

    @Override
    public Map<String, BankDetails> bankDetails() {
        Map<String, BankDetails> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT payee_id, body FROM bank_details");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), Json.read(rs.getString(2), BankDetails.class));
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
        return out;
    }

    private <T> Optional<T> one(String sql, String key, Class<T> type) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(type == String.class ? type.cast(rs.getString(1)) : Json.read(rs.getString(1), type));
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private <T> List<T> all(String sql, Class<T> type) {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(Json.read(rs.getString(1), type));
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
        return out;
    }

    private int update(String sql, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
