package kr.civilportal.gateway.status;

/**
 * The hook for the waiting room (대기열): a bean implementing this (from {@code kr.civilportal.gateway.admission})
 * tells how many citizens wait to be let into a service. When one exists, {@link GatewayMetrics} publishes it
 * as the gauge {@code portal_gateway_waiting_room_queue_length{route=...}} and {@code /api/status} shows it
 * per service ({@code waitingRoomQueue}); without one, neither appears.
 */
public interface WaitingRoomQueue {

    /** Citizens waiting for the given service (the route's Stork service name) right now. */
    int queueLength(String service);
}
