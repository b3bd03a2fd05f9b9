package kr.civilportal.residency.accesslog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import kr.civilportal.residency.resident.Callers;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A resident sees who read their record. There is deliberately no endpoint that changes or deletes an entry. */
@Path("/api/residency/v1/me/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access log", description = "Officials' reads of the caller's record (열람 기록)")
public class MyAccessLogResource {

    @Inject
    JsonWebToken token;

    @Inject
    AccessLog log;

    @GET
    @RolesAllowed("citizen")
    @Operation(operationId = "listMyRecordReads", summary = "Who read my record (내 정보 열람 기록)",
            description = "Every read of the caller's resident record by an official: when, who, in which role, and the reason they gave. Newest first.")
    public List<AccessLog.AccessView> mine() {
        return log.of(Callers.residentId(token));
    }
}
