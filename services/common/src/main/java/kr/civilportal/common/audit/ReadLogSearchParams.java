package kr.civilportal.common.audit;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import kr.civilportal.common.time.KoreanTime;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of every service's read-log search ({@code @BeanParam ReadLogSearchParams search}),
 * documented once for the OpenAPI documents; {@link #read} checks them ({@link ReadLogSearch#parse}).
 */
public class ReadLogSearchParams {

    @QueryParam("official")
    @Parameter(description = "The official's user name, exactly; every official if absent")
    String official;

    @QueryParam("recordId")
    @Parameter(description = "The id of the record read, exactly as an entry's `recordId` shows it; every record if "
            + "absent. An id that is not of this service's kind finds no entries.")
    String recordId;

    @QueryParam("from")
    @Parameter(description = "First day searched (Korean calendar day), e.g. 2026-12-01; 31 days before `to` by default")
    String from;

    @QueryParam("to")
    @Parameter(description = "Last day searched (Korean calendar day), e.g. 2026-12-04; today by default")
    String to;

    /** The search asked for, counted from today in Korean time; a field error for each bad parameter. */
    public ReadLogSearch read(AuditSettings settings) {
        return ReadLogSearch.parse(official, recordId, from, to, LocalDate.now(KoreanTime.ZONE), settings);
    }
}
