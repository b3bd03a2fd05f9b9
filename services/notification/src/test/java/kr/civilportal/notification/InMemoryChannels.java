package kr.civilportal.notification;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.HashMap;
import java.util.Map;

/** The Kafka channels of the service switched to the in-memory connector for the tests. */
public class InMemoryChannels implements QuarkusTestResourceLifecycleManager {

    public static final String RESIDENCY = "residency-events";
    public static final String PASSPORT = "passport-events";
    public static final String LAND_REGISTRY = "land-registry-events";
    public static final String EMERGENCY_REPORT = "emergency-report-events";

    @Override
    public Map<String, String> start() {
        return new HashMap<>(InMemoryConnector.switchIncomingChannelsToInMemory(RESIDENCY, PASSPORT, LAND_REGISTRY,
                EMERGENCY_REPORT));
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }
}
