package io.fairshare.settlement.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import io.fairshare.service.audit.AdminAudit;
import io.fairshare.service.persistence.Transactions;
import io.fairshare.service.security.Caller;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tariffs (immutable per id), statutory scheme versions and revenue declarations; bodies are JSON text.
 * Every change writes its {@code admin_audit} row in its own transaction: both are stored or neither.
 */
@ApplicationScoped
public class TermsStore {
    private final Transactions tx;

    public TermsStore(AgroalDataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    /**
     * Inserts a tariff unless its id exists, audited as {@code actor}'s; returns empty if inserted, else
     * the body already stored under the id (nothing written, nothing audited).
     */
    public Optional<String> insertTariff(Caller actor, String id, String body) {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tariff (tariff_id, body) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, id);
                ps.setString(2, body);
                if (ps.executeUpdate() == 1) {
                    AdminAudit.record(c, actor, "CREATE_TARIFF", "tariff/" + id, body);
                    return Optional.empty();
                }
            }
            return Optional.of(tariff(c, id).orElseThrow());
        });
    }

    public Optional<String> tariff(String id) {
        return tx.write(c -> tariff(c, id));
    }

    private static Optional<String> tariff(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM tariff WHERE tariff_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Every tariff body by id. */
    public Map<String, String> tariffs() {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT tariff_id, body FROM tariff ORDER BY tariff_id");
                 ResultSet rs = ps.executeQuery()) {
                Map<String, String> out = new LinkedHashMap<>();
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
                return out;
            }
        });
    }

    /** Stores a new statutory scheme version, audited as {@code actor}'s. */
    public void putStatutoryScheme(Caller actor, String body) {
        tx.writeVoid(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO statutory_scheme (body) VALUES (?)")) {
                ps.setString(1, body);
                ps.executeUpdate();
            }
            AdminAudit.record(c, actor, "PUT_STATUTORY_SCHEME", "statutory-scheme", body);
        });
    }

    public Optional<String> statutoryScheme() {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM statutory_scheme ORDER BY version DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /**
     * Stores a platform's revenue for a period while the period is open (the period row is locked so
     * a close cannot begin meanwhile), audited as {@code actor}'s; returns false (nothing written,
     * nothing audited) if the period has begun closing.
     */
    public boolean putRevenue(Caller actor, String platformId, String periodId, BigDecimal amount) {
        return tx.write(c -> {
            try (PreparedStatement gate = c.prepareStatement("SELECT 1 FROM ledger_gate WHERE id = 1 FOR SHARE")) {
                gate.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT state FROM period WHERE period_id = ?")) {
                ps.setString(1, periodId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && !"OPEN".equals(rs.getString(1))) {
                        return false; // nothing written
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO revenue_declaration (platform_id, period_id, amount) VALUES (?, ?, ?)
                    ON CONFLICT (platform_id, period_id) DO UPDATE SET amount = excluded.amount, declared_at = now()""")) {
                ps.setString(1, platformId);
                ps.setString(2, periodId);
                ps.setBigDecimal(3, amount);
                ps.executeUpdate();
            }
            AdminAudit.record(c, actor, "DECLARE_REVENUE", "revenue/" + platformId + "/" + periodId, amount.toPlainString());
            return true;
        });
    }

    public Map<String, BigDecimal> revenue(String periodId) {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT platform_id, amount FROM revenue_declaration WHERE period_id = ? ORDER BY platform_id")) {
                ps.setString(1, periodId);
                Map<String, BigDecimal> out = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getBigDecimal(2));
                    }
                }
                return out;
            }
        });
    }
}
