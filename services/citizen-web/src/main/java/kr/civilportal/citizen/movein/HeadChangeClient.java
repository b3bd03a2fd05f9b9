package kr.civilportal.citizen.movein;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Residency's 세대주 변경 (docs/head-change.md): the head files it naming a member as new head with every other
 * member's relation to them; the named member consents or refuses; the filer may withdraw while it waits.
 */
@RegisterRestClient(configKey = "residency")
@Path("/api/residency/v1/household/head-changes")
public interface HeadChangeClient {

    /** What is filed: the new head and each other member's relation to them, by the ids of the citizen's record. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Filing(UUID newHead, List<RelationToNewHead> relations) {
    }

    record RelationToNewHead(UUID residentId, Relation relationToHead) {
    }

    @GET
    List<HeadChange> mine();

    @POST
    Response file(@HeaderParam("Idempotency-Key") String idempotencyKey, Filing filing);

    @POST
    @Path("/{id}/consent")
    Response consent(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id);

    @POST
    @Path("/{id}/refusal")
    Response refuse(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id);

    @DELETE
    @Path("/{id}")
    Response withdraw(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id);
}
