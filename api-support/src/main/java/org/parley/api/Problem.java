package org.parley.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem document: the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "An RFC 9457 problem document (media type application/problem+json).",
        requiredProperties = {"type", "title", "status"})
public record Problem(
        @Schema(description = "A URI that identifies the kind of problem", examples = "https://parley.example/problems/validation")
        String type,
        @Schema(description = "A short summary of the kind of problem", examples = "Invalid request")
        String title,
        @Schema(description = "The HTTP status code", examples = "400")
        int status,
        @Schema(description = "What went wrong with this request, for a person to read")
        String detail,
        @Schema(description = "The request path")
        String instance,
        @Schema(description = "One entry per invalid field, for validation problems")
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = ProblemType.BASE;

    /** One invalid field: where it is (a JSON path such as {@code body.mandateTo}) and what is wrong. */
    @Schema(name = "Violation")
    public record Violation(
            @Schema(required = true, description = "Where the invalid value is: a field path such as mandateTo or sources[0].url, or a parameter name")
            String field,
            @Schema(required = true, description = "What is wrong with it")
            String message) {
    }
}
