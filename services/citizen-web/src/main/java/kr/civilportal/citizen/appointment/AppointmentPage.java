package kr.civilportal.citizen.appointment;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.citizen.CitizenMessages;
import kr.civilportal.citizen.passport.PassportApplication;
import kr.civilportal.citizen.passport.PassportClient;
import kr.civilportal.web.api.PortalService;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.FormFields;
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 여권 수령(교부) 예약: a citizen picks a pickup slot for one of their passports that is ready for pickup, sees
 * the booking and may cancel it. The passport service keeps the slots and their places; a slot that filled up
 * meanwhile is its 409 slot-full, shown on the slot field with the other slots still to choose from. In a
 * booking rush the gateway's waiting room may queue the booking: the waiting-room page then books it, once.
 */
@Path("/my/appointments")
@Authenticated
public class AppointmentPage {

    static final PortalService SERVICE = PortalService.PASSPORT;
    private static final Map<String, String> FIELDS = Map.of("slotId", "slotId");

    /** The booking page: what the template shows. */
    public record BookingView(Pickup.Application application, List<Pickup.Office> offices, String office,
            String chosen, String key, String notice, boolean notFound) {
        public boolean shows(Pickup.Office o) {
            return office.isEmpty() || office.equals(o.id());
        }
    }

    @CheckedTemplate(basePath = "appointment", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance list(List<Pickup.Application> applications, boolean unavailable);

        static native TemplateInstance book(BookingView view, FormErrors errors);
    }

    private final AppointmentClient appointments;
    private final PassportClient passport;
    private final ServiceCalls calls;
    private final PageContext ctx;

    AppointmentPage(@RestClient AppointmentClient appointments, @RestClient PassportClient passport,
            ServiceCalls calls, PageContext ctx) {
        this.appointments = appointments;
        this.passport = passport;
        this.calls = calls;
        this.ctx = ctx;
    }

    /** My passports and their pickup: the ones ready to book first. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show() {
        try {
            List<Pickup.Application> applications = new ArrayList<>();
            for (PassportApplication a : calls.call(passport::mine)) {
                applications.add(new Pickup.Application(a, a.readyForPickup() ? booking(a.id()) : null));
            }
            applications.sort(Comparator.comparing(Pickup.Application::ready).reversed());
            return Response.ok(Templates.list(applications, false)).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(Templates.list(List.of(), true)).build();
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response showBooking(@PathParam("id") UUID id, @QueryParam("booked") boolean booked,
            @QueryParam("cancelled") boolean cancelled, @QueryParam("office") String office) {
        return render(id, office, "", UUID.randomUUID().toString(), new FormErrors(),
                booked ? "booked" : cancelled ? "cancelled" : "", 200);
    }

    @POST
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response book(@PathParam("id") UUID id, @RestForm String slotId, @RestForm String idempotencyKey,
            @RestForm String office) {
        CitizenMessages msg = ctx.messages(CitizenMessages.class);
        String slot = FormFields.trimmed(slotId);
        String key = FormFields.orNew(idempotencyKey);
        FormErrors errors = new FormErrors();
        UUID slotUuid = uuid(slot);
        if (slotUuid == null) {
            errors.add("slotId", msg.appt_err_slot());
            return render(id, office, slot, key, errors, "", 400);
        }
        try {
            calls.call(() -> appointments.book(key, id, new AppointmentClient.Booking(slotUuid))).close();
            return Response.seeOther(URI.create("/my/appointments/" + id + "?booked=true")).build();
        } catch (ServiceRefusedException e) {
            if (e.problem().is("slot-full")) {
                errors.add("slotId", msg.appt_err_slot_full());
            } else {
                errors.addProblem(e.problem(), FIELDS, ctx.english(), msg.appt_err_failed());
            }
            // A new key: the service remembers this one with its refusal, and the corrected form is a new request.
            return render(id, office, slot, UUID.randomUUID().toString(), errors, "", e.status() == 409 ? 409 : 400);
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
            return render(id, office, slot, key, errors, "", 503);
        }
    }

    @POST
    @Path("{id}/cancellation")
    @Produces(MediaType.TEXT_HTML)
    public Response cancel(@PathParam("id") UUID id, @RestForm String idempotencyKey) {
        try {
            calls.call(() -> appointments.cancel(FormFields.orNew(idempotencyKey), id)).close();
        } catch (ServiceRefusedException e) {
            // Already cancelled (a second click, another tab): the page shows there is no booking.
        } catch (ServiceUnavailableException e) {
            FormErrors errors = new FormErrors();
            errors.unavailable(SERVICE);
            return render(id, "", "", UUID.randomUUID().toString(), errors, "", 503);
        }
        return Response.seeOther(URI.create("/my/appointments/" + id + "?cancelled=true")).build();
    }

    /**
     * The booking form; {@code office} narrows the slots shown to one passport office (a long list on a phone
     * otherwise), an unknown one shows all.
     */
    private Response render(UUID id, String office, String chosenSlot, String key, FormErrors errors, String notice,
            int status) {
        if (errors.isUnavailable()) {
            return Response.status(503).entity(Templates.book(
                    new BookingView(null, List.of(), "", chosenSlot, key, notice, false), errors)).build();
        }
        try {
            PassportApplication a = calls.call(() -> passport.application(id));
            Pickup.Application application = new Pickup.Application(a, a.readyForPickup() ? booking(id) : null);
            // The passport is handed over at the office that received the application: only its slots are offered.
            List<Pickup.Office> offices = application.ready() ? Pickup.offices(calls.call(appointments::pickupSlots))
                    .stream().filter(o -> a.office() == null || o.id().equals(a.office())).toList() : List.of();
            String shown = offices.stream().map(Pickup.Office::id).filter(o -> o.equals(office)).findFirst().orElse("");
            return Response.status(status).entity(Templates.book(
                    new BookingView(application, offices, shown, chosenSlot, key, notice, false), errors)).build();
        } catch (ServiceRefusedException e) {
            return Response.status(404).entity(Templates.book(
                    new BookingView(null, List.of(), "", "", "", "", true), errors)).build();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
            return Response.status(503).entity(Templates.book(
                    new BookingView(null, List.of(), "", chosenSlot, key, notice, false), errors)).build();
        }
    }

    private Appointment booking(UUID id) {
        try {
            return calls.call(() -> appointments.appointment(id));
        } catch (ServiceRefusedException e) {
            return null; // 404: no booking (yet, or cancelled)
        }
    }

    private static UUID uuid(String value) {
        try {
            return value.isEmpty() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
