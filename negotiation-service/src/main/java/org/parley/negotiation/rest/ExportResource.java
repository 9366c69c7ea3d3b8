package org.parley.negotiation.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.api.ApiException;
import org.parley.api.OneOf;
import org.parley.api.QueryValues;
import org.parley.api.Roles;
import org.parley.negotiation.mapping.IncidentMapper;
import org.parley.negotiation.mapping.MeetingMapper;
import org.parley.negotiation.mapping.StatementMapper;
import org.parley.negotiation.mapping.PositionMapper;
import org.parley.negotiation.repository.IncidentFilter;
import org.parley.negotiation.repository.MeetingFilter;
import org.parley.negotiation.repository.PositionFilter;
import org.parley.negotiation.repository.StatementFilter;
import org.parley.negotiation.service.ExportService;


/**
 * Bulk export of what the lists serve, as NDJSON (one JSON object per line, the list's item schema) or CSV
 * (RFC 4180, a header row, one row per record), streamed in constant memory. Each export takes exactly the
 * filter parameters of its list ({@code @BeanParam}, the same class), but neither sort nor paging: it is
 * everything that matches, in a fixed order. See docs/api.md, "Bulk export".
 * <p>
 * No {@code @Produces}: the format is chosen here, after the role check, so that a request without a token is
 * a 401 whatever it accepts, and a 406 is a problem document like every other refusal.
 */
@Path("/api/v1/export")
@Tag(name = "Export", description = "Everything a list's filter matches, streamed as NDJSON or CSV, each row with its sources")
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
public class ExportResource {

    private static final String FORMAT = "ndjson or csv; overrides Accept when Accept allows both (as */* does). Without it, Accept decides; NDJSON when it allows either";
    private static final String NDJSON_ROWS = "One JSON object per line (UTF-8, each line ending in \\n)";
    private static final String CSV_ROWS = "RFC 4180 CSV (UTF-8, CRLF): a header row, then one row per record. One column per property of the row schema, in its order; "
            + "a nested object is spread over columns named parent.child; lists (sources, ids, damage) are a JSON array in one column; "
            + "an empty cell is null, \"\" an empty text";
    private static final String NOT_ACCEPTABLE = "Accept allows neither application/x-ndjson nor text/csv, or not the format asked for";

    private static final ExportColumns POSITION_COLUMNS = ExportColumns.of(PositionView.class);
    private static final ExportColumns CHANGE_COLUMNS = ExportColumns.of(PositionChangeRow.class);
    private static final ExportColumns MEETING_COLUMNS = ExportColumns.of(MeetingView.class);
    private static final ExportColumns STATEMENT_COLUMNS = ExportColumns.of(StatementView.class);
    private static final ExportColumns INCIDENT_COLUMNS = ExportColumns.of(IncidentView.class);

    @Inject
    ExportService export;

    @Inject
    ObjectMapper json;

    @Context
    HttpHeaders headers;

