package io.fairshare.settlement.persistence;

import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.service.audit.AdminAudit;
import io.fairshare.service.persistence.Transactions;
import io.fairshare.service.security.Caller;
import io.fairshare.settlement.domain.claim.ClaimAction;
import io.fairshare.settlement.domain.claim.ClaimState;
import io.fairshare.settlement.domain.claim.ClaimType;
import io.fairshare.settlement.domain.claim.ClaimedLine;
import io.fairshare.settlement.domain.claim.Claimant;
import io.fairshare.settlement.domain.claim.LineRef;
import io.fairshare.settlement.domain.usage.LineStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Claims on issued lines and their history (V110). Every change writes its history row and its {@code admin_audit}
 * row in its own transaction. Whether a state allows an action is {@link ClaimState}'s, asked under the claim's lock.
 */
@ApplicationScoped
public class ClaimStore {
    private static final String COLUMNS = """
            claim_id, type, period_id, statement_id, section, line_number, statement_kind, addressee_id, platform_id, society_id, party_id,
            work_id, work_category, usage_type, unit_kind, line_status, tariff_id, priced_with, currency, claimant_kind, claimant_id,
            evidence, state, corrections, settled_in_period, created_at""";

    /** One history entry: the state reached (or kept, for a settlement), who, when, and why. */
    public record History(ClaimState state, String actorName, String actorRole, Instant at, String note) {
    }

    /** A stored claim; {@code history} is empty in lists. */
    public record Row(String claimId, ClaimType type, String periodId, String statementKind, String addresseeId, ClaimedLine line,
                      String currency, Claimant claimant, String evidence, ClaimState state, String corrections, String settledInPeriod,
                      Instant createdAt, List<History> history) {
    }

    /** The answer of an action: the claim after it, or (nothing changed) the state that refused it. */
    public record Change(Row claim, boolean changed) {
    }

    /** A platform statement's bytes, for the registry's over-claim disputes (its disputed lines). */
    public record PlatformStatementBytes(String statementId, String periodId, byte[] canonical) {
    }

    private final Transactions tx;

