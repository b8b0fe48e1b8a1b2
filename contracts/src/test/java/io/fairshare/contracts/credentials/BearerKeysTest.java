package io.fairshare.contracts.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BearerKeysTest {
    @Test
    void aGeneratedTokenParsesBackToItsKeyAndMatchesOnlyItsOwnHash() {
        BearerKeys.NewKey k = BearerKeys.PLATFORM.generate();
        BearerKeys.Presented p = BearerKeys.PLATFORM.parse(k.token()).orElseThrow();
        assertEquals(k.keyId(), p.keyId());
        assertTrue(BearerKeys.matches(p.secret(), k.secretHash()));
        assertFalse(BearerKeys.matches(p.secret(), BearerKeys.PLATFORM.generate().secretHash()));
        assertEquals(32, k.secretHash().length);
        assertNotEquals(k.token(), BearerKeys.PLATFORM.generate().token());
        assertTrue(k.token().startsWith("fsk_"));
    }

    @Test
    void malformedTokensAreNotKeys() {
        String t = BearerKeys.PLATFORM.generate().token();
        assertTrue(BearerKeys.PLATFORM.parse(t.substring(1)).isEmpty());
        assertTrue(BearerKeys.PLATFORM.parse(t + "x").isEmpty());
        assertTrue(BearerKeys.PLATFORM.parse("fsk_ZZZZZZZZZZZZZZZZ_" + t.substring(21)).isEmpty());
        assertTrue(BearerKeys.PLATFORM.parse(null).isEmpty());
    }

    @Test
    void aKeyOfOneKindNeverPassesAsAnother() {
        String society = BearerKeys.SOCIETY.generate().token();
        assertTrue(society.startsWith("fsr_"));
        assertTrue(BearerKeys.PLATFORM.parse(society).isEmpty());
        assertTrue(BearerKeys.SOCIETY.parse(BearerKeys.PLATFORM.generate().token()).isEmpty());
    }

    @Test
    void partyAndAuditorKeysHaveTheirOwnPrefixesAndNeverPassAsEachOther() {
        String party = BearerKeys.PARTY.generate().token();
        String auditor = BearerKeys.AUDITOR.generate().token();
        assertTrue(party.startsWith("fsp_"));
        assertTrue(auditor.startsWith("fsa_"));
        assertTrue(BearerKeys.PARTY.parse(party).isPresent());
        assertTrue(BearerKeys.AUDITOR.parse(party).isEmpty());
        assertTrue(BearerKeys.PARTY.parse(auditor).isEmpty());
        assertTrue(BearerKeys.SOCIETY.parse(party).isEmpty());
    }
}
