package org.parley.party;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.parley.party.model.ConflictRole;
import org.parley.party.model.Envoy;
import org.parley.party.model.EnvoyRole;
import org.parley.party.model.Party;
import org.parley.party.model.PartyKind;
import org.parley.party.repository.EnvoyRepository;
import org.parley.party.repository.NameSearch;
import org.parley.party.repository.PartyRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.party.Fixtures.uniqueSlug;

/** Real PostgreSQL through Panache: rows written and read back, the Flyway schema agreeing with the mapping. */
@QuarkusTest
class PersistenceTest {

    @Inject
    PartyRepository parties;

    @Inject
    EnvoyRepository envoys;

    @Inject
    TransactionManager transactions;

    @Test
    void aPartyAndItsEnvoyRoundTripThroughPanache() {
        UUID partyId = UUID.randomUUID();
        UUID envoyId = UUID.randomUUID();
        String slug = uniqueSlug("rt");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() -> {
            Party party = new Party();
            party.id = partyId;
            party.slug = slug;
            party.name = "Round Trip";
            party.kind = PartyKind.NON_STATE_ACTOR;
            party.conflictRole = ConflictRole.STAKEHOLDER;
            party.createdAt = now;
            party.updatedAt = now;
            parties.persist(party);

            Envoy envoy = new Envoy();
            envoy.id = envoyId;
            envoy.partyId = partyId;
            NameSearch.name(envoy, "Jean-Pierre Tröger", List.of("J.P. Troger"));
            envoy.role = EnvoyRole.SPOKESPERSON;
            envoy.mandateFrom = LocalDate.of(2025, 3, 1);
            envoy.createdAt = now;
            envoy.updatedAt = now;
            envoys.persist(envoy);
        });

        Party party = parties.findBySlug(slug).orElseThrow();
        assertEquals(partyId, party.id);
        assertEquals(PartyKind.NON_STATE_ACTOR, party.kind);
        assertEquals(ConflictRole.STAKEHOLDER, party.conflictRole);
        assertEquals(now, party.updatedAt);
        assertEquals(0, party.version);
        // Stored by constant name (@Enumerated STRING), as negotiation-service stores its vocabularies.
        assertEquals(List.of("NON_STATE_ACTOR", "STAKEHOLDER"), List.of(stored("select kind from party where id = ?1", partyId),
                stored("select conflict_role from party where id = ?1", partyId)));
        assertEquals("SPOKESPERSON", stored("select role from envoy where id = ?1", envoyId));

        Envoy envoy = envoys.findById(envoyId);
        assertEquals("Jean-Pierre Tröger", envoy.fullName);
        assertEquals(List.of("J.P. Troger"), envoy.aliases);
        assertEquals(List.of("jean pierre troger", "j p troger"), envoy.searchNames);
        assertEquals(EnvoyRole.SPOKESPERSON, envoy.role);
        assertTrue(envoy.activeOn(LocalDate.of(2026, 1, 1)));
        assertEquals(1, envoys.countByParty(partyId));
    }

    private String stored(String sql, UUID id) {
        return (String) parties.getEntityManager().createNativeQuery(sql).setParameter(1, id).getSingleResult();
    }

    @Test
    void theVersionColumnRefusesAWriteBasedOnAnOldRead() throws Exception {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Party party = new Party();
            party.id = id;
            party.slug = uniqueSlug("ver");
            party.name = "Versioned";
            party.kind = PartyKind.STATE;
            party.conflictRole = ConflictRole.OBSERVER;
            party.createdAt = Instant.now();
            party.updatedAt = party.createdAt;
            parties.persist(party);
        });

        transactions.begin();
        try {
            Party stale = parties.findById(id);
            Transaction first = transactions.suspend();
            QuarkusTransaction.requiringNew().run(() -> parties.findById(id).name = "Changed meanwhile");
            transactions.resume(first);
            stale.name = "Based on the old read";
            assertThrows(OptimisticLockException.class, parties::flush);
        } finally {
            transactions.rollback();
        }
        assertEquals("Changed meanwhile", parties.findById(id).name);
        assertEquals(1, parties.findById(id).version);
    }
}
