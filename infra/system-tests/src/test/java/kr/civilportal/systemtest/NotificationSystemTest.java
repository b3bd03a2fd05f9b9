package kr.civilportal.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
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
 * Issue 20 with the real processes: residency and passport write their events to their outboxes, relay them to a
 * real Kafka broker, the notification service turns them into inbox messages and e-mails (caught by the mail
 * catcher), in each citizen's language, all through the gateway. Then the notification service is killed -9 and
 * Kafka stopped during a burst of 500 status changes: the petitions' own endpoints answer every one, and after both
 * return every notification arrives exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationSystemTest {

    static final int PORT_OFFSET = 10_500;
    /** Generous: on a busy 2-core machine, the relay's backoff (30 s at most) and Kafka's consumer rejoining. */
    static final Duration ARRIVAL = Duration.ofMinutes(6);
    static final String INBOX = "/api/notification/v1/me/notifications";
    static final String PREFERENCES = "/api/notification/v1/me/preferences";
    static final String MOVE_INS = "/api/residency/v1/move-ins";
    static final String QUEUE = "/api/residency/v1/officer/move-ins";
    static final String APPLICATIONS = "/api/passport/v1/applications";
    /** A register address of 종로구 (residency's road-name register extract), decided by residency-officer. */
    static final String JONGNO = "서울특별시 종로구 삼청로 30, 2층";
    /** Status changes in the burst: each report filed (received) and rejected (rejected) is two. */
    static final int BURST_CHANGES = 500;

    static Portal portal;
    static String gateway;
    static String tokenEndpoint;
    static ProcessesSince processes;

    @BeforeAll
    static void startPortal() throws Exception {
        Path work = Files.createDirectories(Path.of("target/notification-system-test").toAbsolutePath());
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work)
                .withSharedKeycloak(SharedKeycloak.get()).withoutWebApps().withoutPaymentProvider()
                .withNotifications()
                // The sender every second, in batches that clear the burst's 500 e-mails in a minute or so.
                .withAppConfig(PortalApp.NOTIFICATION, "portal.notification.email.every", "1s")
                .withAppConfig(PortalApp.NOTIFICATION, "portal.notification.email.delay", "1s")
                .withAppConfig(PortalApp.NOTIFICATION, "portal.notification.email.batch-size", "100")
                .withAppConfig(PortalApp.PASSPORT, "portal.passport.identity-check.every", "1s");
        processes = ProcessesSince.now();
        portal = Portal.start(options, line -> System.out.println("[portal] " + line));
        gateway = options.gatewayUrl();
        tokenEndpoint = portal.keycloak().tokenEndpoint();
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

    static String token(String user) {
        return Tokens.of(tokenEndpoint, user);
    }

    static void prefer(String user, String language, String email) {
        given().auth().oauth2(token(user)).contentType(ContentType.JSON)
                .body("{\"language\":\"" + language + "\",\"email\":\"" + email + "\",\"emailEnabled\":true}")
                .when().put(gateway + PREFERENCES).then().statusCode(200);
    }

    /** Every inbox message of the user, all pages, newest first. */
    static List<Map<String, Object>> inbox(String user) {
        String bearer = token(user);
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath p = given().auth().oauth2(bearer).queryParam("page", page).queryParam("size", 100)
                    .when().get(gateway + INBOX).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = p.getList("items");
            all.addAll(items);
            if (items.size() < 100) {
                return all;
            }
        }
    }

    /**
     * How many notifications the user's inbox holds, from one small page (the gateway's rate limit allows 120 calls a
     * minute per client); -1 while the notification service does not answer (a replica just started and busy with
     * the backlog may take longer than the gateway's 2 s at first: counted, not a failure of what this test checks).
     */
    static int inboxTotal(String user) {
        io.restassured.response.Response r = given().auth().oauth2(token(user)).queryParam("size", 1)
                .when().get(gateway + INBOX);
        if (r.statusCode() != 200) {
            System.out.println("[notification] inbox answered " + r.statusCode() + " while catching up");
            return -1;
        }
        return r.path("total");
    }

    /** The subjects of the e-mails the mail catcher holds for the address. */
    static List<String> mailSubjects(String address) {
        return JsonPath.from(portal.mailCatcher().messagesFor(address)).getList("subject", String.class);
    }

    static void await(String what, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(ARRIVAL);
        while (!done.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), what + " within " + ARRIVAL);
            // Not faster: the mail catcher's answer for 500 e-mails is every message whole.
            Thread.sleep(2000);
        }
    }

    static String fileMoveIn(String user) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON)
                .body("{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + JONGNO + "\",\"movedInOn\":\""
                        + LocalDate.now(ZoneId.of("Asia/Seoul")) + "\"}")
                .when().post(gateway + MOVE_INS).then().statusCode(201).extract().path("id");
    }

    @Test
    @Order(1)
    void aMoveInAndAPassportAreToldInTheInboxAndByEMailInEachCitizensLanguage() throws Exception {
        prefer("citizen2", "ko", "seoyeon.lee@example.test");
        prefer("citizen", "en", "jimin.kim@example.test");

        // 이서연 (ko): a move-in received, asked for a supplement, answered, approved.
        String moveIn = fileMoveIn("citizen2");
        String officer = token("residency-officer");
        LocalDate deadline = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(7);
        given().auth().oauth2(officer).when().put(gateway + QUEUE + "/" + moveIn + "/holder").then().statusCode(200);
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"what\":\"임대차계약서 사본\",\"deadline\":\"" + deadline + "\"}")
                .when().post(gateway + QUEUE + "/" + moveIn + "/supplement-request").then().statusCode(200);
        given().auth().oauth2(token("citizen2")).contentType(ContentType.JSON).body("{\"answer\":\"냈습니다\"}")
                .when().post(gateway + MOVE_INS + "/" + moveIn + "/supplement-answer").then().statusCode(200);
        given().auth().oauth2(officer).when().post(gateway + QUEUE + "/" + moveIn + "/approval").then().statusCode(200);

        // 김지민 (en): a passport received, approved and ready for pickup; a certificate issued.
        String passport = given().auth().oauth2(token("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(gateway + APPLICATIONS).then().statusCode(201).extract().path("id");
        String passportOfficer = token("passport-officer");
        // Residency is up: passport's identity job verifies the applicant by itself (every second here).
        await("the applicant's identity verified", () -> "VERIFIED".equals(given().auth().oauth2(token("citizen"))
                .when().get(gateway + APPLICATIONS + "/" + passport).then().statusCode(200).extract()
                .path("identityCheck")));
        for (String to : List.of("UNDER_REVIEW", "APPROVED", "PRINTING", "READY_FOR_PICKUP")) {
            given().auth().oauth2(passportOfficer).contentType(ContentType.JSON).body("{\"to\":\"" + to + "\"}")
                    .when().post(gateway + APPLICATIONS + "/" + passport + "/transitions").then().statusCode(200);
        }
        String certificate = given().auth().oauth2(token("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"PERSONAL_HISTORY\"}").when().post(gateway + "/api/residency/v1/certificates")
                .then().statusCode(201).extract().header("Issuance-Number");

        await("the move-in's three notifications", () -> inbox("citizen2").stream()
                .filter(m -> moveIn.equals(m.get("petitionId"))).count() == 3);
        List<Map<String, Object>> seoyeon = inbox("citizen2").stream()
                .filter(m -> moveIn.equals(m.get("petitionId"))).toList();
        String reference = moveIn.substring(0, 8);
        assertEquals(List.of("전입신고 처리 완료 (" + reference + ")", "전입신고 보완 요청 (" + reference + ")",
                "전입신고 접수 (" + reference + ")"), seoyeon.stream().map(m -> m.get("title")).toList(), "newest first");
        assertTrue(seoyeon.get(1).get("body").toString().contains("임대차계약서 사본 (" + deadline + "까지)"),
                seoyeon.get(1).toString());

        await("the passport's and the certificate's notifications", () -> inbox("citizen").stream()
                .filter(m -> passport.equals(m.get("petitionId")) || certificate.equals(m.get("petitionId")))
                .count() == 4);
        List<Object> jimin = inbox("citizen").stream().filter(m -> passport.equals(m.get("petitionId")))
                .map(m -> m.get("title")).toList();
        String passportReference = passport.substring(0, 8);
        assertEquals(List.of("Passport ready for pickup (" + passportReference + ")",
                "Passport application approved (" + passportReference + ")",
                "Passport application received (" + passportReference + ")"), jimin);

        await("the e-mails", () -> mailSubjects("seoyeon.lee@example.test").size() >= 3
                && mailSubjects("jimin.kim@example.test").size() >= 4);
        assertTrue(mailSubjects("seoyeon.lee@example.test").containsAll(seoyeon.stream().map(m -> m.get("title"))
                .toList()), "the same three by e-mail, in Korean: " + mailSubjects("seoyeon.lee@example.test"));
        assertTrue(mailSubjects("jimin.kim@example.test").contains("Resident registration certificate issued ("
                + certificate + ")"), mailSubjects("jimin.kim@example.test").toString());
        String mail = portal.mailCatcher().messagesFor("jimin.kim@example.test");
        assertTrue(!mail.contains("900315") && !mail.contains("김지민"), "no number or name in an e-mail");
    }

    @Test
    @Order(2)
    void nothingIsLostOrDoubledWhenTheNotificationServiceAndKafkaGoDownDuringABurst() throws Exception {
        String address = "seungmin.oh@example.test";
        prefer("citizen4", "ko", address);
        String citizen = null;
        String officer = null;
        int failures = 0;
        Map<String, Integer> statuses = new HashMap<>();
        List<String> reports = new ArrayList<>();
        for (int change = 0; change < BURST_CHANGES; change += 2) {
            if (change % 100 == 0) {
                // Fresh tokens now and then: on a busy machine the burst may outlast an access token.
                citizen = token("citizen4");
                officer = token("residency-officer");
            }
            if (change == 100) {
                portal.killReplica(PortalApp.NOTIFICATION, 0);
            }
            if (change == 200) {
                portal.stopKafka();
            }
            io.restassured.response.Response filing = given().auth().oauth2(citizen).contentType(ContentType.JSON)
                    .body("{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + JONGNO + "\",\"movedInOn\":\""
                            + LocalDate.now(ZoneId.of("Asia/Seoul")) + "\"}")
                    .when().post(gateway + MOVE_INS);
            statuses.merge("file " + filing.statusCode(), 1, Integer::sum);
            if (filing.statusCode() != 201) {
                failures++;
                continue;
            }
            String id = filing.path("id");
            reports.add(id);
            int rejected = given().auth().oauth2(officer).contentType(ContentType.JSON)
                    .body("{\"reason\":\"거주 사실 미확인 " + change + "\"}")
                    .when().post(gateway + QUEUE + "/" + id + "/rejection").then().extract().statusCode();
            statuses.merge("reject " + rejected, 1, Integer::sum);
            if (rejected != 200) {
                failures++;
            }
        }
        System.out.println("Burst: " + statuses);
        assertEquals(0, failures, "the petitions' endpoints answered every change: " + statuses);

        portal.startKafka();
        portal.start(PortalApp.NOTIFICATION);
        await("every notification of the burst", () -> inboxTotal("citizen4") >= BURST_CHANGES);
        await("every e-mail of the burst", () -> mailSubjects(address).size() >= BURST_CHANGES);

        Map<Object, Long> perReport = new HashMap<>();
        inbox("citizen4").stream().filter(m -> reports.contains(m.get("petitionId")))
                .forEach(m -> perReport.merge(m.get("petitionId"), 1L, Long::sum));
        assertEquals(BURST_CHANGES / 2, perReport.size(), "every report told");
        assertTrue(perReport.values().stream().allMatch(n -> n == 2),
                "each report told exactly twice (received, rejected): " + perReport);
        assertEquals(BURST_CHANGES, mailSubjects(address).size(), "each change e-mailed exactly once");
    }
}
