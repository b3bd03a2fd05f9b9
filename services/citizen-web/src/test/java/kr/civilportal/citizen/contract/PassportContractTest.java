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
import kr.civilportal.citizen.passport.Payment;
import kr.civilportal.citizen.passport.PaymentMethod;
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
    /** The fee paid online: an application waiting for its fee with a payment open at the provider. */
    private static final UUID AWAITING = UUID.fromString("b7e1d0a3-2f4c-4d5e-8a6b-0000000000a1");
    private static final String OPEN_PAYMENT = "pay_contract_open";
    private static final String OPEN_PAYMENT_PAGE = "http://localhost:8087/pay/" + OPEN_PAYMENT;
    /** An application paid online, and one rejected after it was paid, whose fee was refunded. */
    private static final UUID PAID = UUID.fromString("b7e1d0a3-2f4c-4d5e-8a6b-0000000000a2");
    private static final UUID REFUNDED = UUID.fromString("b7e1d0a3-2f4c-4d5e-8a6b-0000000000a3");
    private static final String PAID_AT = "2026-12-01T01:05:00Z";
    private static final String REFUNDED_AT = "2026-12-03T06:30:00Z";
    private static final String APPROVAL = "30418275";
    private static final String CARD = "VISA **** 4242";
    private static final long FEE = 52_000;
    /** The return address as citizen-web's dev and test settings make it (the gateway's address, which serves the pages). */
    private static final String RETURN_PAGE = "http://localhost:8080/my/petitions/passport/";
    private static final String PAYMENT_KEY = "1b7e9c2d-4f3a-4e81-9b6c-7d2e0f1a3c45";

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
                    new PassportClient.Request(ApplicationKind.NEW, Validity.TEN_YEARS, 30, "SEOUL-JONGNO", null)));
            assertTrue(submissionRefused.is("validation-failed"));
            assertEquals("pages", submissionRefused.errors().get(0).field());
            interactions.add(passport.exchange("submission of a booklet with pages passport does not make", null));

            // The fee paid online: a submission to be paid online waits for its fee (결제 대기). Its id is passport's
            // own, new on every replay, so the contract names what the page reads besides it.
            passport.willAnswer(201, "application/json", "{\"kind\":\"NEW\",\"status\":\"AWAITING_PAYMENT\","
                    + "\"payment\":{\"method\":\"ONLINE\",\"state\":\"AWAITING\",\"amountKrw\":" + FEE + "}}");
            PassportApplication waiting = applications.apply(SUBMISSION_KEY, new PassportClient.Request(ApplicationKind.NEW,
                    Validity.TEN_YEARS, 58, "SEOUL-JONGNO", PaymentMethod.ONLINE));
            assertEquals(ApplicationStatus.AWAITING_PAYMENT, waiting.status());
            assertEquals(PaymentMethod.ONLINE, waiting.payment().method());
            assertEquals(Payment.State.AWAITING, waiting.payment().state());
            assertEquals(FEE, waiting.payment().amount());
            interactions.add(passport.exchange("submission of a new passport whose fee is paid online", null));

            // 수수료 결제: passport gives the payment open at the provider and its page, where the browser goes.
            passport.willAnswer(201, "application/json", "{\"paymentId\":\"" + OPEN_PAYMENT + "\",\"state\":\"CREATED\","
                    + "\"amountKrw\":" + FEE + ",\"nextUrl\":\"" + OPEN_PAYMENT_PAGE + "\"}");
            PassportClient.PaymentStarted started = applications.startPayment(PAYMENT_KEY, AWAITING,
                    new PassportClient.PaymentRequest(RETURN_PAGE + AWAITING + "?payment=returned"));
            assertEquals(OPEN_PAYMENT_PAGE, started.nextUrl());
            interactions.add(passport.exchange("paying the fee of an application waiting for it", "application "
                    + AWAITING + " of citizen is AWAITING_PAYMENT with the open payment " + OPEN_PAYMENT + " of " + FEE
                    + " won at " + OPEN_PAYMENT_PAGE));

            // Nothing to pay: the page says so in words (payment-not-due).
            passport.willAnswer(409, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:payment-not-due\",\"status\":409}");
            assertTrue(refusal(409, () -> applications.startPayment(PAYMENT_KEY, ISSUED,
                    new PassportClient.PaymentRequest(RETURN_PAGE + ISSUED + "?payment=returned"))).is("payment-not-due"));
            interactions.add(passport.exchange("paying the fee of an application that does not wait for it",
                    "application " + ISSUED + " of citizen is ISSUED"));

            // Back from the provider's page: passport checks the payment and answers the application, receipt included.
            passport.willAnswer(200, "application/json", "{\"id\":\"" + PAID + "\",\"kind\":\"NEW\",\"status\":\"SUBMITTED\","
                    + "\"payment\":{\"method\":\"ONLINE\",\"state\":\"PAID\",\"amountKrw\":" + FEE + ",\"paidAt\":\""
                    + PAID_AT + "\",\"approvalNumber\":\"" + APPROVAL + "\",\"cardSummary\":\"" + CARD + "\"}}");
            PassportApplication checked = applications.checkPayment(PAID);
            assertEquals(ApplicationStatus.SUBMITTED, checked.status());
            assertEquals(Payment.State.PAID, checked.payment().state());
            assertEquals(Instant.parse(PAID_AT), checked.payment().paidAt());
            assertEquals(APPROVAL, checked.payment().approvalNumber());
            assertEquals(CARD, checked.payment().cardSummary());
            interactions.add(passport.exchange("the payment checked when the citizen is back from the provider's page",
                    "application " + PAID + " of citizen is SUBMITTED, paid online " + FEE + " won at " + PAID_AT
                            + " with approval " + APPROVAL + " by " + CARD));

            // Rejected after it was paid: the receipt shows the refund.
            passport.willAnswer(200, "application/json", "{\"id\":\"" + REFUNDED + "\",\"status\":\"REJECTED\","
                    + "\"payment\":{\"method\":\"ONLINE\",\"state\":\"REFUNDED\",\"amountKrw\":" + FEE
                    + ",\"refundedAmountKrw\":" + FEE + ",\"refundedAt\":\"" + REFUNDED_AT + "\"}}");
            PassportApplication refunded = applications.application(REFUNDED);
            assertEquals(Payment.State.REFUNDED, refunded.payment().state());
            assertEquals(FEE, refunded.payment().refundAmount());
            assertEquals(Instant.parse(REFUNDED_AT), refunded.payment().refundedAt());
            interactions.add(passport.exchange("a rejected application whose fee paid online was refunded",
                    "application " + REFUNDED + " of citizen is REJECTED, paid online " + FEE + " won and refunded in full at "
                            + REFUNDED_AT));

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
