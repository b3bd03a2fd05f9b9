package kr.civilportal.residency.demo;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kr.civilportal.residency.rrn.ResidentRegistrationNumber;
import org.junit.jupiter.api.Test;

/**
 * The resident registration numbers the published API document shows as examples are valid numbers that no
 * record has (docs/security.md, finding 9): an app developer who tries the example must not reach a demo resident's
 * household, and a reader must not take a record's full number from the document.
 */
@QuarkusTest
class PublicExamplesTest {

    private static final Pattern NUMBER = Pattern.compile("\\d{6}-\\d{7}");

    @Test
    void exampleNumbersAreValidAndBelongToNoRecord() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Set<String> examples = new TreeSet<>();
        Matcher m = NUMBER.matcher(document);
        while (m.find()) {
            examples.add(m.group());
        }
        assertFalse(examples.isEmpty(), "the document shows an example number");
        Set<String> records = DemoResidents.FAMILIES.stream().flatMap(f -> f.people().stream())
                .map(DemoResidents.Person::rrn).collect(Collectors.toSet());
        for (String example : examples) {
            assertDoesNotThrow(() -> ResidentRegistrationNumber.parse(example), example + " is a valid number");
            assertTrue(!records.contains(example), example + " is a demo record's number");
        }
    }
}
