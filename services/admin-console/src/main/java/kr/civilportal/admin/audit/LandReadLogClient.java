package kr.civilportal.admin.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import kr.civilportal.common.audit.RecordReads;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Land's owner-name read log as the auditor searches it: land officers' reads of owners' names. */
@RegisterRestClient(configKey = "land")
@Path("/api/land/v1/audit/record-reads")
public interface LandReadLogClient {

    @GET
    RecordReads search(@QueryParam("official") String official, @QueryParam("recordId") String recordId,
            @QueryParam("from") String from, @QueryParam("to") String to);
}
