package kr.civilportal.citizen.appointment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.OncePerKey;
import kr.civilportal.web.page.PageContext;
import kr.civilportal.citizen.api.PassportClient;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 여권 수령(교부) 예약: a citizen picks a pickup slot for one of their passports that is ready for pickup, sees
 * the booking and may cancel it. The passport service keeps the slots and their places; a slot that filled up
 * meanwhile is its 409 slot-full, shown on the slot field with the other slots still to choose from.
 */
@Path("/my/appointments")
@Authenticated
public class AppointmentPage {

    static final String SERVICE = "passport";
    static final String READY = "READY_FOR_PICKUP";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLOT_FULL = "urn:civilportal:problem:slot-full";
    private static final Map<String, String> FIELDS = Map.of("slotId", "slotId");

    /** A pickup slot as offered; {@code remaining} 0 is shown, but cannot be chosen. */
    public record Slot(String id, String startsAt, int remaining) {
        public boolean full() {
            return remaining <= 0;
        }
    }

    /** One office's slots, in time order. */
    public record Office(String id, String name, List<Slot> slots) {
    }

    /** A booked pickup. */
    public record Booking(String slotId, String officeName, String startsAt, String bookedAt) {
    }

    /** One of the citizen's passport applications, with its booking when it has one. */
    public record Application(String id, String kind, String status, Booking booking) {
        public boolean ready() {
            return READY.equals(status);
        }
    }

    private final Template list;
    private final Template book;
    private final PassportClient passport;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final OncePerKey once;
    private final SecurityIdentity identity;

    AppointmentPage(@Location("appointment/list.html") Template list,
            @Location("appointment/book.html") Template book, @RestClient PassportClient passport,
            ServiceCalls calls, PageContext ctx, OncePerKey once, SecurityIdentity identity) {
        this.list = list;
        this.book = book;
        this.passport = passport;
        this.calls = calls;
        this.ctx = ctx;
        this.once = once;
        this.identity = identity;
    }

