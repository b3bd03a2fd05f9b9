package kr.civilportal.notification.delivery;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.civilportal.common.paging.PageParams;
import kr.civilportal.common.paging.PageRequest;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.notification.preference.EmailCipher;
import kr.civilportal.notification.preference.PhoneNumbers;
import kr.civilportal.notification.preference.Preferences;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Deliveries for officials, above all the PARKED e-mails that need a human (call the citizen, or tell them at the
 * counter). Each officer role sees the deliveries of its own service's events; {@code admin} sees all.
 */
@Path("/api/notification/v1/officer/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "residency-officer", "passport-officer", "land-officer", "dispatcher"})
@Tag(name = "Deliveries", description = "Deliveries as officials see them, e.g. e-mails that could not be sent (발송 현황)")
public class OfficerDeliveriesResource {

    /** Which events' deliveries each officer role sees: those of its own service. */
    static final Map<String, String> SOURCE_OF_ROLE = new LinkedHashMap<>();

    static {
        SOURCE_OF_ROLE.put("residency-officer", "residency");
        SOURCE_OF_ROLE.put("passport-officer", "passport");
        SOURCE_OF_ROLE.put("land-officer", "land-registry");
        SOURCE_OF_ROLE.put("dispatcher", "emergency-report");
    }

    @Inject
    SecurityIdentity identity;
    @Inject
    EmailCipher cipher;
    @Inject
    Preferences preferences;

    @GET
    @Operation(operationId = "listDeliveries", summary = "Deliveries by state, most recently changed first",
            description = "state=PARKED lists the e-mails given up after the last attempt. An officer sees the "
                    + "deliveries of their service's events; admin sees all. The citizen's e-mail address is never shown, "
                    + "an SMS or KakaoTalk number only masked.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    public DeliveryPage list(
            @QueryParam("state") @Parameter(description = "The deliveries' state (default PARKED)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"PENDING", "DELIVERED", "SENT", "PARKED",
                            "CANCELLED"}, defaultValue = "PARKED")) String state,
            @BeanParam PageParams paging) {
        List<Problem.FieldError> errors = new ArrayList<>();
        PageRequest page = paging.read(errors);
        DeliveryState wanted = DeliveryState.PARKED;
        if (state != null) {
            try {
                wanted = DeliveryState.valueOf(state);
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("state", "must be one of PENDING, DELIVERED, SENT, PARKED, CANCELLED"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        Sort sort = Sort.descending("updatedAt", "id");
        var query = identity.hasRole("admin")
                ? Delivery.find("state", sort, wanted)
                : Delivery.find("state = ?1 and source in ?2", sort, wanted, visibleSources());
        query.page(Page.of(page.page(), page.size()));
        return new DeliveryPage(query.<Delivery>list().stream().map(d -> DeliveryView.of(d, maskedNumber(d))).toList(), page.page(),
                page.size(), query.count());
    }

    /** A text's number, masked: officials calling a citizen back need to know which number failed, not all of it. */
    private String maskedNumber(Delivery d) {
        if (!d.channel.isText()) {
            return null;
        }
        try {
            Optional<String> number = d.addressSealed != null
                    ? Optional.of(cipher.openDeliveryAddress(d.addressSealed, d.id))
                    : preferences.phoneTarget(d.recipient);
            return number.map(PhoneNumbers::mask).orElse(null);
        } catch (IllegalStateException e) {
            // a value under a key no longer configured: the list still answers
            return null;
        }
    }

    private List<String> visibleSources() {
        List<String> sources = new ArrayList<>();
        SOURCE_OF_ROLE.forEach((role, source) -> {
            if (identity.hasRole(role)) {
                sources.add(source);
            }
        });
        return sources.isEmpty() ? List.of("-") : sources;
    }
}
