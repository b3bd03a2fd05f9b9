package kr.civilportal.common.roster;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * 직원 명부: the officials of one service, learnt from their own tokens as they work, so that an officer can assign
 * a case (배정) to a colleague of the case's office. Kept in the service's own {@code official_roster} table (DDL
 * {@code kr/civilportal/common/roster/official_roster.sql}, copied into a migration as the idempotency table is).
 *
 * <p>Why learnt rather than asked of Keycloak: a service that could list the realm's users (the admin API's
 * {@code view-users}) could read every citizen's account too, and would need a secret of its own. The realm stays
 * the authority on who is an officer of which office: a colleague's token is checked again whenever they act, and
 * an entry not refreshed within {@code activeWithin} (someone who left, or lost the role) is no longer offered.
 * The price: an officer who has not signed in to the service within that time cannot be assigned work.
 *
 * <p>A plain class over a {@link DataSource} (a service builds it in {@code RosterWiring}), reachable from tests
 * without Quarkus.
 */
public final class OfficialRoster {

    private static final Logger LOG = Logger.getLogger(OfficialRoster.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration activeWithin;
    private final Duration refreshAfter;
    /** What this replica last wrote per subject, so that an officer's every request does not write a row. */
    private final Map<String, Written> written = new ConcurrentHashMap<>();

    /**
     * @param activeWithin an official not seen for this long is no longer offered or accepted as an assignee
     * @param refreshAfter how often this replica rewrites an unchanged entry's {@code last_seen}
     */
    public OfficialRoster(DataSource dataSource, Clock clock, Duration activeWithin, Duration refreshAfter) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (refreshAfter.compareTo(activeWithin) >= 0) {
            throw new IllegalArgumentException("An entry must be refreshed before it stops being active");
        }
        this.activeWithin = activeWithin;
        this.refreshAfter = refreshAfter;
    }

    /** One official as the roster knows them. */
    public record Official(String subject, String userName, Set<String> offices, Instant lastSeen) {

        /** Whether they work for {@code office}; a case of no office (or of one no longer listed) is everyone's. */
        public boolean worksFor(String office) {
            return office == null || offices.contains(office);
        }
    }

    /**
     * The official calling, from their token: their entry is written when it is new or changed (another user name,
     * other offices), or last written more than {@code refreshAfter} ago by this replica. Never fails: a write the
     * database refuses is logged, and the official's request goes on.
     */
    public void present(String subject, String userName, Collection<String> offices) {
        Set<String> sorted = new TreeSet<>(offices);
        Instant now = clock.instant();
        Written last = written.get(subject);
        if (last != null && last.userName().equals(userName) && last.offices().equals(sorted)
                && last.at().plus(refreshAfter).isAfter(now)) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO official_roster (subject, user_name, offices, "
                     + "last_seen) VALUES (?, ?, ?, ?) ON CONFLICT (subject) DO UPDATE SET user_name = "
                     + "excluded.user_name, offices = excluded.offices, last_seen = greatest(official_roster.last_seen,"
                     + " excluded.last_seen)")) {
            s.setString(1, subject);
            s.setString(2, userName);
            s.setArray(3, c.createArrayOf("text", sorted.toArray()));
            s.setTimestamp(4, Timestamp.from(now));
            s.executeUpdate();
            written.put(subject, new Written(userName, sorted, now));
        } catch (SQLException e) {
            // The roster only helps colleagues find each other: an officer's work never fails for it. Their next
            // request tries again (nothing was remembered as written).
            LOG.warnf("Could not enter official %s in the roster (%s): they may not be offered as an assignee", subject,
                    e.getMessage());
        }
    }

    /**
     * The active officials who work for {@code office} (all active officials when it is null: a case of no office
     * is everyone's), by user name.
     */
    public List<Official> workingFor(String office) {
        String sql = "SELECT subject, user_name, offices, last_seen FROM official_roster WHERE last_seen >= ?"
                + (office == null ? "" : " AND offices @> ARRAY[?]::text[]") + " ORDER BY user_name, subject";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(activeSince()));
            if (office != null) {
                s.setString(2, office);
            }
            List<Official> officials = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    officials.add(official(r));
                }
            }
            return officials;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the official roster", e);
        }
    }

    /** The official with this subject, if they are active. */
    public Optional<Official> active(String subject) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT subject, user_name, offices, last_seen FROM "
                     + "official_roster WHERE subject = ? AND last_seen >= ?")) {
            s.setString(1, subject);
            s.setTimestamp(2, Timestamp.from(activeSince()));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(official(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the official roster", e);
        }
    }

    /**
     * Deletes the entries of officials not seen for {@code activeWithin}: they are no longer offered or accepted,
     * and their names and offices are not kept beyond that use. Returns how many were deleted.
     */
    public int forgetInactive() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM official_roster WHERE last_seen < ?")) {
            s.setTimestamp(1, Timestamp.from(activeSince()));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not purge the official roster", e);
        }
    }

    private Instant activeSince() {
        return clock.instant().minus(activeWithin);
    }

    private static Official official(ResultSet r) throws SQLException {
        Array array = r.getArray("offices");
        Set<String> offices = new LinkedHashSet<>();
        for (Object o : (Object[]) array.getArray()) {
            offices.add((String) o);
        }
        return new Official(r.getString("subject"), r.getString("user_name"), Set.copyOf(offices),
                r.getTimestamp("last_seen").toInstant());
    }

    private record Written(String userName, Set<String> offices, Instant at) {
    }
}
