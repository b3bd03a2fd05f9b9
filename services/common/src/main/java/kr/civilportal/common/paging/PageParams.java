package kr.civilportal.common.paging;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import kr.civilportal.common.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging query parameters of every list endpoint ({@code @BeanParam PageParams paging}), documented once for
 * the OpenAPI documents; {@link #read} checks them ({@link PageRequest#parse}).
 */
public class PageParams {

    static final String PAGE = "page";
    static final String SIZE = "size";

    @QueryParam(PAGE)
    @Parameter(description = "0-based page number",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    String page;

    @QueryParam(SIZE)
    @Parameter(description = "Items per page, 1 to " + PageRequest.MAX_SIZE,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + PageRequest.MAX_SIZE,
                    defaultValue = "" + PageRequest.DEFAULT_SIZE))
    String size;

    public PageParams() {
    }

    public PageParams(String page, String size) {
        this.page = page;
        this.size = size;
    }

    /** The page asked for, or null after adding each bad parameter's field error to {@code errors}. */
    public PageRequest read(List<Problem.FieldError> errors) {
        return PageRequest.parse(page, size, errors);
    }
}