    @GET
    @Path("positions")
    @Operation(operationId = "exportPositions", summary = "Export current positions",
            description = "Every position the positions list's filters match, oldest change first (updatedAt, then id). Rows: Position.")
    @APIResponse(responseCode = "200", description = "The positions", content = {
            @Content(mediaType = ExportFormat.NDJSON_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary", description = NDJSON_ROWS,
                    contentMediaType = ExportFormat.NDJSON_TYPE, contentSchema = PositionView.class)),
            @Content(mediaType = ExportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary", description = CSV_ROWS, contentMediaType = ExportFormat.CSV_TYPE))})
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE)
    public Response positions(@Valid @BeanParam PositionListFilter filter,
                              @Parameter(description = FORMAT, schema = @Schema(implementation = ExportFormat.class)) @QueryParam("format") @OneOf(ExportFormat.class) String format) {
        PositionFilter positions = filter.filter();
        return body("positions", format, POSITION_COLUMNS, row -> export.positions(positions, p -> row.accept(PositionMapper.toView(p))));
    }

    @GET
    @Path("position-changes")
    @Operation(operationId = "exportPositionChanges", summary = "Export the history of positions",
            description = "Every change of the positions that the positions list's filters place (negotiation, party, proposal, clause, level); "
                    + "status and updated_since apply to each change (its status, and when it was recorded in Parley). In the order they were recorded (sequence). Rows: PositionChangeRow.")
    @APIResponse(responseCode = "200", description = "The changes", content = {
            @Content(mediaType = ExportFormat.NDJSON_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary", description = NDJSON_ROWS,
                    contentMediaType = ExportFormat.NDJSON_TYPE, contentSchema = PositionChangeRow.class)),
            @Content(mediaType = ExportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary", description = CSV_ROWS, contentMediaType = ExportFormat.CSV_TYPE))})
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE)
    public Response positionChanges(@Valid @BeanParam PositionListFilter filter,
                                    @Parameter(description = FORMAT, schema = @Schema(implementation = ExportFormat.class)) @QueryParam("format") @OneOf(ExportFormat.class) String format) {
        PositionFilter positions = filter.filter();
        return body("position-changes", format, CHANGE_COLUMNS, row -> export.positionChanges(positions, c -> row.accept(
                PositionMapper.toView(c.change(), c.negotiationId(), c.proposalId(), c.clauseId(), c.partyId()))));
    }

    @GET
    @Path("meetings")
    @Operation(operationId = "exportMeetings", summary = "Export meetings",
            description = "Every meeting the meetings list's filters match, by start (unknown starts last), then id. Rows: Meeting.")
    @APIResponse(responseCode = "200", description = "The meetings", content = {
            @Content(mediaType = ExportFormat.NDJSON_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary", description = NDJSON_ROWS,
                    contentMediaType = ExportFormat.NDJSON_TYPE, contentSchema = MeetingView.class)),
            @Content(mediaType = ExportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary", description = CSV_ROWS, contentMediaType = ExportFormat.CSV_TYPE))})
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE)
    public Response meetings(@Valid @BeanParam MeetingListFilter filter,
                             @Parameter(description = FORMAT, schema = @Schema(implementation = ExportFormat.class)) @QueryParam("format") @OneOf(ExportFormat.class) String format) {
        MeetingFilter meetings = filter.filter();
        return body("meetings", format, MEETING_COLUMNS, row -> export.meetings(meetings, m -> row.accept(MeetingMapper.toView(m))));
    }

    @GET
    @Path("statements")
    @Operation(operationId = "exportStatements", summary = "Export statements",
            description = "Every statement the statements list's filters match, in the list's default order (saidOn, undated last). Rows: Statement.")
    @APIResponse(responseCode = "200", description = "The statements", content = {
            @Content(mediaType = ExportFormat.NDJSON_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary", description = NDJSON_ROWS,
                    contentMediaType = ExportFormat.NDJSON_TYPE, contentSchema = StatementView.class)),
            @Content(mediaType = ExportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary", description = CSV_ROWS, contentMediaType = ExportFormat.CSV_TYPE))})
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE)
    public Response statements(@Valid @BeanParam StatementListFilter filter,
                               @Parameter(description = FORMAT, schema = @Schema(implementation = ExportFormat.class)) @QueryParam("format") @OneOf(ExportFormat.class) String format) {
        StatementFilter statements = filter.filter(null);
        return body("statements", format, STATEMENT_COLUMNS, row -> export.statements(statements, s -> row.accept(StatementMapper.toView(s))));
    }

    @GET
    @Path("incidents")
    @Operation(operationId = "exportIncidents", summary = "Export incidents",
            description = "Every incident the incidents list's filters match, in the list's default order (occurredOn, undated last). Rows: Incident.")
    @APIResponse(responseCode = "200", description = "The incidents", content = {
            @Content(mediaType = ExportFormat.NDJSON_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary", description = NDJSON_ROWS,
                    contentMediaType = ExportFormat.NDJSON_TYPE, contentSchema = IncidentView.class)),
            @Content(mediaType = ExportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary", description = CSV_ROWS, contentMediaType = ExportFormat.CSV_TYPE))})
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE)
    public Response incidents(@Valid @BeanParam IncidentListFilter filter,
                              @Parameter(description = FORMAT, schema = @Schema(implementation = ExportFormat.class)) @QueryParam("format") @OneOf(ExportFormat.class) String format) {
        IncidentFilter incidents = filter.filter(null);
        return body("incidents", format, INCIDENT_COLUMNS, row -> export.incidents(incidents, i -> row.accept(IncidentMapper.toView(i))));
    }

    /** Every parameter is read before the first byte is sent, so a bad one is still a clean 400. */
    private Response body(String name, String requestedFormat, ExportColumns columns, ExportBody.Rows rows) {
        ExportFormat format = format(requestedFormat);
        return Response.ok(new ExportBody(name, format, columns, json, rows), format.mediaType().withCharset("utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension() + "\"")
                .build();
    }

    /** ?format= when given (and Accept allows it), else the first of the two that Accept prefers; no Accept means either. */
    private ExportFormat format(String requested) {
        ExportFormat chosen = QueryValues.term(ExportFormat.class, requested);
        if (chosen != null) {
            if (headers.getAcceptableMediaTypes().stream().noneMatch(accepted -> accepted.isCompatible(chosen.mediaType()))) {
                throw new ApiException(406, "not-acceptable", "Not Acceptable",
                        "format=" + requested.strip() + " asks for " + chosen.mediaType() + ", which Accept does not allow");
            }
            return chosen;
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            for (ExportFormat candidate : ExportFormat.values()) {
                if (accepted.isCompatible(candidate.mediaType())) {
                    return candidate;
                }
            }
        }
        throw new ApiException(406, "not-acceptable", "Not Acceptable",
                "An export is application/x-ndjson or text/csv; Accept allows neither (" + headers.getRequestHeader(HttpHeaders.ACCEPT) + ")");
    }
}
