package kr.civilportal.gateway.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every fallback page as rendered: one title and one h1, Korean with its English marked {@code lang="en"}, every
 * form field labelled and every {@code aria-describedby} pointing at an element that is there. The pages are also
 * written to {@code target/fallback-pages/} for the Nu HTML checker and axe.
 */
@QuarkusTest
class FallbackPagesTest {

    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b[^>]*\\bid=\"([^\"]+)\"");
    private static final Pattern DESCRIBED_BY = Pattern.compile("aria-describedby=\"([^\"]+)\"");

    @Inject
    FallbackPages pages;

    @Test
    void everyPageIsCompleteAndEveryFieldLabelled() throws Exception {
        Path out = Files.createDirectories(Path.of("target", "fallback-pages"));
        FallbackReport typed = new FallbackReport("FIRE", "연기 <b>", "종로", "x", "8e03978e-40d5-43e8-bc93-6894a57f9324");
        Map<String, String> pagesToCheck = Map.of(
                "citizen", pages.render("citizen", FallbackReport.blank(), Set.of(), Map.of()),
                "citizen-errors", pages.render("citizen", typed, Set.of("category", "description", "address", "phone"), Map.of()),
                "officials", pages.render("officials", FallbackReport.blank(), Set.of(), Map.of()),
                "delivered", pages.render("delivered", typed, Set.of(), Map.of("number", "r-1", "followUrl", "/report-119/receipts/r-1?token=t")),
                "held", pages.render("held", typed, Set.of(), Map.of("number", "h-1", "followUrl", "/api/emergency/v1/relay/h-1?token=t")),
                "failed", pages.render("failed", typed, Set.of(), Map.of()));
        for (Map.Entry<String, String> page : pagesToCheck.entrySet()) {
            String html = page.getValue();
            Files.writeString(out.resolve(page.getKey() + ".html"), html);
            assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"ko\">"), page.getKey());
            assertEquals(1, count(html, "<title>"), page.getKey());
            assertEquals(1, count(html, "<h1>"), page.getKey());
            assertTrue(html.contains("<span lang=\"en\">"), page.getKey());
            assertTrue(!html.contains("<b>"), "typed text is escaped: " + page.getKey());
            Matcher field = FIELD.matcher(html);
            while (field.find()) {
                if (!html.substring(field.start(), html.indexOf('>', field.start())).contains("type=\"hidden\"")) {
                    assertTrue(html.contains("<label for=\"" + field.group(2) + "\">"), page.getKey() + ": " + field.group(2));
                }
            }
            Matcher describedBy = DESCRIBED_BY.matcher(html);
            while (describedBy.find()) {
                for (String id : describedBy.group(1).split(" ")) {
                    assertTrue(html.contains("id=\"" + id + "\""), page.getKey() + ": " + id);
                }
            }
        }
        for (String key : List.of("citizen", "citizen-errors")) {
            assertEquals(4, count(pagesToCheck.get(key), "<label for="), key);
        }
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
