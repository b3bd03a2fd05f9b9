package kr.civilportal.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * form-keep.js itself, run by node (the one web-common's build already uses for npm) on two pages of one tab in a
 * small stand-in for the DOM ({@code src/test/resources/form-keep/two-pages.js}): the move-in form sent after a
 * search with a match chosen, then the form as the page after the login shows it, which lists no match (issue 21).
 * The browser journey {@code FormsKeptAcrossLoginBrowserTest} checks the same in Chromium.
 */
class FormKeepScriptTest {

    private static final String SANGAM = "서울특별시 마포구 월드컵북로 396";

    @Test
    void theChosenMatchComesBackChosenWithItsTextAndTheHeadsNumberIsNeverStored() throws Exception {
        Map<String, String> page = runTwoPages();

        assertFalse(page.get("stored").contains("9001011234568"), "the registration number is not in the storage");
        assertEquals("1", page.get("offered"), "the one match chosen is offered again: " + page);
        assertEquals("radio|roadAddress|" + SANGAM + "|true|" + SANGAM + " (상암동) 누리꿈스퀘어 [03925] · 행정동 상암동",
                page.get("choice0"), "same value, chosen, same text as the match had");
        assertEquals("새 주소를 고르세요.", page.get("hint"), "the hint asks to choose, not to search");
        assertEquals("true", page.get("mode"));
        assertEquals(SANGAM, page.get("addressQuery"));
        assertEquals("1502호", page.get("addressDetail"));
        assertEquals("", page.get("headNumber"), "typed again");
        assertTrue(page.get("notice").startsWith("다시 채워 두었으니"), "the notice says the form was filled in again");
        assertEquals("0", page.get("left"), "nothing stays in the tab's storage");
    }

    private static Map<String, String> runTwoPages() throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", Path.of("src/test/resources/form-keep/two-pages.js").toString(),
                Path.of("src/main/resources/META-INF/resources/web-assets/form-keep.js").toString())
                .redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(30, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), out);
        Map<String, String> lines = new LinkedHashMap<>();
        out.lines().filter(l -> l.contains("=")).forEach(l -> lines.put(l.substring(0, l.indexOf('=')),
                l.substring(l.indexOf('=') + 1)));
        return lines;
    }
}
