package kr.civilportal.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.PageContext;
import kr.civilportal.web.waiting.AdmissionPass;
import kr.civilportal.web.waiting.AdmissionRequiredException;
import org.jboss.logging.Logger;

/**
 * How a page calls the portal's API. {@link #call} runs one call and sorts every failure into the pages' three
 * cases: the service said no ({@link ServiceRefusedException}, mapped by {@link ApiResponses}), it did not answer
 * ({@link ServiceUnavailableException}: refused connections and time-outs too), or the citizen waits in the
 * gateway's waiting room (the waiting-room page takes over, see {@code kr.civilportal.web.waiting}).
 * {@link #submit} is a form's write in one line: the result page, or the form again with the service's field
 * errors or the "unavailable" panel.
 */
@RequestScoped
public class ServiceCalls {

    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);

    @Inject
    PageContext ctx;
    @Inject
    AdmissionPass passes;

    public <T> T call(Supplier<T> call) {
        try {
            return once(call);
        } catch (ServiceRefusedException e) {
            if (isTicketRefusal(e.problem()) && anyPassDropped()) {
                // The gateway no longer knows the ticket the citizen held (it expired while they were away, or
                // was issued by an earlier gateway): the same call again, without it, takes a new place.
                return once(call);
            }
            throw e;
        } catch (AdmissionRequiredException e) {
            passes.hold(e.ticket());
            throw e;
        }
    }

    public void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    /**
     * A form's write: {@code write} calls the API and says where the result page is (post/redirect/get, so a
     * reload never sends it again); a refusal puts the problem's field errors into {@code errors} (service field
     * names mapped by {@code fields}, {@code *} for the rest; {@code fallback} when the problem names none) and a
     * silent service the "unavailable" panel of {@code service}, and then {@code formAgain} renders the form with
     * the status to answer.
     */
    public Response submit(PortalService service, FormErrors errors, Map<String, String> fields, String fallback,
            Supplier<URI> write, IntFunction<Response> formAgain) {
        try {
            return Response.seeOther(call(write)).build();
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), fields, ctx.english(), fallback);
            return formAgain.apply(e.status());
        } catch (ServiceUnavailableException e) {
            errors.unavailable(service);
            return formAgain.apply(Response.Status.SERVICE_UNAVAILABLE.getStatusCode());
        }
    }

    private static <T> T once(Supplier<T> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            // Also an answer the page's records cannot read (a value the page does not know): said in the log, or
            // such a mismatch shows only as an "unavailable" panel for a service that is up.
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            LOG.warnf("No usable answer from the API (%s); the page shows the service unavailable",
                    root.getClass().getSimpleName());
            LOG.debug("No usable answer from the API", e);
            throw new ServiceUnavailableException("No answer from the API", e);
        } catch (ServiceRefusedException | ServiceUnavailableException | AdmissionRequiredException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isTransportFailure(e)) {
                throw new ServiceUnavailableException("No answer from the API", e);
            }
            throw e;
        }
    }

    private boolean anyPassDropped() {
        boolean dropped = false;
        for (PortalService service : PortalService.values()) {
            dropped |= passes.dropIfSent(service.route());
        }
        return dropped;
    }

    static boolean isTicketRefusal(ApiProblem problem) {
        return problem.is("waiting-room-ticket-invalid") || problem.is("waiting-room-ticket-expired");
    }

    static boolean isTransportFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.vertx.core.VertxException || t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }
}
