package io.fairshare.payout.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.outcome.Rejection;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BankDetailsTest {
    @Test
    void realIbansPass() {
        assertTrue(BankDetails.isValidIban("DE89370400440532013000"));
        assertTrue(BankDetails.isValidIban("GB82WEST12345698765432"));
        assertEquals(Optional.empty(), BankDetails.withIban("News", "DE", "de89 3704 0044 0532 0130 00", "COBADEFFXXX").validate());
    }

    /** Each of these passes the mod-97 check: only the country's own rules catch them. */
    @Test
    void ibansThatOnlyTheCountrysRulesCatch() {
        assertFalse(BankDetails.isValidIban("DE5137040044053201300"), "a German IBAN one digit short");
        assertFalse(BankDetails.isValidIban("GB88WEST1234569876543"), "a British IBAN one digit short");
        assertFalse(BankDetails.isValidIban("KR371234567890123"), "Korea does not use IBANs");
        Optional<Rejection> r = BankDetails.withIban("News", "DE", "DE5137040044053201300", "COBADEFFXXX").validate();
        assertTrue(r.isPresent());
        assertEquals(ErrorCode.INVALID_BANK_DETAILS, r.get().code());
        assertTrue(r.get().message().startsWith("iban DE5137040044053201300 is not a valid IBAN (ISO 13616): "), r.get().message());
    }

    @Test
    void wrongCheckDigitsAndShapesFail() {
        assertFalse(BankDetails.isValidIban("DE89370400440532013001"));
        assertFalse(BankDetails.isValidIban("89370400440532013000"));
        assertFalse(BankDetails.isValidIban(null));
    }
}
