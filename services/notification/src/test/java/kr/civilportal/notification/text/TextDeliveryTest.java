package kr.civilportal.notification.text;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import kr.civilportal.notification.Events;
import kr.civilportal.notification.InMemoryChannels;
import kr.civilportal.notification.NotificationTestResources;
import kr.civilportal.notification.TestCitizens;
import kr.civilportal.notification.TextProviderServer;
import kr.civilportal.notification.delivery.Channel;
import kr.civilportal.notification.delivery.Delivery;
import kr.civilportal.notification.delivery.DeliveryState;
import kr.civilportal.notification.inbox.InboxMessage;
import kr.civilportal.notification.preference.PreferenceRequest;
import kr.civilportal.notification.preference.Preferences;
import org.junit.jupiter.api.Test;

/** SMS and 알림톡 go out after the commit to a real HTTP provider: fall-back, retry, park, quiet hours and 119. */
@QuarkusTest
class TextDeliveryTest extends NotificationTestResources {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String READY = "passport.application.ready-for-pickup";

    @Inject
    @Any
    InMemoryConnector connector;
    @Inject
    Preferences preferences;
    @Inject
    TextSender sender;
    @Inject
    CallbackSeal seal;
    @Inject
    MeterRegistry registry;

    private static Delivery deliveryOf(UUID event, Channel channel) {
        return QuarkusTransaction.requiringNew().call(
                () -> Delivery.<Delivery>find("eventId = ?1 and channel = ?2", event, channel).firstResult());
    }

