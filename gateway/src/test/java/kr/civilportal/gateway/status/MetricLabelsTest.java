package kr.civilportal.gateway.status;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * No metric label carries an identifier. An outside test read certificate issuance numbers, residents' ids, 119
 * report ids and extract numbers from the gateway's metrics (its HTTP metrics were labelled with raw request paths),
 * which the public verification endpoints then confirmed. Labels are route templates only.
 */
@QuarkusTest
class MetricLabelsTest {

    /** Whatever carries an identifier in this portal's paths: a UUID, or a run of digits (issuance numbers, PNUs). */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\d{4}");
    private static final Pattern PATH_LABEL = Pattern.compile("[a-z_]+=\"(/[^\"]*)\"");

    @Test
    void requestsForIdentifiedThingsLeaveNoIdentifierInAnyLabel() {
        String citizen = Tokens.of("citizen");
        List<String> paths = List.of("/api/residency/v1/verifications/123456789012",
                "/api/residency/v1/officer/residents/6a0e3d5c-4b1f-4f2e-9c1a-2b3c4d5e6f70?reason=check",
                "/api/land/v1/parcels/1111010100100010000", "/api/land/v1/extracts/9876-5432-1098",
                "/api/emergency/v1/receipts/8c2a5f7e-6d3b-4b4a-9e3c-4d5e6f708192",
                "/api/passport/v1/applications/7b1f4e6d-5c2a-4a3f-8d2b-3c4d5e6f7081",
                "/my/appointments/7b1f4e6d-5c2a-4a3f-8d2b-3c4d5e6f7081", "/verify/1234-5678-9012",
                "/report-119/receipts/8c2a5f7e-6d3b-4b4a-9e3c-4d5e6f708192?token=t",
                "/admin/residents/6a0e3d5c-4b1f-4f2e-9c1a-2b3c4d5e6f70", "/no-such-path/123456789");
        for (String path : paths) {
            given().auth().oauth2(citizen).redirects().follow(false).get(path); // any answer: what it leaves behind counts
        }

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        TreeSet<String> pathLabels = new TreeSet<>(); // every label value that looks like a path, whatever its name
        Matcher m = PATH_LABEL.matcher(metrics);
        while (m.find()) {
            pathLabels.add(m.group(1));
        }
        assertTrue(pathLabels.stream().anyMatch(u -> u.startsWith("/api/residency")),
                "the requests were counted (else this shows nothing): " + pathLabels);
        assertEquals(List.of(), pathLabels.stream().filter(u -> IDENTIFIER.matcher(u).find()).toList(), "labels: " + pathLabels);
    }
}
