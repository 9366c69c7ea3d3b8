package org.parley.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Declares in every service's OpenAPI document what access control adds to each operation, so that no
 * resource has to repeat it: the {@code 401} and {@code 403} problems of every secured operation (its roles
 * are in its security requirement, from {@code @RolesAllowed}). The optional {@value ChangeAuthor#REASON_HEADER}
 * is described with the security scheme rather than as a parameter of every write, which would add an
 * argument to every write method of the generated SDKs.
 * <p>
 * It runs at build time, like {@link ContractFilter}: its result depends on nothing known only at run time, and a
 * filter left to run at start keeps Quarkus building the whole document (parse, filter, JSON and YAML) before the
 * service can answer, which Quarkus otherwise defers to the first request once it no longer does it regardless
 * (docs/performance.md, "Session 5: start-up").
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AccessControlOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                    continue;
                }
                APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
                responses.addAPIResponse("401", problem("No access token, or one that is expired, not from the trusted issuer or for another audience"));
                responses.addAPIResponse("403", problem("The token has none of the roles this operation needs (its security requirement lists them)"));
                operation.setResponses(responses);
            }
        }
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(ContractFilter.problemContent());
    }
}
