package kr.civilportal.residency.accesslog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kr.civilportal.common.audit.AuditSettings;
import kr.civilportal.common.audit.Auditors;
import kr.civilportal.common.audit.ReadLogSearchParams;
import kr.civilportal.common.audit.RecordReads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The auditor searches who read which resident's record (열람 기록 감사). Reading the log changes nothing. */
@Path("/api/residency/v1/audit/record-reads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Auditors' search of officials' reads of personal data (열람 기록 감사)")
public class AuditedReadsResource {

    private final AccessLog log;
    private final AuditSettings settings;

    AuditedReadsResource(AccessLog log, AuditSettings settings) {
        this.log = log;
        this.settings = settings;
    }

    @GET
    @RolesAllowed(Auditors.ROLE)
    @Operation(operationId = "searchRecordReads", summary = "Search officials' reads of resident records (열람 기록 감사)",
            description = "Every entry of the access log in the days searched (Korean calendar days, both included; "
                    + "the last 31 days by default, at most 366), by one official if named: which resident's record "
                    + "(by id), when, who, in which role, what they did and why. Newest first; `truncated` says "
                    + "there were more than listed (portal.audit.listed, 200).")
    public RecordReads search(@BeanParam ReadLogSearchParams search) {
        return log.search(search.read(settings));
    }
}
