package kr.civilportal.citizen.recordreads;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The services' logs of officials' reads of the caller's personal data, under the dashboard's read time-out
 * ("petitions" client settings): one hung service costs the page seconds and shows its panel.
 */
@RegisterRestClient(configKey = "petitions")
@Path("/api")
public interface RecordReadsClient {

    /** 주민등록 열람 기록: an official's read of the resident record, or a service's identity check. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResidencyRead(OffsetDateTime accessedAt, String official, String role, ReadAction action, String reason) {
    }

    /** 여권 사진 열람 기록: a passport officer's read of the photo of one of the caller's applications. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PhotoRead(UUID applicationId, Instant readAt, String official, String reason) {
    }

    @GET
    @Path("/residency/v1/me/access-log")
    List<ResidencyRead> residencyReads();

    @GET
    @Path("/passport/v1/me/photo-reads")
    List<PhotoRead> photoReads();
}
