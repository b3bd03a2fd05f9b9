package kr.civilportal.paymentsandbox.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.civilportal.paymentsandbox.Ids;
import kr.civilportal.paymentsandbox.payment.PaymentView;

/**
 * Writes a change's webhook event in the transaction of the change itself (MANDATORY): the event exists if and
 * only if the change committed. {@link WebhookDelivery} sends it afterwards, again until it is answered.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final ObjectMapper json;

    WebhookOutbox(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public WebhookEvent record(String type, PaymentView payment) {
        WebhookEvent event = new WebhookEvent();
        event.id = Ids.next("evt_");
        event.paymentId = payment.paymentId();
        event.type = type;
        event.createdAt = kr.civilportal.paymentsandbox.payment.Payments.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", event.id);
        body.put("type", type);
        body.put("createdAt", event.createdAt);
        body.put("payment", payment);
        try {
            event.body = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + type + " could not be written as JSON", e);
        }
        // Due at once: the delivery job's next run sends it.
        event.nextAttemptAt = event.createdAt;
        event.persist();
        return event;
    }
}
