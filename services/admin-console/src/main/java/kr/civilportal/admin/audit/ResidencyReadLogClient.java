package kr.civilportal.admin.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import kr.civilportal.common.audit.RecordReads;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Residency's access log as the auditor searches it: reads of resident records. */
@RegisterRestClient(configKey = "residency")
@Path("/api/residency/v1/audit/record-reads")
public interface ResidencyReadLogClient {

    @GET
    RecordReads search(@QueryParam("official") String official, @QueryParam("recordId") String recordId,
            @QueryParam("from") String from, @QueryParam("to") String to);
}