    public ClaimStore(AgroalDataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    /**
     * Stores a new OPEN claim, its first history row and its audit row; empty when stored, else the id of the OPEN
     * claim of the same claimant, line and type that exists (nothing written).
     */
    public Optional<String> insert(Caller actor, Row r) {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO claim (" + COLUMNS + ") VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (claimant_kind, claimant_id, statement_id, section, line_number, type) "
                    + "WHERE state = 'OPEN' AND statement_id IS NOT NULL DO NOTHING")) {
                ClaimedLine l = r.line();
                LineRef ref = l.ref();
                int i = 1;
                ps.setString(i++, r.claimId());
                ps.setString(i++, r.type().name());
                ps.setString(i++, r.periodId());
                ps.setString(i++, ref == null ? null : ref.statementId());
                ps.setString(i++, ref == null ? null : ref.section());
                if (ref == null) {
                    ps.setNull(i++, Types.INTEGER);
                } else {
                    ps.setInt(i++, ref.lineNumber());
                }
                ps.setString(i++, r.statementKind());
                ps.setString(i++, r.addresseeId());
                ps.setString(i++, l.platformId());
                ps.setString(i++, l.societyId());
                ps.setString(i++, l.partyId());
                ps.setString(i++, l.workId());
                ps.setString(i++, l.workCategory());
                ps.setString(i++, l.usageType().name());
                ps.setString(i++, l.unitKind().name());
                ps.setString(i++, l.status().name());
                ps.setString(i++, l.tariffId());
                ps.setString(i++, l.pricedWith());
                ps.setString(i++, r.currency());
                ps.setString(i++, r.claimant().kind().name());
                ps.setString(i++, r.claimant().id());
                ps.setString(i++, r.evidence());
                ps.setString(i++, ClaimState.OPEN.name());
                ps.setString(i++, null);
                ps.setString(i++, null);
                ps.setTimestamp(i, Timestamp.from(r.createdAt()));
                if (ps.executeUpdate() == 0) {
                    return Optional.of(openTwin(c, r));
                }
            }
            history(c, r.claimId(), ClaimState.OPEN, actor.name(), actor.role(), r.createdAt(), "raised");
            AdminAudit.record(c, actor, "RAISE_CLAIM", "claim/" + r.claimId(),
                    r.type() + " on " + (r.line().ref() == null ? "missing usage of " + r.line().platformId() + "/" + r.line().workId()
                            : r.line().ref().text()));
            return Optional.empty();
        });
    }

    private static String openTwin(Connection c, Row r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT claim_id FROM claim WHERE claimant_kind = ? AND claimant_id = ? "
                + "AND statement_id = ? AND section = ? AND line_number = ? AND type = ? AND state = 'OPEN'")) {
            ps.setString(1, r.claimant().kind().name());
            ps.setString(2, r.claimant().id());
            ps.setString(3, r.line().ref().statementId());
            ps.setString(4, r.line().ref().section());
            ps.setInt(5, r.line().ref().lineNumber());
            ps.setString(6, r.type().name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("an OPEN claim conflicted, and is gone");
                }
                return rs.getString(1);
            }
        }
    }

    /** One claim with its history. */
    public Optional<Row> find(String claimId) {
        return tx.write(c -> find(c, claimId, false));
    }

    /** Claims, oldest first, optionally of one period and state (the caller filters what a reader may see). */
    public List<Row> list(String periodId, ClaimState state) {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM claim WHERE (?::text IS NULL OR period_id = ?) "
                    + "AND (?::text IS NULL OR state = ?) ORDER BY created_at, claim_id")) {
                String s = state == null ? null : state.name();
                ps.setString(1, periodId);
                ps.setString(2, periodId);
                ps.setString(3, s);
                ps.setString(4, s);
                return rows(ps);
            }
        });
    }

    /**
     * {@code action} on the claim, under its lock: when its state allows it ({@link ClaimState#after}), the new state,
     * {@code corrections} (for an accept), a history row and an audit row; else nothing is written and the answer
     * carries the claim as it is. Empty for no such claim.
     */
    public Optional<Change> act(Caller actor, String claimId, ClaimAction action, String corrections, String note) {
        return tx.write(c -> {
            Optional<Row> found = find(c, claimId, true);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Optional<ClaimState> to = found.get().state().after(action);
            if (to.isEmpty()) {
                return Optional.of(new Change(found.get(), false));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE claim SET state = ?, corrections = ? WHERE claim_id = ?")) {
                ps.setString(1, to.get().name());
                ps.setString(2, corrections);
                ps.setString(3, claimId);
                ps.executeUpdate();
            }
            history(c, claimId, to.get(), actor.name(), actor.role(), Instant.now(), note);
            AdminAudit.record(c, actor, action.name() + "_CLAIM", "claim/" + claimId,
                    to.get() + (corrections == null ? "" : ", corrections " + corrections) + (note == null ? "" : ", note: " + note));
            return Optional.of(new Change(find(c, claimId, false).orElseThrow(), true));
        });
    }

    /** Accepted claims of periods before {@code periodId} that no close has settled, in id order. */
    public List<Row> toSettle(String periodId) {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM claim WHERE state = 'ACCEPTED' "
                    + "AND settled_in_period IS NULL AND period_id < ? ORDER BY claim_id")) {
                ps.setString(1, periodId);
                return rows(ps);
            }
        });
    }

    /**
     * Marks {@code claimIds} settled by the close of {@code periodId}, inside the close's transaction ({@code c}),
     * with a history row each; refuses (rolling the close back) when one is no longer an unsettled accepted claim.
     */
    static void settle(Connection c, Caller actor, String periodId, List<String> claimIds, Instant at) throws SQLException {
        if (claimIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE claim SET settled_in_period = ? WHERE claim_id = ANY (?) "
                + "AND state = 'ACCEPTED' AND settled_in_period IS NULL")) {
            ps.setString(1, periodId);
            ps.setArray(2, c.createArrayOf("varchar", claimIds.toArray()));
            int n = ps.executeUpdate();
            if (n != claimIds.size()) {
                throw new IllegalStateException("the close of " + periodId + " settles " + claimIds.size() + " claim(s) but only " + n
                        + " are accepted and unsettled: another close settled them; close again");
            }
        }
        for (String id : claimIds) {
            history(c, id, ClaimState.ACCEPTED, actor == null ? "close-schedule" : actor.name(), actor == null ? "system" : actor.role(), at,
                    "settled: adjustment on the statements of " + periodId);
            if (actor != null) {
                AdminAudit.record(c, actor, "SETTLE_CLAIM", "claim/" + id, "adjustment in the close of " + periodId);
            }
        }
    }

    /** Whether settlement has issued a statement to {@code platformId} in any period. */
    public boolean knowsPlatform(String platformId) {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM statement WHERE kind = 'PLATFORM' AND addressee_id = ?)")) {
                ps.setString(1, platformId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }

    /** Platform statements with their bytes, of one period or every one, in id order. */
    public List<PlatformStatementBytes> platformStatements(String periodId) {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT statement_id, period_id, canonical FROM statement WHERE kind = 'PLATFORM' "
                    + "AND (?::text IS NULL OR period_id = ?) ORDER BY period_id, statement_id")) {
                ps.setString(1, periodId);
                ps.setString(2, periodId);
                List<PlatformStatementBytes> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PlatformStatementBytes(rs.getString(1), rs.getString(2), rs.getBytes(3)));
                    }
                }
                return out;
            }
        });
    }

    private static Optional<Row> find(Connection c, String claimId, boolean lock) throws SQLException {
        Row r;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM claim WHERE claim_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, claimId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                r = row(rs, null);
            }
        }
        List<History> history = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state, actor_name, actor_role, at, note FROM claim_history WHERE claim_id = ? ORDER BY seq")) {
            ps.setString(1, claimId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    history.add(new History(ClaimState.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getString(5)));
                }
            }
        }
        return Optional.of(new Row(r.claimId(), r.type(), r.periodId(), r.statementKind(), r.addresseeId(), r.line(), r.currency(),
                r.claimant(), r.evidence(), r.state(), r.corrections(), r.settledInPeriod(), r.createdAt(), List.copyOf(history)));
    }

    private static void history(Connection c, String claimId, ClaimState state, String actorName, String actorRole, Instant at, String note)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO claim_history (claim_id, seq, state, actor_name, actor_role, at, note) "
                + "SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ? FROM claim_history WHERE claim_id = ?")) {
            ps.setString(1, claimId);
            ps.setString(2, state.name());
            ps.setString(3, actorName);
            ps.setString(4, actorRole);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setString(6, note);
            ps.setString(7, claimId);
            ps.executeUpdate();
        }
    }

    /** The claims a query answers, without history. */
    private static List<Row> rows(PreparedStatement ps) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs, List.of()));
            }
        }
        return out;
    }

    private static Row row(ResultSet rs, List<History> history) throws SQLException {
        String statementId = rs.getString(4);
        LineRef ref = statementId == null ? null : new LineRef(statementId, rs.getString(5), rs.getInt(6));
        ClaimedLine line = new ClaimedLine(ref, rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                UsageType.valueOf(rs.getString(14)), UnitKind.valueOf(rs.getString(15)), LineStatus.valueOf(rs.getString(16)),
                rs.getString(17), rs.getString(18));
        return new Row(rs.getString(1), ClaimType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(7), rs.getString(8), line,
                rs.getString(19).trim(), new Claimant(Claimant.Kind.valueOf(rs.getString(20)), rs.getString(21)), rs.getString(22),
                ClaimState.valueOf(rs.getString(23)), rs.getString(24), rs.getString(25), rs.getTimestamp(26).toInstant(),
                history == null ? List.of() : history);
    }
}
