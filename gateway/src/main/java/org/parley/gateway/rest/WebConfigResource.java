package org.parley.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.parley.gateway.config.WebAuthConfig;

/**
 * What the web client at {@code /} needs to know before its first API call: how to sign in. Not part of
 * the API (hidden from the OpenAPI document): it describes this deployment, not Parley's resources.
 */
@Path("/web/config.json")
public class WebConfigResource {

    private static final CacheControl NO_STORE = new CacheControl();

    static {
        NO_STORE.setNoStore(true);
    }

    /** Built once: the configuration does not change while the gateway runs. */
    private final WebConfig body;

    WebConfigResource(WebAuthConfig auth) {
        WebAuthConfig.Mode mode = auth.mode();
        this.body = new WebConfig(new Auth(mode.name(),
                mode == WebAuthConfig.Mode.dev ? auth.devTokenUrl().orElse(null) : null,
                mode == WebAuthConfig.Mode.oidc ? auth.issuer().orElse(null) : null,
                mode == WebAuthConfig.Mode.oidc ? auth.clientId().orElse(null) : null,
                auth.rolesClaim()));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebConfig(Auth auth) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Auth(String mode, String devTokenUrl, String issuer, String clientId, String rolesClaim) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response get() {
        return Response.ok(body).cacheControl(NO_STORE).build();
    }
}
