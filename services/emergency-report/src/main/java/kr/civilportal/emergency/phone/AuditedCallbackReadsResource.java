package kr.civilportal.emergency.phone;

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

/** The auditor searches which dispatcher saw which reporter's call-back number (열람 기록 감사). Changes nothing. */
@Path("/api/emergency/v1/audit/record-reads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Auditors' search of officials' reads of personal data (열람 기록 감사)")
public class AuditedCallbackReadsResource {

    private final CallbackNumberReads reads;
    private final AuditSettings settings;

    AuditedCallbackReadsResource(CallbackNumberReads reads, AuditSettings settings) {
        this.reads = reads;
        this.settings = settings;
    }

    @GET
    @RolesAllowed(Auditors.ROLE)
    @Operation(operationId = "searchRecordReads", summary = "Search dispatchers' reads of call-back numbers (열람 기록 감사)",
            description = "Every time a dispatcher was answered a reporter's call-back number in full (the report "
                    + "list LIST_REPORTS, one report READ_REPORT, a dispatch step's answer DISPATCH_STEP, the live "
                    + "board LIVE_BOARD) in the days searched (Korean calendar days, both included; the last 31 days "
                    + "by default, at most 366), by one dispatcher if named: which report (recordId), when, who and "
                    + "doing what. Newest first; `truncated` says there were more than listed (portal.audit.listed, "
                    + "200).")
    public RecordReads search(@BeanParam ReadLogSearchParams search) {
        return reads.search(search.read(settings));
    }
}
