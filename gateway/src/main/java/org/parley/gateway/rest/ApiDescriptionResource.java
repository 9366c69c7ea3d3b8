package org.parley.gateway.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.parley.api.ApiException;
import org.parley.gateway.service.ApiDescription;
import org.parley.gateway.service.OpenApiDocuments;

/** Serves the merged OpenAPI document; Swagger UI (/q/swagger-ui) reads it from here. */
@Path("/openapi")
@Tag(name = "API description")
public class ApiDescriptionResource {

    static final String YAML = "application/yaml";

    private final ApiDescription description;

    ApiDescriptionResource(ApiDescription description) {
        this.description = description;
    }

    @GET
    // JSON first: generated clients ask for the first type and can only read JSON.
    @Produces({MediaType.APPLICATION_JSON, YAML})
    @Operation(operationId = "getApiDescription", summary = "The OpenAPI document of the whole Parley API",
            description = "Merged from every service behind the gateway and the gateway's own operations. YAML by default; "
                    + "JSON with `format=json` or `Accept: application/json`. Generate clients from it.")
    @APIResponse(responseCode = "200", description = "The OpenAPI 3.1 document", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Unknown format")
    @APIResponse(responseCode = "503", description = "A service behind the gateway is down, so its part of the document cannot be read")
    public Response get(
            @Parameter(description = "`yaml` (the default) or `json`; overrides the Accept header",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"yaml", "json"}))
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean json;
        if (format == null || format.isBlank()) {
            json = headers.getAcceptableMediaTypes().stream().findFirst()
                    .map(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType())
                    .orElse(false);
        } else if (format.equalsIgnoreCase("json") || format.equalsIgnoreCase("yaml")) {
            json = format.equalsIgnoreCase("json");
        } else {
            throw ApiException.badRequest("format must be yaml or json, not '" + format + "'");
        }
        OpenAPI merged = description.merged();
        return json
                ? Response.ok(OpenApiDocuments.toJson(merged), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build()
                : Response.ok(OpenApiDocuments.toYaml(merged), MediaType.valueOf(YAML).withCharset("UTF-8")).build();
    }
}
