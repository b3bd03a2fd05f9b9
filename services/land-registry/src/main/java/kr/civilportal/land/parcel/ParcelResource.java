package kr.civilportal.land.parcel;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import kr.civilportal.common.paging.PageParams;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.land.LandRegistrySettings;
import kr.civilportal.land.owner.OwnerChangeRequest;
import kr.civilportal.land.owner.OwnerHistory;
import kr.civilportal.land.owner.OwnerNameRead;
import kr.civilportal.land.owner.OwnerNameReads;
import kr.civilportal.land.owner.OwnerView;
import kr.civilportal.land.pnu.InvalidPnuException;
import kr.civilportal.land.pnu.Pnu;
import kr.civilportal.land.search.ParcelPage;
import kr.civilportal.land.search.ParcelSearch;
import kr.civilportal.land.search.SearchQuery;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * Parcels of the land register: look-up by PNU, search, and owner changes. Land register entries are public
 * records (anyone may have an extract), so any signed-in user reads them, with owner names masked for all
 * but land officers, who alone record changes of owner.
 */
@Path("/api/land/v1/parcels")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Parcels", description = "Parcels, their prices and owner history; owner changes by land officers (토지대장)")
public class ParcelResource {

    /** The name of the path parameter, and of the field a validation problem points at. */
    static final String PNU = "pnu";
    static final String LAND_OFFICER = OwnerNameReads.LAND_OFFICER;
    /** What a look-up is, in the read log (수행업무). */
    static final String LOOK_UP = "토지대장 조회";

    @Inject
    ParcelRegister register;

    @Inject
    ParcelSearch search;

    @Inject
    OwnerHistory owners;

    @Inject
    OwnerNameReads ownerReads;

    @Inject
    IdempotentWrites writes;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    LandRegistrySettings settings;

    @GET
    @Path("{pnu}")
    @Operation(operationId = "getParcel", summary = "A parcel by its PNU (토지대장 조회)",
            description = "Address, land category, area, official land prices and owner history of one parcel. "
                    + "Owner names are masked except for land officers. Answers carry an ETag: send it back in "
                    + "If-None-Match to get 304 Not Modified while the parcel is unchanged.")
    @APIResponse(responseCode = "200", description = "The parcel",
            headers = {@Header(name = "ETag"), @Header(name = "Cache-Control")},
            content = @Content(schema = @Schema(implementation = ParcelView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "Not a PNU: a field error on `pnu`",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such parcel on the register",
            content = @Content(mediaType = "application/problem+json"))
    public Response parcel(
            @Parameter(description = "Parcel number (필지고유번호): 19 digits",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{10}[12][0-9]{8}$"),
                    example = "1111010100100010000")
            @PathParam(PNU) String pnu,
            @Context Request request) {
        boolean officer = identity.hasRole(LAND_OFFICER);
        CachedParcel.Representation shown = register.parcel(pnuOf(pnu).value()).forCaller(officer);
        EntityTag tag = new EntityTag(shown.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (officer && notModified == null && !shown.view().ownerHistory().isEmpty()) {
            // The names leave in this answer: logged first, so a failed write answers an error, not the names.
            ownerReads.record(shown.view().pnu(), OwnerNameRead.Action.READ_OWNERS, LOOK_UP);
        }
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(shown.view());
        // Officers and others get different bodies for the same URL: shared caches must key on the token.
        return answer.tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, settings.parcel().cacheControl())
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .build();
    }

    @GET
    @Operation(operationId = "searchParcels", summary = "Search parcels (토지 검색)",
            description = "By PNU, by legal-dong code with an optional lot number, or by address text (legal-dong "
                    + "name words, optionally ending with a lot number). Exactly one of pnu, legalDongCode and "
                    + "address, optionally narrowed by landCategory. Results in register order (by PNU), a page at a time.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ParcelPage.class)))
    @APIResponse(responseCode = "400", description = "Bad parameters: field errors",
            content = @Content(mediaType = "application/problem+json"))
    public ParcelPage search(
            @QueryParam("pnu") @Parameter(description = "Parcel number (필지고유번호)", example = "1111010100100010000")
            String pnu,
            @QueryParam("legalDongCode") @Parameter(description = "Legal-dong code (법정동코드), 10 digits", example = "1111010100")
            String legalDongCode,
            @QueryParam("lot") @Parameter(description = "Lot number (지번) within legalDongCode: 12-3, 산 12-3, or 12 for 12 and its sub lots", example = "1")
            String lot,
            @QueryParam("address") @Parameter(description = "Address text (주소), e.g. 종로구 청운동 1", example = "청운동 1")
            String address,
            @QueryParam("landCategory") @Parameter(description = "Only parcels of this land category (지목 코드, 01 전 .. 28 잡종지), with any criterion", example = "08")
            String landCategory,
            @BeanParam PageParams paging) {
        return search.search(SearchQuery.parse(pnu, legalDongCode, lot, address, landCategory, paging));
    }

    @POST
    @Path("{pnu}/owners")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(LAND_OFFICER)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "sale of half", value = "{\"ownerName\":\"홍길동\",\"share\":\"1/2\",\"changedOn\":\"2025-03-15\",\"cause\":\"SALE\"}")}))
    @Operation(operationId = "recordOwnerChange", summary = "Record a change of owner (소유권 변동 등록, 토지 담당 공무원)",
            description = "Appends an entry to the parcel's owner history; earlier entries are never changed. "
                    + "Every replica's cached copy of the parcel is dropped at once. With an Idempotency-Key a "
                    + "retry gets the first answer and appends nothing.")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    @APIResponse(responseCode = "201", description = "Recorded; Location is the parcel",
            content = @Content(schema = @Schema(implementation = OwnerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input: nothing was recorded",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Not a land officer",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such parcel",
            content = @Content(mediaType = "application/problem+json"))
    public Response recordOwnerChange(
            @PathParam(PNU) @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{10}[12][0-9]{8}$"))
            String pnu,
            @Valid @NotNull(message = "is required (변동 내용이 없습니다)") OwnerChangeRequest change,
            @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        Pnu parsed = pnuOf(pnu);
        KeyedRequest keyed = writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey,
                HttpMethod.POST, uri.getPath(), change);
        return owners.record(parsed, change, token.getSubject(), keyed,
                uri.getBaseUriBuilder().path("/api/land/v1/parcels").path(parsed.value()).build()).toResponse();
    }

    /** Parses the path parameter, turning a broken rule into a field error the client can show next to it. */
    static Pnu pnuOf(String text) {
        try {
            return Pnu.parse(text);
        } catch (InvalidPnuException e) {
            throw ProblemException.invalidField(PNU, e.getMessage(), e.detailKo());
        }
    }
}
