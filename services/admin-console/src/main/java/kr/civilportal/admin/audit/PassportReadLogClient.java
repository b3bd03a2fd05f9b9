package kr.civilportal.admin.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import kr.civilportal.common.audit.RecordReads;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Passport's photo-read log as the auditor searches it: officers' reads of applicants' photos. */
@RegisterRestClient(configKey = "passport")
@Path("/api/passport/v1/audit/record-reads")
public interface PassportReadLogClient {

    @GET
    RecordReads search(@QueryParam("official") String official, @QueryParam("recordId") String recordId,
            @QueryParam("from") String from, @QueryParam("to") String to);
}
