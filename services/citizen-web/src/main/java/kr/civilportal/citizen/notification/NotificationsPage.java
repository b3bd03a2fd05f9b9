package kr.civilportal.citizen.notification;

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
import java.util.Set;
import java.util.UUID;
import kr.civilportal.citizen.CitizenWebSettings;
import kr.civilportal.web.api.ApiProblem;
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
 * 알림함: the citizen's notifications about their petitions, newest first and paged, each linking to its
 * petition's page where there is one, the unread ones marked (in words too) with a 읽음으로 표시 button; and
 * 알림 설정: the language of notifications, the e-mail address and e-mail on/off, the mobile number, 문자 and
 * 알림톡 on/off and quiet hours (see {@link NotificationPreferences} for how the masked number is kept or
 * removed). The notification service not answering is the page's "unavailable" panel (503).
 */
@Path("/my/notifications")
@Authenticated
public class NotificationsPage {

    static final Set<String> LANGUAGES = Set.of("ko", "en");

    /**
     * The settings form as shown: what is stored, or what the citizen typed when it comes back with errors.
     * {@code phone} is only a new number typed; the stored one is {@code currentPhone}, masked as the service
     * returns it ("" none), shown as a hint and carried in a hidden field so the form can come back with it.
     */
    public record SettingsForm(String language, String email, boolean emailEnabled, String phone, String currentPhone,
            boolean phoneRemove, boolean smsEnabled, boolean kakaoEnabled, boolean quietHours) {

        /**
         * Not {@code is}: Qute's built-in {@code is} (an alias of {@code ==} on any object) competes with a method of
         * that name, and which answers is not guaranteed; with this record's phone fields it was Qute's, and no
         * language was shown checked.
         */
        public boolean chose(String lang) {
            return lang.equals(language);
        }

        static SettingsForm of(NotificationPreferences p) {
            return new SettingsForm(p.language(), p.email() == null ? "" : p.email(), p.emailEnabled(), "",
                    p.phone() == null ? "" : p.phone(), false, p.smsEnabled(), p.kakaoEnabled(),
                    !Boolean.FALSE.equals(p.quietHours()));
        }

        /** What the PUT says of the number: null (left out) keeps the stored one, "" removes it. */
        String phoneToSend() {
            if (phoneRemove) {
                return "";
            }
            return phone.isEmpty() ? null : phone;
        }

        boolean hasPhoneAfterSaving() {
            return !phone.isEmpty() || (!phoneRemove && !currentPhone.isEmpty());
        }
    }

    @CheckedTemplate(basePath = "notification", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance inbox(NotificationList list, FormErrors errors, boolean marked);

        static native TemplateInstance settings(SettingsForm form, FormErrors errors, boolean saved);
    }

    private final NotificationClient notifications;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final int pageSize;

