package kr.civilportal.paymentsandbox.webhook;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import kr.civilportal.paymentsandbox.PaymentSandboxSettings;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    private final PaymentSandboxSettings settings;

    EventResource(PaymentSandboxSettings settings) {
        this.settings = settings;
    }

    @GET
    @Operation(summary = "The webhook events of a payment (oldest first), or the latest ones without paymentId, with "
            + "their delivery state: PENDING, DELIVERED or PARKED.")
    public List<EventView> list(@QueryParam("paymentId") String paymentId) {
        if (paymentId != null && !paymentId.isBlank()) {
            return WebhookEvent.<WebhookEvent>list("paymentId", Sort.by("createdAt").and("id"), paymentId).stream()
                    .map(EventView::of).toList();
        }
        return WebhookEvent.<WebhookEvent>findAll(Sort.by("createdAt", Sort.Direction.Descending).and("id"))
                .page(Page.ofSize(settings.events().listLimit())).<WebhookEvent>list().stream()
                .map(EventView::of).toList();
    }
}
