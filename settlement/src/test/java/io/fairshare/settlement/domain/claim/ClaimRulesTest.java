package io.fairshare.settlement.domain.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.errors.FieldError;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.settlement.domain.payee.Payee;
import io.fairshare.settlement.domain.payee.PayeeKind;
import io.fairshare.settlement.domain.usage.LineStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimRulesTest {
    static final LineRef REF = new LineRef("2026-10/society/S1", "lines", 0);
    static final ClaimedLine LINE = new ClaimedLine(REF, "plat", "S1", "P1", "w1", "TEXT", UsageType.PRE_TRAINING, UnitKind.TOKENS,
            LineStatus.LICENSED, "t1", "t1");
    static final ClaimedLine MISSING = new ClaimedLine(null, "plat", null, null, "w9", null, UsageType.PRE_TRAINING, UnitKind.TOKENS,
            LineStatus.LICENSED, null, null);

    static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    @Test
    void onlyAnOpenClaimMovesAndEveryFinalStateRefusesEveryAction() {
        assertEquals(Optional.of(ClaimState.ACCEPTED), ClaimState.OPEN.after(ClaimAction.ACCEPT));
        assertEquals(Optional.of(ClaimState.REJECTED), ClaimState.OPEN.after(ClaimAction.REJECT));
        assertEquals(Optional.of(ClaimState.WITHDRAWN), ClaimState.OPEN.after(ClaimAction.WITHDRAW));
        for (ClaimState s : List.of(ClaimState.ACCEPTED, ClaimState.REJECTED, ClaimState.WITHDRAWN)) {
            assertTrue(s.isFinal());
            for (ClaimAction a : ClaimAction.values()) {
                assertEquals(Optional.empty(), s.after(a), s + " " + a);
            }
        }
        assertFalse(ClaimState.OPEN.isFinal());
    }

    @Test
    void theOperatorDecidesAndOnlyTheClaimantWithdraws() {
        assertTrue(ClaimRules.mayAct(ClaimAction.ACCEPT, true, false));
        assertTrue(ClaimRules.mayAct(ClaimAction.REJECT, true, false));
        assertFalse(ClaimRules.mayAct(ClaimAction.ACCEPT, false, true), "a claimant does not accept its own claim");
        assertFalse(ClaimRules.mayAct(ClaimAction.REJECT, false, true));
        assertTrue(ClaimRules.mayAct(ClaimAction.WITHDRAW, false, true));
        assertFalse(ClaimRules.mayAct(ClaimAction.WITHDRAW, true, false), "the operator does not withdraw another's claim");
    }

    @Test
    void whoMayRaiseOnWhichLine() {
        Claimant s1 = new Claimant(Claimant.Kind.SOCIETY, "S1");
        Claimant s2 = new Claimant(Claimant.Kind.SOCIETY, "S2");
        Claimant p1 = new Claimant(Claimant.Kind.PARTY, "P1");
        Claimant p2 = new Claimant(Claimant.Kind.PARTY, "P2");
        Claimant op = new Claimant(Claimant.Kind.OPERATOR, "ops");
        assertTrue(ClaimRules.mayRaiseOn(s1, "SOCIETY", "S1", LINE));
        assertFalse(ClaimRules.mayRaiseOn(s2, "SOCIETY", "S1", LINE));
        assertFalse(ClaimRules.mayRaiseOn(s1, "PLATFORM", "plat", LINE), "a society claims on its own statements' lines");
        assertTrue(ClaimRules.mayRaiseOn(p1, "SOCIETY", "S1", LINE), "a party on a line that names it, on its society's statement");
        assertFalse(ClaimRules.mayRaiseOn(p2, "SOCIETY", "S1", LINE));
        assertFalse(ClaimRules.mayRaiseOn(p1, "PLATFORM", "plat", LINE));
        assertTrue(ClaimRules.mayRaiseOn(op, "PLATFORM", "plat", LINE));
    }

    @Test
    void aClaimCarriesEvidenceAndEitherALineOrTheMissingUsage() {
        assertEquals(List.of(), ClaimRules.validate(ClaimType.WRONG_SHARE, "my share is 60%", REF, null));
        assertEquals(List.of(), ClaimRules.validate(ClaimType.MISSING_USAGE, "seen in the model card", null, MISSING));
        assertEquals(List.of("evidence:REQUIRED"), codes(ClaimRules.validate(ClaimType.OVER_CLAIM, "  ", REF, null)));
        assertEquals(List.of("evidence:TOO_LONG"), codes(ClaimRules.validate(ClaimType.OVER_CLAIM, "x".repeat(ClaimRules.MAX_EVIDENCE + 1), REF, null)));
        assertEquals(List.of(), ClaimRules.validate(ClaimType.OVER_CLAIM, "x".repeat(ClaimRules.MAX_EVIDENCE), REF, null));
        assertEquals(List.of("line:REQUIRED"), codes(ClaimRules.validate(ClaimType.WRONG_WORK, "e", null, null)));
        assertEquals(List.of("line.lineNumber:INVALID"), codes(ClaimRules.validate(ClaimType.WRONG_WORK, "e", new LineRef("s", "lines", -1), null)));
        assertEquals(List.of("missingUsage:NOT_ALLOWED"), codes(ClaimRules.validate(ClaimType.WRONG_WORK, "e", REF, MISSING)));
        assertEquals(List.of("line:NOT_ALLOWED"), codes(ClaimRules.validate(ClaimType.MISSING_USAGE, "e", REF, MISSING)));
        assertEquals(List.of("missingUsage:REQUIRED"), codes(ClaimRules.validate(ClaimType.MISSING_USAGE, "e", null, null)));
        assertEquals(List.of("type:REQUIRED", "evidence:REQUIRED"), codes(ClaimRules.validate(null, null, REF, null)));
    }

    @Test
    void aCorrectionIsOneNonZeroWholeAmountPerPayee() {
        Payee s1 = new Payee(PayeeKind.SOCIETY, "S1");
        Payee p1 = new Payee(PayeeKind.PARTY, "P1");
        assertEquals(List.of(), ClaimRules.validate(List.of(new Correction(s1, -300), new Correction(p1, 300))));
        assertEquals(List.of("corrections:COUNT"), codes(ClaimRules.validate(List.of())));
        assertEquals(List.of("corrections[0].amountMinor:INVALID"), codes(ClaimRules.validate(List.of(new Correction(s1, 0)))));
        assertEquals(List.of("corrections[0].amountMinor:INVALID"),
                codes(ClaimRules.validate(List.of(new Correction(s1, ClaimRules.MAX_AMOUNT_MINOR + 1)))));
        assertEquals(List.of("corrections[1].payee:REPEATED"), codes(ClaimRules.validate(List.of(new Correction(s1, 1), new Correction(s1, 2)))));
        assertEquals(List.of("corrections[0].payee:REQUIRED"),
                codes(ClaimRules.validate(List.of(new Correction(new Payee(PayeeKind.PARTY, " "), 5)))));
    }
}
