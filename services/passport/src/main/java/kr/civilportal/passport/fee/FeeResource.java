package kr.civilportal.passport.fee;

import static kr.civilportal.passport.application.ApplicationResource.CITIZEN;
import static kr.civilportal.passport.application.ApplicationResource.OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.passport.application.ApplicationKind;
import kr.civilportal.passport.application.Validity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The fee an application would cost if submitted today (Korea), so the web form can show it before the
 * citizen submits. The same table as the application's own fee.
 */
@Path("/api/passport/v1/fees")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fees", description = "Passport fees (여권 수수료)")
public class FeeResource {

    @GET
    @RolesAllowed({CITIZEN, OFFICER})
    @Operation(operationId = "quotePassportFee", summary = "The fee for a passport applied for today (여권 수수료 조회)",
            description = "By kind (new or reissue), validity and pages (26 or 58), from the fee schedule in force "
                    + "today (Korean date).")
    public Fee quote(@QueryParam("kind") String kind, @QueryParam("validity") String validity,
                     @QueryParam("pages") Integer pages) {
        ApplicationKind k = parse(ApplicationKind.class, "kind", kind);
        Validity v = parse(Validity.class, "validity", validity);
        if (pages == null || (pages != 26 && pages != 58)) {
            throw ProblemException.invalidField("pages", "must be 26 or 58", "26면 또는 58면이어야 합니다");
        }
        return FeeSchedule.feeOf(k, v, pages, LocalDate.now(KoreanTime.ZONE));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "is not one of the allowed values", "허용되지 않는 값입니다");
        }
    }
}
