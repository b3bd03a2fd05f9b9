package kr.civilportal.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import kr.civilportal.app.ApiFailure;
import kr.civilportal.app.CitizenApp;
import kr.civilportal.app.client.emergency.model.AttachmentAddition;
import kr.civilportal.app.client.emergency.model.ReceiptStatus;
import kr.civilportal.app.client.emergency.model.ReportCategory;
import kr.civilportal.app.client.emergency.model.ReportReceipt;
import kr.civilportal.app.client.emergency.model.ReportRequest;
import kr.civilportal.app.client.emergency.model.ReportStatus;
import kr.civilportal.app.client.residency.model.CertificateKind;
import kr.civilportal.app.client.residency.model.ResidentRecord;
import kr.civilportal.app.signin.PortalSignIn;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The reference app client (infra/reference-app) against the whole portal, as an app developer's app
 * would meet it: generated from the documents the portal publishes, signed in with the public client
 * {@code portal-mobile} (authorization code, PKCE S256, an answer on a loopback port, refresh) through Keycloak's
 * own login page, every call through the gateway. Ports shifted by {@value #PORT_OFFSET}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceAppSystemTest {

    static final int PORT_OFFSET = 9_000;
    /** How long the citizen's browser may take to come back to the app (a loaded 2-core machine: generous). */
    static final Duration SIGN_IN_WAIT = Duration.ofSeconds(60);
    static final Path SERVICES = Path.of("../../services");
    static final ObjectMapper JSON = new ObjectMapper();

    static Portal portal;
    static String gateway;

    static ProcessesSince processes;

    @BeforeAll
    static void startPortal() throws Exception {
        Path work = Files.createDirectories(Path.of("target/reference-app-system-test").toAbsolutePath());
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work)
                .withSharedKeycloak(SharedKeycloak.get());
        // What ran before (the shared Keycloak, started above if no class had), so that the check at the end looks
        // at this portal's own.
        processes = ProcessesSince.now();
        portal = Portal.start(options, line -> System.out.println("[portal] " + line));
        gateway = options.gatewayUrl();
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            List<ProcessHandle> children = processes.started();
            portal.close();
            assertTrue(children.stream().noneMatch(ProcessHandle::isAlive),
                    () -> "every process the portal started is gone, but not: " + ProcessesSince.stillAlive(children));
        }
    }

    @Test
    @Order(1)
    void theClientWasGeneratedFromTheDocumentsThePortalPublishes() throws Exception {
        for (String[] service : new String[][] {{"residency", "residency"}, {"emergency", "emergency-report"}}) {
            String published = given().when().get(gateway + "/api/" + service[0] + "/openapi.json")
                    .then().statusCode(200).extract().asString();
            JsonNode served = JSON.readTree(published);
            JsonNode built = JSON.readTree(SERVICES.resolve(service[1]).resolve("target/openapi/openapi.json").toFile());
            // The same operations and shapes; only where to sign in differs (the build's is production's).
            assertEquals(built.path("paths"), served.path("paths"), service[0] + ": operations");
            assertEquals(built.path("components").path("schemas"), served.path("components").path("schemas"),
                    service[0] + ": schemas");
        }
        assertEquals(portal.keycloak().issuer(), PortalSignIn.realmOf(gateway).toString(),
                "the published document names the portal's Keycloak for signing in");
    }

    @Test
    @Order(2)
    void aCitizenSignsInWithTheMobileClientAndGetsTheirRecordAndACertificate() throws Exception {
        try (PortalSignIn signIn = PortalSignIn.begin(PortalSignIn.realmOf(gateway))) {
            URI authorization = signIn.authorizationUri();
            assertTrue(authorization.getQuery().contains("code_challenge_method=S256"), authorization.toString());

            // The citizen's browser: Keycloak's login page, then back to the app's loopback address.
            WebSession browser = new WebSession("");
            WebSession.Page back = browser.login(authorization.toString(), "citizen", "citizen");
            assertEquals(200, back.status(), back.body());
            assertEquals(signIn.redirectUri().getPort(), back.uri().getPort(), "the browser came back to the app");
            PortalSignIn.SignedIn citizen = signIn.awaitSignIn(SIGN_IN_WAIT);

            String first = citizen.accessToken();
            JsonNode claims = claims(first);
            assertEquals(PortalSignIn.CLIENT_ID, claims.path("azp").asText());
            assertTrue(claims.path("aud").toString().contains("residency-api"), claims.path("aud").toString());

            CitizenApp app = new CitizenApp(gateway, citizen);
            ResidentRecord me = app.myRecord();
            assertEquals("김지민", me.getName());
            assertEquals("900315-2******", me.getResidentRegistrationNumber());

            UUID key = UUID.randomUUID();
            CitizenApp.IssuedCertificate certificate = app.issueCertificate(CertificateKind.HOUSEHOLD, key);
            assertTrue(certificate.issuanceNumber().matches("\\d{4}-\\d{4}-\\d{4}-\\d{4}"), certificate.issuanceNumber());
            assertTrue(isPdf(certificate.pdf()), "the certificate is a PDF");
            // The app's retry of the same issuance (same key): the same certificate, not a second one.
            assertEquals(certificate.issuanceNumber(), app.issueCertificate(CertificateKind.HOUSEHOLD, key).issuanceNumber());
            assertTrue(isPdf(app.downloadCertificate(certificate.issuanceNumber())), "downloaded again");

            ApiFailure unknown = assertThrows(ApiFailure.class, () -> app.downloadCertificate("1234-5678-9012-3452"));
            assertEquals(404, unknown.status());
            assertEquals("urn:civilportal:problem:not-found", unknown.type());
            assertFalse(unknown.detailKo().isBlank(), "a message to show the citizen");

            citizen.refresh();
            assertNotEquals(first, citizen.accessToken(), "a new access token from the refresh token");
            assertEquals("김지민", app.myRecord().getName());
        }
    }

    @Test
    @Order(3)
    void aReportWithAPhotoWithoutSigningInIsFollowedWithItsReceipt() throws Exception {
        CitizenApp app = new CitizenApp(gateway, null);
        ReportRequest report = new ReportRequest().category(ReportCategory.FIRE)
                .description("상가 1층에서 연기가 납니다").latitude(37.5796).longitude(126.9770).accuracyMeters(15.0)
                .address("서울특별시 종로구 세종대로 209").reporterPhone("010-2345-6789");
        UUID key = UUID.randomUUID();
        ReportReceipt receipt = app.report(report, key);
        assertEquals(ReportStatus.RECEIVED, receipt.getStatus());
        assertEquals("010-****-6789", receipt.getReporterPhone(), "the call-back number comes back masked");
        assertFalse(receipt.getReceiptToken().isBlank());
        assertEquals(receipt.getReportId(), app.report(report, key).getReportId(), "a retried report is one report");

        File photo = Files.createTempFile("report-photo", ".jpg").toFile();
        try {
            Files.write(photo.toPath(), LostAnswerSystemTest.jpeg(640, 480));
            AttachmentAddition added = app.addToReport(receipt, List.of(photo), UUID.randomUUID());
            assertEquals(1, added.getAdded().size(), "the photo was taken");
            assertTrue(added.getWarnings().isEmpty(), added.getWarnings().toString());
        } finally {
            Files.deleteIfExists(photo.toPath());
        }

        ReceiptStatus status = app.follow(receipt);
        assertEquals(ReportStatus.RECEIVED, status.getStatus());
        assertEquals(1, status.getAttachments().size());
        ReportReceipt forged = new ReportReceipt().reportId(receipt.getReportId()).receiptToken("not-the-token");
        assertEquals(404, assertThrows(ApiFailure.class, () -> app.follow(forged)).status());

        // And the dispatcher has it, photo included.
        given().auth().oauth2(Tokens.of(portal.keycloak().tokenEndpoint(), "dispatcher"))
                .when().get(gateway + "/api/emergency/v1/reports/" + receipt.getReportId())
                .then().statusCode(200)
                .body("description", equalTo("상가 1층에서 연기가 납니다"))
                .body("attachments.size()", equalTo(1));
    }

    private static boolean isPdf(byte[] document) {
        return document.length > 4
                && new String(Arrays.copyOf(document, 5), StandardCharsets.US_ASCII).equals("%PDF-");
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
