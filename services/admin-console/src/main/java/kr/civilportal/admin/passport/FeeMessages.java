package kr.civilportal.admin.passport;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * How a passport application's fee was paid, on the officer's view ({@code {fee:...}} in templates): online with its
 * approval number and time, its refund after a rejection, or at the counter (창구 납부); and, beside the step form,
 * that rejecting refunds a fee paid online by itself. Korean by default ({@code messages/fee_ko.properties}), English
 * complete ({@code messages/fee_en.properties}). A bundle of its own: the console's main bundle is at the size where
 * more keys broke its build.
 */
@MessageBundle(value = "fee", locale = "ko")
public interface FeeMessages {

    @Message String title();
    @Message String online_paid(String approval, String at);
    @Message String awaiting();
    @Message String refund_pending();
    @Message String refunded(String amount, String at);
    @Message String at_counter();
    /** Beside the step form when the fee was paid online: a rejection gives it back without the officer. */
    @Message String refund_on_reject(String amount);
}
