package kr.civilportal.admin.passport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The officer's view of an application says how its fee was paid (online with the approval number and time, its
 * refund, or at the counter), and beside the step form that rejecting refunds a fee paid online by itself. An older
 * passport that names no payment shows the page as before.
 */
@QuarkusTest
class PassportPaymentLineTest {

    private static final String API = "/api/passport/v1/applications/";
    /** Paid at 10:05 in Korea (01:05 UTC). */
    private static final String PAID = "{\"method\":\"ONLINE\",\"state\":\"PAID\",\"amountKrw\":52000,"
            + "\"paymentId\":\"pay_7Hq2\",\"paidAt\":\"2026-12-01T01:05:00Z\",\"approvalNumber\":\"30418275\","
            + "\"cardSummary\":\"VISA **** 4242\",\"refundedAmountKrw\":0,\"refundedAt\":null}";
    private final UUID id = UUID.randomUUID();

    @BeforeEach
    void reset() {
        GatewayStandIn.reset();
    }

    @Test
    void aFeePaidOnlineIsShownWithItsApprovalAndARejectionSaysItIsRefunded() {
        String page = page("SUBMITTED", PAID);
        assertTrue(page.contains("<dd id=\"application-payment\">온라인 결제 완료 · 승인번호 30418275 · 2026-12-01 10:05</dd>"),
                page);
        assertTrue(page.contains("<p class=\"form-hint\" id=\"refund-on-reject\">이 신청의 수수료 52,000원은 온라인으로 "
                + "결제되었습니다. 반려하면 자동으로 신청인에게 환불됩니다.</p>"), page);
        assertTrue(page.contains("aria-describedby=\"refund-on-reject\""), "the step's select is described by it");
        assertFalse(page.contains("VISA"), "the card is the applicant's business, not the officer's");
    }

    @Test
    void aRejectedApplicationShowsItsRefund() {
        String pending = page("REJECTED", PAID.replace("\"PAID\"", "\"REFUND_PENDING\""));
        assertTrue(pending.contains("<dd id=\"application-payment\">온라인 결제 완료 · 승인번호 30418275 · 2026-12-01 10:05"
                + " · 환불 처리 중</dd>"), pending);
        String refunded = page("REJECTED", PAID.replace("\"PAID\"", "\"REFUNDED\"").replace(
                "\"refundedAmountKrw\":0,\"refundedAt\":null", "\"refundedAmountKrw\":52000,\"refundedAt\":\"2026-12-03T06:30:00Z\""));
        assertTrue(refunded.contains(" · 환불 완료 52,000원 · 2026-12-03 15:30</dd>"), refunded);
        assertFalse(refunded.contains("id=\"refund-on-reject\""), refunded);
    }

    @Test
    void aFeePaidAtTheCounterSaysSoAndNothingIsRefundedAutomatically() {
        String page = page("SUBMITTED", "{\"method\":\"AT_COUNTER\",\"state\":null,\"amountKrw\":52000}");
        assertTrue(page.contains("<dd id=\"application-payment\">창구 납부 (여권 접수처 방문 시)</dd>"), page);
        assertFalse(page.contains("id=\"refund-on-reject\""), page);
    }

    @Test
    void anOlderPassportNamingNoPaymentShowsThePageAsBefore() {
        String page = page("SUBMITTED", null);
        assertFalse(page.contains("id=\"application-payment\"") || page.contains("id=\"refund-on-reject\""), page);
        assertTrue(page.contains("<select class=\"krds-form-select\" id=\"to\" name=\"to\">"), page);
    }

    @Test
    void anApplicationAwaitingItsFeeIsLabelled() {
        String page = page("AWAITING_PAYMENT", "{\"method\":\"ONLINE\",\"state\":\"AWAITING\",\"amountKrw\":52000}");
        assertTrue(page.contains("<dd id=\"application-status\">결제 대기</dd>"), page);
        assertTrue(page.contains("<dd id=\"application-payment\">결제 대기 (온라인 결제 전)</dd>"), page);
    }

    private String page(String status, String payment) {
        String application = "{\"id\":\"" + id + "\",\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58,"
                + "\"status\":\"" + status + "\",\"submittedAt\":\"2026-12-01T01:00:00Z\",\"fee\":{\"totalKrw\":52000},"
                + "\"identityCheck\":\"VERIFIED\",\"history\":[{\"to\":\"" + status + "\",\"at\":\"2026-12-01T01:00:00Z\"}]"
                + (payment == null ? "" : ",\"payment\":" + payment) + "}";
        GatewayStandIn.answer("GET", API + id, r -> Answer.json(200, application));
        return new PageSession(Tokens.of("passport-officer")).get("/admin/passports/" + id).then().statusCode(200)
                .extract().asString();
    }
}
