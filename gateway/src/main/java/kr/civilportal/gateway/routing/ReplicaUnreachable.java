package kr.civilportal.gateway.routing;

/** No replica of a service is in rotation (all failed their readiness probe or refused connections). */
public final class ReplicaUnreachable extends RuntimeException {

    public ReplicaUnreachable(String service) {
        super("No replica of " + service + " is ready", null, false, false);
    }
}
