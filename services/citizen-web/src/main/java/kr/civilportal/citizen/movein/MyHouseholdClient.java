package kr.civilportal.citizen.movein;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The citizen's own record at residency, read for their household: whom the move-in form offers to move with them
 * ({@code movers}, by the resident ids residency lists), and the household as /my/household shows it (address,
 * members with their relation to the head and their registration numbers, masked by residency: {@code
 * 900101-1******}). The citizen's own name and number on the record are not read.
 */
@RegisterRestClient(configKey = "residency")
@Path("/api/residency/v1/me")
public interface MyHouseholdClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MyRecord(UUID residentId, Household household) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Household(String address, List<Member> members) {
    }

    /**
     * A member: relation to the head as residency names it (HEAD, SPOUSE, ...); the registration number as residency
     * masks it, never logged (its {@code toString} leaves it out).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Member(UUID residentId, String name, String relationToHead, String residentRegistrationNumber) {

        @Override
        public String toString() {
            return "Member[residentId=" + residentId + ", relationToHead=" + relationToHead + "]";
        }
    }

    @GET
    MyRecord me();
}
