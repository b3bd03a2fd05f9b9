package kr.civilportal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail catcher as the portal runs it (isolated ports, offset 12 500): it takes a message on SMTP without a login
 * and gives it back, by recipient, on its REST API, the way the README tells developers and tests to read it.
 */
class MailCatcherTest {

    static final int PORT_OFFSET = 12_500;

    @TempDir
    Path work;

    private MailCatcher mail;

    @AfterEach
    void stopCatcher() {
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void aMessageSentOnSmtpIsReadBackForItsRecipient() throws IOException {
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work).withNotifications();
        mail = MailCatcher.start(options.home(), options.smtpPort(), options.imapPort(), options.mailApiPort(),
                options.logDir(), options.runDir());
        mail.awaitReady(Duration.ofMinutes(1));
        String recipient = "citizen-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertEquals("[]", mail.messagesFor(recipient).replaceAll("\\s", ""), "nothing caught yet");

        String subject = "Move-in approved " + UUID.randomUUID();
        sendSmtp(options.smtpPort(), Portal.MAIL_FROM, recipient, subject, "Your move-in report was approved.");

        String caught = mail.messagesFor(recipient);
        assertTrue(caught.contains(subject), caught);
        assertTrue(caught.contains("Your move-in report was approved."), caught);
        assertTrue(mail.messagesFor("someone-else@example.com").replaceAll("\\s", "").equals("[]"),
                "another recipient's mailbox holds nothing of it");

        mail.purge();
        assertEquals("[]", mail.messagesFor(recipient).replaceAll("\\s", ""), "purged");
    }

    /** Plain SMTP, no login (as the notification service's mailer speaks to the catcher). */
    static void sendSmtp(int port, String from, String to, String subject, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO test.local", "250");
            command(out, in, "MAIL FROM:<" + from + ">", "250");
            command(out, in, "RCPT TO:<" + to + ">", "250");
            command(out, in, "DATA", "354");
            command(out, in, "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject
                    + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n.", "250");
            command(out, in, "QUIT", "221");
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, code);
    }

    /** Reads one reply (multi-line replies end at "NNN "), which must have the code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("SMTP connection closed, expected " + code);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("SMTP: expected " + code + ", got " + line);
        }
    }
}
