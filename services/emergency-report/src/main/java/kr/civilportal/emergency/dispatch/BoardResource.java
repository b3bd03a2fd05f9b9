package kr.civilportal.emergency.dispatch;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import java.util.List;
import java.util.Map;
import kr.civilportal.emergency.EmergencyReportSettings;
import kr.civilportal.emergency.phone.CallbackNumberRead;
import kr.civilportal.emergency.phone.CallbackNumberReads;
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
    @Inject
    CallbackNumberReads numberReads;
    @Inject
    SecurityIdentity identity;

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "watchDispatchBoard", summary = "The live board (상황판): server-sent events",
            description = "Event 'ready' once subscribed; 'new' with each report received and 'updated' with each "
                    + "step taken, carrying the report as a dispatcher sees it; 'heartbeat' now and then so proxies "
                    + "keep the stream open. Reports received before subscribing: GET /reports.")
    public Multi<OutboundSseEvent> board(@Context Sse sse) {
        String dispatcher = identity.getPrincipal().getName();
        // Each report pushed carries its call-back number: logged for this dispatcher before it is sent, off the
        // listener's thread (a write per board), in order. A failed write ends the stream; the board reconnects
        // and re-reads, so no number leaves without its entry and no event is lost.
        Multi<OutboundSseEvent> changes = board.events().emitOn(Infrastructure.getDefaultWorkerPool()).map(e -> {
            numberReads.record(ReportResource.withNumbers(List.of(e.report())), dispatcher,
                    CallbackNumberRead.Action.LIVE_BOARD, "실시간 상황판 수신");
            return sse.newEventBuilder().name(e.name()).id(e.report().reportId().toString())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(ReportView.class, e.report()).build();
        });
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
