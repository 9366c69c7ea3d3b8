package org.parley.party.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.api.Page;

/**
 * The page a list request asks for. Taken as text and validated, so that {@code size=abc} or
 * {@code size=500} is a 400 naming the parameter rather than a 404 from a failed conversion.
 */
public class Paging {

    /** Keeps page × size within an int offset. */
    static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number, 0 or more")
    @Max(value = MAX_PAGE)
    @Parameter(description = "Zero-based page number", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0"))
    public String page;

    @QueryParam("size")
    @DefaultValue("50")
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number from 1 to 200")
    @Min(1)
    @Max(Page.MAX_SIZE)
    @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
    public String size;

    public int page() {
        return Integer.parseInt(page);
    }

    public int size() {
        return Integer.parseInt(size);
    }
}
