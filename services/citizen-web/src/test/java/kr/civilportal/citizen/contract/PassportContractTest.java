package kr.civilportal.citizen.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.civilportal.citizen.appointment.AppointmentClient;
import kr.civilportal.citizen.passport.ApplicationKind;
import kr.civilportal.citizen.passport.ApplicationStatus;
import kr.civilportal.citizen.passport.Fee;
import kr.civilportal.citizen.passport.PassportApplication;
import kr.civilportal.citizen.passport.PassportClient;
import kr.civilportal.citizen.passport.Validity;
import kr.civilportal.citizen.recordreads.RecordReadsClient;
import kr.civilportal.testsupport.contract.ConsumerContracts;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderStandIn;
import kr.civilportal.web.api.ApiProblem;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.testing.PageClients;
import org.junit.jupiter.api.Test;

/**
 * citizen-web's contract with passport, as the pages' real {@link PassportClient} and {@link AppointmentClient}
 * (with web-common's ApiResponses, which turns a 4xx into the problem the pages read) show it, over HTTP to a
 * stand-in, with the demo citizen's real token. The contract is committed in passport's test resources, where
 * passport's build replays it against the real passport service and its demo data.
 */
@QuarkusTest
class PassportContractTest {

    /** Passport's demo data (passport's DemoApplications): the citizen's passport issued in 2019. */
    private static final UUID ISSUED = UUID.fromString("b7e1d0a3-2f4c-4d5e-8a6b-000000000001");
    private static final UUID UNKNOWN = UUID.fromString("b7e1d0a3-2f4c-4d5e-8a6b-0000000000ff");
    private static final String SUBMISSION_KEY = "6d1f3c2a-8b4e-4f70-9a11-3c5d7e9f0b21";
    private static final Path PASSPORT = Path.of("..", "passport");
    private static final UUID READ_PHOTO = UUID.fromString("b7e1d0a3-2f4c-4d5e-8a6b-00000000c0de");
    private static final String PHOTO_READ_AT = "2026-12-01T02:00:00Z";
    private static final String PHOTO_READ_REASON = "contract: matching the applicant";
    private static final String VALIDATION = "urn:civilportal:problem:validation-failed";

    @Test
    void thePassportPagesReadWhatPassportAnswers() throws Throwable {
        ConsumerContracts.assertCommitted(new Contract("citizen-web", "passport",
                PageClients.outsideAPage(PassportContractTest::exchanges)), PASSPORT);
    }

    private static List<Contract.Interaction> exchanges() {
        List<Contract.Interaction> interactions = new ArrayList<>();
        try (ProviderStandIn passport = ProviderStandIn.start()) {
            PassportClient applications = client(passport, PassportClient.class);
            AppointmentClient appointments = client(passport, AppointmentClient.class);

            // The review step shows the fee of today's schedule (from 2026-03-01: 10 years, 58 pages).
            passport.willAnswer(200, "application/json",
                    "{\"totalKrw\":52000,\"issuanceFeeKrw\":40000,\"contributionKrw\":12000}");
            assertEquals(new Fee(52_000, 40_000, 12_000),
                    applications.fee(ApplicationKind.NEW, Validity.TEN_YEARS, 58));
            interactions.add(passport.exchange("fee of a new 10-year passport with 58 pages", null));

            passport.willAnswer(400, "application/problem+json", "{\"type\":\"" + VALIDATION + "\",\"status\":400,"
                    + "\"errors\":[{\"field\":\"pages\",\"detail\":\"must be 26 or 58\"}]}");
            ApiProblem feeRefused = refusal(400, () -> applications.fee(ApplicationKind.NEW, Validity.TEN_YEARS, 30));
            assertEquals("pages", feeRefused.errors().get(0).field(), "shown next to the pages field");
            assertEquals("must be 26 or 58", feeRefused.errors().get(0).detail(true));
            interactions.add(passport.exchange("fee of a booklet with pages passport does not make", null));

            // The submission's refusal: its field errors go next to the form's fields.
            passport.willAnswer(400, "application/problem+json", "{\"type\":\"" + VALIDATION + "\",\"status\":400,"
                    + "\"errors\":[{\"field\":\"pages\"}]}");
            ApiProblem submissionRefused = refusal(400, () -> applications.apply(SUBMISSION_KEY,
                    new PassportClient.Request(ApplicationKind.NEW, Validity.TEN_YEARS, 30, "SEOUL-JONGNO")));
            assertTrue(submissionRefused.is("validation-failed"));
            assertEquals("pages", submissionRefused.errors().get(0).field());
            interactions.add(passport.exchange("submission of a booklet with pages passport does not make", null));

            // The application's page and the pickup page read one application.
            passport.willAnswer(200, "application/json", "{\"id\":\"" + ISSUED + "\",\"kind\":\"NEW\","
                    + "\"status\":\"ISSUED\",\"submittedAt\":\"2019-06-10T01:20:00Z\"}");
            PassportApplication issued = applications.application(ISSUED);
            assertEquals(ISSUED, issued.id());
            assertEquals(ApplicationKind.NEW, issued.kind());
            assertEquals(ApplicationStatus.ISSUED, issued.status());
            assertEquals(Instant.parse("2019-06-10T01:20:00Z"), issued.submittedAt());
            interactions.add(passport.exchange("the citizen's issued passport application",
                    "application " + ISSUED + " of citizen is ISSUED"));

            // The pickup page shows "not found" for an application that is not the citizen's.
            passport.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            assertTrue(refusal(404, () -> applications.application(UNKNOWN)).is("not-found"));
            interactions.add(passport.exchange("an application passport does not know",
                    "no application has the id " + UNKNOWN));

            // A passport without a booking: 404, which the pickup page reads as "no booking yet".
            passport.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            assertTrue(refusal(404, () -> appointments.appointment(ISSUED)).is("not-found"));
            interactions.add(passport.exchange("the booking of an application that has none",
                    "application " + ISSUED + " of citizen has no pickup booking"));

            // 내 정보 열람 기록: an officer's read of the photo, for citizen2, whose photos only this contract reads.
            RecordReadsClient reads = PageClients.client(passport, RecordReadsClient.class, "citizen2");
            passport.willAnswer(200, "application/json", "[{\"applicationId\":\"" + READ_PHOTO + "\",\"readAt\":\""
                    + PHOTO_READ_AT + "\",\"official\":\"passport-officer\",\"reason\":\"" + PHOTO_READ_REASON + "\"}]");
            List<RecordReadsClient.PhotoRead> photoReads = reads.photoReads();
            assertEquals(READ_PHOTO, photoReads.get(0).applicationId());
            assertEquals(Instant.parse(PHOTO_READ_AT), photoReads.get(0).readAt());
            assertEquals("passport-officer", photoReads.get(0).official());
            assertEquals(PHOTO_READ_REASON, photoReads.get(0).reason());
            interactions.add(passport.exchange("who read the photos of my applications", "application " + READ_PHOTO
                    + " of citizen2 had its photo read by passport-officer at " + PHOTO_READ_AT + " because "
                    + PHOTO_READ_REASON));
        }
        return interactions;
    }

    /** The page's client, pointed at the stand-in, carrying the signed-in demo citizen's token. */
    private static <T> T client(ProviderStandIn passport, Class<T> type) {
        return PageClients.client(passport, type, "citizen");
    }

    /** The problem a page gets from web-common's ApiResponses for a refused call. */
    private static ApiProblem refusal(int status, Runnable call) {
        ServiceRefusedException refused = assertThrows(ServiceRefusedException.class, call::run);
        assertEquals(status, refused.status());
        return refused.problem();
    }
}
