package io.fairshare.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiKeysTest {
    @Test
    void aGeneratedTokenParsesBackToItsKeyAndMatchesOnlyItsOwnHash() {
        ApiKeys.NewKey k = ApiKeys.generate();
        ApiKeys.Presented p = ApiKeys.parse(k.token()).orElseThrow();
        assertEquals(k.keyId(), p.keyId());
        assertTrue(ApiKeys.matches(p.secret(), k.secretHash()));
        assertFalse(ApiKeys.matches(p.secret(), ApiKeys.generate().secretHash()));
        assertEquals(32, k.secretHash().length);
        assertNotEquals(k.token(), ApiKeys.generate().token());
    }

    @Test
    void malformedTokensAreNotKeys() {
        String t = ApiKeys.generate().token();
        assertTrue(ApiKeys.parse(t.substring(1)).isEmpty());
        assertTrue(ApiKeys.parse(t + "x").isEmpty());
        assertTrue(ApiKeys.parse("fsk_ZZZZZZZZZZZZZZZZ_" + t.substring(21)).isEmpty());
        assertTrue(ApiKeys.parse(null).isEmpty());
    }
}
