package org.parley.party.mapping;

import org.parley.events.party.EnvoyData;
import org.parley.party.Envoy;
import org.parley.party.Vocabulary;
import org.parley.party.rest.EnvoyInput;
import org.parley.party.rest.EnvoyView;

import java.util.List;
import java.util.Objects;

/** Between the envoy entity and its API shapes. */
public final class EnvoyMapper {

    private EnvoyMapper() {
    }

    public static EnvoyView toView(Envoy envoy) {
        return new EnvoyView(envoy.id, envoy.partyId, envoy.fullName, List.copyOf(envoy.aliases), envoy.title, envoy.role,
                envoy.mandateFrom, envoy.mandateTo, envoy.mandateEndReason, envoy.createdAt, envoy.updatedAt, envoy.version);
    }

    public static void apply(EnvoyInput input, Envoy envoy) {
        envoy.name(input.fullName().strip(), aliases(input));
        envoy.title = blankToNull(input.title());
        envoy.partyId = input.partyId();
        envoy.role = input.role();
        envoy.mandateFrom = input.mandateFrom();
        if (!Objects.equals(envoy.mandateTo, input.mandateTo())) {
            // A reason given when the mandate was ended belongs to that end, not to a date set by hand afterwards.
            envoy.mandateEndReason = null;
        }
        envoy.mandateTo = input.mandateTo();
    }

    public static boolean sameAs(EnvoyInput input, Envoy envoy) {
        return Objects.equals(input.fullName().strip(), envoy.fullName)
                && Objects.equals(aliases(input), envoy.aliases)
                && Objects.equals(blankToNull(input.title()), envoy.title)
                && Objects.equals(input.partyId(), envoy.partyId)
                && input.role() == envoy.role
                && Objects.equals(input.mandateFrom(), envoy.mandateFrom)
                && Objects.equals(input.mandateTo(), envoy.mandateTo);
    }

    /** Aliases are kept stripped and without repeats, in the order given. */
    private static List<String> aliases(EnvoyInput input) {
        return input.aliasesOrEmpty().stream().map(String::strip).distinct().toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The envoy as its events carry them: vocabulary terms in their wire form, as in the API. */
    public static EnvoyData toData(Envoy envoy) {
        return new EnvoyData(envoy.id, envoy.partyId, envoy.fullName, List.copyOf(envoy.aliases), envoy.title,
                Vocabulary.wireName(envoy.role), envoy.mandateFrom, envoy.mandateTo, envoy.updatedAt, envoy.version);
    }
}
