package kr.civilportal.notification.delivery;

/** Where a notification goes: the portal's inbox, or the citizen's e-mail address. */
public enum Channel {
    INBOX, EMAIL
}
