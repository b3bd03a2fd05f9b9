package kr.civilportal.emergency.dispatch;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;
import java.util.Map;
import kr.civilportal.emergency.EmergencyReportSettings;
import kr.civilportal.emergency.report.ReportResource;
import kr.civilportal.emergency.report.ReportView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dispatchers' live board (상황판) as server-sent events. */
@Path("/api/emergency/v1/dispatch")
@RolesAllowed("dispatcher")
@Tag(name = "Dispatch", description = "The dispatchers' steps on a report and their live board (출동 지령, 상황판)")
public class BoardResource {

    @Inject
    DispatchBoard board;
    @Inject
    EmergencyReportSettings settings;

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "watchDispatchBoard", summary = "The live board (상황판): server-sent events",
            description = "Event 'ready' once subscribed; 'new' with each report received and 'updated' with each "
                    + "step taken, carrying the report as a dispatcher sees it; 'heartbeat' now and then so proxies "
                    + "keep the stream open. Reports received before subscribing: GET /reports.")
    public Multi<OutboundSseEvent> board(@Context Sse sse) {
        Multi<OutboundSseEvent> changes = board.events().map(e -> sse.newEventBuilder()
                .name(e.name()).id(e.report().reportId().toString())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(ReportView.class, e.report()).build());
        Multi<OutboundSseEvent> beats = Multi.createFrom().ticks().every(settings.dispatch().heartbeat())
                .map(t -> sse.newEventBuilder().name("heartbeat").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(Map.class, Map.of("at", Instant.now().toString())).build());
        Multi<OutboundSseEvent> ready = Multi.createFrom().item(() -> sse.newEventBuilder().name("ready")
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(Map.class, Map.of("reports", ReportResource.PATH))
                .build());
        // The board is subscribed first, so nothing committed after 'ready' can be missed.
        return Multi.createBy().merging().streams(changes, ready, beats);
    }

}
