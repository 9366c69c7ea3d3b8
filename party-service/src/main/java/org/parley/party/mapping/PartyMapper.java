package org.parley.party.mapping;

import org.parley.events.party.PartyData;
import org.parley.party.Party;
import org.parley.party.Vocabulary;
import org.parley.party.rest.PartyInput;
import org.parley.party.rest.PartyView;

import java.util.Objects;

/** Between the party entity and its API shapes. */
public final class PartyMapper {

    private PartyMapper() {
    }

    public static PartyView toView(Party party) {
        return new PartyView(party.id, party.slug, party.name, party.kind, party.isoCode, party.conflictRole,
                party.createdAt, party.updatedAt, party.version);
    }

    public static void apply(PartyInput input, Party party) {
        party.slug = input.slug();
        party.name = input.name().strip();
        party.kind = input.kind();
        party.isoCode = input.isoCode();
        party.conflictRole = input.conflictRole();
    }

    /** Whether applying the input would change nothing: such a PUT neither bumps the version nor emits an event. */
    public static boolean sameAs(PartyInput input, Party party) {
        return Objects.equals(input.slug(), party.slug)
                && Objects.equals(input.name().strip(), party.name)
                && input.kind() == party.kind
                && Objects.equals(input.isoCode(), party.isoCode)
                && input.conflictRole() == party.conflictRole;
    }

    /** The party as its events carry it: vocabulary terms in their wire form, as in the API. */
    public static PartyData toData(Party party) {
        return new PartyData(party.id, party.slug, party.name, Vocabulary.wireName(party.kind), party.isoCode,
                Vocabulary.wireName(party.conflictRole), party.updatedAt, party.version);
    }
}