    NotificationsPage(@RestClient NotificationClient notifications, ServiceCalls calls, PageContext ctx,
            CitizenWebSettings settings) {
        this.notifications = notifications;
        this.calls = calls;
        this.ctx = ctx;
        this.pageSize = settings.notification().pageSize();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response inbox(@QueryParam("page") int page, @QueryParam("marked") boolean marked) {
        return inboxPage(Math.max(page, 0), marked, 200);
    }

    /**
     * 읽음으로 표시: one call to the service (idempotent, so a resend is harmless), then back to the list's page
     * (post/redirect/get). One the service does not know as the citizen's (404) is not shown to them anyway: back to
     * the list all the same.
     */
    @POST
    @Path("{id}/read")
    @Produces(MediaType.TEXT_HTML)
    public Response markRead(@PathParam("id") UUID id, @RestForm String page) {
        int shown = pageOf(page);
        try {
            calls.call(() -> notifications.markRead(id));
        } catch (ServiceRefusedException e) {
            if (e.status() != Response.Status.NOT_FOUND.getStatusCode()) {
                throw e;
            }
            return Response.seeOther(listPath(shown, false)).build();
        } catch (ServiceUnavailableException e) {
            return inboxPage(shown, false, Response.Status.SERVICE_UNAVAILABLE.getStatusCode());
        }
        return Response.seeOther(listPath(shown, true)).build();
    }

    @GET
    @Path("settings")
    @Produces(MediaType.TEXT_HTML)
    public Response settings(@QueryParam("saved") boolean saved) {
        FormErrors errors = new FormErrors();
        try {
            NotificationPreferences stored = calls.call(notifications::preferences);
            return Response.ok(Templates.settings(SettingsForm.of(stored), errors, saved)).build();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(PortalService.NOTIFICATION);
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(Templates.settings(null, errors, false)).build();
        }
    }

    /**
     * Saves the choices (PUT, all of them). A language other than ko/en, e-mail on without an address, 문자 or
     * 알림톡 on with no number left, or a new number typed while asking to remove the number, is said next to its
     * field and nothing is sent; the service's refusal of the address or the number is said next to it. The form
     * comes back as typed.
     */
    @POST
    @Path("settings")
    @Produces(MediaType.TEXT_HTML)
    public Response save(@RestForm String language, @RestForm String email, @RestForm String emailEnabled,
            @RestForm String phone, @RestForm String currentPhone, @RestForm String phoneRemove,
            @RestForm String smsEnabled, @RestForm String kakaoEnabled, @RestForm String quietHours) {
        NotificationMessages msg = ctx.messages(NotificationMessages.class);
        String address = FormFields.trimmed(email);
        boolean on = checked(emailEnabled);
        String lang = FormFields.trimmed(language);
        SettingsForm typed = new SettingsForm(lang, address, on, FormFields.trimmed(phone),
                FormFields.trimmed(currentPhone), checked(phoneRemove), checked(smsEnabled), checked(kakaoEnabled),
                checked(quietHours));
        FormErrors errors = new FormErrors();
        if (!LANGUAGES.contains(lang)) {
            errors.add("language", msg.err_language());
        }
        if (on && address.isEmpty()) {
            errors.add("email", msg.err_email_enabled());
        }
        if (typed.phoneRemove() && !typed.phone().isEmpty()) {
            errors.add("phone", msg.err_phone_remove());
        } else if ((typed.smsEnabled() || typed.kakaoEnabled()) && !typed.hasPhoneAfterSaving()) {
            errors.add("phone", msg.err_phone_needed());
        }
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.settings(typed, errors, false)).build();
        }
        try {
            calls.call(() -> notifications.setPreferences(new NotificationPreferences(lang,
                    address.isEmpty() ? null : address, on, typed.phoneToSend(), typed.smsEnabled(),
                    typed.kakaoEnabled(), typed.quietHours())));
            return Response.seeOther(URI.create("/my/notifications/settings?saved=true")).build();
        } catch (ServiceRefusedException e) {
            refused(e.problem(), errors, msg);
            return Response.status(e.status()).entity(Templates.settings(typed, errors, false)).build();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(PortalService.NOTIFICATION);
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(Templates.settings(typed, errors, false))
                    .build();
        }
    }

    private static boolean checked(String checkbox) {
        return "true".equals(checkbox) || "on".equals(checkbox);
    }

    /** The service's field errors next to the fields, in the page's words (the service's are the validator's, English). */
    private void refused(ApiProblem problem, FormErrors errors, NotificationMessages msg) {
        for (ApiProblem.FieldError error : problem.errors()) {
            if ("email".equals(error.field())) {
                errors.add("email", msg.err_email());
            } else if ("language".equals(error.field())) {
                errors.add("language", msg.err_language());
            } else if ("phone".equals(error.field())) {
                errors.add("phone", msg.err_phone());
            } else if ("smsEnabled".equals(error.field()) || "kakaoEnabled".equals(error.field())) {
                // Only a missing number makes the service refuse these; the number is what the citizen can fix.
                errors.add("phone", msg.err_phone_needed());
            }
        }
        if (!errors.any()) {
            String detail = problem.detail(ctx.english());
            errors.addGeneral(detail.isBlank() ? msg.err_failed() : detail);
        }
    }

    private Response inboxPage(int page, boolean marked, int status) {
        try {
            NotificationList list = calls.call(() -> notifications.list(page, pageSize));
            return Response.status(status).entity(Templates.inbox(list, new FormErrors(), marked)).build();
        } catch (ServiceRefusedException e) {
            if (e.status() != Response.Status.NOT_FOUND.getStatusCode()) {
                throw e;
            }
            // The service keeps nothing for this caller (no resident id in the token): nothing to list.
            return Response.status(status).entity(Templates.inbox(new NotificationList(java.util.List.of(), 0,
                    pageSize, 0), new FormErrors(), marked)).build();
        } catch (ServiceUnavailableException e) {
            FormErrors errors = new FormErrors();
            errors.unavailable(PortalService.NOTIFICATION);
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(Templates.inbox(new NotificationList(java.util.List.of(), page, pageSize, 0), errors, false))
                    .build();
        }
    }

    private static int pageOf(String page) {
        try {
            return page == null ? 0 : Math.max(Integer.parseInt(page.trim()), 0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static URI listPath(int page, boolean marked) {
        StringBuilder path = new StringBuilder("/my/notifications");
        if (page > 0) {
            path.append("?page=").append(page);
        }
        if (marked) {
            path.append(page > 0 ? '&' : '?').append("marked=true");
        }
        return URI.create(path.toString());
    }
}
