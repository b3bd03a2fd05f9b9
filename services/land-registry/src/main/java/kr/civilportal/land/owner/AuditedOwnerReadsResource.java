package kr.civilportal.land.owner;

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

/** The auditor searches which land officer saw which parcel's owners (열람 기록 감사). Reading it changes nothing. */
@Path("/api/land/v1/audit/record-reads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Auditors' search of officials' reads of personal data (열람 기록 감사)")
public class AuditedOwnerReadsResource {

    private final OwnerNameReads reads;
    private final AuditSettings settings;

    AuditedOwnerReadsResource(OwnerNameReads reads, AuditSettings settings) {
        this.reads = reads;
        this.settings = settings;
    }

    @GET
    @RolesAllowed(Auditors.ROLE)
    @Operation(operationId = "searchRecordReads", summary = "Search land officers' reads of owners' names (열람 기록 감사)",
            description = "Every time a land officer was answered a parcel's owners in full (a look-up READ_OWNERS, "
                    + "an extract ISSUE_EXTRACT or DOWNLOAD_EXTRACT) in the days searched (Korean calendar days, "
                    + "both included; the last 31 days by default, at most 366), by one officer if named: which "
                    + "parcel (recordId: the PNU), when, who and doing what. Newest first; `truncated` says there "
                    + "were more than listed (portal.audit.listed, 200).")
    public RecordReads search(@BeanParam ReadLogSearchParams search) {
        return reads.search(search.read(settings));
    }
}
