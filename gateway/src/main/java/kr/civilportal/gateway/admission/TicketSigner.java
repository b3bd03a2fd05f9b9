package kr.civilportal.gateway.admission;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tickets as text a client can carry ({@code v1.<epoch>.<route>.<number>.<issuedAt>.<HMAC-SHA256>}), so a
 * forged or altered ticket is recognised without looking anything up: nobody can move themselves forward
 * in the queue or admit themselves.
 */
public final class TicketSigner {

    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public TicketSigner(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("The waiting-room secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String sign(Ticket ticket) {
        String payload = String.join(".", VERSION, ticket.epoch(), ticket.route(), Long.toString(ticket.number()),
                Long.toString(ticket.issuedAt()));
        return payload + "." + B64.encodeToString(mac(payload));
    }

    /** The ticket, or {@link ForgedTicketException} if the text was not signed here (or was altered). */
    public Ticket verify(String text) {
        if (text == null || text.length() > 300) {
            throw new ForgedTicketException();
        }
        int lastDot = text.lastIndexOf('.');
        if (lastDot < 0) {
            throw new ForgedTicketException();
        }
        String payload = text.substring(0, lastDot);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(text.substring(lastDot + 1));
        } catch (IllegalArgumentException e) {
            throw new ForgedTicketException();
        }
        if (!MessageDigest.isEqual(given, mac(payload))) {
            throw new ForgedTicketException();
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            throw new ForgedTicketException();
        }
        try {
            return new Ticket(parts[1], parts[2], Long.parseLong(parts[3]), Long.parseLong(parts[4]));
        } catch (NumberFormatException e) {
            throw new ForgedTicketException();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Not a ticket this gateway signed. */
    public static final class ForgedTicketException extends RuntimeException {
        public ForgedTicketException() {
            super("Not a valid waiting-room ticket", null, false, false);
        }
    }
}
