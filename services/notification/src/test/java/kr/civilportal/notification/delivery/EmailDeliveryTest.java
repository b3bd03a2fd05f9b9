package kr.civilportal.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.civilportal.notification.Events;
import kr.civilportal.notification.InMemoryChannels;
import kr.civilportal.notification.NotificationTestResources;
import kr.civilportal.notification.SmtpServer;
import kr.civilportal.notification.TestCitizens;
import kr.civilportal.notification.preference.PreferenceRequest;
import kr.civilportal.notification.preference.Preferences;
import org.junit.jupiter.api.Test;

/** E-mails go out after the commit through a real SMTP server; an outage is retried, then parked for officials. */
@QuarkusTest
class EmailDeliveryTest extends NotificationTestResources {

    private static final UUID MAIL = UUID.fromString(TestCitizens.MAIL);
    private static final UUID PARKED = UUID.fromString(TestCitizens.MAIL_PARKED);
    /** Enough new connections for the stall to show: it came once in a few dozen. */
    private static final int BURST = 60;

    @Inject
    @Any
    InMemoryConnector connector;
    @Inject
    Preferences preferences;

    private static Delivery emailOf(UUID event) {
        return QuarkusTransaction.requiringNew().call(
                () -> Delivery.<Delivery>find("eventId = ?1 and channel = ?2", event, Channel.EMAIL).firstResult());
    }

    @Test
    void anEmailArrivesWithTheRightSubjectAndBody() throws Exception {
        String address = "mail-" + UUID.randomUUID() + "@citizens.test";
        preferences.replace(MAIL, new PreferenceRequest("ko", address, true));
        UUID event = UUID.randomUUID();
        UUID petition = UUID.randomUUID();
        connector.source(InMemoryChannels.RESIDENCY).send(Events.supplementRequested(event, petition, MAIL.toString()));

        await().atMost(Duration.ofSeconds(20)).until(() -> SmtpServer.receivedBy(address).size() == 1);
        MimeMessage mail = SmtpServer.receivedBy(address).getFirst();
        String reference = petition.toString().substring(0, 8);
        assertEquals("전입신고 보완 요청 (" + reference + ")", mail.getSubject());
        String body = String.valueOf(mail.getContent()).strip();
        assertTrue(body.startsWith("전입신고에 보완이 필요합니다: 임대차계약서 사본 (2026-12-14까지)"), body);
        assertEquals(SmtpServer.FROM, mail.getFrom()[0].toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> emailOf(event).state == DeliveryState.SENT);
        assertEquals(1, emailOf(event).attempts);
        // The delivery's own id: a copy sent again after a crash is recognisably the same message.
        assertEquals("<" + emailOf(event).id + "@civilportal.test>", mail.getMessageID());
    }

    /**
     * A burst goes out without a stall: each e-mail at its first attempt. With a new SMTP connection per e-mail
     * ({@code quarkus.mailer.keep-alive=false}) the mail client now and then left a send waiting after the previous
     * mail's QUIT (no connection, or one whose greeting it never answered), so that e-mail waited out the send
     * time-out and went again later: 400 queued e-mails took over six minutes in the system test.
     */
    @Test
    void aBurstOfEmailsGoesOutEachAtItsFirstAttempt() {
        String address = "burst-" + UUID.randomUUID() + "@citizens.test";
        preferences.replace(MAIL, new PreferenceRequest("en", address, true));
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            UUID event = UUID.randomUUID();
            events.add(event);
            connector.source(InMemoryChannels.RESIDENCY).send(Events.received(event, UUID.randomUUID(),
                    MAIL.toString()));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> SmtpServer.receivedBy(address).size() >= BURST);
        assertEquals(BURST, SmtpServer.receivedBy(address).size(), "each e-mail once");
        List<Integer> attempts = events.stream().map(e -> emailOf(e).attempts).toList();
        assertTrue(attempts.stream().allMatch(n -> n == 1), "each at its first attempt: " + attempts);
    }

    @Test
    @TestSecurity(user = "residency-officer", roles = "residency-officer")
    void whileSmtpIsDownAnEmailIsRetriedThenParkedAndListedForOfficials() {
        preferences.replace(PARKED, new PreferenceRequest("en", "parked@citizens.test", true));
        UUID event = UUID.randomUUID();
        SmtpServer.down();
        try {
            connector.source(InMemoryChannels.RESIDENCY).send(Events.received(event, UUID.randomUUID(),
                    PARKED.toString()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Delivery d = emailOf(event);
                return d != null && d.state == DeliveryState.PARKED;
            });
        } finally {
            SmtpServer.up();
        }
        // once the server is back, e-mails go out again
        UUID after = UUID.randomUUID();
        connector.source(InMemoryChannels.RESIDENCY).send(Events.received(after, UUID.randomUUID(), PARKED.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> SmtpServer.receivedBy("parked@citizens.test").size() == 1);
        Delivery parked = emailOf(event);
        assertEquals(3, parked.attempts, "max-attempts in %test");
        assertTrue(parked.lastError != null && !parked.lastError.contains("@"), parked.lastError);

        String answer = given().when().get("/api/notification/v1/officer/deliveries?state=PARKED&size=100")
                .then().statusCode(200)
                .body("items.id", hasItem(parked.id.toString()))
                .body("items.find { it.id == '" + parked.id + "' }.recipient", equalTo(PARKED.toString()))
                .body("items.find { it.id == '" + parked.id + "' }.channel", equalTo("EMAIL"))
                .body("items.find { it.id == '" + parked.id + "' }.attempts", equalTo(3))
                .extract().asString();
        assertTrue(!answer.contains("parked@citizens.test"), "officials never see the address");
    }

    @Test
    @TestSecurity(user = "passport-officer", roles = "passport-officer")
    void anotherServicesOfficerDoesNotSeeResidencyDeliveries() {
        given().when().get("/api/notification/v1/officer/deliveries?state=PARKED")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    @TestSecurity(user = "residency-officer", roles = "residency-officer")
    void aStateThatDoesNotExistIsAFieldError() {
        given().when().get("/api/notification/v1/officer/deliveries?state=LOST")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("state"));
    }

    @Test
    @TestSecurity(user = "citizen", roles = "citizen")
    void citizensDoNotSeeDeliveries() {
        given().when().get("/api/notification/v1/officer/deliveries").then().statusCode(403);
    }
}
