package org.parley.sdk;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.sdk.api.ApiDescriptionApi;


import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives Parley through the SDK generated from docs/openapi.yaml, against the running gateway only. */
@ExtendWith(RunningParley.class)
class ParleyScenarioTest {

    private static ApiClient client;

    @BeforeAll
    static void connect() {
        client = new ApiClient();
        client.updateBaseUri(RunningParley.gatewayUrl());
    }

    @Test
    void readsTheApiDescriptionThroughTheGateway() throws ApiException {
        String document = new ApiDescriptionApi(client).getApiDescription("yaml");
        assertTrue(document.contains("title: Parley API"), document);
    }
}
