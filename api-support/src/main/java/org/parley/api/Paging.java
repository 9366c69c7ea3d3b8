package org.parley.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging parameters of every list in both services (AIP-158): {@code page_token} from the previous page's
 * {@code nextPageToken}, {@code size}, and {@code include_total}; {@code page} stays for a UI that jumps to a
 * page by number. Taken as text and validated, so that {@code size=abc} or {@code size=500} is a 400 naming the
 * parameter rather than a 404 from a failed conversion. Fields are named as the query parameters are, because a
 * validation problem names the field and the client knows the parameter.
 */
public class Paging {

    /** Keeps page × size within an int offset. */
    static final int MAX_PAGE = 1_000_000;

    @QueryParam("page_token")
    @Parameter(description = "The nextPageToken of the previous page; leave it out for the first page. Opaque; valid only with the same "
            + "filters and sort (otherwise 400 invalid-page-token). The size may change between pages.")
    public String page_token;

    @QueryParam("size")
    @DefaultValue("50")
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number from 1 to 200")
    @Min(1)
    @Max(Page.MAX_SIZE)
    @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
    public String size;

    @QueryParam("page")
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number, 0 or more")
    @Max(value = MAX_PAGE)
    @Parameter(description = "Zero-based page number, for a UI that jumps to a page; not with page_token. Offsets shift while the list "
            + "changes: to copy a list, follow nextPageToken with sort=changes instead",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0"))
    public String page;

    @QueryParam("include_total")
    @DefaultValue("false")
    @Pattern(regexp = "true|false", message = "must be true or false")
    @Parameter(description = "Count the items that match across all pages (totalSize); off by default, since it costs a count on every page",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public String include_total;

    @Context
    UriInfo uri;

    /** The page asked for: where it starts (from the token or the page number), its size, and whether to count. */
    public PageRequest request() {
        int pageSize = Integer.parseInt(size);
        boolean total = Boolean.parseBoolean(include_total);
        String fingerprint = PageToken.fingerprint(uri.getPath(), uri.getQueryParameters());
        if (page_token != null && !page_token.isBlank()) {
            if (page != null) {
                throw ApiException.badRequest("Send either page or page_token, not both");
            }
            PageToken token = PageToken.decode(page_token, fingerprint);
            return new PageRequest(pageSize, token.offset(), token.after(), total, fingerprint);
        }
        long offset = page == null ? 0 : (long) Integer.parseInt(page) * pageSize;
        return new PageRequest(pageSize, offset, null, total, fingerprint);
    }
}