    /** My passports and their pickup: the ones ready to book first. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show() {
        try {
            String bearer = calls.bearer();
            JsonNode mine = calls.call(SERVICE, () -> passport.mine(bearer));
            List<Application> applications = new ArrayList<>();
            for (JsonNode a : mine) {
                String id = a.path("id").asText();
                String status = a.path("status").asText();
                Booking booking = READY.equals(status) ? booking(bearer, id).orElse(null) : null;
                applications.add(new Application(id, a.path("kind").asText(), status, booking));
            }
            applications.sort((x, y) -> Boolean.compare(y.ready(), x.ready()));
            return Response.ok(list.data("applications", applications).data("unavailable", false)).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(list.data("applications", List.of()).data("unavailable", true)).build();
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response showBooking(@PathParam("id") String id, @QueryParam("booked") boolean booked,
            @QueryParam("cancelled") boolean cancelled, @QueryParam("office") String office) {
        if (!isId(id)) {
            return notFound();
        }
        return render(id, office, "", UUID.randomUUID().toString(), new FormErrors(),
                booked ? "booked" : cancelled ? "cancelled" : "", 200);
    }

    @POST
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response book(@PathParam("id") String id, @RestForm String slotId, @RestForm String idempotencyKey,
            @RestForm String office) {
        if (!isId(id)) {
            return notFound();
        }
        String slot = slotId == null ? "" : slotId.trim();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey.trim();
        FormErrors errors = new FormErrors();
        if (slot.isEmpty()) {
            errors.add("slotId", ctx.text("appt_err_slot"));
            return render(id, office, slot, key, errors, "", 400);
        }
        try {
            URI done = once.run(identity.getPrincipal().getName(), key, () -> {
                String bearer = calls.bearer();
                calls.call(SERVICE, () -> passport.book(bearer, key, id, JSON.createObjectNode().put("slotId", slot)));
                return URI.create("/my/appointments/" + id + "?booked=true");
            });
            return Response.seeOther(done).build();
        } catch (ServiceRefusedException e) {
            if (SLOT_FULL.equals(e.problem().path("type").asText())) {
                errors.add("slotId", ctx.text("appt_err_slot_full"));
            } else {
                errors.addProblem(e.problem(), FIELDS, ctx.english(), ctx.text("appt_err_failed"));
            }
            // A new key: the service remembers this one with its refusal, and the corrected form is a new request.
            return render(id, office, slot, UUID.randomUUID().toString(), errors, "", e.status() == 409 ? 409 : 400);
        } catch (ServiceUnavailableException e) {
            return render(id, office, slot, key, errors, "", 503);
        }
    }

    @POST
    @Path("{id}/cancellation")
    @Produces(MediaType.TEXT_HTML)
    public Response cancel(@PathParam("id") String id) {
        if (!isId(id)) {
            return notFound();
        }
        try {
            String bearer = calls.bearer();
            calls.call(SERVICE, () -> {
                passport.cancelAppointment(bearer, id);
                return null;
            });
            return Response.seeOther(URI.create("/my/appointments/" + id + "?cancelled=true")).build();
        } catch (ServiceRefusedException e) {
            // Already cancelled (a second click, another tab): the page shows there is no booking.
            return Response.seeOther(URI.create("/my/appointments/" + id + "?cancelled=true")).build();
        } catch (ServiceUnavailableException e) {
            return render(id, "", "", UUID.randomUUID().toString(), new FormErrors(), "", 503);
        }
    }

    /**
     * The booking form; {@code office} narrows the slots shown to one passport office (a long list on a phone
     * otherwise), an unknown one shows all.
     */
    private Response render(String id, String office, String chosenSlot, String key, FormErrors errors, String notice,
            int status) {
        String shownOffice = "";
        Application application = null;
        List<Office> offices = List.of();
        boolean unavailable = status == 503;
        boolean notFound = false;
        if (!unavailable) {
            try {
                String bearer = calls.bearer();
                JsonNode a = calls.call(SERVICE, () -> passport.application(bearer, id));
                String state = a.path("status").asText();
                Booking booking = READY.equals(state) ? booking(bearer, id).orElse(null) : null;
                application = new Application(id, a.path("kind").asText(), state, booking);
                if (application.ready()) {
                    offices = offices(calls.call(SERVICE, () -> passport.pickupSlots(bearer)));
                    shownOffice = offices.stream().map(Office::id).filter(o -> o.equals(office)).findFirst().orElse("");
                }
            } catch (ServiceRefusedException e) {
                notFound = true;
                status = 404;
            } catch (ServiceUnavailableException e) {
                unavailable = true;
                status = 503;
            }
        }
        return Response.status(status).entity(book.data("application", application).data("offices", offices)
                .data("office", shownOffice).data("chosen", chosenSlot).data("key", key).data("errors", errors).data("notice", notice)
                .data("unavailable", unavailable).data("notFound", notFound)).build();
    }

    /** Ids are UUIDs; anything else is no application of theirs (and never goes into a redirect). */
    private static boolean isId(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Response notFound() {
        return Response.status(404).entity(book.data("application", null).data("offices", List.of()).data("office", "")
                .data("chosen", "")
                .data("key", "").data("errors", new FormErrors()).data("notice", "").data("unavailable", false)
                .data("notFound", true)).build();
    }

    private Optional<Booking> booking(String bearer, String id) {
        try {
            JsonNode b = calls.call(SERVICE, () -> passport.appointment(bearer, id));
            return Optional.of(new Booking(b.path("slotId").asText(), b.path("officeName").asText(),
                    b.path("startsAt").asText(), b.path("bookedAt").asText()));
        } catch (ServiceRefusedException e) {
            // 404: no booking (yet, or cancelled).
            return Optional.empty();
        }
    }

    static List<Office> offices(JsonNode slots) {
        Map<String, List<Slot>> byOffice = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode s : slots) {
            String office = s.path("officeId").asText();
            names.putIfAbsent(office, s.path("officeName").asText());
            byOffice.computeIfAbsent(office, k -> new ArrayList<>())
                    .add(new Slot(s.path("id").asText(), s.path("startsAt").asText(), s.path("remaining").asInt()));
        }
        List<Office> offices = new ArrayList<>();
        byOffice.forEach((office, list) -> offices.add(new Office(office, names.get(office), list)));
        return offices;
    }
}
