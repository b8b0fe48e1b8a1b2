package io.fairshare.registry.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.usage.UsageAcceptedV1;
import io.fairshare.contracts.usage.UsageUnmatchedV1;
import io.fairshare.registry.stream.ResolutionMapping;
import io.fairshare.service.persistence.StorageException;
import io.fairshare.service.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code unmatched_usage} table (migration V2): usage held for a back-claim. Writes are idempotent on
 * (platform_id, event_id); a row is claimed for a back-claim once ({@code back_claimed_at} from null to a time).
 * Every method runs its own transaction ({@link Transactions}); failures come out as {@link StorageException}.
 */
@ApplicationScoped
public class UnmatchedUsageTable {
    private static final String INSERT = """
            INSERT INTO unmatched_usage (platform_id, event_id, identifiers, reason, payload, held_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (platform_id, event_id) DO NOTHING""";
    private static final String LOCK_BY_IDENTIFIERS = """
            SELECT platform_id, event_id, payload::text FROM unmatched_usage
            WHERE identifiers && ? AND back_claimed_at IS NULL AND (platform_id, event_id) > (?, ?)
            ORDER BY platform_id, event_id LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String LOCK_ALL = """
            SELECT platform_id, event_id, payload::text FROM unmatched_usage
            WHERE back_claimed_at IS NULL AND (platform_id, event_id) > (?, ?)
            ORDER BY platform_id, event_id LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String CLAIM = """
            UPDATE unmatched_usage u SET back_claimed_at = now()
            FROM unnest(?::text[], ?::text[]) AS k(platform_id, event_id)
            WHERE u.platform_id = k.platform_id AND u.event_id = k.event_id AND u.back_claimed_at IS NULL
            RETURNING u.platform_id, u.event_id""";

    /** A held event. */
    public record Held(String platformId, String eventId, UsageAcceptedV1 usage) {
        public Key key() {
            return new Key(platformId, eventId);
        }
    }

    /** Identifies a held event. */
    public record Key(String platformId, String eventId) {
        /** Before every key. */
        public static final Key START = new Key("", "");
    }

    /** Marks held events back-claimed inside the page's transaction. */
    @FunctionalInterface
    public interface Claims {
        /** Marks the events back-claimed, each only if it was not yet; returns those it marked. */
        Set<Key> claim(List<Key> keys);
    }

    /**
     * What is done with one locked page, inside its transaction: returns normally to commit the claims it made, throws
     * to roll them back.
     */
    @FunctionalInterface
    public interface PageWork {
        int handle(List<Held> page, Claims claims);
    }

    /** A page handled: the rows locked and what the work returned. */
    public record Page(List<Held> rows, int handled) {
    }

    private final Transactions transactions;
    private final ObjectMapper mapper;

    public UnmatchedUsageTable(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.transactions = new Transactions(dataSource);
        this.mapper = mapper;
    }

    /** Holds each event unless it is held (or was back-claimed) already; returns how many rows were new. */
    public int hold(List<UsageUnmatchedV1> events) {
        if (events.isEmpty()) {
            return 0;
        }
        return transactions.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (UsageUnmatchedV1 u : events) {
                    UsageAcceptedV1 usage = u.usage();
                    ps.setString(1, usage.platformId());
                    ps.setString(2, usage.eventId());
                    ps.setArray(3, c.createArrayOf("text", ResolutionMapping.holdingKeys(usage).toArray()));
                    ps.setString(4, u.reason());
                    ps.setString(5, json(usage));
                    ps.setObject(6, u.heldAt().atOffset(ZoneOffset.UTC));
                    ps.addBatch();
                }
                int added = 0;
                for (int n : ps.executeBatch()) {
                    added += Math.max(n, 0);
                }
                return added;
            }
        });
    }

    /**
     * In one transaction: locks up to {@code limit} held, unclaimed events after {@code after} in key order, skipping
     * rows another transaction has locked (with {@code identifierKeys} only those carrying one of them), and hands
     * them to {@code work}, which may claim some; commits when {@code work} returns.
     */
    public Page lockPage(Set<String> identifierKeys, Key after, int limit, PageWork work) {
        return transactions.write(c -> {
            List<Held> page = lockHeld(c, identifierKeys, after, limit);
            int handled = work.handle(page, keys -> {
                try {
                    return claim(c, keys);
                } catch (SQLException e) {
                    throw new StorageException(e);
                }
            });
            return new Page(page, handled);
        });
    }

    private List<Held> lockHeld(Connection c, Set<String> identifierKeys, Key after, int limit) throws SQLException {
        String sql = identifierKeys == null ? LOCK_ALL : LOCK_BY_IDENTIFIERS;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (identifierKeys != null) {
                ps.setArray(i++, c.createArrayOf("text", identifierKeys.toArray()));
            }
            ps.setString(i++, after.platformId());
            ps.setString(i++, after.eventId());
            ps.setInt(i, limit);
            List<Held> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Held(rs.getString(1), rs.getString(2), mapper.readValue(rs.getString(3), UsageAcceptedV1.class)));
                }
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a held event could not be read", e);
        }
    }

    private static Set<Key> claim(Connection c, List<Key> keys) throws SQLException {
        Set<Key> claimed = new HashSet<>();
        if (keys.isEmpty()) {
            return claimed;
        }
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            Array platforms = c.createArrayOf("text", keys.stream().map(Key::platformId).toArray());
            Array events = c.createArrayOf("text", keys.stream().map(Key::eventId).toArray());
            ps.setArray(1, platforms);
            ps.setArray(2, events);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Key(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return claimed;
    }

    private String json(UsageAcceptedV1 usage) {
        try {
            return mapper.writeValueAsString(usage);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not hold unmatched usage", e);
        }
    }
}
