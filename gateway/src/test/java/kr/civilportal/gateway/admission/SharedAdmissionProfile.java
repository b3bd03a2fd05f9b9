package kr.civilportal.gateway.admission;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A waiting room on the residency route (its stand-in echoes at once) with room for {@value #CAPACITY} in flight
 * over all replicas, holders passed over after {@value #ABANDON_SECONDS} s without asking: the shared queue's
 * tests play a second gateway replica against this one, on the same PostgreSQL.
 */
public class SharedAdmissionProfile implements QuarkusTestProfile {

    public static final String ROUTE = "residency";
    public static final int CAPACITY = 2;
    public static final int RATE = 20;
    public static final int ABANDON_SECONDS = 3;
    public static final int PASS_SECONDS = 30;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "portal.gateway.waiting-room.routes." + ROUTE + ".capacity", Integer.toString(CAPACITY),
                "portal.gateway.waiting-room.routes." + ROUTE + ".admission-rate", Integer.toString(RATE),
                "portal.gateway.waiting-room.abandon-after", ABANDON_SECONDS + "s",
                "portal.gateway.waiting-room.pass-validity", PASS_SECONDS + "s",
                "portal.gateway.waiting-room.poll-interval", "1s");
    }
}
