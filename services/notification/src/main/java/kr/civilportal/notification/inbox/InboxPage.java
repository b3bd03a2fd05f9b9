package kr.civilportal.notification.inbox;

import java.util.List;

/** One page of a citizen's notifications, newest first; {@code page} counts from 0, {@code total} counts all. */
public record InboxPage(List<InboxView> items, int page, int size, long total) {
}
