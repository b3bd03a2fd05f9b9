package kr.civilportal.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import kr.civilportal.common.json.StrictJson;
import org.junit.jupiter.api.Test;

/** JSON text with a NUL is refused wherever it stands, and the path names where. */
class StorableStringsTest {

    record Report(String description, List<String> notes, Map<String, String> labels, Object extra) {
    }

    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    private String pathOfRefusal(String body) {
        UnstorableTextException e = assertThrows(UnstorableTextException.class,
                () -> json.readValue(body, Report.class));
        assertFalse(e.getMessage().contains("secret"), "the message never quotes the value");
        return e.getPathReference().replaceAll("^.*Report", "");
    }

    @Test
    void ordinaryTextIsReadAsSent() throws Exception {
        Report read = json.readValue("""
                {"description":"연기가 납니다 \\ud83d\\udd25","notes":["1층"],"labels":{"층":"2"},"extra":{"k":"v"}}""",
                Report.class);
        assertEquals("연기가 납니다 \uD83D\uDD25", read.description());
        assertEquals(List.of("1층"), read.notes());
        assertEquals(Map.of("층", "2"), read.labels());
    }

    @Test
    void aNulInAPropertyAnElementAValueAKeyOrAnUntypedValueIsRefusedNamingThePlace() {
        assertEquals("[\"description\"]", pathOfRefusal("{\"description\":\"secret\\u0000\"}"));
        assertEquals("[\"notes\"]->java.util.ArrayList[1]", pathOfRefusal("{\"notes\":[\"a\",\"secret\\u0000\"]}"));
        assertEquals("[\"labels\"]->java.util.LinkedHashMap[\"k\"]",
                pathOfRefusal("{\"labels\":{\"k\":\"secret\\u0000\"}}"));
        assertThrows(UnstorableTextException.class, () -> json.readValue("{\"labels\":{\"se\\u0000cret\":\"v\"}}",
                Report.class));
        assertThrows(UnstorableTextException.class, () -> json.readValue("{\"extra\":{\"k\":[\"secret\\u0000\"]}}",
                Report.class));
    }

    @Test
    void anUnpairedSurrogateIsRefusedToo() {
        assertEquals("[\"description\"]", pathOfRefusal("{\"description\":\"secret\\ud83d\"}"));
    }
}
