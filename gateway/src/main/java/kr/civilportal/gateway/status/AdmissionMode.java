package kr.civilportal.gateway.status;

import java.time.Instant;

/**
 * The hook for the shared admission store (waiting room and rate limits): a bean implementing this (from
 * {@code kr.civilportal.gateway.admission}) says whether this replica's queues and client counts are shared with
 * the other gateway replicas or, with the store unreachable, its own. {@code /api/status} shows it as
 * {@code admission} and the status page as a line; the gauge {@code portal_gateway_admission_shared} (1 shared,
 * 0 per replica) says the same to Prometheus.
 */
public interface AdmissionMode {

    View admissionMode();

    /**
     * {@code mode}: {@code shared} or {@code per-replica}; {@code since}: when it last changed; {@code replica}:
     * this gateway replica's id in the store; {@code replicas}: live replicas the store counted last (each takes
     * 1/replicas of a route's capacity and rate while on its own); {@code detail}: why, in plain words.
     */
    record View(String mode, Instant since, String replica, int replicas, String detail) {
    }
}
