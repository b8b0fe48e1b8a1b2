package io.fairshare.settlement.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import io.fairshare.service.persistence.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the scheduled close reads, and the lock that lets one settlement instance at a time run it: a
 * PostgreSQL transaction-level advisory lock, held by an open transaction for the whole sweep and
 * released by its end, or by the database when the instance's connection dies.
 */
@ApplicationScoped
public class CloseScheduleStore {
    /** The advisory lock's key (any constant unique in the settlement database). */
    public static final long LOCK_KEY = 0x66_73_63_6c_6f_73_65L; // "fsclose"

    private final Transactions tx;

    public CloseScheduleStore(AgroalDataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    /**
     * Runs {@code sweep} while holding the sweep lock, taken without waiting: the lock belongs to a
     * transaction left open (writing nothing) for the whole sweep and is released at its end. Answers
     * empty, without running the sweep, when another instance is sweeping now.
     */
    public <T> Optional<T> whileLocked(Supplier<T> sweep) {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                ps.setLong(1, LOCK_KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(sweep.get());
        });
    }

    /** The latest CLOSED period's id (ids of one calendar sort in time order: {@code 2026-11}, {@code 2026-Q4}). */
    public Optional<String> lastClosed() {
        return single("SELECT max(period_id) FROM period WHERE state = 'CLOSED'");
    }

    /** The earliest period that holds usage or a begun close. */
    public Optional<String> earliestActive() {
        return single("""
                SELECT min(p) FROM (SELECT min(settle_period) AS p FROM usage_line
                                    UNION ALL SELECT min(period_id) FROM period WHERE state <> 'OPEN') AS candidates""");
    }

    private Optional<String> single(String sql) {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.ofNullable(rs.getString(1));
            }
        });
    }
}
