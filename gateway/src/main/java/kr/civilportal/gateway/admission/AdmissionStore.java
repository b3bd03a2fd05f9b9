package kr.civilportal.gateway.admission;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where the waiting room's shared state lives ({@link PgAdmissionStore}: the gateway's PostgreSQL). Every call is
 * blocking and made off the event loop (the sync thread, the ticket thread, a worker); a call that fails means the
 * store is out and the replica goes on alone ({@link StoreLink}).
 */
interface AdmissionStore {

    /** The route's queue, created with {@code newEpoch} if it does not exist yet; returns the queue's epoch. */
    String open(String route, String newEpoch) throws SQLException;

    /** {@code count} new numbers at the end of the route's queue, in one step. */
    Issued issue(String route, int count) throws SQLException;

    /** The last of the numbers just given ({@code last - count + 1 .. last}), and the store's clock. */
    record Issued(String epoch, long last, long storeNow) {
    }

    /**
     * This replica's report: per route its requests in flight and its claim (how many it may have: the others leave
     * that much to it), and the tickets polled here (their holders are still there). Replicas report one at a time
     * (a lock all take): each works out its claim from the live replicas' claims as they are at that moment
     * ({@code claims}, called under the lock with them), so claims can never add up to more than a route's capacity.
     *
     * @return the claims written, per route
     */
    Map<String, Integer> report(String replica, List<String> routes, Map<String, List<Long>> seen,
                                long replicaTtlMillis, ClaimRule claims) throws SQLException;

    /** Works out this replica's report on a route from the live replicas' current reports (its own among them). */
    interface ClaimRule {
        Report report(String route, Map<String, Report> live);
    }

    record Report(int inFlight, int claimed) {
        /** What the others must leave to this replica: its claim, or more if it is over it (passes, officials). */
        int reserved() {
            return Math.max(inFlight, claimed);
        }
    }

    /**
     * One admitter's round over the routes, unless another replica is running one right now (then false and
     * nothing done). {@link AdmissionRound} decides; this reads and writes the shared state around it.
     */
    boolean admit(List<RouteLimits> routes, long replicaTtlMillis, long abandonAfterMillis, long passValidityMillis)
            throws SQLException;

    record RouteLimits(String route, int capacity, double rate) {
    }

    /** Each route's state: {@code knownThrough} is the mark whose admissions this replica has already. */
    Map<String, RouteState> read(Map<String, Long> knownThrough, long replicaTtlMillis) throws SQLException;

    /**
     * @param replicas      live replicas' reports (replica id → requests in flight and claim)
     * @param newlyAdmitted numbers let in above {@code knownThrough}, with when (store clock)
     */
    record RouteState(String epoch, long issued, long admittedThrough, Map<String, Report> replicas,
                      Map<Long, Long> newlyAdmitted, long storeNow) {
    }

    /** When this ticket was let in, if it was (and has not been cleaned up since). */
    OptionalLong admittedAt(String route, long number) throws SQLException;

    /** A replica shutting down: its reports go now rather than at the end of their time-to-live. */
    void leave(String replica) throws SQLException;
}
