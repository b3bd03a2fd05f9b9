package kr.civilportal.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kr.civilportal.testsupport.FreePort;

/** A real SMTP server (GreenMail) on a free port; tests stop and start it to play an SMTP outage. */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    public static final String FROM = "noreply@civilportal.test";
    private static volatile ServerSetup setup;
    private static volatile GreenMail server;

    @Override
    public Map<String, String> start() {
        setup = new ServerSetup(FreePort.belowEphemeralRange(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        up();
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(setup.getPort()),
                "quarkus.mailer.from", FROM);
    }

    @Override
    public void stop() {
        down();
    }

    public static synchronized void up() {
        if (server == null) {
            server = new GreenMail(setup);
            server.start();
        }
    }

    public static synchronized void down() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every mail received (since the server last started) for the address. */
    public static List<MimeMessage> receivedBy(String address) {
        GreenMail current = server;
        if (current == null) {
            return List.of();
        }
        return Arrays.stream(current.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
