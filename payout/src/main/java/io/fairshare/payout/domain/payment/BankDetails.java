package io.fairshare.payout.domain.payment;

import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.outcome.Rejection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

/**
 * Where a payment goes (or, for the debtor, comes from): the account holder's name and country, the account
 * as an IBAN or a domestic account number, and the bank as a BIC or a domestic bank code (e.g. a Korean
 * bank's three-digit code). IBAN and BIC are normalised to upper case without spaces.
 */
public record BankDetails(String holderName, String country, String iban, String accountNumber, String bic, String bankCode) {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}");
    private static final Pattern BIC = Pattern.compile("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,34}");
    private static final Pattern BANK_CODE = Pattern.compile("[A-Za-z0-9]{1,35}");

    public BankDetails {
        iban = iban == null ? null : iban.replace(" ", "").toUpperCase(Locale.ROOT);
        bic = bic == null ? null : bic.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    public static BankDetails withIban(String holderName, String country, String iban, String bic) {
        return new BankDetails(holderName, country, iban, null, bic, null);
    }

    public static BankDetails withAccountNumber(String holderName, String country, String accountNumber, String bankCode) {
        return new BankDetails(holderName, country, null, accountNumber, null, bankCode);
    }

    public Optional<Rejection> validate() {
        if (holderName == null || holderName.isBlank()) {
            return invalid("holderName is required");
        }
        if (holderName.codePointCount(0, holderName.length()) > 140) {
            return invalid("holderName is longer than 140 characters");
        }
        if (holderName.codePoints().anyMatch(Character::isISOControl)) {
            return invalid("holderName contains control characters");
        }
        if (country == null || !COUNTRY.matcher(country).matches()) {
            return invalid("country must be an ISO 3166 alpha-2 code, got: " + country);
        }
        if ((iban == null) == (accountNumber == null)) {
            return invalid("give exactly one of iban and accountNumber");
        }
        Optional<String> ibanProblem = iban == null ? Optional.empty() : ibanProblem(iban);
        if (ibanProblem.isPresent()) {
            return invalid("iban " + iban + " is not a valid IBAN (ISO 13616): " + ibanProblem.get());
        }
        if (accountNumber != null && !ACCOUNT_NUMBER.matcher(accountNumber).matches()) {
            return invalid("accountNumber must be 1 to 34 letters, digits or hyphens");
        }
        if (bic == null && bankCode == null) {
            return invalid("give a bic or a bankCode for the bank");
        }
        if (bic != null && !BIC.matcher(bic).matches()) {
            return invalid("bic must be 8 or 11 characters (ISO 9362), got: " + bic);
        }
        if (bankCode != null && !BANK_CODE.matcher(bankCode).matches()) {
            return invalid("bankCode must be 1 to 35 letters or digits");
        }
        return Optional.empty();
    }

    /**
     * ISO 13616, by iban4j: the country uses IBANs, the length and BBAN structure are that country's, and
     * the check digits hold (mod 97). The format and check digits alone would let a German IBAN one digit
     * short through, which the bank then rejects days later.
     */
    public static boolean isValidIban(String iban) {
        return ibanProblem(iban).isEmpty();
    }

    private static Optional<String> ibanProblem(String iban) {
        if (iban == null || !IBAN.matcher(iban).matches()) {
            return Optional.of("not two letters, two check digits and up to 30 letters or digits");
        }
        try {
            IbanUtil.validate(iban);
            return Optional.empty();
        } catch (Iban4jException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Optional<Rejection> invalid(String message) {
        return Optional.of(Rejection.of(ErrorCode.INVALID_BANK_DETAILS, message));
    }
}
