package kr.civilportal.launcher;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The mail catcher: GreenMail standalone ({@code com.icegreen:greenmail-standalone}, one self-contained jar copied to
 * {@code .portal/dist} by this module's build, like Keycloak's distribution), a JVM of its own. It takes every
 * message on SMTP without authentication and keeps it in memory (gone when it stops), in a mailbox per recipient.
 *
 * <p>Reading what was sent: its REST API, {@code GET http://localhost:<api port>/api/user/<recipient>/messages/}
 * (a JSON array of {@code uid}, {@code Message-ID}, {@code subject}, {@code contentType}, {@code mimeMessage}: the
 * whole message as sent), {@code POST /api/mail/purge} empties every mailbox, its OpenAPI page is at {@code /};
 * or any mail client on IMAP ({@code localhost:<imap port>}, user = the recipient's address, any password).
 */
public final class MailCatcher implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

    private final ChildProcess process;
    private final int smtpPort;
    private final int imapPort;
    private final int apiPort;

    private MailCatcher(ChildProcess process, int smtpPort, int imapPort, int apiPort) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.apiPort = apiPort;
    }

    /** Starts it without waiting; call {@link #awaitReady(Duration)}. */
    public static MailCatcher start(PortalHome home, int smtpPort, int imapPort, int apiPort, Path logDir,
                                    Path runDir) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of(
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.imap.hostname=127.0.0.1", "-Dgreenmail.imap.port=" + imapPort,
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                // A catcher: any login and password, mailboxes made for whatever recipient a message names.
                "-Dgreenmail.auth.disabled",
                "-jar", jar(home).toString()));
        ChildProcess child = ChildProcess.start("mail-catcher-" + smtpPort, command, Map.of(), home.state(), logDir,
                runDir);
        return new MailCatcher(child, smtpPort, imapPort, apiPort);
    }

    static Path jar(PortalHome home) {
        Path dist = home.state().resolve("dist/greenmail-standalone.jar");
        if (Files.isRegularFile(dist)) {
            return dist;
        }
        String version = KeycloakServer.buildProperty("greenmail.version");
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        Path inRepo = Path.of(repo, "com/icegreen/greenmail-standalone", version,
                "greenmail-standalone-" + version + ".jar");
        if (Files.isRegularFile(inRepo)) {
            return inRepo;
        }
        throw new IllegalStateException("GreenMail standalone is missing: build infra/launcher with Maven first "
                + "(mvn -pl infra/launcher -am package -DskipTests) so that it is fetched");
    }

    /** Until its API says it is ready (SMTP and IMAP listening). */
    public void awaitReady(Duration timeout) {
        try {
            Http.awaitOk("Mail catcher", apiUrl() + "/api/service/readiness", timeout, process::isAlive);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + process.tail(40), e);
        }
    }

    /** The messages caught for one recipient, as GreenMail's API gives them (JSON array; empty: {@code []}). */
    public String messagesFor(String recipient) {
        try {
            return Http.body("GET", apiUrl() + "/api/user/" + URLEncoder.encode(recipient, StandardCharsets.UTF_8)
                    + "/messages/");
        } catch (IOException e) {
            // An address nothing was sent to yet has no mailbox: nothing caught for it.
            if (e.getMessage() != null && e.getMessage().contains("not found")) {
                return "[]";
            }
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Empties every mailbox. */
    public void purge() {
        try {
            Http.body("POST", apiUrl() + "/api/mail/purge");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public int apiPort() {
        return apiPort;
    }

    public String apiUrl() {
        return "http://localhost:" + apiPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }
}
