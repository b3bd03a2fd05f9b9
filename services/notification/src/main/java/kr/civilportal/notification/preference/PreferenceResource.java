package kr.civilportal.notification.preference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kr.civilportal.notification.Callers;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A citizen's notification choices: language, and e-mail (the address encrypted at rest). */
@Path("/api/notification/v1/me/preferences")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
@Tag(name = "Preferences", description = "How a citizen is told: language and e-mail (알림 설정)")
public class PreferenceResource {

    @Inject
    Preferences preferences;
    @Inject
    JsonWebToken token;

    @GET
    @Operation(operationId = "getMyNotificationPreferences", summary = "My notification choices",
            description = "Korean and inbox only until the citizen chooses otherwise.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PreferenceView.class)))
    public PreferenceView get() {
        return preferences.of(Callers.residentId(token));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "English, by e-mail too",
                    value = "{\"language\":\"en\",\"email\":\"citizen@example.org\",\"emailEnabled\":true}")}))
    @Operation(operationId = "setMyNotificationPreferences", summary = "Set my notification choices",
            description = "Replaces them. Without an e-mail address only the inbox is used (emailEnabled is then off).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PreferenceView.class)))
    public PreferenceView put(@Valid @NotNull PreferenceRequest request) {
        return preferences.replace(Callers.residentId(token), request);
    }
}
