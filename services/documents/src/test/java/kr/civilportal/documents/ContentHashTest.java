package kr.civilportal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    record Attested(String name, LocalDate since, String address) {
    }

    @Test
    void theSameDataGivesTheSameHashWhateverTheKeyOrder() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", 1);
        a.put("a", "주소");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("a", "주소");
        b.put("b", 1);
        assertEquals(ContentHash.canonicalJson(a), ContentHash.canonicalJson(b));
        assertEquals("{\"a\":\"주소\",\"b\":1}", ContentHash.canonicalJson(a));
    }

    @Test
    void datesAreWrittenAsIsoTextAndAnyChangeChangesTheHash() {
        String json = ContentHash.canonicalJson(new Attested("김지민", LocalDate.of(2020, 1, 2), "세종대로 209"));
        assertEquals("{\"address\":\"세종대로 209\",\"name\":\"김지민\",\"since\":\"2020-01-02\"}", json);
        String other = ContentHash.canonicalJson(new Attested("김지민", LocalDate.of(2020, 1, 3), "세종대로 209"));
        assertNotEquals(ContentHash.sha256Hex(json), ContentHash.sha256Hex(other));
    }

    @Test
    void sha256OfKnownText() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHash.sha256Hex("abc"));
    }
}
