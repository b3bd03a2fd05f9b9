package kr.civilportal.notification.inbox;

/** How many of a citizen's notifications are unread. */
public record UnreadCount(long unread) {
}
