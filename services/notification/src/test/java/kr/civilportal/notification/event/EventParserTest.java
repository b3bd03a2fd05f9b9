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
}
