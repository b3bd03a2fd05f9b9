package kr.civilportal.citizen.movein;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The citizen's own record at residency, read for the members of their household only: whom the move-in form offers
 * to move with them ({@code movers}, by the resident ids residency lists). Registration numbers are not read.
 */
@RegisterRestClient(configKey = "residency")
@Path("/api/residency/v1/me")
public interface MyHouseholdClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MyRecord(UUID residentId, Household household) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Household(List<Member> members) {
    }

    /** A member: relation to the head as residency names it (HEAD, SPOUSE, ...). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Member(UUID residentId, String name, String relationToHead) {
    }

    @GET
    MyRecord me();
}
