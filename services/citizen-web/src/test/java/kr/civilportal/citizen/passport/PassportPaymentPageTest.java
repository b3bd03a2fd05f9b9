package kr.civilportal.citizen.passport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The passport fee paid online, as the citizen meets it: the choice on the review step, the application waiting for
 * its fee (결제 대기) with its 수수료 결제 button, the way to the provider's page and back, the receipt (영수증) and
 * its refund, and passport's refusals in words. Passport (and behind it the provider) is the gateway stand-in.
 */
@QuarkusTest
class PassportPaymentPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID APPLICATION = UUID.fromString("3c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e61");
    private static final String API = "/api/passport/v1/applications/" + APPLICATION;
    private static final String PAGE = "/my/petitions/passport/" + APPLICATION;
    private static final String PAY = PAGE + "/payment";
    private static final String NEXT_URL = "http://localhost:8087/pay/pay_7Hq2";
    private static final String AWAITING = "{\"method\":\"ONLINE\",\"state\":\"AWAITING\",\"amountKrw\":52000,"
            + "\"paymentId\":null,\"paidAt\":null,\"approvalNumber\":null,\"cardSummary\":null,"
            + "\"refundedAmountKrw\":0,\"refundedAt\":null}";
    /** Paid at 10:05 in Korea (01:05 UTC). */
    private static final String PAID = "{\"method\":\"ONLINE\",\"state\":\"PAID\",\"amountKrw\":52000,"
            + "\"paymentId\":\"pay_7Hq2\",\"paidAt\":\"2026-12-01T01:05:00Z\",\"approvalNumber\":\"30418275\","
            + "\"cardSummary\":\"VISA **** 4242\",\"refundedAmountKrw\":0,\"refundedAt\":null}";

    @Inject
    PassportDrafts drafts;

    @BeforeEach
    void script() {
        GatewayStandIn.reset();
    }

    @Test
    void theCitizenPaysOnTheProvidersPageWithOneKeyHoweverOftenTheyClick() throws Exception {
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, application("AWAITING_PAYMENT", AWAITING)));
        GatewayStandIn.answer("POST", API + "/payments", r -> Answer.json(201, "{\"paymentId\":\"pay_7Hq2\","
                + "\"state\":\"CREATED\",\"amountKrw\":52000,\"nextUrl\":\"" + NEXT_URL + "\"}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));

        String page = citizen.get(PAGE).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<h2>결제 대기</h2>"), page);
        assertTrue(page.contains("<span class=\"portal-state awaiting_payment\">결제대기</span>"), "the state: " + page);
        assertTrue(page.contains("<strong id=\"payment-amount\">52,000원</strong>"), "the amount to pay");
        assertTrue(page.contains(">수수료 결제</button>"), "the button");
        assertFalse(page.contains("id=\"receipt\""), "nothing paid, no receipt");

        citizen.post(PAY, page, Map.of()).then().statusCode(303).header("Location", NEXT_URL);
        citizen.post(PAY, page, Map.of()).then().statusCode(303).header("Location", NEXT_URL);

        List<GatewayStandIn.Request> sent = sent("POST", API + "/payments");
        assertEquals(2, sent.size());
        String key = sent.get(0).header("Idempotency-Key");
        assertNotNull(key);
        assertEquals(key, sent.get(1).header("Idempotency-Key"), "a double submit is one payment");
        String gateway = ConfigProvider.getConfig().getValue("portal.gateway-url", String.class);
        assertEquals(gateway + PAGE + "?payment=returned", JSON.readTree(sent.get(0).body()).path("returnUrl").asText(),
                "the provider sends the citizen back to this page, through the gateway that serves the pages");
    }

    @Test
    void backFromTheProviderPassportChecksThePaymentBeforeThePageShowsTheReceipt() {
        GatewayStandIn.answer("POST", API + "/payment-check", r -> Answer.json(200, application("SUBMITTED", PAID)));
        // Were the page to read the application without the check, it would still be waiting.
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, application("AWAITING_PAYMENT", AWAITING)));

        String page = new PageSession(Tokens.of("citizen")).get(PAGE + "?payment=returned").then().statusCode(200)
                .extract().asString();

        List<GatewayStandIn.Request> calls = GatewayStandIn.received().stream()
                .filter(r -> r.path().startsWith(API)).toList();
        assertEquals("POST " + API + "/payment-check", calls.get(0).method() + " " + calls.get(0).path(),
                "the payment is checked first, never taken from the redirect");
        assertTrue(sent("GET", API).isEmpty(), "the check's answer is the application shown");
        assertTrue(page.contains("id=\"payment-paid\""), "paid, said: " + page);
        assertTrue(page.contains("<span class=\"portal-state received\">접수</span>"), "접수: " + page);
        String receipt = receipt(page);
        assertTrue(receipt.contains("<dd id=\"receipt-amount\">52,000원</dd>"), receipt);
        assertTrue(receipt.contains("<dd id=\"receipt-paid-at\">2026-12-01 10:05</dd>"), "in Korea time: " + receipt);
        assertTrue(receipt.contains("<dd id=\"receipt-approval\">30418275</dd>"), receipt);
        assertTrue(receipt.contains("<dd id=\"receipt-card\">VISA **** 4242</dd>"), "masked as given: " + receipt);
        assertFalse(page.contains("id=\"pay\""), "nothing more to pay");
    }

    @Test
    void aPaymentCancelledOrDeclinedLeavesTheApplicationWaitingWithTheButton() {
        GatewayStandIn.answer("POST", API + "/payment-check",
                r -> Answer.json(200, application("AWAITING_PAYMENT", AWAITING)));

        String page = new PageSession(Tokens.of("citizen")).get(PAGE + "?payment=returned").then().statusCode(200)
                .extract().asString();

        assertTrue(page.contains("결제가 완료되지 않았습니다"), page);
        assertTrue(page.contains("<h2>결제 대기</h2>") && page.contains(">수수료 결제</button>"), "pay again: " + page);
        assertFalse(page.contains("id=\"receipt\"") || page.contains("id=\"payment-paid\""), page);
        assertEquals(1, sent("POST", API + "/payment-check").size());
    }

    @Test
    void aRejectedApplicationsReceiptShowsItsRefund() {
        String pending = PAID.replace("\"PAID\"", "\"REFUND_PENDING\"");
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, application("REJECTED", pending)));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get(PAGE).then().statusCode(200).extract().asString();
        assertTrue(receipt(page).contains("<dd id=\"receipt-refund\">환불 처리 중</dd>"), page);
        assertTrue(receipt(page).contains("<dd id=\"receipt-approval\">30418275</dd>"), "still the receipt of the payment");

        String refunded = PAID.replace("\"PAID\"", "\"REFUNDED\"").replace("\"refundedAmountKrw\":0,\"refundedAt\":null",
                "\"refundedAmountKrw\":52000,\"refundedAt\":\"2026-12-03T06:30:00Z\"");
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, application("REJECTED", refunded)));
        String after = citizen.get(PAGE).then().statusCode(200).extract().asString();
        String receipt = receipt(after);
        assertTrue(receipt.contains("<dd id=\"receipt-refund\">환불 완료</dd>"), receipt);
        assertTrue(receipt.contains("<dd id=\"receipt-refund-amount\">52,000원</dd>"), receipt);
        assertTrue(receipt.contains("<dd id=\"receipt-refunded-at\">2026-12-03 15:30</dd>"), "in Korea time: " + receipt);
    }

    @Test
    void passportsRefusalsAreShownInWordsWithTheSameFormAndKey() {
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, application("AWAITING_PAYMENT", AWAITING)));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get(PAGE).then().statusCode(200).extract().asString();
        String key = PageSession.hiddenFields(formOf(page, "pay")).get("idempotencyKey");

        // The payment provider is down: passport's 503.
        GatewayStandIn.answer("POST", API + "/payments", r -> Answer.problem(503,
                "{\"type\":\"urn:civilportal:problem:payment-provider-unavailable\",\"status\":503}"));
        String down = citizen.post(PAY, page, Map.of()).then().statusCode(503).extract().asString();
        assertTrue(down.contains("결제 서비스가 지금 응답하지 않습니다"), down);
        assertTrue(down.contains("<h2>결제 대기</h2>"), "the application as it stands: " + down);
        assertEquals(key, PageSession.hiddenFields(formOf(down, "pay")).get("idempotencyKey"), "the same payment to try again");

        // Paid meanwhile (in another tab): passport's 409, and the page shows it paid.
        GatewayStandIn.answer("POST", API + "/payments", r -> Answer.problem(409,
                "{\"type\":\"urn:civilportal:problem:payment-not-due\",\"status\":409,\"detail\":\"not awaiting payment\"}"));
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, application("SUBMITTED", PAID)));
        String notDue = citizen.post(PAY, page, Map.of()).then().statusCode(409).extract().asString();
        assertTrue(notDue.contains("이 신청은 지금 결제할 수 없습니다"), notDue);
        assertTrue(notDue.contains("id=\"receipt\""), "where it stands: " + notDue);

        // Any other refusal in passport's own words.
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, application("AWAITING_PAYMENT", AWAITING)));
        GatewayStandIn.answer("POST", API + "/payments", r -> Answer.problem(400,
                "{\"type\":\"urn:civilportal:problem:validation-failed\",\"status\":400,\"detail\":\"returnUrl is not allowed\","
                        + "\"detailKo\":\"돌아올 주소가 허용되지 않습니다\",\"errors\":[{\"field\":\"returnUrl\"}]}"));
        String refused = citizen.post(PAY, page, Map.of()).then().statusCode(400).extract().asString();
        assertTrue(refused.contains("<p>돌아올 주소가 허용되지 않습니다</p>"), refused);
        assertTrue(refused.contains("id=\"payment-error\""), refused);
    }

    @Test
    void theBrowserIsSentOnlyToAnAbsoluteHttpAddress() {
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, application("AWAITING_PAYMENT", AWAITING)));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get(PAGE).then().statusCode(200).extract().asString();
        for (String next : List.of("javascript:alert(1)", "//elsewhere.example/pay", "/pay/pay_7Hq2", "")) {
            GatewayStandIn.answer("POST", API + "/payments", r -> Answer.json(201, "{\"paymentId\":\"pay_7Hq2\","
                    + "\"state\":\"CREATED\",\"amountKrw\":52000,\"nextUrl\":\"" + next + "\"}"));
            String shown = citizen.post(PAY, page, Map.of()).then().statusCode(502).extract().asString();
            assertTrue(shown.contains("결제 페이지 주소를 받지 못했습니다"), next + ": " + shown);
        }
    }

    @Test
    void aFeePaidAtTheOfficeIsSaidSo() {
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, application("SUBMITTED",
                "{\"method\":\"AT_COUNTER\",\"state\":null,\"amountKrw\":52000}")));
        String page = new PageSession(Tokens.of("citizen")).get(PAGE).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<p id=\"payment-at-counter\">수수료는 여권 접수처를 방문할 때 창구에서 냅니다.</p>"), page);
        assertFalse(page.contains("id=\"receipt\"") || page.contains("id=\"pay\""), page);
    }

    @Test
    void anOlderPassportWithoutPaymentShowsThePageAsBefore() {
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, application("SUBMITTED", null)));
        String page = new PageSession(Tokens.of("citizen")).get(PAGE).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<span class=\"portal-state received\">접수</span>"), page);
        assertFalse(page.contains("id=\"receipt\"") || page.contains("id=\"pay\"") || page.contains("payment-at-counter"));
    }

    @Test
    void theApplicationWaitingForItsFeeReadsAwaitingPaymentInEnglish() {
        GatewayStandIn.answer("POST", API + "/payment-check",
                r -> Answer.json(200, application("AWAITING_PAYMENT", AWAITING)));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        citizen.cookies().put("lang", "en");
        String page = citizen.get(PAGE + "?payment=returned").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<h2>Awaiting payment</h2>") && page.contains(">Pay the fee</button>"), page);
        assertTrue(page.contains("<strong id=\"payment-amount\">KRW 52,000</strong>"), page);
        assertTrue(page.contains("The payment was not completed."), page);
    }

    @Test
    void theDashboardListsAnApplicationWaitingForItsFeeAsAwaitingPayment() {
        String waiting = application("AWAITING_PAYMENT", AWAITING);
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/mine", r -> Answer.json(200, "[" + waiting + "]"));
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, waiting));
        GatewayStandIn.answer("GET", "/api/residency/v1/move-ins", r -> Answer.json(200, "[]"));
        String page = new PageSession(Tokens.of("citizen")).get("/my").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<span class=\"portal-state awaiting_payment\">결제대기</span>"), page);
    }

    @Test
    void theReviewStepOffersOnlinePaymentFirstAndSendsTheChoice() throws Exception {
        String token = Tokens.of("citizen");
        String subject = subject(token);
        GatewayStandIn.answer("GET", "/api/passport/v1/fees", r -> Answer.json(200,
                "{\"totalKrw\":52000,\"issuanceFeeKrw\":40000,\"contributionKrw\":12000}"));
        GatewayStandIn.answer("GET", "/api/passport/v1/pickup-slots", r -> Answer.json(200,
                "[{\"id\":\"" + UUID.randomUUID() + "\",\"officeId\":\"SEOUL-JONGNO\",\"officeName\":\"종로구청\","
                        + "\"startsAt\":\"2026-12-01T01:00:00Z\",\"remaining\":2}]"));
        GatewayStandIn.answer("POST", "/api/passport/v1/applications", r -> Answer.json(201,
                application("AWAITING_PAYMENT", AWAITING)));
        GatewayStandIn.answer("PUT", API + "/photo", r -> new Answer(204, Map.of(), ""));
        PageSession citizen = new PageSession(token);

        drafts.save(subject, draft());
        String review = citizen.get("/my/passport/review").then().statusCode(200).extract().asString();
        assertTrue(review.contains("<legend>수수료 납부 방법"), review);
        assertTrue(review.contains("value=\"ONLINE\" checked"), "online by card unless chosen otherwise: " + review);
        assertTrue(review.contains("<label for=\"payment-ONLINE\">온라인 결제 (카드)</label>")
                && review.contains("<label for=\"payment-AT_COUNTER\">여권 접수처 방문 시 납부</label>"), review);

        // Something passport's answer does not like: the review comes back with the choice kept, in the draft too.
        GatewayStandIn.answer("POST", "/api/passport/v1/applications", r -> Answer.problem(400,
                "{\"type\":\"urn:civilportal:problem:validation-failed\",\"status\":400,"
                        + "\"errors\":[{\"field\":\"payment\",\"detail\":\"unknown\",\"detailKo\":\"알 수 없는 납부 방법\"}]}"));
        String refused = citizen.post("/my/passport/submission", review,
                Map.of("office", "SEOUL-JONGNO", "payment", "AT_COUNTER")).then().statusCode(400).extract().asString();
        assertTrue(refused.contains("<p class=\"form-hint-invalid\" id=\"payment-error\">알 수 없는 납부 방법</p>"), refused);
        assertTrue(refused.contains("value=\"AT_COUNTER\" checked"), "the choice is kept: " + refused);
        assertEquals(PaymentMethod.AT_COUNTER, drafts.find(subject).orElseThrow().paymentChosen(), "kept in the draft");
        String again = citizen.get("/my/passport/review").then().statusCode(200).extract().asString();
        assertTrue(again.contains("value=\"AT_COUNTER\" checked"), again);

        // Paid online: the application's page, where the fee is paid.
        GatewayStandIn.answer("POST", "/api/passport/v1/applications", r -> Answer.json(201,
                application("AWAITING_PAYMENT", AWAITING)));
        citizen.post("/my/passport/submission", again, Map.of("office", "SEOUL-JONGNO", "payment", "ONLINE"))
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith(PAGE + "?submitted=true"));
        List<GatewayStandIn.Request> submissions = sent("POST", "/api/passport/v1/applications");
        JsonNode sentAtCounter = JSON.readTree(submissions.get(0).body());
        JsonNode sentOnline = JSON.readTree(submissions.get(1).body());
        assertEquals("AT_COUNTER", sentAtCounter.path("payment").asText());
        assertEquals("ONLINE", sentOnline.path("payment").asText());
        assertEquals("SEOUL-JONGNO", sentOnline.path("office").asText());
    }

    @Test
    void aPaymentMethodThePageDoesNotOfferIsSaidNextToTheFieldAndPassportIsNotAsked() throws Exception {
        String token = Tokens.of("citizen");
        GatewayStandIn.answer("GET", "/api/passport/v1/fees", r -> Answer.json(200,
                "{\"totalKrw\":52000,\"issuanceFeeKrw\":40000,\"contributionKrw\":12000}"));
        GatewayStandIn.answer("GET", "/api/passport/v1/pickup-slots", r -> Answer.json(200, "[]"));
        PageSession citizen = new PageSession(token);
        drafts.save(subject(token), draft());
        String review = citizen.get("/my/passport/review").then().statusCode(200).extract().asString();
        String page = citizen.post("/my/passport/submission", review, Map.of("office", "SEOUL-JONGNO", "payment", "CASH"))
                .then().statusCode(400).extract().asString();
        assertTrue(page.contains("<p class=\"form-hint-invalid\" id=\"payment-error\">수수료 납부 방법을 고르세요.</p>"), page);
        assertTrue(sent("POST", "/api/passport/v1/applications").isEmpty(), "passport is not asked");
    }

    private static PassportDraft draft() {
        PassportDraft draft = new PassportDraft();
        draft.kind = "NEW";
        draft.validity = "TEN_YEARS";
        draft.pages = "58";
        draft.photo = new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};
        draft.photoName = "photo.jpg";
        return draft;
    }

    private static String application(String status, String payment) {
        return "{\"id\":\"" + APPLICATION + "\",\"kind\":\"NEW\",\"status\":\"" + status + "\","
                + "\"submittedAt\":\"2026-12-01T01:00:00Z\",\"history\":["
                + "{\"to\":\"AWAITING_PAYMENT\",\"at\":\"2026-12-01T01:00:00Z\"}]"
                + (payment == null ? "" : ",\"payment\":" + payment) + "}";
    }

    private static List<GatewayStandIn.Request> sent(String method, String path) {
        return GatewayStandIn.received().stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    private static String receipt(String page) {
        int start = page.indexOf("<section class=\"portal-panel\" id=\"receipt\"");
        assertTrue(start >= 0, "a receipt: " + page);
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static String formOf(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "the form " + id + ": " + page);
        return page.substring(start, page.indexOf("</form>", start));
    }

    /** The token's subject: whose draft it is. */
    private static String subject(String token) throws Exception {
        byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return JSON.readTree(new String(payload, StandardCharsets.UTF_8)).path("sub").asText();
    }
}
