package io.fairshare.ingest.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * This process's mark on the claims it makes, and PostgreSQL's word on whether the process still
 * lives. The instance holds a session-level advisory lock on its key for as long as it runs; when
 * the process dies (SIGKILL included), PostgreSQL ends its session and the lock goes with it, so any
 * other request can see at once that the claims carrying this key have nobody publishing them.
 *
 * <p>A claim token is the instance key in the high 32 bits and a request counter in the low 32.
 * Correctness never depends on the lock: a claim whose holder looks dead is published again, and a
 * second copy on the topic is absorbed downstream. The lock only spares live requests' claims from
 * being taken over, so that concurrent resubmissions still publish once.
 */
@ApplicationScoped
public class ClaimHolder {
    /** The advisory lock space of ingest instances (pg_locks.classid): "FSIN". */
    public static final int LOCK_CLASS = 0x4653494E;
    private static final Logger LOG = Logger.getLogger(ClaimHolder.class);

    /**
     * SQL that is true when the instance whose key is in the high 32 bits of {@code tokenColumn} is gone: its
     * session's advisory lock is no longer in pg_locks. Event claims and Idempotency-Keys are taken over on it.
     */
    static String holderGone(String tokenColumn) {
        return "NOT EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.classid = "
                + (LOCK_CLASS & 0xFFFF_FFFFL) + " AND l.objsubid = 2 AND l.objid = ((" + tokenColumn + " >> 32) & 4294967295)::oid)";
    }

    private final AgroalDataSource dataSource;
    private final int instanceKey = new SecureRandom().nextInt();
    private final AtomicInteger requests = new AtomicInteger();
    private Connection session;
    private volatile boolean locked;

    public ClaimHolder(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A token for one request's claims. */
    public long nextToken() {
        if (!locked) {
            ensureLocked();
        }
        return ((long) instanceKey << 32) | (requests.incrementAndGet() & 0xFFFF_FFFFL);
    }

    /** Re-takes the lock after a lost database session (PostgreSQL restarted, connection dropped). */
    @Scheduled(every = "${fairshare.ingest.claim-holder-check-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        ensureLocked();
    }

    private synchronized void ensureLocked() {
        try {
            if (session != null && session.isValid(2)) {
                return;
            }
            closeQuietly();
            // A connection of its own for the process's life, so the lock lives exactly as long as the process.
            Connection c = dataSource.getConnection();
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                ps.setInt(1, LOCK_CLASS);
                ps.setInt(2, instanceKey);
                ps.execute();
            }
            session = c;
            locked = true;
            LOG.debugf("holding the ingest instance lock %08x", instanceKey);
        } catch (SQLException e) {
            // Without the lock, this instance's claims look abandoned and may be published twice: safe, only less tidy.
            LOG.debugf("cannot hold the instance lock yet: %s", e.getMessage());
            closeQuietly();
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        synchronized (this) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        locked = false;
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // the session is gone either way
            }
            session = null;
        }
    }
}
