package org.parley.negotiation.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.api.Page;
import org.parley.api.Pager;
import org.parley.api.Paging;
import org.parley.api.Roles;
import org.parley.negotiation.mapping.AuditMapper;
import org.parley.negotiation.service.AuditTrail;

/**
 * The audit trail of the whole of Parley: party-service's changes arrive here with their events, so one
 * list answers who changed what, when and why.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, when and why: every write, with the subject of its access token and its X-Change-Reason")
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
public class AuditResource {

    @Inject
    AuditTrail audit;

    @GET
    @Operation(operationId = "listAuditEntries", summary = "List changes, newest first, by entity, subject and time",
            description = "Every write to Parley, in either service, with who made it (the subject of its access token), when, and why "
                    + "(X-Change-Reason). party-service's changes appear once negotiation-service has received their events, usually within a second.")
    @APIResponse(responseCode = "200", description = "One page of audit entries")
    public Page<AuditEntryView> list(
            @Valid @BeanParam AuditListFilter filter,
            @Parameter(description = "-occurredAt (newest first, the default) or occurredAt" + Pager.OR_CHANGES)
            @Pattern(regexp = "-?(occurredAt)|changes", message = "must be occurredAt, with a leading - for descending order, or changes") @QueryParam("sort") @DefaultValue("-occurredAt") String sort,
            @Valid @BeanParam Paging paging) {
        return audit.list(filter.filter(), sort, paging.request()).map(AuditMapper::toView);
    }
}
