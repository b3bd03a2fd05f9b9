package kr.civilportal.citizen.passport;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the passport fee paid online ({@code {fee:...}} in templates): the choice on the review step
 * (수수료 납부 방법), the application's 결제 대기 part with its 수수료 결제 button, and the receipt (영수증) with its
 * refund. Korean by default ({@code messages/fee_ko.properties}), English complete
 * ({@code messages/fee_en.properties}). A bundle of its own: the main one is at the size where more keys broke the
 * build.
 */
@MessageBundle(value = "fee", locale = "ko")
public interface PaymentMessages {

    /** The review step's choice. */
    @Message String legend();
    @Message String help();
    @Message String method(PaymentMethod value);
    @Message String err_method();

    /** The application's page while it waits for its fee (결제 대기). */
    @Message String awaiting_title();
    @Message String awaiting_help();
    @Message String amount();
    @Message String pay();
    @Message String pay_help();
    /** Back from the provider's page, not paid (cancelled, declined, given up). */
    @Message String not_completed();
    /** The heading of why a payment could not be started. */
    @Message String err_title();
    /** Passport's 409 payment-not-due: the application no longer waits for its fee (paid meanwhile, or closed). */
    @Message String err_not_due();
    /** Passport refused to start a payment and said nothing the page could show. */
    @Message String err_refused();
    /** Passport or the payment provider did not answer: nothing was paid, the application is kept. */
    @Message String err_unavailable();
    /** Passport answered a payment page the portal does not send citizens to (not an absolute http(s) address). */
    @Message String err_next_url();

    /** Paid: the receipt (영수증). */
    @Message String paid();
    @Message String receipt_title();
    @Message String receipt_method();
    @Message String receipt_amount();
    @Message String receipt_paid_at();
    @Message String receipt_approval();
    @Message String receipt_card();
    /** After a rejection: the refund. */
    @Message String refund();
    @Message String refund_pending();
    @Message String refund_pending_help();
    @Message String refunded();
    @Message String refund_amount();
    @Message String refunded_at();

    /** Paid at the office (창구 납부). */
    @Message String at_counter();
}
