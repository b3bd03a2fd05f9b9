package kr.civilportal.gateway.admission;

/**
 * A place in a route's waiting room (대기열 번호표).
 *
 * @param epoch    the gateway process that issued it (a restarted gateway has an empty queue: its tickets expire)
 * @param route    the route it queues for (a ticket for passport is no pass for another route)
 * @param number   its number in that route's queue, in issue order
 * @param issuedAt epoch milliseconds
 */
public record Ticket(String epoch, String route, long number, long issuedAt) {
}
