package io.fairshare.service.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.contracts.credentials.CredentialV1;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.Roles;
import io.fairshare.service.security.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialBookTest {
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    final CredentialBook book = new CredentialBook(Clock.fixed(NOW, ZoneOffset.UTC));

    static CredentialV1 party(BearerKeys.NewKey k, String partyId) {
        return new CredentialV1(k.keyId(), CredentialV1.PARTY, partyId, "s-kosa", "s-kosa", List.of(), List.of(),
                HexFormat.of().formatHex(k.secretHash()), NOW.minusSeconds(60), null, false, 1);
    }

    static CredentialV1 auditor(BearerKeys.NewKey k, Instant expiresAt) {
        return new CredentialV1(k.keyId(), CredentialV1.AUDITOR, "kcc-audit", "ops", null, List.of("openai"), List.of("2026-11"),
                HexFormat.of().formatHex(k.secretHash()), NOW.minusSeconds(60), expiresAt, false, 1);
    }

    @Test
    void aLearntPartyKeyIsItsPartyAndOnlyItsOwnSecretMatches() {
        BearerKeys.NewKey k = BearerKeys.PARTY.generate();
        assertTrue(book.learn(party(k, "ipi:1")));
        assertEquals(Optional.of(new Caller("ipi:1", Roles.PARTY, "ipi:1")), book.find(k.token()));
        assertEquals(Scope.NONE, book.find(k.token()).orElseThrow().scope());
        String otherSecret = k.token().substring(0, 21) + BearerKeys.PARTY.generate().token().substring(21);
        assertEquals(Optional.empty(), book.find(otherSecret));
        assertEquals(Optional.empty(), book.find(BearerKeys.PARTY.generate().token()), "an unknown key id");
        assertEquals(Optional.empty(), book.find("fsa_" + k.token().substring(4)), "a party key is not an auditor key");
        assertEquals(Optional.empty(), book.find(null));
    }

    @Test
    void anAuditorCarriesItsScopeAndExpires() {
        BearerKeys.NewKey k = BearerKeys.AUDITOR.generate();
        book.learn(auditor(k, NOW.plusSeconds(3600)));
        Caller c = book.find(k.token()).orElseThrow();
        assertEquals(Roles.AUDITOR, c.role());
        assertEquals("kcc-audit", c.name());
        assertTrue(c.scope().mayRead("openai", "2026-11"));
        assertFalse(c.scope().mayRead("openai", "2026-10"));
        assertFalse(c.scope().mayRead("anthropic", "2026-11"));

        BearerKeys.NewKey expired = BearerKeys.AUDITOR.generate();
        book.learn(auditor(expired, NOW));
        assertEquals(Optional.empty(), book.find(expired.token()), "expiresAt is exclusive");
    }

    @Test
    void theNewestRevisionWinsSoARevokedKeyNeverComesBack() {
        BearerKeys.NewKey k = BearerKeys.PARTY.generate();
        CredentialV1 issued = party(k, "ipi:1");
        book.learn(issued);
        assertTrue(book.learn(issued.revoke()));
        assertEquals(Optional.empty(), book.find(k.token()));
        assertFalse(book.learn(issued), "a replay of the older record changes nothing");
        assertEquals(Optional.empty(), book.find(k.token()));
        assertTrue(book.credential(k.keyId()).orElseThrow().revoked());
        book.forget(k.keyId());
        assertEquals(0, book.size());
    }

    @Test
    void anEmptyScopeReadsNothingAndOnlyAnExplicitStarReadsEverything() {
        assertFalse(Scope.NONE.mayRead("openai", "2026-11"));
        assertFalse(Scope.of(List.of("openai"), List.of()).mayRead("openai", "2026-11"));
        assertTrue(Scope.of(List.of("*"), List.of("*")).mayRead("anyone", "2030-01"));
        assertFalse(Scope.of(List.of("*"), List.of("2026-11")).mayRead("anyone", null));
        assertEquals(Scope.NONE, new Caller("op", Roles.OPERATOR, "op").scope(), "every existing caller has the empty scope");
    }
}
