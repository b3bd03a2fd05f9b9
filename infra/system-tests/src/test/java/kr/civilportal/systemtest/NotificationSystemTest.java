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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * return every notification arrives exactly once. Between the two, the text channels: a land owner change, a 119
 * report's steps and a pickup reminder reach the launcher's text-message sink by SMS and 알림톡.
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
    static final String LAND_QUEUE = "/api/land/v1/officer/owner-change-requests";
    /** 대치동 506 (강남구청, so land-officer2): its recorded owner is 김지민 (demo user citizen), with that resident id. */
    static final String CITIZEN_PARCEL = "1168010600105060000";
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
                .withAppConfig(PortalApp.PASSPORT, "portal.passport.identity-check.every", "1s")
                // The reminders of the day before looked for every 2 s, not every 15 minutes.
                .withAppConfig(PortalApp.PASSPORT, "portal.passport.reminders.every", "2s")
                .withAppConfig(PortalApp.PASSPORT, "portal.passport.reminders.delayed", "1s")
                .withAppConfig(PortalApp.NOTIFICATION, "portal.notification.text.every", "1s")
                .withAppConfig(PortalApp.NOTIFICATION, "portal.notification.text.delay", "1s");
        // A refused call shows what it was answered (a problem+json names the field).
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
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

    static void preferText(String user, String language, String phone, boolean sms, boolean kakao) {
        given().auth().oauth2(token(user)).contentType(ContentType.JSON)
                .body("{\"language\":\"" + language + "\",\"phone\":\"" + phone + "\",\"smsEnabled\":" + sms
                        + ",\"kakaoEnabled\":" + kakao + ",\"quietHours\":false}")
                .when().put(gateway + PREFERENCES).then().statusCode(200);
    }

    /** The types of the user's notifications about one petition, newest first. */
    static List<Object> types(String user, String petition) {
        return inbox(user).stream().filter(m -> petition.equals(m.get("petitionId"))).map(m -> m.get("type")).toList();
    }

    static void transition(String officer, String application, String body) {
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(body)
                .when().post(gateway + APPLICATIONS + "/" + application + "/transitions").then().statusCode(200);
    }

    /** The SMS and 알림톡 the text-message sink was sent for the number, oldest first. */
    static List<Map<String, Object>> texts(String number) {
        return JsonPath.from(portal.textSink().messagesFor(number)).getList("");
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
    void ownersA119ReporterAndAPickupAreToldByTextMessage() throws Exception {
        // Quiet hours off, so that the test does not depend on the hour in Korea when it runs.
        // 이서연 by SMS; 김지민 by 알림톡 in English, on a number without KakaoTalk: the sink refuses it and the service
        // falls back to one SMS (대체발송).
        preferText("citizen2", "ko", "010-2000-0002", true, false);
        preferText("citizen", "en", "010-9000-0001", false, true);

        // Land: 이서연 files that the demo parcel of 김지민 is now hers; a land officer approves. Both are told: she as
        // the filer, 김지민 as the owner recorded before the change (the moment a fraudulent transfer can still be stopped).
        String filing = given().auth().oauth2(token("citizen2")).contentType(ContentType.JSON)
                .body("{\"pnu\":\"" + CITIZEN_PARCEL + "\",\"change\":{\"ownerName\":\"이서연\",\"share\":\"1/1\","
                        + "\"changedOn\":\"" + LocalDate.now(ZoneId.of("Asia/Seoul"))
                        + "\",\"cause\":\"SALE\"}}")
                .when().post(gateway + "/api/land/v1/owner-change-requests").then().statusCode(201).extract().path("id");
        String landOfficer = token("land-officer2");
        given().auth().oauth2(landOfficer).when().put(gateway + LAND_QUEUE + "/" + filing + "/holder")
                .then().statusCode(200);
        given().auth().oauth2(landOfficer).when().post(gateway + LAND_QUEUE + "/" + filing + "/approval")
                .then().statusCode(200);

        // 119: an anonymous report with a call-back number; the dispatcher acknowledges, dispatches a unit, closes.
        String report = given().contentType(ContentType.JSON)
                .body("{\"category\":\"FIRE\",\"description\":\"2층 복도에 연기\",\"address\":\"" + JONGNO
                        + "\",\"reporterPhone\":\"010-5555-0119\"}")
                .when().post(gateway + "/api/emergency/v1/reports").then().statusCode(201).extract().path("reportId");
        String dispatcher = token("dispatcher");
        String reports = gateway + "/api/emergency/v1/reports/" + report;
        given().auth().oauth2(dispatcher).when().post(reports + "/acknowledgement").then().statusCode(200);
        given().auth().oauth2(dispatcher).contentType(ContentType.JSON).body("{\"unit\":\"종로소방서 펌프1\"}")
                .when().post(reports + "/assignment").then().statusCode(200);
        given().auth().oauth2(dispatcher).contentType(ContentType.JSON).body("{\"outcome\":\"RESOLVED\"}")
                .when().post(reports + "/closure").then().statusCode(200);

        // Passport: 김지민's passport of the first journey is ready; 김지민 books tomorrow's first slot and is reminded the
        // day before (today) by the reminder job.
        String passport = inbox("citizen").stream().filter(m -> "passport.application.ready-for-pickup"
                .equals(m.get("type"))).map(m -> (String) m.get("petitionId")).findFirst().orElseThrow();
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(1);
        String slot = given().auth().oauth2(token("citizen")).queryParam("office", "SEOUL-JONGNO")
                .when().get(gateway + "/api/passport/v1/pickup-slots").then().statusCode(200).extract().jsonPath()
                .getList("", Map.class).stream()
                .filter(s -> Instant.parse((String) s.get("startsAt")).atZone(ZoneId.of("Asia/Seoul")).toLocalDate()
                        .equals(tomorrow))
                .map(s -> (String) s.get("id")).findFirst().orElseThrow();
        // A booking requires its Idempotency-Key (a retried booking must not take a second place).
        given().auth().oauth2(token("citizen")).contentType(ContentType.JSON)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString()).body("{\"slotId\":\"" + slot + "\"}")
                .when().post(gateway + APPLICATIONS + "/" + passport + "/appointment").then().statusCode(201);

        // Land again: a second filing by 이서연 on the same parcel, rejected (반려) with a reason.
        String refused = given().auth().oauth2(token("citizen2")).contentType(ContentType.JSON)
                .body("{\"pnu\":\"" + CITIZEN_PARCEL + "\",\"change\":{\"ownerName\":\"이서연\",\"share\":\"1/2\","
                        + "\"changedOn\":\"" + LocalDate.now(ZoneId.of("Asia/Seoul")) + "\",\"cause\":\"GIFT\"}}")
                .when().post(gateway + "/api/land/v1/owner-change-requests").then().statusCode(201).extract().path("id");
        given().auth().oauth2(landOfficer).when().put(gateway + LAND_QUEUE + "/" + refused + "/holder")
                .then().statusCode(200);
        given().auth().oauth2(landOfficer).contentType(ContentType.JSON).body("{\"reason\":\"증여계약서 미첨부\"}")
                .when().post(gateway + LAND_QUEUE + "/" + refused + "/rejection").then().statusCode(200);

        // Passport in Korean: 이서연 applies; the officer asks for a new photo by tomorrow, so the reminder of the day
        // before (기한 임박) comes at once; then rejects it.
        String applied = given().auth().oauth2(token("citizen2")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(gateway + APPLICATIONS).then().statusCode(201).extract().path("id");
        await("the applicant's identity verified", () -> "VERIFIED".equals(given().auth().oauth2(token("citizen2"))
                .when().get(gateway + APPLICATIONS + "/" + applied).then().statusCode(200).extract()
                .path("identityCheck")));
        String passportOfficer = token("passport-officer");
        transition(passportOfficer, applied, "{\"to\":\"UNDER_REVIEW\"}");
        transition(passportOfficer, applied, "{\"to\":\"SUPPLEMENT_REQUESTED\",\"reason\":\"규격에 맞는 사진을 다시 내 주세요\","
                + "\"supplementDeadline\":\"" + tomorrow + "\"}");
        await("the supplement's reminder of the day before", () -> inbox("citizen2").stream()
                .anyMatch(m -> applied.equals(m.get("petitionId"))
                        && "passport.application.supplement-due-soon".equals(m.get("type"))));
        transition(passportOfficer, applied, "{\"to\":\"REJECTED\",\"reason\":\"보완 기한 내 사진 미제출\"}");
        // And 김지민's passport, booked for tomorrow, is handed over (교부).
        transition(passportOfficer, passport, "{\"to\":\"ISSUED\"}");

        await("the 119 reporter's three texts", () -> texts("01055550119").size() >= 3);
        List<Map<String, Object>> reporter = texts("01055550119");
        assertEquals(3, reporter.size(), "one text per step: " + reporter);
        assertTrue(reporter.stream().allMatch(m -> "sms".equals(m.get("channel"))
                && m.get("text").toString().startsWith("[119]")), reporter.toString());
        assertTrue(reporter.stream().anyMatch(m -> m.get("text").toString().contains("종로소방서 펌프1")),
                "the dispatched unit is named: " + reporter);

        await("the land owners told", () -> inbox("citizen").stream()
                .anyMatch(m -> "land-registry.owner-change.recorded".equals(m.get("type")))
                && inbox("citizen2").stream()
                .anyMatch(m -> "land-registry.owner-change.recorded".equals(m.get("type"))));
        await("the texts of the owner change and the pickup reminder", () -> texts("01020000002").stream()
                .anyMatch(m -> m.get("text").toString().contains(CITIZEN_PARCEL))
                && texts("01090000001").stream().filter(m -> "sms".equals(m.get("channel")))
                .anyMatch(m -> m.get("text").toString().contains("collect your passport tomorrow")));
        // One inbox read per citizen a round: the gateway allows a client 120 calls a minute on a route.
        await("the rejections and the hand-over told", () -> {
            List<Object> seoyeon = inbox("citizen2").stream().map(m -> m.get("petitionId") + " " + m.get("type"))
                    .map(Object.class::cast).toList();
            return seoyeon.contains(applied + " passport.application.rejected")
                    && seoyeon.contains(refused + " land-registry.owner-change.rejected")
                    && types("citizen", passport).contains("passport.application.issued");
        });
        assertEquals(List.of("passport.application.rejected", "passport.application.supplement-due-soon",
                "passport.application.supplement-requested", "passport.application.received"),
                types("citizen2", applied), "newest first, each once");
        Map<String, Object> rejectedFiling = inbox("citizen2").stream()
                .filter(m -> refused.equals(m.get("petitionId"))).findFirst().orElseThrow();
        assertEquals("소유권 변동 신청 반려 (" + refused.substring(0, 8) + ")", rejectedFiling.get("title"));
        assertTrue(rejectedFiling.get("body").toString().contains("증여계약서 미첨부"), rejectedFiling.toString());
        Map<String, Object> recorded = inbox("citizen").stream()
                .filter(m -> "land-registry.owner-change.recorded".equals(m.get("type"))).findFirst().orElseThrow();
        assertTrue(recorded.get("body").toString().contains("(cause: sale, reference " + filing.substring(0, 8) + ")"),
                "the earlier owner is told in English: " + recorded);
        List<Map<String, Object>> jimin = texts("01090000001");
        assertTrue(jimin.stream().allMatch(m -> "sms".equals(m.get("channel"))), "no 알림톡 on this number: " + jimin);
        assertEquals(jimin.size(), jimin.stream().map(m -> m.get("text")).distinct().count(), "each text once: " + jimin);
        // 알림톡 was tried first: officials see the refused one, cancelled for the SMS that replaced it (대체발송).
        List<Map<String, Object>> cancelled = given().auth().oauth2(token("admin")).queryParam("state", "CANCELLED")
                .queryParam("size", 100).when().get(gateway + "/api/notification/v1/officer/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertTrue(cancelled.stream().anyMatch(d -> "KAKAO".equals(d.get("channel")) && passport.equals(d.get("petitionId"))
                && "010-****-0001".equals(d.get("to"))), "the refused 알림톡, its number masked: " + cancelled);
        assertTrue(inbox("citizen").stream().anyMatch(m -> "passport.appointment.pickup-reminder"
                .equals(m.get("type")) && passport.equals(m.get("petitionId"))), "the reminder in the inbox too");
        assertTrue(inbox("citizen").stream().noneMatch(m -> report.equals(m.get("petitionId"))),
                "119 messages are never put in an inbox");
        String all = portal.textSink().messagesFor("01055550119") + portal.textSink().messagesFor("01020000002")
                + portal.textSink().messagesFor("01090000001");
        assertTrue(!all.contains("이서연") && !all.contains("김지민") && !all.contains("삼청로"),
                "no name or address in a text message: " + all);
    }

    @Test
    @Order(3)
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
        Instant caughtUp = Instant.now();
        int[] lastSeen = {-1};
        await("every e-mail of the burst", () -> {
            int caught = mailIds(address).size();
            if (caught != lastSeen[0]) {
                System.out.println("[notification] e-mails of the burst caught: " + caught + " of " + BURST_CHANGES);
                lastSeen[0] = caught;
            }
            return caught >= BURST_CHANGES;
        });
        // The figure to watch: each e-mail stuck until the send time-out (30 s) made this take over six minutes.
        System.out.println("[notification] the burst's last e-mails arrived " + Duration.between(caughtUp, Instant.now())
                .toSeconds() + " s after the inbox had caught up");

        Map<Object, Long> perReport = new HashMap<>();
        inbox("citizen4").stream().filter(m -> reports.contains(m.get("petitionId")))
                .forEach(m -> perReport.merge(m.get("petitionId"), 1L, Long::sum));
        assertEquals(BURST_CHANGES / 2, perReport.size(), "every report told");
        assertTrue(perReport.values().stream().allMatch(n -> n == 2),
                "each report told exactly twice (received, rejected): " + perReport);
        // E-mail is at least once: the replica killed mid-burst may have been killed after the SMTP server took an
        // e-mail and before its delivery was marked sent; that one e-mail goes again, with the same Message-ID, which
        // is how the citizen's mail system knows it for the same message. Anything else is a real double.
        List<Object> mails = mailIdsCaught(address);
        Map<Object, Long> copies = new HashMap<>();
        mails.forEach(id -> copies.merge(id, 1L, Long::sum));
        Map<Object, Long> repeated = new HashMap<>(copies);
        repeated.values().removeIf(n -> n == 1);
        System.out.println("[notification] e-mails of the burst: " + mails.size() + " caught, " + copies.size()
                + " distinct Message-IDs, sent again after the kill: " + repeated);
        assertEquals(BURST_CHANGES, copies.size(), "each change e-mailed as exactly one message (one Message-ID)");
        assertTrue(copies.keySet().stream().allMatch(id -> id != null && id.toString().endsWith(
                        Portal.MAIL_FROM.substring(Portal.MAIL_FROM.indexOf('@')) + ">")),
                "every e-mail carries its delivery's Message-ID: " + copies.keySet().stream().limit(3).toList());
        assertTrue(mails.size() - copies.size() <= 1,
                "only the e-mail in flight when the replica was killed may go twice: " + repeated);
    }

    /** The distinct Message-IDs caught for an address: one per delivery, however often it was sent. */
    static Set<Object> mailIds(String address) {
        return new HashSet<>(mailIdsCaught(address));
    }

    /** The Message-ID of every e-mail caught for an address, a copy sent again counted again. */
    static List<Object> mailIdsCaught(String address) {
        List<Map<String, Object>> mails = JsonPath.from(portal.mailCatcher().messagesFor(address)).getList("");
        return mails.stream().map(m -> m.get("Message-ID")).toList();
    }
}
