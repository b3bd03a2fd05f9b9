package kr.civilportal.systemtest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.imageio.ImageIO;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.systemtest.KeyedWrite.Reply;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every write happens once: for every state-changing endpoint of the four services (their README
 * tables), the same keyed request three times, with the first answer lost, across two replicas:
 * <ol>
 *   <li>straight to replica A of the service, on a connection that is never read: once the write's effect is in
 *       the service's database, the connection is reset and whatever answer had come back is thrown away unread.
 *       So the case tested is the dangerous one: done, but the caller never heard;</li>
 *   <li>the same request (same key, same bytes) straight to replica B: the first answer replayed
 *       ({@code Idempotent-Replayed: true}, the same status; for a PDF the same {@code Issuance-Number});</li>
 *   <li>once more through the gateway: again a replay;</li>
 *   <li>the effect counted in the database: exactly one. Each case names its query ({@link Effect}), and where a
 *       write changes a row rather than adding one, the row as the first write left it must be unchanged after
 *       the retries.</li>
 * </ol>
 * And through the gateway alone, as a phone loses its connection: a keyed POST sent twice, the first cut right
 * after sending ({@link RawHttp#sendAndHangUp}): the retry gets the write's answer (for a 119 report, which the
 * gateway delivers after the reporter has gone, the first's replay), and exactly one effect.
 *
 * <p><em>Why step 1 waits for the effect before it cuts</em>: a service never runs a request whose connection
 * closed before it read the body (Quarkus REST refuses to read a closed connection's body; a write without a body
 * was found dropped as well), so a cut right after sending, straight to a service, leaves nothing done, and the
 * retry would test nothing but a first execution. Through the gateway it depends: a 119 report is read whole and
 * delivered after the caller has gone; another POST may be reset with its caller's connection (and is then retried
 * by the gateway on the other replica, where it is dropped as well).
 *
 * <p>One portal for all cases (launcher, ports shifted by {@value #PORT_OFFSET}, no web apps), two replicas of each
 * service, one gateway. State a write needs is set up through the API (through the gateway, as an app would),
 * except an identity check waiting for an officer, which only a token without a resident id can cause: that one
 * is a fixture written into passport's database, as the service tests and {@code BookingRushBenchmark} do.
 * Prints a {@code [lost-answer]} line per endpoint and a table at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LostAnswerSystemTest {

    static final int PORT_OFFSET = 3_000;
    static final int REPLICAS = 2;
    /** The services' replicas, started two services (four JVMs) at a time. */
    static final List<List<PortalApp>> STARTING_WAVES = List.of(
            List.of(PortalApp.RESIDENCY, PortalApp.PASSPORT), List.of(PortalApp.LAND_REGISTRY, PortalApp.EMERGENCY_REPORT));
    /** How long the cut-off first request may take to show its effect: ten JVMs share two cores here. */
    static final Duration EFFECT_LIMIT = Duration.ofSeconds(60);
    static final Duration ANSWER_LIMIT = Duration.ofSeconds(30);
    static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    static final String PARCEL = "1111010100100010000";
    static final String OTHER_PARCEL = "1111010100100150000";
    /** Demo residents behind the users {@code citizen} and {@code citizen2} (residency's DemoResidents). */
    static final UUID CITIZEN_RESIDENT = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000001");
    static final UUID CITIZEN2_RESIDENT = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000002");
    static final String CITIZEN_RRN = "900315-2123451";
    static final String PICKUP_OFFICE = "SEOUL-JONGNO";
    /** Korea's calendar: the services judge "not in the future" by it. */
    static final ZoneId KOREA = ZoneId.of("Asia/Seoul");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    static Portal portal;
    static PortalOptions options;
    static String gateway;
    static String tokenEndpoint;
    static final List<Row> table = Collections.synchronizedList(new ArrayList<>());
    static final Map<PortalApp, Connection> READERS = new EnumMap<>(PortalApp.class);
    static final byte[] PHOTO = jpeg(420, 540);
    static final byte[] SMALL_PHOTO = jpeg(64, 48);

    @BeforeAll
    static void startPortal() throws Exception {
        Path work = Files.createDirectories(Path.of("target/lost-answer-system-test").toAbsolutePath());
        PortalOptions o = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work)
                .withSharedKeycloak(SharedKeycloak.get()).withoutWebApps().withoutPaymentProvider();
        for (PortalApp service : PortalApp.services()) {
            o = o.withReplicas(service, REPLICAS);
        }
        options = o;
        long start = System.nanoTime();
        portal = Portal.startInfrastructure(options, line -> System.out.println("[portal] " + line));
        try {
            // In waves rather than all at once (Portal.start): nine JVMs starting together on a shared two-core
            // machine overran the launcher's readiness limit (3 minutes per replica) while others' builds ran.
            for (List<PortalApp> wave : STARTING_WAVES) {
                CompletableFuture.allOf(wave.stream().map(app -> CompletableFuture.runAsync(() -> portal.start(app)))
                        .toArray(CompletableFuture[]::new)).join();
            }
            portal.start(PortalApp.GATEWAY);
            portal.awaitKeycloak();
        } catch (RuntimeException e) {
            portal.close();
            portal = null;
            throw e;
        }
        gateway = options.gatewayUrl();
        tokenEndpoint = portal.keycloak().tokenEndpoint();
        System.out.printf("[lost-answer] portal up (two replicas of each service, one gateway) in %.1f s%n",
                (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void stopPortal() {
        printTable();
        closeReaders();
        if (portal != null) {
            portal.close();
        }
    }

    // ----------------------------------------------------------------------------------------------- residency

    @Test
    @Order(1)
    void certificateIssuance() {
        KeyedWrite write = KeyedWrite.json("POST", "/api/residency/v1/certificates", token("citizen"),
                "{\"kind\":\"PERSONAL_HISTORY\",\"includeFormerAddresses\":true,\"showBackDigits\":false}");
        Effect certificates = Effect.count("certificates of the resident", PortalApp.RESIDENCY,
                "SELECT count(*) FROM certificate WHERE resident_id = ?", CITIZEN_RESIDENT);
        Outcome outcome = lostAnswer("POST /api/residency/v1/certificates", PortalApp.RESIDENCY, write, 201,
                certificates, Outcome::sameBytes);
        String issued = text(PortalApp.RESIDENCY, "SELECT issuance_number FROM certificate WHERE resident_id = ? "
                + "ORDER BY issued_at DESC LIMIT 1", CITIZEN_RESIDENT);
        assertAll(() -> assertEquals(issued, outcome.replicaB().header("Issuance-Number"),
                        "the retry names the certificate the lost request issued"),
                () -> assertEquals(issued, outcome.gateway().header("Issuance-Number")),
                () -> assertTrue(outcome.replicaB().header("Content-Type").startsWith("application/pdf")));
    }

    @Test
    @Order(2)
    void moveInFiling() {
        rejectOpenMoveInOf(CITIZEN2_RESIDENT);
        KeyedWrite write = KeyedWrite.json("POST", "/api/residency/v1/move-ins", token("citizen2"), moveInJson());
        Effect reports = Effect.count("move-in reports of the resident", PortalApp.RESIDENCY,
                "SELECT count(*) FROM move_in_report WHERE resident_id = ?", CITIZEN2_RESIDENT);
        Outcome outcome = lostAnswer("POST /api/residency/v1/move-ins", PortalApp.RESIDENCY, write, 201, reports,
                Outcome::sameBytes);
        String filed = text(PortalApp.RESIDENCY, "SELECT id FROM move_in_report WHERE resident_id = ? "
                + "ORDER BY submitted_at DESC LIMIT 1", CITIZEN2_RESIDENT);
        assertEquals(filed, json(outcome.replicaB()).path("id").asText(), "the retry names the report filed first");
    }

    @Test
    @Order(3)
    void moveInRejection() {
        String report = openMoveInOf(CITIZEN2_RESIDENT);
        KeyedWrite write = KeyedWrite.json("POST", "/api/residency/v1/officer/move-ins/" + report + "/rejection",
                token("residency-officer"), "{\"reason\":\"전입 주소에 거주 사실이 확인되지 않음\"}");
        Effect rejections = Effect.count("access-log entries of a rejection for the resident", PortalApp.RESIDENCY,
                        "SELECT count(*) FROM access_log WHERE resident_id = ? AND action = 'DECIDE_MOVE_IN' "
                                + "AND reason = '전입신고 처리 (반려)'", CITIZEN2_RESIDENT)
                .keeping("SELECT status, decided_at, decided_by, rejection_reason FROM move_in_report WHERE id = ?",
                        UUID.fromString(report));
        lostAnswer("POST /api/residency/v1/officer/move-ins/{id}/rejection", PortalApp.RESIDENCY, write, 200,
                rejections, Outcome::sameBytes);
        assertEquals("REJECTED", text(PortalApp.RESIDENCY, "SELECT status FROM move_in_report WHERE id = ?",
                UUID.fromString(report)));
    }

    @Test
    @Order(4)
    void moveInApproval() {
        String report = openMoveInOf(CITIZEN2_RESIDENT);
        KeyedWrite write = KeyedWrite.empty("POST", "/api/residency/v1/officer/move-ins/" + report + "/approval",
                token("residency-officer"));
        Effect moves = Effect.count("address-history entries of a move-in for the resident", PortalApp.RESIDENCY,
                        "SELECT count(*) FROM address_history WHERE resident_id = ? AND reason = 'MOVE_IN'",
                        CITIZEN2_RESIDENT)
                .keeping("SELECT m.status, m.decided_at, r.household_id FROM move_in_report m "
                        + "JOIN resident r ON r.id = m.resident_id WHERE m.id = ?", UUID.fromString(report));
        lostAnswer("POST /api/residency/v1/officer/move-ins/{id}/approval", PortalApp.RESIDENCY, write, 200, moves,
                Outcome::sameBytes);
        assertEquals("APPROVED", text(PortalApp.RESIDENCY, "SELECT status FROM move_in_report WHERE id = ?",
                UUID.fromString(report)));
    }

    @Test
    @Order(5)
    void officialsRecordSearch() {
        // A reason of this run's own, so that the access log's entries of this search can be told from any other.
        String reason = "전입신고 사실 조사 " + UUID.randomUUID();
        KeyedWrite write = KeyedWrite.json("POST", "/api/residency/v1/officer/residents/search",
                token("residency-officer"),
                "{\"residentRegistrationNumber\":\"" + CITIZEN_RRN + "\",\"reason\":\"" + reason + "\"}");
        Effect reads = Effect.count("access-log entries of this search (its reason)", PortalApp.RESIDENCY,
                "SELECT count(*) FROM access_log WHERE resident_id = ? AND action = 'READ_RECORD' AND reason = ?",
                CITIZEN_RESIDENT, reason);
        lostAnswer("POST /api/residency/v1/officer/residents/search", PortalApp.RESIDENCY, write, 200, reads,
                Outcome::sameBytes);
    }

    // ------------------------------------------------------------------------------------------------ passport

    @Test
    @Order(10)
    void passportApplication() {
        String citizen = token("citizen");
        KeyedWrite write = KeyedWrite.json("POST", "/api/passport/v1/applications", citizen,
                "{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}");
        Effect applications = Effect.count("passport applications of the citizen", PortalApp.PASSPORT,
                "SELECT count(*) FROM passport_application WHERE applicant_subject = ?", subjectOf(citizen));
        // A replayed submission shows the application as it is now (its identity check runs after the first
        // answer), so the two retries are compared by the application they name.
        Outcome outcome = lostAnswer("POST /api/passport/v1/applications", PortalApp.PASSPORT, write, 201,
                applications, reply -> json(reply).path("id").asText());
        String stored = text(PortalApp.PASSPORT, "SELECT id FROM passport_application WHERE applicant_subject = ? "
                + "ORDER BY submitted_at DESC LIMIT 1", subjectOf(citizen));
        assertEquals(stored, json(outcome.replicaB()).path("id").asText(), "the retry names the application stored first");
    }

    @Test
    @Order(11)
    void passportTransition() {
        UUID application = newApplication();
        KeyedWrite write = KeyedWrite.json("POST", "/api/passport/v1/applications/" + application + "/transitions",
                token("passport-officer"), "{\"to\":\"UNDER_REVIEW\",\"from\":\"SUBMITTED\"}");
        Effect reviews = Effect.count("history steps of the application into UNDER_REVIEW", PortalApp.PASSPORT,
                        "SELECT count(*) FROM passport_status_change WHERE application_id = ? AND to_status = 'UNDER_REVIEW'",
                        application)
                .keeping("SELECT status, updated_at FROM passport_application WHERE id = ?", application);
        lostAnswer("POST /api/passport/v1/applications/{id}/transitions", PortalApp.PASSPORT, write, 200, reviews,
                Outcome::sameBytes);
    }

    @Test
    @Order(12)
    void passportIdentityCheckByHand() throws SQLException {
        UUID application = applicationWaitingForAnOfficer();
        KeyedWrite write = KeyedWrite.json("POST", "/api/passport/v1/applications/" + application + "/identity-check",
                token("passport-officer"), "{\"outcome\":\"CONFIRMED\",\"note\":\"신분증 대조 (창구)\"}");
        Effect decisions = Effect.count("history steps confirming the identity by hand", PortalApp.PASSPORT,
                        "SELECT count(*) FROM passport_status_change WHERE application_id = ? "
                                + "AND identity_check = 'CONFIRMED_BY_OFFICER'", application)
                .keeping("SELECT identity_check, identity_checked_at FROM passport_application WHERE id = ?", application);
        lostAnswer("POST /api/passport/v1/applications/{id}/identity-check", PortalApp.PASSPORT, write, 200,
                decisions, Outcome::sameBytes);
    }

    @Test
    @Order(13)
    void passportResubmission() {
        UUID application = newApplication();
        transition(application, "{\"to\":\"UNDER_REVIEW\"}");
        transition(application, "{\"to\":\"SUPPLEMENT_REQUESTED\",\"reason\":\"사진 규격 미달\",\"supplementDeadline\":\""
                + LocalDate.now(KOREA).plusDays(14) + "\"}");
        KeyedWrite write = KeyedWrite.empty("POST", "/api/passport/v1/applications/" + application + "/resubmission",
                token("citizen"));
        Effect resubmissions = Effect.count("history steps from SUPPLEMENT_REQUESTED back to UNDER_REVIEW",
                        PortalApp.PASSPORT, "SELECT count(*) FROM passport_status_change WHERE application_id = ? "
                                + "AND from_status = 'SUPPLEMENT_REQUESTED' AND to_status = 'UNDER_REVIEW'", application)
                .keeping("SELECT status, updated_at FROM passport_application WHERE id = ?", application);
        lostAnswer("POST /api/passport/v1/applications/{id}/resubmission", PortalApp.PASSPORT, write, 200,
                resubmissions, Outcome::sameBytes);
    }

    @Test
    @Order(14)
    void passportPhotoUpload() {
        UUID application = newApplication();
        KeyedWrite write = KeyedWrite.of("PUT", "/api/passport/v1/applications/" + application + "/photo",
                token("citizen"), "image/jpeg", PHOTO);
        // An upload replaces the application's one photo row: a second execution would write it again, with a new
        // uploaded_at, so the row must still be the one the first write left.
        Effect photos = Effect.count("photo rows of the application", PortalApp.PASSPORT,
                        "SELECT count(*) FROM passport_photo WHERE application_id = ?", application)
                .keeping("SELECT uploaded_at, width_px, height_px, length(content) FROM passport_photo "
                        + "WHERE application_id = ?", application);
        lostAnswer("PUT /api/passport/v1/applications/{id}/photo", PortalApp.PASSPORT, write, 200, photos,
                Outcome::sameBytes);
    }

    @Test
    @Order(15)
    void passportPickupBooking() {
        UUID application = readyForPickupApplication();
        UUID slot = openPickupSlot();
        KeyedWrite write = KeyedWrite.json("POST", "/api/passport/v1/applications/" + application + "/appointment",
                token("citizen"), "{\"slotId\":\"" + slot + "\"}");
        Effect bookings = Effect.count("pickup bookings of the application", PortalApp.PASSPORT,
                        "SELECT count(*) FROM pickup_booking WHERE application_id = ?", application)
                .keeping("SELECT b.slot_id, b.booked_at, s.booked FROM pickup_booking b "
                        + "JOIN pickup_slot s ON s.id = b.slot_id WHERE b.application_id = ?", application);
        long placesBefore = count(PortalApp.PASSPORT, "SELECT booked FROM pickup_slot WHERE id = ?", slot);
        lostAnswer("POST /api/passport/v1/applications/{id}/appointment", PortalApp.PASSPORT, write, 201, bookings,
                Outcome::sameBytes);
        assertEquals(placesBefore + 1, count(PortalApp.PASSPORT, "SELECT booked FROM pickup_slot WHERE id = ?", slot),
                "one place taken in the slot");
    }

    @Test
    @Order(16)
    void passportPickupCancellation() {
        UUID application = readyForPickupApplication();
        UUID slot = openPickupSlot();
        call("POST", "/api/passport/v1/applications/" + application + "/appointment", "citizen",
                "{\"slotId\":\"" + slot + "\"}");
        KeyedWrite write = KeyedWrite.empty("DELETE", "/api/passport/v1/applications/" + application + "/appointment",
                token("citizen"));
        Effect freed = Effect.count("places free in the slot (capacity - booked)", PortalApp.PASSPORT,
                        "SELECT capacity - booked FROM pickup_slot WHERE id = ?", slot)
                .keeping("SELECT count(*) FROM pickup_booking WHERE application_id = ?", application);
        lostAnswer("DELETE /api/passport/v1/applications/{id}/appointment", PortalApp.PASSPORT, write, 204, freed,
                Outcome::sameBytes);
    }

    // ---------------------------------------------------------------------------------------------------- land

    @Test
    @Order(20)
    void landExtract() {
        String citizen = token("citizen");
        KeyedWrite write = KeyedWrite.json("POST", "/api/land/v1/extracts", citizen, "{\"pnu\":\"" + PARCEL + "\"}");
        Effect extracts = Effect.count("extracts issued to the citizen", PortalApp.LAND_REGISTRY,
                "SELECT count(*) FROM land_extract WHERE issued_to = ?", subjectOf(citizen));
        Outcome outcome = lostAnswer("POST /api/land/v1/extracts", PortalApp.LAND_REGISTRY, write, 201, extracts,
                Outcome::sameBytes);
        String issued = text(PortalApp.LAND_REGISTRY, "SELECT issuance_number FROM land_extract WHERE issued_to = ? "
                + "ORDER BY issued_at DESC LIMIT 1", subjectOf(citizen));
        assertAll(() -> assertEquals(issued, outcome.replicaB().header("Issuance-Number"),
                        "the retry names the extract the lost request issued"),
                () -> assertEquals(issued, outcome.gateway().header("Issuance-Number")),
                () -> assertTrue(outcome.replicaB().header("Content-Type").startsWith("application/pdf")));
    }

    @Test
    @Order(21)
    void landOwnerChange() {
        KeyedWrite write = KeyedWrite.json("POST", "/api/land/v1/parcels/" + OTHER_PARCEL + "/owners",
                token("land-officer"), "{\"ownerName\":\"홍길동\",\"share\":\"1/2\",\"changedOn\":\""
                        + LocalDate.now(KOREA).minusDays(1) + "\",\"cause\":\"SALE\"}");
        Effect changes = Effect.count("owner-history entries of the parcel", PortalApp.LAND_REGISTRY,
                "SELECT count(*) FROM owner_change WHERE pnu = ?", OTHER_PARCEL);
        lostAnswer("POST /api/land/v1/parcels/{pnu}/owners", PortalApp.LAND_REGISTRY, write, 201, changes,
                Outcome::sameBytes);
    }

    // -------------------------------------------------------------------------------------------------------- 119

    @Test
    @Order(30)
    void emergencyReport() {
        String description = "연기가 납니다 " + UUID.randomUUID();
        KeyedWrite write = KeyedWrite.json("POST", "/api/emergency/v1/reports", null, reportJson(description));
        Effect reports = Effect.count("119 reports with this run's description", PortalApp.EMERGENCY_REPORT,
                "SELECT count(*) FROM emergency_report WHERE description = ?", description);
        Outcome outcome = lostAnswer("POST /api/emergency/v1/reports (JSON)", PortalApp.EMERGENCY_REPORT, write, 201,
                reports, Outcome::sameBytes);
        assertEquals(text(PortalApp.EMERGENCY_REPORT, "SELECT id FROM emergency_report WHERE description = ?",
                description), json(outcome.replicaB()).path("reportId").asText(), "the retry is the first receipt");
    }

    @Test
    @Order(31)
    void emergencyReportWithAPhoto() {
        String description = "사진 첨부 신고 " + UUID.randomUUID();
        Multipart body = new Multipart()
                .json("report", reportJson(description))
                .file("attachments", "smoke.jpg", "image/jpeg", SMALL_PHOTO);
        KeyedWrite write = KeyedWrite.of("POST", "/api/emergency/v1/reports", null, body.contentType(), body.bytes());
        Effect reports = Effect.count("119 reports with this run's description", PortalApp.EMERGENCY_REPORT,
                        "SELECT count(*) FROM emergency_report WHERE description = ?", description)
                .keeping("SELECT count(*) FROM report_attachment a JOIN emergency_report r ON r.id = a.report_id "
                        + "WHERE r.description = ?", description);
        lostAnswer("POST /api/emergency/v1/reports (multipart)", PortalApp.EMERGENCY_REPORT, write, 201, reports,
                Outcome::sameBytes);
        assertEquals(1, count(PortalApp.EMERGENCY_REPORT, "SELECT count(*) FROM report_attachment a "
                + "JOIN emergency_report r ON r.id = a.report_id WHERE r.description = ?", description),
                "the report's one photo, stored once");
    }

    @Test
    @Order(32)
    void emergencyAttachmentAddedWithTheReceipt() {
        JsonNode receipt = newReport();
        UUID report = UUID.fromString(receipt.path("reportId").asText());
        Multipart body = new Multipart().file("attachments", "later.jpg", "image/jpeg", SMALL_PHOTO);
        KeyedWrite write = KeyedWrite.of("POST", "/api/emergency/v1/receipts/" + report + "/attachments", null,
                body.contentType(), body.bytes()).withHeader("Receipt-Token", receipt.path("receiptToken").asText());
        Effect files = Effect.count("files of the report", PortalApp.EMERGENCY_REPORT,
                        "SELECT count(*) FROM report_attachment WHERE report_id = ?", report)
                .keeping("SELECT count(*) FROM report_event WHERE report_id = ? AND kind = 'ATTACHMENT_ADDED'", report);
        lostAnswer("POST /api/emergency/v1/receipts/{id}/attachments", PortalApp.EMERGENCY_REPORT, write, 201, files,
                Outcome::sameBytes);
    }

    @Test
    @Order(33)
    void emergencyAcknowledgement() {
        UUID report = UUID.fromString(newReport().path("reportId").asText());
        KeyedWrite write = KeyedWrite.empty("POST", "/api/emergency/v1/reports/" + report + "/acknowledgement",
                token("dispatcher"));
        lostAnswer("POST /api/emergency/v1/reports/{id}/acknowledgement", PortalApp.EMERGENCY_REPORT, write, 200,
                dispatchSteps(report, "ACKNOWLEDGED"), Outcome::sameBytes);
    }

    @Test
    @Order(34)
    void emergencyAssignment() {
        UUID report = acknowledgedReport();
        KeyedWrite write = KeyedWrite.json("POST", "/api/emergency/v1/reports/" + report + "/assignment",
                token("dispatcher"), "{\"unit\":\"종로소방서 펌프1\"}");
        lostAnswer("POST /api/emergency/v1/reports/{id}/assignment", PortalApp.EMERGENCY_REPORT, write, 200,
                dispatchSteps(report, "UNIT_ASSIGNED"), Outcome::sameBytes);
    }

    @Test
    @Order(35)
    void emergencyNote() {
        UUID report = UUID.fromString(newReport().path("reportId").asText());
        KeyedWrite write = KeyedWrite.json("POST", "/api/emergency/v1/reports/" + report + "/notes",
                token("dispatcher"), "{\"text\":\"신고자와 통화: 2층 복도에 연기\"}");
        lostAnswer("POST /api/emergency/v1/reports/{id}/notes", PortalApp.EMERGENCY_REPORT, write, 201,
                dispatchSteps(report, "NOTE"), Outcome::sameBytes);
    }

    @Test
    @Order(36)
    void emergencyClosure() {
        UUID report = acknowledgedReport();
        KeyedWrite write = KeyedWrite.json("POST", "/api/emergency/v1/reports/" + report + "/closure",
                token("dispatcher"), "{\"outcome\":\"RESOLVED\",\"note\":\"자체 진화 확인\"}");
        lostAnswer("POST /api/emergency/v1/reports/{id}/closure", PortalApp.EMERGENCY_REPORT, write, 200,
                dispatchSteps(report, "CLOSED"), Outcome::sameBytes);
    }

    // ------------------------------------------------------------------------------------- through the gateway alone

    @Test
    @Order(40)
    void aKeyedReportSentTwiceThroughTheGatewayWithTheFirstAnswerLost() {
        String description = "게이트웨이 경유 신고 " + UUID.randomUUID();
        KeyedWrite write = KeyedWrite.json("POST", "/api/emergency/v1/reports", null, reportJson(description));
        Effect reports = Effect.count("119 reports with this run's description", PortalApp.EMERGENCY_REPORT,
                "SELECT count(*) FROM emergency_report WHERE description = ?", description);
        throughTheGatewayAlone("POST /api/emergency/v1/reports (JSON)", write, 201, reports, true);
    }

    @Test
    @Order(41)
    void aKeyedNoteSentTwiceThroughTheGatewayWithTheFirstAnswerLost() {
        UUID report = UUID.fromString(newReport().path("reportId").asText());
        KeyedWrite write = KeyedWrite.json("POST", "/api/emergency/v1/reports/" + report + "/notes",
                token("dispatcher"), "{\"text\":\"구급대 도착 예정 5분\"}");
        throughTheGatewayAlone("POST /api/emergency/v1/reports/{id}/notes", write, 201, dispatchSteps(report, "NOTE"),
                false);
    }

    // ------------------------------------------------------------------------------------------------ the cases

    /**
     * The three tries of one keyed write, and the count of its effect (see the class comment). Records the table
     * row before asserting, so that a broken promise shows in the table too.
     *
     * @param sameAnswer what must be equal in the two retries' answers (the body, or what it names)
     */
    Outcome lostAnswer(String endpoint, PortalApp service, KeyedWrite write, int expectedStatus, Effect effect,
                       Function<Reply, Object> sameAnswer) {
        String replicaA = replicaUrl(service, 0);
        String replicaB = replicaUrl(service, 1);
        long before = effect.count();
        long sent = System.nanoTime();
        boolean done;
        try (RawHttp.HeldConnection unread = sendAndHold(write, replicaA)) {
            done = awaitEffect(effect, before);
        } catch (IOException e) {
            throw new AssertionError("Could not reset the connection to " + replicaA, e);
        }
        if (!done) {
            table.add(new Row(endpoint, "direct", "A: no effect in " + EFFECT_LIMIT.toSeconds() + " s", "-", "-",
                    effect.name(), effect.count() - before, false));
            throw new AssertionError(endpoint + ": the request sent to " + replicaA + " left no effect ("
                    + effect.name() + ") within " + EFFECT_LIMIT);
        }
        long seenAfterMillis = (System.nanoTime() - sent) / 1_000_000;
        String stateAfterFirst = effect.state();
        Reply second = write.send(replicaB, ANSWER_LIMIT);
        Reply third = write.send(gateway, ANSWER_LIMIT);
        long effects = effect.count() - before;
        String stateAfterRetries = effect.state();
        Object sameB = sameAnswer.apply(second);
        Object sameG = sameAnswer.apply(third);
        boolean kept = second.status() == expectedStatus && second.replayed() && third.status() == expectedStatus
                && third.replayed() && sameB.equals(sameG) && effects == 1 && stateAfterFirst.equals(stateAfterRetries);
        Row row = new Row(endpoint, "direct", "A: lost, effect after " + seenAfterMillis + " ms", "B: " + second.summary(),
                "gateway: " + third.summary(), effect.name(), effects, kept);
        table.add(row);
        row.print();
        assertAll(endpoint,
                () -> assertEquals(expectedStatus, second.status(), "replica B's answer: " + second),
                () -> assertTrue(second.replayed(), "replica B replays the first answer: " + second),
                () -> assertEquals(expectedStatus, third.status(), "the gateway's answer: " + third),
                () -> assertTrue(third.replayed(), "the gateway replays the first answer: " + third),
                () -> assertEquals(sameB, sameG, "both retries get the same (first) answer"),
                () -> assertEquals(1, effects, "exactly one effect: " + effect.name()),
                () -> assertEquals(stateAfterFirst, stateAfterRetries,
                        "what the first write left is unchanged by the retries (" + effect.stateSql() + ")"));
        return new Outcome(second, third);
    }

    /**
     * A keyed POST sent twice through the gateway, the first cut right after sending, as a phone loses its
     * connection; then the retry, and exactly one effect.
     *
     * <p>A 119 report is read whole by the gateway and handed to the service whether or not the reporter is still
     * there (store-and-forward: no report is lost), so with {@code firstIsDelivered} the retry waits until the
     * first's effect is in the database and must be its replay: the dangerous case again. Another POST streams
     * through and may be reset with its caller's connection, so otherwise nothing waits: the retry goes at once,
     * sent again while the service says the first is still in progress (409), as an app does, and must get the
     * write's answer, whether it replays the first or is the first to reach the service (a first arriving later
     * finds the key taken).
     */
    void throughTheGatewayAlone(String endpoint, KeyedWrite write, int expectedStatus, Effect effect,
                                boolean firstIsDelivered) {
        long before = effect.count();
        long sent = System.nanoTime();
        hangUp(write, gateway);
        if (firstIsDelivered && !awaitEffect(effect, before)) {
            table.add(new Row(endpoint, "gateway only", "gateway: cut, no effect in " + EFFECT_LIMIT.toSeconds() + " s",
                    "-", "-", effect.name(), effect.count() - before, false));
            throw new AssertionError(endpoint + ": the gateway did not deliver the request it had read whole after its "
                    + "caller hung up (" + effect.name() + ": none within " + EFFECT_LIMIT + ")");
        }
        String first = firstIsDelivered ? "gateway: cut, effect after " + (System.nanoTime() - sent) / 1_000_000 + " ms"
                : "gateway: cut, retry sent at once";
        Reply second = sendWhileInProgress(write, gateway);
        long effects = effect.count() - before;
        boolean kept = second.status() == expectedStatus && effects == 1 && (second.replayed() || !firstIsDelivered);
        String retry = second.status() + (second.replayed() ? " replayed" : " (first to arrive)");
        Row row = new Row(endpoint, "gateway only", first, "gateway: " + retry, "-", effect.name(), effects, kept);
        table.add(row);
        row.print();
        assertAll(endpoint,
                () -> assertEquals(expectedStatus, second.status(), "the gateway's answer to the retry: " + second),
                () -> assertTrue(second.replayed() || !firstIsDelivered, "the retry replays the first answer: " + second),
                () -> assertEquals(1, effects, "exactly one effect: " + effect.name()));
    }

    /** Sends the write, and again with the same key while the answer is "the first is still in progress". */
    static Reply sendWhileInProgress(KeyedWrite write, String baseUrl) {
        long deadline = System.nanoTime() + EFFECT_LIMIT.toNanos();
        Reply reply = write.send(baseUrl, ANSWER_LIMIT);
        while (reply.status() == 409 && reply.text().contains("in-progress") && System.nanoTime() < deadline) {
            pause();
            reply = write.send(baseUrl, ANSWER_LIMIT);
        }
        return reply;
    }

    static RawHttp.HeldConnection sendAndHold(KeyedWrite write, String baseUrl) {
        try {
            return write.sendAndHold(baseUrl);
        } catch (IOException e) {
            throw new AssertionError("Could not send " + write.method() + " " + write.path() + " to " + baseUrl, e);
        }
    }

    static void hangUp(KeyedWrite write, String baseUrl) {
        try {
            write.sendAndHangUp(baseUrl);
        } catch (IOException e) {
            throw new AssertionError("Could not send " + write.method() + " " + write.path() + " to " + baseUrl, e);
        }
    }

    /** Polls the database until the effect has grown past {@code before}; false if not within the limit. */
    static boolean awaitEffect(Effect effect, long before) {
        long deadline = System.nanoTime() + EFFECT_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (effect.count() > before) {
                return true;
            }
            pause();
        }
        return false;
    }

    /** The two retries' answers. */
    record Outcome(Reply replicaB, Reply gateway) {
        /** The whole body, byte for byte (the stored answer; a PDF rendered again from its stored data). */
        static Object sameBytes(Reply reply) {
            return java.util.HexFormat.of().formatHex(reply.body());
        }
    }

    /**
     * What one execution of a write leaves in its service's database, as a reader can check it by hand: a count
     * that grows by one per execution, and optionally the state the write sets (a row it changes), which no retry
     * may change again.
     */
    record Effect(String name, PortalApp service, String countSql, List<Object> countParams, String stateSql,
                  List<Object> stateParams) {

        static Effect count(String name, PortalApp service, String sql, Object... params) {
            return new Effect(name, service, sql, List.of(params), null, List.of());
        }

        Effect keeping(String sql, Object... params) {
            return new Effect(name, service, countSql, countParams, sql, List.of(params));
        }

        long count() {
            return LostAnswerSystemTest.count(service, countSql, countParams.toArray());
        }

        String state() {
            return stateSql == null ? "" : rows(service, stateSql, stateParams.toArray());
        }
    }

    /** A row of the printed table. */
    record Row(String endpoint, String path, String first, String second, String third, String effect, long count,
               boolean kept) {
        void print() {
            System.out.printf("[lost-answer] %s (%s): %s; %s; %s; %s = %d; %s%n", endpoint, path, first, second,
                    third, effect, count, kept ? "promise kept" : "PROMISE BROKEN");
        }
    }

    static void printTable() {
        List<Row> rows = List.copyOf(table);
        if (rows.isEmpty()) {
            return;
        }
        String format = "[lost-answer] | %-55s | %-12s | %-41s | %-30s | %-25s | %-60s | %5s | %-6s |%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(format, "endpoint", "sent", "1st try (answer lost)", "2nd try", "3rd try",
                "effect counted in the database", "count", "kept"));
        for (Row r : rows) {
            out.append(String.format(format, r.endpoint(), r.path(), r.first(), r.second(), r.third(), r.effect(),
                    r.count(), r.kept() ? "yes" : "NO"));
        }
        long broken = rows.stream().filter(r -> !r.kept()).count();
        out.append(String.format("[lost-answer] %d endpoint cases, %d kept the promise, %d did not%n", rows.size(),
                rows.size() - broken, broken));
        System.out.print(out);
    }

    // ------------------------------------------------------------------------------------------- set-up, via the API

    static String token(String user) {
        return Tokens.of(tokenEndpoint, user);
    }

    static String replicaUrl(PortalApp service, int replica) {
        return "http://localhost:" + options.port(service, replica);
    }

    /**
     * A set-up call through the gateway as an app makes it; must succeed. A write carries its own
     * Idempotency-Key and is sent again with it while the answer is a 503 (the service did not answer in time on
     * this shared machine) or a 409 (the first is still running), so it takes effect once. Returns the JSON answer,
     * or null if there is none.
     */
    static JsonNode call(String method, String path, String user, String json) {
        String key = "GET".equals(method) ? null : UUID.randomUUID().toString();
        long deadline = System.nanoTime() + EFFECT_LIMIT.toNanos();
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(ANSWER_LIMIT)
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (user != null) {
                request.header("Authorization", "Bearer " + token(user));
            }
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (key != null) {
                request.header(KeyedWrite.IDEMPOTENCY_KEY, key);
            }
            HttpResponse<String> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                try {
                    return response.body().isEmpty() ? null : JSON.readTree(response.body());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            boolean retryable = status == 503 || (status == 409 && response.body().contains("in-progress"));
            if (!retryable || System.nanoTime() > deadline) {
                throw new AssertionError("Set-up call " + method + " " + path + " answered " + status + ": "
                        + response.body());
            }
            System.out.println("[lost-answer] set-up call " + method + " " + path + " answered " + status
                    + ", sent again with its key");
            pause();
        }
    }

    static String moveInJson() {
        return "{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"서울특별시 마포구 월드컵북로 396, 1502호\",\"movedInOn\":\""
                + LocalDate.now(KOREA).minusDays(1) + "\"}";
    }

    /** The resident's open (SUBMITTED) move-in report, filed by the citizen through the API if there is none. */
    static String openMoveInOf(UUID resident) {
        String open = text(PortalApp.RESIDENCY, "SELECT id FROM move_in_report WHERE resident_id = ? "
                + "AND status = 'SUBMITTED'", resident);
        if (open != null) {
            return open;
        }
        return call("POST", "/api/residency/v1/move-ins", "citizen2", moveInJson()).path("id").asText();
    }

    /** A filing needs no open report of the resident's: an earlier one is rejected through the API. */
    static void rejectOpenMoveInOf(UUID resident) {
        String open = text(PortalApp.RESIDENCY, "SELECT id FROM move_in_report WHERE resident_id = ? "
                + "AND status = 'SUBMITTED'", resident);
        if (open != null) {
            call("POST", "/api/residency/v1/officer/move-ins/" + open + "/rejection", "residency-officer",
                    "{\"reason\":\"시험 전 정리\"}");
        }
    }

    /** A fresh passport application of {@code citizen}, as the app submits it. */
    static UUID newApplication() {
        return UUID.fromString(call("POST", "/api/passport/v1/applications", "citizen",
                "{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}").path("id").asText());
    }

    static void transition(UUID application, String json) {
        call("POST", "/api/passport/v1/applications/" + application + "/transitions", "passport-officer", json);
    }

    /**
     * An application the officers took all the way to pickup: submitted, its identity verified by residency
     * (at once, or by the background job), reviewed, approved, printed, ready.
     */
    static UUID readyForPickupApplication() {
        UUID application = newApplication();
        awaitTrue(() -> "VERIFIED".equals(text(PortalApp.PASSPORT,
                "SELECT identity_check FROM passport_application WHERE id = ?", application)),
                "identity of application " + application + " verified by residency");
        for (String to : List.of("UNDER_REVIEW", "APPROVED", "PRINTING", "READY_FOR_PICKUP")) {
            transition(application, "{\"to\":\"" + to + "\"}");
        }
        return application;
    }

    /** A pickup slot of the demo office with places left, from the list the app shows. */
    static UUID openPickupSlot() {
        JsonNode slots = call("GET", "/api/passport/v1/pickup-slots?office=" + PICKUP_OFFICE, "citizen", null);
        for (JsonNode slot : slots) {
            if (slot.path("remaining").asInt() > 0) {
                return UUID.fromString(slot.path("id").asText());
            }
        }
        throw new AssertionError("No pickup slot with places left: " + slots);
    }

    /**
     * An application whose identity residency could not establish (the token carried no resident id), waiting for
     * an officer to settle it. Citizens' demo tokens all carry one, so the API cannot produce this state: a fixture.
     */
    static UUID applicationWaitingForAnOfficer() throws SQLException {
        UUID id = UUID.randomUUID();
        String applicant = subjectOf(token("citizen"));
        try (Connection c = connect(PortalApp.PASSPORT)) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO passport_application (id, applicant_subject, kind, validity, pages, status, submitted_at,
                        updated_at, identity_check)
                    VALUES (?, ?, 'NEW', 'TEN_YEARS', 58, 'SUBMITTED', now(), now(), 'NEEDS_OFFICER')""")) {
                s.setObject(1, id);
                s.setString(2, applicant);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO passport_status_change (application_id, from_status, to_status, actor_subject, changed_at,
                        identity_check)
                    VALUES (?, NULL, 'SUBMITTED', ?, now(), 'NEEDS_OFFICER')""")) {
                s.setObject(1, id);
                s.setString(2, applicant);
                s.executeUpdate();
            }
            c.commit();
        }
        return id;
    }

    static String reportJson(String description) {
        return "{\"category\":\"FIRE\",\"description\":\"" + description + "\",\"latitude\":37.5665,"
                + "\"longitude\":126.978,\"accuracyMeters\":15,\"reporterPhone\":\"010-2345-6789\"}";
    }

    /** A 119 report as a phone sends it (with its own key); the receipt. */
    static JsonNode newReport() {
        return call("POST", "/api/emergency/v1/reports", null, reportJson("연기 신고 " + UUID.randomUUID()));
    }

    static UUID acknowledgedReport() {
        UUID report = UUID.fromString(newReport().path("reportId").asText());
        call("POST", "/api/emergency/v1/reports/" + report + "/acknowledgement", "dispatcher", null);
        return report;
    }

    /** A dispatcher's steps of one kind on a report: each execution of a step writes one. */
    static Effect dispatchSteps(UUID report, String kind) {
        return Effect.count("'" + kind + "' steps in the report's history", PortalApp.EMERGENCY_REPORT,
                        "SELECT count(*) FROM report_event WHERE report_id = ? AND kind = ?", report, kind)
                .keeping("SELECT status, acknowledged_at, dispatched_at, assigned_unit, closed_at, outcome "
                        + "FROM emergency_report WHERE id = ?", report);
    }

    // ----------------------------------------------------------------------------------------------- databases

    static Connection connect(PortalApp service) throws SQLException {
        return DriverManager.getConnection(portal.database().jdbcUrl(service.database()), service.database(),
                Portal.devPassword(service));
    }

    /**
     * One connection per service's database for all the test's reads (auto-commit: each query sees what is
     * committed): polling with a new connection each time would cost a login per poll on a shared machine.
     */
    static synchronized Connection reader(PortalApp service) throws SQLException {
        Connection c = READERS.get(service);
        if (c == null || c.isClosed()) {
            c = connect(service);
            READERS.put(service, c);
        }
        return c;
    }

    static synchronized void closeReaders() {
        for (Connection c : READERS.values()) {
            try {
                c.close();
            } catch (SQLException e) {
                System.out.println("[lost-answer] closing a database connection: " + e.getMessage());
            }
        }
        READERS.clear();
    }

    static long count(PortalApp service, String sql, Object... params) {
        String value = text(service, sql, params);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** The first column of the first row, as text; null if there is no row. */
    static String text(PortalApp service, String sql, Object... params) {
        return query(service, sql, params, r -> r.next() ? r.getString(1) : null);
    }

    /** Every row, every column, as text: the state a write left. */
    static String rows(PortalApp service, String sql, Object... params) {
        return query(service, sql, params, r -> {
            StringBuilder all = new StringBuilder();
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                for (int i = 1; i <= columns; i++) {
                    all.append(r.getString(i)).append(i < columns ? " | " : "; ");
                }
            }
            return all.toString();
        });
    }

    interface Reader<T> {
        T read(ResultSet r) throws SQLException;
    }

    static <T> T query(PortalApp service, String sql, Object[] params, Reader<T> reader) {
        try (PreparedStatement s = reader(service).prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return reader.read(r);
            }
        } catch (SQLException e) {
            throw new AssertionError(service.id() + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------------- small

    static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + EFFECT_LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + EFFECT_LIMIT + ": " + what);
            }
            pause();
        }
    }

    /** The interval of a poll for a condition (never a wait for a fixed time instead of one). */
    static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JsonNode json(Reply reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + reply, e);
        }
    }

    static String subjectOf(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).path("sub").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real JPEG of the given size (a soft gradient, as a photo's background would be). */
    static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xEE, 0xF2, 0xF7), 0, height, new Color(0x9A, 0xA8, 0xB8)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x5B, 0x4A, 0x3F));
        g.fillOval(width / 4, height / 6, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("No JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A multipart/form-data body written out byte by byte, so that every try sends the very same bytes. */
    static final class Multipart {
        private final String boundary = "lost-answer-" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart json(String name, String json) {
            return part("Content-Disposition: form-data; name=\"" + name + "\"\r\nContent-Type: application/json",
                    json.getBytes(StandardCharsets.UTF_8));
        }

        Multipart file(String name, String filename, String type, byte[] content) {
            return part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type, content);
        }

        private Multipart part(String headers, byte[] content) {
            out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return all.toByteArray();
        }
    }
}
