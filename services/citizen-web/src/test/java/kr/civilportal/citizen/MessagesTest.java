package kr.civilportal.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Korean is the default and English complete: every text of the page frame and of these pages in both. */
class MessagesTest {

    @Test
    void everyKoreanTextHasItsEnglish() throws IOException {
        for (String bundle : new String[] {"msg", "web", "reads", "petition", "office", "fee", "address", "household", "notification"}) {
            assertEquals(keys("messages/" + bundle + "_ko.properties"), keys("messages/" + bundle + "_en.properties"), bundle);
        }
    }

    static Set<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (var in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