    private static List<Delivery> deliveriesOf(UUID event) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("eventId", event));
    }

    /** A fresh number per test, under the prefix that chooses the provider's answer. */
    private static String number(String prefix) {
        long tail = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 10_000_000L);
        return prefix + String.format("%07d", tail);
    }

    private void textsOn(String resident, String phone, boolean sms, boolean kakao, boolean quiet) {
        preferences.replace(UUID.fromString(resident),
                new PreferenceRequest("ko", null, false, phone, sms, kakao, quiet));
    }

    private void readyForPickup(UUID event, String resident) {
        connector.source(InMemoryChannels.PASSPORT).send(Events.envelope(event, READY, "passport",
                UUID.randomUUID().toString(), List.of(resident), "{\"reference\":\"P-7788\"}"));
    }

    @Test
    void aPassportEventReachesTheProviderBySmsWithTheTemplatesText() {
        String phone = number("0102");
        textsOn(TestCitizens.TEXT_SMS, phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7),
                true, false, false);
        UUID event = UUID.randomUUID();
        readyForPickup(event, TestCitizens.TEXT_SMS);

        await().atMost(WAIT).until(() -> TextProviderServer.receivedBy(phone).size() == 1);
        TextProviderServer.Message sms = TextProviderServer.receivedBy(phone).getFirst();
        assertEquals("sms", sms.channel());
        assertEquals("여권을 찾아가실 수 있습니다. 나의 민원에서 교부 일시를 예약해 주세요 (접수번호 P-7788).", sms.text());
        await().atMost(WAIT).until(() -> deliveryOf(event, Channel.SMS).state == DeliveryState.SENT);
        assertEquals(deliveryOf(event, Channel.SMS).id.toString(), sms.reference(), "the delivery id as reference");
        assertNull(deliveryOf(event, Channel.KAKAO), "SMS only: KakaoTalk was off");
    }

    @Test
    void alimtalkWithItsTemplateCodeAndWithoutKakaoTalkOneSmsInstead() {
        String kakaoUser = number("0103");
        // both on: KakaoTalk is preferred, no SMS besides
        textsOn(TestCitizens.TEXT_KAKAO, kakaoUser, true, true, false);
        UUID first = UUID.randomUUID();
        readyForPickup(first, TestCitizens.TEXT_KAKAO);
        await().atMost(WAIT).until(() -> TextProviderServer.receivedBy(kakaoUser).size() == 1);
        assertEquals("alimtalk", TextProviderServer.receivedBy(kakaoUser).getFirst().channel());
        assertEquals("PASSPORT_READY_FOR_PICKUP", TextProviderServer.receivedBy(kakaoUser).getFirst().templateCode());
        await().atMost(WAIT).until(() -> deliveryOf(first, Channel.KAKAO).state == DeliveryState.SENT);
        assertNull(deliveryOf(first, Channel.SMS));

        // 대체발송: the number has no KakaoTalk (409 not-a-kakao-user), so one SMS goes instead
        String noKakao = number(TextProviderServer.NO_KAKAO);
        textsOn(TestCitizens.TEXT_KAKAO, noKakao, false, true, false);
        UUID second = UUID.randomUUID();
        readyForPickup(second, TestCitizens.TEXT_KAKAO);
        await().atMost(WAIT).until(() -> TextProviderServer.receivedBy(noKakao).size() == 1);
        TextProviderServer.Message sms = TextProviderServer.receivedBy(noKakao).getFirst();
        assertEquals("sms", sms.channel());
        assertTrue(sms.text().contains("P-7788"), sms.text());
        await().atMost(WAIT).until(() -> deliveryOf(second, Channel.SMS).state == DeliveryState.SENT);
        Delivery kakao = deliveryOf(second, Channel.KAKAO);
        assertEquals(DeliveryState.CANCELLED, kakao.state);
        assertEquals("not-a-kakao-user", kakao.lastError);
        assertEquals(2, TextProviderServer.callsFor(noKakao), "one 알림톡 tried, one SMS sent");
    }

    @Test
    void aServerErrorIsRetriedThenSent() {
        String phone = number(TextProviderServer.FAILS_ONCE);
        textsOn(TestCitizens.TEXT_RETRY, phone, true, false, false);
        UUID event = UUID.randomUUID();
        readyForPickup(event, TestCitizens.TEXT_RETRY);
        await().atMost(WAIT).until(() -> deliveryOf(event, Channel.SMS) != null
                && deliveryOf(event, Channel.SMS).state == DeliveryState.SENT);
        assertEquals(2, deliveryOf(event, Channel.SMS).attempts);
        assertEquals(1, TextProviderServer.receivedBy(phone).size());
    }

    @Test
    @TestSecurity(user = "passport-officer", roles = "passport-officer")
    void aRefusalIsFinalParkedAndListedWithTheNumberMasked() {
        String phone = number(TextProviderServer.REFUSED);
        textsOn(TestCitizens.TEXT_REFUSED, phone, true, false, false);
        UUID event = UUID.randomUUID();
        readyForPickup(event, TestCitizens.TEXT_REFUSED);
        await().atMost(WAIT).until(() -> deliveryOf(event, Channel.SMS) != null
                && deliveryOf(event, Channel.SMS).state == DeliveryState.PARKED);
        Delivery parked = deliveryOf(event, Channel.SMS);
        assertEquals(1, parked.attempts, "a 4xx is not tried again");
        assertEquals("HTTP 400", parked.lastError);

        String masked = phone.substring(0, 3) + "-****-" + phone.substring(7);
        String answer = given().when().get("/api/notification/v1/officer/deliveries?state=PARKED&size=100")
                .then().statusCode(200)
                .body("items.id", hasItem(parked.id.toString()))
                .body("items.find { it.id == '" + parked.id + "' }.channel", equalTo("SMS"))
                .body("items.find { it.id == '" + parked.id + "' }.to", equalTo(masked))
                .extract().asString();
        assertFalse(answer.contains(phone), "never the whole number");
    }

    @Test
    void quietHoursHoldATextUntilTheMorning() {
        String phone = number("0106");
        textsOn(TestCitizens.TEXT_QUIET, phone, true, false, true);
        // 22:00 in Seoul
        sender.useClock(Clock.fixed(Instant.parse("2030-01-07T13:00:00Z"), ZoneOffset.UTC));
        try {
            UUID event = UUID.randomUUID();
            readyForPickup(event, TestCitizens.TEXT_QUIET);
            Instant morning = Instant.parse("2030-01-07T23:00:00Z");
            await().atMost(WAIT).until(() -> {
                Delivery d = deliveryOf(event, Channel.SMS);
                return d != null && d.nextAttemptAt.equals(morning);
            });
            Delivery held = deliveryOf(event, Channel.SMS);
            assertEquals(DeliveryState.PENDING, held.state);
            assertEquals(0, held.attempts, "holding is not an attempt");
            assertEquals(0, TextProviderServer.callsFor(phone));
        } finally {
            sender.useClock(null);
        }
    }

    private String emergency(UUID event, String type, String subject, String callback, String extra) {
        return Events.envelope(event, type, "emergency-report", subject, List.of(),
                "{\"reference\":\"119-0042\"" + extra + (callback == null ? "" : ",\"callback\":" + callback) + "}");
    }

    private String sealed(String digits, String subject) {
        return "{\"keyId\":\"dev-2026\",\"sealed\":\"" + seal.seal(digits, subject) + "\"}";
    }

    @Test
    void a119EventsSealedNumberGetsOneSmsInKoreanEvenWhenDeliveredTwice() {
        String phone = number("0107");
        String report = UUID.randomUUID().toString();
        UUID event = UUID.randomUUID();
        String message = emergency(event, "emergency-report.report.unit-dispatched", report, sealed(phone, report),
                ",\"unit\":\"강남소방서 구급대\"");
        connector.source(InMemoryChannels.EMERGENCY_REPORT).send(message);
        connector.source(InMemoryChannels.EMERGENCY_REPORT).send(message);

        await().atMost(WAIT).until(() -> deliveryOf(event, Channel.SMS) != null
                && deliveryOf(event, Channel.SMS).state == DeliveryState.SENT);
        assertEquals(1, TextProviderServer.receivedBy(phone).size());
        assertEquals("[119] 강남소방서 구급대이(가) 출동했습니다 (접수번호 119-0042).",
                TextProviderServer.receivedBy(phone).getFirst().text());
        assertEquals(1, deliveriesOf(event).size(), "no inbox, no e-mail: one SMS");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> InboxMessage.count("eventId", event)));
    }

    @Test
    void a119LandlineIsRecordedCancelledAndAForeignSealIsCountedAndSkipped() {
        String report = UUID.randomUUID().toString();
        UUID landline = UUID.randomUUID();
        connector.source(InMemoryChannels.EMERGENCY_REPORT).send(emergency(landline,
                "emergency-report.report.acknowledged", report, sealed("0212345678", report), ""));
        await().atMost(WAIT).until(() -> deliveryOf(landline, Channel.SMS) != null);
        Delivery cancelled = deliveryOf(landline, Channel.SMS);
        assertEquals(DeliveryState.CANCELLED, cancelled.state);
        assertEquals("not a mobile number", cancelled.lastError);
        assertEquals(0, TextProviderServer.callsFor("0212345678"));

        // sealed for another report: the associated data differs, so it does not open
        double before = registry.counter("notification.callback.unopenable").count();
        UUID moved = UUID.randomUUID();
        String phone = number("0108");
        connector.source(InMemoryChannels.EMERGENCY_REPORT).send(emergency(moved,
                "emergency-report.report.closed", report, sealed(phone, UUID.randomUUID().toString()),
                ",\"outcome\":\"귀가 조치\""));
        await().atMost(WAIT).until(() -> registry.counter("notification.callback.unopenable").count() > before);
        assertTrue(deliveriesOf(moved).isEmpty());
        assertEquals(0, TextProviderServer.callsFor(phone));
    }

    @Test
    void anOwnerIsToldOfALandOwnerChangeOnTheLandRegistryChannel() {
        String phone = number("0100");
        textsOn(TestCitizens.TEXT_LAND, phone, true, false, false);
        UUID event = UUID.randomUUID();
        connector.source(InMemoryChannels.LAND_REGISTRY).send(Events.envelope(event,
                "land-registry.owner-change.recorded", "land-registry", "1168010100108250000-3",
                List.of(TestCitizens.TEXT_LAND), "{\"reference\":\"1168010100108250000-3\",\"parcel\":"
                        + "\"1168010100108250000\",\"changedOn\":\"2026-12-06\",\"cause\":\"매매\"}"));
        await().atMost(WAIT).until(() -> TextProviderServer.receivedBy(phone).size() == 1);
        assertTrue(TextProviderServer.receivedBy(phone).getFirst().text().contains("관할 등기소에 문의"));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> InboxMessage.count("eventId", event)));
    }

    @Test
    void aMoveInFilerIsRemindedOfTheSupplementDeadlineByAlimtalkWithItsOwnTemplateCode() {
        // 0107: a prefix the provider answers normally (0104 is its refusal, TextProviderServer.REFUSED)
        String phone = number("0107");
        textsOn(TestCitizens.TEXT_MOVE_IN, phone, true, true, false);
        UUID event = UUID.randomUUID();
        connector.source(InMemoryChannels.RESIDENCY).send(Events.envelope(event,
                "residency.move-in.supplement-due-soon", "residency", UUID.randomUUID().toString(),
                List.of(TestCitizens.TEXT_MOVE_IN),
                "{\"reference\":\"8f14e45f\",\"reason\":\"임대차계약서 사본\",\"dueOn\":\"2026-12-08\"}"));
        await().atMost(WAIT).until(() -> TextProviderServer.receivedBy(phone).size() == 1);
        TextProviderServer.Message kakao = TextProviderServer.receivedBy(phone).getFirst();
        assertEquals("alimtalk", kakao.channel());
        assertEquals("RESIDENCY_MOVE_IN_SUPPLEMENT_DUE_SOON", kakao.templateCode());
        assertEquals("내일(2026-12-08)까지 전입신고의 보완이 필요합니다: 임대차계약서 사본. 기한이 지나면 반려됩니다 (접수번호 8f14e45f).",
                kakao.text());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> InboxMessage.count("eventId", event)));
        assertNull(deliveryOf(event, Channel.SMS), "알림톡 only: no SMS besides");
    }
}
