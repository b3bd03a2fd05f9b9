package kr.civilportal.notification.event;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kr.civilportal.notification.Events;
import kr.civilportal.notification.InMemoryChannels;
import kr.civilportal.notification.NotificationTestResources;
import kr.civilportal.notification.SmtpServer;
import kr.civilportal.notification.TestCitizens;
import kr.civilportal.notification.delivery.Delivery;
import kr.civilportal.notification.inbox.InboxMessage;
import kr.civilportal.notification.preference.PreferenceRequest;
import kr.civilportal.notification.preference.Preferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events from the channel become notifications: one per recipient, in their language, never twice. */
@QuarkusTest
class EventIntakeTest extends NotificationTestResources {

    private static final UUID KO = UUID.fromString(TestCitizens.INTAKE_KO);
    private static final UUID EN = UUID.fromString(TestCitizens.INTAKE_EN);
    private static final String EN_ADDRESS = "intake-en@citizens.test";

    @Inject
    @Any
    InMemoryConnector connector;
    @Inject
    Preferences preferences;
    @Inject
    MeterRegistry registry;

    @BeforeEach
    void choices() {
        preferences.replace(KO, new PreferenceRequest("ko", null, false));
        preferences.replace(EN, new PreferenceRequest("en", EN_ADDRESS, true));
    }

    private void send(String payload) {
        connector.source(InMemoryChannels.RESIDENCY).send(payload);
    }

    private static List<InboxMessage> inboxOf(UUID event) {
        return QuarkusTransaction.requiringNew().call(() -> InboxMessage.<InboxMessage>list("eventId", event));
    }

    @Test
    @TestSecurity(user = "citizen", roles = "citizen")
    @OidcSecurity(claims = @Claim(key = "resident_id", value = TestCitizens.INTAKE_KO))
    void anEventBecomesAnInboxMessageForEachRecipientInTheirLanguage() {
        UUID event = UUID.randomUUID();
        UUID petition = UUID.randomUUID();
        send(Events.received(event, petition, KO.toString(), EN.toString()));

        await().atMost(Duration.ofSeconds(20)).until(() -> inboxOf(event).size() == 2);
        InboxMessage ko = inboxOf(event).stream().filter(m -> m.residentId.equals(KO)).findFirst().orElseThrow();
        InboxMessage en = inboxOf(event).stream().filter(m -> m.residentId.equals(EN)).findFirst().orElseThrow();
        String reference = petition.toString().substring(0, 8);
        assertEquals("전입신고가 접수되었습니다 (접수번호 " + reference + "). 처리기한: 2026-12-10", ko.body);
        assertEquals("ko", ko.language);
        assertTrue(en.body.startsWith("Your move-in report has been received (reference " + reference + ")"), en.body);
        assertEquals(petition.toString(), en.petitionId);

        // the citizen sees it in their own inbox, through the API
        given().when().get("/api/notification/v1/me/notifications?size=100")
                .then().statusCode(200)
                .body("items.find { it.id == '" + ko.id + "' }.title", equalTo("전입신고 접수 (" + reference + ")"))
                .body("items.find { it.id == '" + ko.id + "' }.readAt", equalTo(null));
    }

    @Test
    void theSameEventTwiceGivesOneInboxMessageAndOneEmail() {
        UUID event = UUID.randomUUID();
        UUID petition = UUID.randomUUID();
        String payload = Events.supplementRequested(event, petition, EN.toString());
        send(payload);
        send(payload);
        // a later event on the same channel: once it is in, both copies before it were handled
        UUID later = UUID.randomUUID();
        send(Events.received(later, UUID.randomUUID(), KO.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> inboxOf(later).size() == 1);

        assertEquals(1, inboxOf(event).size());
        String reference = petition.toString().substring(0, 8);
        await().atMost(Duration.ofSeconds(20)).until(() -> SmtpServer.receivedBy(EN_ADDRESS).stream()
                .anyMatch(m -> subject(m).contains(reference)));
        // give the sender a few more runs: a second e-mail would have come by now
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(1, SmtpServer.receivedBy(EN_ADDRESS).stream().filter(m -> subject(m).contains(reference)).count());
        long deliveries = QuarkusTransaction.requiringNew().call(() -> Delivery.count("eventId", event));
        assertEquals(2, deliveries, "one INBOX and one EMAIL delivery");
    }

    @Test
    void unknownTypesNewerVersionsAndMalformedMessagesAreAcknowledgedAndIgnored() {
        double unsupported = count("unsupported");
        double malformed = count("malformed");
        UUID unknown = UUID.randomUUID();
        send(Events.envelope(unknown, "residency.move-in.teleported", UUID.randomUUID(), List.of(KO.toString()), "{}"));
        UUID newer = UUID.randomUUID();
        send(Events.received(newer, UUID.randomUUID(), KO.toString()).replace("\"version\":1", "\"version\":2"));
        send("{ this is not json");
        send("{\"type\":\"residency.move-in.received\",\"version\":1,\"eventId\":\"no\"}");

        // the channel is still consuming: a good event after them arrives
        UUID good = UUID.randomUUID();
        send(Events.received(good, UUID.randomUUID(), KO.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> inboxOf(good).size() == 1);
        assertEquals(0, inboxOf(unknown).size());
        assertEquals(0, inboxOf(newer).size());
        assertEquals(unsupported + 2, count("unsupported"));
        assertEquals(malformed + 2, count("malformed"));
    }

    private double count(String outcome) {
        var counter = registry.find("notification.events").tags("channel", InMemoryChannels.RESIDENCY,
                "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void passportEventsArriveOnTheirOwnChannelAndACertificateIsToldByItsNumber() {
        UUID passportEvent = UUID.randomUUID();
        UUID application = UUID.randomUUID();
        connector.source(InMemoryChannels.PASSPORT).send(Events.envelope(passportEvent,
                "passport.application.ready-for-pickup", "passport", application.toString(), List.of(KO.toString()),
                "{\"reference\":\"" + application.toString().substring(0, 8) + "\"}"));
        UUID certificateEvent = UUID.randomUUID();
        send(Events.envelope(certificateEvent, "residency.certificate.issued", "residency", "2612-0701-2345-6789",
                List.of(EN.toString()), "{\"reference\":\"2612-0701-2345-6789\",\"kind\":\"HOUSEHOLD\"}"));

        await().atMost(Duration.ofSeconds(20)).until(() -> inboxOf(passportEvent).size() == 1
                && inboxOf(certificateEvent).size() == 1);
        InboxMessage pickup = inboxOf(passportEvent).get(0);
        assertEquals("passport", pickup.source);
        assertEquals(application.toString(), pickup.petitionId);
        assertTrue(pickup.body.startsWith("여권을 찾아가실 수 있습니다"), pickup.body);
        InboxMessage certificate = inboxOf(certificateEvent).get(0);
        assertEquals("2612-0701-2345-6789", certificate.petitionId);
        assertTrue(certificate.body.contains("(number 2612-0701-2345-6789)"), certificate.body);
    }

    static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
