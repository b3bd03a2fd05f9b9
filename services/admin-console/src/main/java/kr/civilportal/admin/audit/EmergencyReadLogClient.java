package kr.civilportal.admin.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import kr.civilportal.common.audit.RecordReads;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The 119 service's read log as the auditor searches it: dispatchers' reads of reporters' call-back numbers. */
@RegisterRestClient(configKey = "emergency")
@Path("/api/emergency/v1/audit/record-reads")
public interface EmergencyReadLogClient {

    @GET
    RecordReads search(@QueryParam("official") String official, @QueryParam("recordId") String recordId,
            @QueryParam("from") String from, @QueryParam("to") String to);
}
