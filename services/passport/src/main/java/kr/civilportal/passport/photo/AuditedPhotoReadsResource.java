package kr.civilportal.passport.photo;

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

/** The auditor searches who read which applicant's photo (열람 기록 감사). Reading the log changes nothing. */
@Path("/api/passport/v1/audit/record-reads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Auditors' search of officials' reads of personal data (열람 기록 감사)")
public class AuditedPhotoReadsResource {

    private final Photos photos;
    private final AuditSettings settings;

    AuditedPhotoReadsResource(Photos photos, AuditSettings settings) {
        this.photos = photos;
        this.settings = settings;
    }

    @GET
    @RolesAllowed(Auditors.ROLE)
    @Operation(operationId = "searchRecordReads", summary = "Search officers' reads of applicants' photos (열람 기록 감사)",
            description = "Every passport officer's read of an applicant's photo in the days searched (Korean "
                    + "calendar days, both included; the last 31 days by default, at most 366), by one officer if "
                    + "named: which application, when, who and why. Newest first; `truncated` says there were more "
                    + "than listed (portal.audit.listed, 200).")
    public RecordReads search(@BeanParam ReadLogSearchParams search) {
        return photos.search(search.read(settings));
    }
}
