package kr.civilportal.notification.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.civilportal.notification.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventParserTest {

    private final EventParser parser = new EventParser(new ObjectMapper());

    @Test
    void readsVersionOne() {
        UUID id = UUID.randomUUID();
        UUID petition = UUID.randomUUID();
        String r = UUID.randomUUID().toString();
        var outcome = parser.parse(Events.supplementRequested(id, petition, r, r));
        PetitionEvent event = assertInstanceOf(EventParser.Accepted.class, outcome).event();
        assertEquals(id, event.eventId());
        assertEquals(petition.toString(), event.subject());
        assertEquals(List.of(UUID.fromString(r)), event.recipients(), "a recipient named twice is told once");
        assertEquals("임대차계약서 사본", event.reason().orElseThrow());
        assertEquals(LocalDate.of(2026, 12, 14), event.dueOn().orElseThrow());
    }

    @Test
    void aNewerVersionIsUnsupportedNotMalformed() {
        String v2 = Events.received(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID().toString())
                .replace("\"version\":1", "\"version\":2");
        var outcome = assertInstanceOf(EventParser.Unsupported.class, parser.parse(v2));
        assertEquals(2, outcome.version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "42", "{\"version\":1}", "{\"type\":\"a\",\"version\":\"1\"}",
            "{\"type\":\"residency.move-in.received\",\"version\":1,\"eventId\":\"nope\"}",
            "{\"type\":\"residency.move-in.received\",\"version\":1.5}"})
    void whatIsNoEnvelopeIsMalformed(String payload) {
        assertInstanceOf(EventParser.Malformed.class, parser.parse(payload));
    }

    @Test
    void aBadRecipientOrDateIsMalformed() {
        UUID id = UUID.randomUUID();
        assertInstanceOf(EventParser.Malformed.class,
                parser.parse(Events.received(id, UUID.randomUUID(), "not-a-uuid")));
        assertInstanceOf(EventParser.Malformed.class, parser.parse(
                Events.received(id, UUID.randomUUID(), UUID.randomUUID().toString()).replace("2026-12-10", "soon")));
        assertInstanceOf(EventParser.Malformed.class, parser.parse(
                Events.received(id, UUID.randomUUID(), UUID.randomUUID().toString()).replace("8", "\\u0000")));
    }

    @Test
    void theOutcomeNeverQuotesThePayload() {
        var outcome = assertInstanceOf(EventParser.Malformed.class, parser.parse("{\"secret\": 900101-1234567"));
        assertEquals("not JSON", outcome.why());
    }

    @Test
    void readsA119CallbackAndTheNewerTexts() {
        String payload = Events.envelope(UUID.randomUUID(), "emergency-report.report.unit-dispatched",
                "emergency-report", "5f0c2a4e-1111-4c1e-9e55-0a7f3b2c9d01", java.util.List.of(),
                "{\"reference\":\"119-1\",\"unit\":\"구급대\",\"callback\":{\"keyId\":\"dev-2026\",\"sealed\":\"AAECAwQFBgcICQoLDA0ODw==\"}}");
        var accepted = assertInstanceOf(EventParser.Accepted.class, parser.parse(payload));
        assertEquals("dev-2026", accepted.event().callback().orElseThrow().keyId());
        assertEquals(16, accepted.event().callback().orElseThrow().sealed().length);
        assertEquals("구급대", accepted.event().details().get("unit"));
    }

    @Test
    void aCallbackOfAnotherShapeIsMalformed() {
        for (String callback : new String[] {"\"01012345678\"", "{\"keyId\":\"dev-2026\"}",
                "{\"keyId\":\"dev 2026\",\"sealed\":\"AAAA\"}", "{\"keyId\":\"dev-2026\",\"sealed\":\"not base64!\"}"}) {
            String payload = Events.envelope(UUID.randomUUID(), "emergency-report.report.closed", "emergency-report",
                    "r-1", java.util.List.of(), "{\"reference\":\"119-1\",\"callback\":" + callback + "}");
            assertInstanceOf(EventParser.Malformed.class, parser.parse(payload), callback);
        }
    }

    @Test
    void a119EventMayLeaveOutRecipientsOthersMayNot() {
        String emergency = """
                {"eventId":"%s","type":"emergency-report.report.acknowledged","version":1,"source":"emergency-report",
                 "occurredAt":"2026-12-07T01:02:03Z","subject":"r-1","data":{"reference":"119-1"}}""".formatted(UUID.randomUUID());
        var accepted = assertInstanceOf(EventParser.Accepted.class, parser.parse(emergency));
        assertEquals(List.of(), accepted.event().recipients());
        assertInstanceOf(EventParser.Malformed.class, parser.parse(emergency
                .replace("\"source\":\"emergency-report\"", "\"source\":\"passport\"")));
    }
}
