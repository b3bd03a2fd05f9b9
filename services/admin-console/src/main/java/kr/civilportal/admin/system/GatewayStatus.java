package kr.civilportal.admin.system;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * The gateway's {@code /api/status}, as the system view reads it. A monitoring page must show what it is given:
 * a state or circuit it does not know yet reads as UNKNOWN rather than failing the page.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GatewayStatus(Health status, Instant checkedAt, List<Service> services) {

    public GatewayStatus {
        services = services == null ? List.of() : services;
    }

    @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
    public enum Health { UP, DEGRADED, DOWN, @JsonEnumDefaultValue UNKNOWN }

    @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
    public enum Circuit { CLOSED, HALF_OPEN, OPEN, @JsonEnumDefaultValue UNKNOWN }

    /** One route of the gateway: a service (or a web app) with its replicas, circuit and load. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Service(String name, Health status, Circuit circuit, List<Replica> replicas, int replicasReady,
            int replicasTotal, int inFlight, int inFlightLimit, Integer waitingRoomQueue) {
        public Service {
            replicas = replicas == null ? List.of() : replicas;
        }
    }

    /** A replica by its public label ({@code passport-2}); its address is the operators' (see {@link ReplicaAddress}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Replica(String replica, Health status, Instant since, String reason) {
    }

    /** The gateway's {@code /api/status/replicas}: a replica's internal address, for role admin only. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReplicaAddress(String replica, String address, String reason) {
    }
}
