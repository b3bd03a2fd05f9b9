package kr.civilportal.notification.delivery;

import java.util.Locale;
import java.util.UUID;

/**
 * The Message-ID header of a delivery's e-mail: {@code <delivery id@sender's domain>}, the same on every attempt.
 * E-mail is at least once (a crash between the SMTP server's answer and the commit sends it again), and no SMTP
 * exchange can make it exactly once; a stable Message-ID is how mail systems recognise the second copy as the same
 * message (RFC 5322 section 3.6.4), as the text-message provider recognises a resend by its {@code reference}.
 */
public final class MailMessageId {

    /** When the sender's address has no usable domain: a name reserved never to resolve (RFC 2606). */
    static final String FALLBACK_DOMAIN = "notification.invalid";

    private MailMessageId() {
    }

    /** The header's value, angle brackets included, for a delivery sent from the address {@code from}. */
    public static String of(UUID deliveryId, String from) {
        return "<" + deliveryId + "@" + domainOf(from) + ">";
    }

    /** The domain of a sender's address, also of {@code Name <user@domain>}; only what a msg-id may hold. */
    static String domainOf(String from) {
        if (from == null) {
            return FALLBACK_DOMAIN;
        }
        String address = from.strip();
        int open = address.lastIndexOf('<');
        if (open >= 0 && address.endsWith(">")) {
            address = address.substring(open + 1, address.length() - 1);
        }
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
        return domain.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?") ? domain : FALLBACK_DOMAIN;
    }
}
