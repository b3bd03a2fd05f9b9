package kr.civilportal.passport.holder;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import kr.civilportal.passport.application.ApplicationResource;
import kr.civilportal.passport.application.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 배정 대상: whom an application may be assigned to ({@code POST …/holder/assignment}), from the roster of the
 * officers who have used the service lately (직원 명부).
 */
@Path("/api/passport/v1/applications/{id}/assignees")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ApplicationResource.OFFICER)
@Tag(name = "Workflow")
public class AssigneesResource {

    private final CaseHolders holders;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    AssigneesResource(CaseHolders holders, JsonWebToken token, SecurityIdentity identity) {
        this.holders = holders;
        this.token = token;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listPassportAssignees", summary = "Whom the application may be assigned to (배정 대상)",
            description = "The passport officers who may act on it and have used the service in the last 30 days "
                    + "(portal.roster.active-within), by user name, the caller included: those of its receiving "
                    + "office, or every officer for an application from before offices. An officer appears once they "
                    + "have opened their list or counts. Another office's application: 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = Assignee.class)))
    @APIResponse(responseCode = "404", description = "No such application of the caller's offices")
    public List<Assignee> assignees(@PathParam("id") String id) {
        Caller officer = Caller.of(token, identity);
        holders.present(officer, identity.getPrincipal().getName());
        return holders.assignees(ApplicationResource.parseId(id), officer);
    }
}
