package kr.civilportal.citizen.recordreads;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import kr.civilportal.web.api.PortalService;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * 내 정보 열람 기록: who among the officials read the citizen's personal data, when and why, as each service logs
 * it (residency: the resident record and identity checks; passport: application photos). Each service's part
 * stands alone, so one service down hides only its own part.
 */
@Path("/my/record-reads")
@Authenticated
public class RecordReadsPage {

    @CheckedTemplate(basePath = "recordreads", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance recordReads(List<RecordReads> parts);
    }

    private final RecordReadsClient reads;
    private final ServiceCalls calls;
    private final PageContext ctx;

    RecordReadsPage(@RestClient RecordReadsClient reads, ServiceCalls calls, PageContext ctx) {
        this.reads = reads;
        this.calls = calls;
        this.ctx = ctx;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        RecordReadsMessages msg = ctx.messages(RecordReadsMessages.class);
        return Templates.recordReads(List.of(
                part(PortalService.RESIDENCY, reads::residencyReads, r -> new RecordReads.Entry(r.accessedAt(),
                        r.official(), msg.action(r.action()), r.reason(), null)),
                part(PortalService.PASSPORT, reads::photoReads, r -> new RecordReads.Entry(r.readAt(), r.official(),
                        msg.passport_photo(), r.reason(), "/my/petitions/passport/" + r.applicationId()))));
    }

    private <T> RecordReads part(PortalService service, Supplier<List<T>> read, Function<T, RecordReads.Entry> entry) {
        try {
            return new RecordReads(service, calls.call(read).stream().map(entry).toList(), false);
        } catch (ServiceRefusedException e) {
            // The service keeps no record of this caller (e.g. no resident id in the token): nothing was read.
            return new RecordReads(service, List.of(), false);
        } catch (ServiceUnavailableException e) {
            return new RecordReads(service, List.of(), true);
        }
    }
}
