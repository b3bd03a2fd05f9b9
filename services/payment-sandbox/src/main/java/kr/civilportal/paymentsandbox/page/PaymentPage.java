package kr.civilportal.paymentsandbox.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import kr.civilportal.paymentsandbox.payment.PaymentState;
import kr.civilportal.paymentsandbox.payment.PaymentView;
import kr.civilportal.paymentsandbox.payment.Payments;
import kr.civilportal.paymentsandbox.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The hosted payment page the citizen's browser is sent to ({@code nextUrl}): Korean first, English below, no
 * external assets. Paying or cancelling ends with a 303 to the payment's returnUrl, where the portal asks this
 * provider what happened (never trusting the redirect itself).
 */
@Path("/pay/{paymentId}")
@Produces(MediaType.TEXT_HTML)
public class PaymentPage {

    private static final DateTimeFormatter KOREA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Seoul"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(View view);
    }

    /** What the template shows; no card data but the error messages. */
    public record View(PaymentView payment, String amountText, String stateKo, String stateEn, boolean payable,
                       String expiresAtText, String alertKo, String alertEn, Map<String, String[]> fieldErrors) {

        public String errorKo(String field) {
            String[] e = fieldErrors.get(field);
            return e == null ? null : e[0];
        }

        public String errorEn(String field) {
            String[] e = fieldErrors.get(field);
            return e == null ? null : e[1];
        }

        public boolean invalid(String field) {
            return fieldErrors.containsKey(field);
        }
    }

    private final Payments payments;

    PaymentPage(Payments payments) {
        this.payments = payments;
    }

    @GET
    @Operation(hidden = true)
    public Response show(@PathParam("paymentId") String paymentId) {
        return page(payments.get(paymentId), null, null, Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(@PathParam("paymentId") String paymentId, @RestForm String action,
                           @RestForm String cardNumber, @RestForm String expiry, @RestForm String cvc) {
        if ("cancel".equals(action)) {
            PaymentView cancelled = payments.cancel(paymentId);
            return cancelled.state() == PaymentState.CANCELLED ? backTo(cancelled)
                    : page(cancelled, null, null, Map.of());
        }
        if (!"pay".equals(action)) {
            throw ProblemException.invalidField("action", "pay or cancel");
        }
        PaymentView payment = payments.get(paymentId);
        if (payment.state() != PaymentState.CREATED) {
            return page(payment, null, null, Map.of());
        }
        CardEntry card = new CardEntry(cardNumber, expiry, cvc);
        if (!card.valid()) {
            return page(payment, "입력한 카드 정보를 확인해 주세요.", "Check the card details you entered.",
                    card.errors);
        }
        return switch (card.outcome()) {
            case DECLINED -> page(payment, "카드사에서 승인을 거절했습니다. 다른 카드로 결제해 주세요.",
                    "The card company declined the payment. Try another card.", Map.of());
            case NOT_A_TEST_CARD -> page(payment, "샌드박스에서는 테스트 카드(4242 4242 4242 4242)만 승인됩니다.",
                    "The sandbox approves the test card (4242 4242 4242 4242) only.", Map.of());
            case APPROVED -> {
                Payments.Payable result = payments.pay(paymentId, card.summary());
                yield result.paid() ? backTo(result.payment()) : page(result.payment(), null, null, Map.of());
            }
        };
    }

    private static Response backTo(PaymentView payment) {
        return Response.seeOther(URI.create(payment.returnUrl())).build();
    }

    private static Response page(PaymentView p, String alertKo, String alertEn, Map<String, String[]> fieldErrors) {
        View view = new View(p, NumberFormat.getIntegerInstance(Locale.KOREA).format(p.amount()) + "원",
                p.state().korean(), p.state().english(), p.state() == PaymentState.CREATED,
                KOREA_TIME.format(p.expiresAt()), alertKo, alertEn, fieldErrors);
        // The page holds a card form: never cached by the browser or a proxy.
        return Response.ok(Templates.page(view)).header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' "
                        + "http: https:; frame-ancestors 'none'")
                .build();
    }
}
