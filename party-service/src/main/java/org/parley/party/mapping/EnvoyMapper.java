package org.parley.party.mapping;

import org.parley.party.model.Envoy;
import org.parley.party.rest.EnvoyInput;
import org.parley.party.rest.EnvoyView;
import org.parley.party.rest.MandateEndInput;
import org.parley.party.service.RecordEnvoy;
import org.parley.party.service.EndMandate;

import java.util.List;

/** Between the envoy's API records and the service's entity and commands. */
public final class EnvoyMapper {

    private EnvoyMapper() {
    }

    public static EnvoyView toView(Envoy envoy) {
        return new EnvoyView(envoy.id, envoy.partyId, envoy.fullName, List.copyOf(envoy.aliases), envoy.title, envoy.role,
                envoy.mandateFrom, envoy.mandateTo, envoy.mandateEndReason, envoy.createdAt, envoy.updatedAt, envoy.version);
    }

    public static RecordEnvoy toCommand(EnvoyInput input) {
        return new RecordEnvoy(input.fullName(), input.aliases(), input.title(), input.partyId(), input.role(),
                input.mandateFrom(), input.mandateTo());
    }

    public static EndMandate toCommand(MandateEndInput input) {
        return new EndMandate(input.endedOn(), input.reason());
    }
}
