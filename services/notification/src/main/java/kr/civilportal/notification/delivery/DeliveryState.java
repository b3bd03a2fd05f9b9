package kr.civilportal.notification.delivery;

/**
 * A delivery's state. INBOX: DELIVERED at once (with its inbox message, in the event's transaction). EMAIL:
 * PENDING until the sender sends it (SENT), gives up after the last attempt (PARKED, listed for officials), or
 * finds the citizen has since removed their address or turned e-mail off (CANCELLED).
 */
public enum DeliveryState {
    PENDING, DELIVERED, SENT, PARKED, CANCELLED
}
