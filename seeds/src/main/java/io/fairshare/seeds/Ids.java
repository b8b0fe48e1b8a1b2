package io.fairshare.seeds;

import io.fairshare.contracts.identifiers.IdResult;
import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.Identifiers;
import io.fairshare.contracts.identifiers.PartyIds;
import io.fairshare.contracts.identifiers.WorkId;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Makes identifiers with valid check digits (computed here from the published algorithms) and passes every one
 * through the contracts' validation ({@link Identifiers}, {@link PartyIds}), so that nothing invalid can leave the
 * generator: a wrong algorithm here fails at generation, not in a service.
 */
final class Ids {
    private Ids() {
    }

    /** ISBN-13 {@code 978-89-<7 digits>-<check>} (89: Korea); {@code prefix} 97889 for the catalogue, 97911 for unknown books. */
    static WorkId isbn(String prefix5, long serial) {
        String twelve = prefix5 + String.format("%07d", serial);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return valid(IdScheme.ISBN, twelve + (10 - sum % 10) % 10);
    }

    /** ISWC {@code T} + 9 digits + check (ISO 15707: 1 + sum(i * d_i), check = (10 - S mod 10) mod 10). */
    static WorkId iswc(long nineDigits) {
        String nine = String.format("%09d", nineDigits);
        int sum = 1;
        for (int i = 0; i < 9; i++) {
            sum += (i + 1) * (nine.charAt(i) - '0');
        }
        return valid(IdScheme.ISWC, "T" + nine + (10 - sum % 10) % 10);
    }

    /** ISRC {@code KR} + registrant {@code F}+2 letters/digits + year 26 + 5-digit designation (no check digit). */
    static WorkId isrc(long serial) {
        String registrant = "F" + (char) ('A' + (serial / 100_000) / 10 % 26) + (char) ('0' + (serial / 100_000) % 10);
        return valid(IdScheme.ISRC, "KR" + registrant + "26" + String.format("%05d", serial % 100_000));
    }

    /** ISAN root + episode (16 hex digits), without check characters. */
    static WorkId isan(long serial) {
        return valid(IdScheme.ISAN, String.format("0000%08X0000", serial + 0xA0000L));
    }

    static WorkId doi(String suffix) {
        return valid(IdScheme.DOI, "10.5555/" + suffix);
    }

    static WorkId url(String url) {
        return valid(IdScheme.URL, url);
    }

    /** SHA-256 of a text: a content hash the demo can reproduce. */
    static WorkId sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return valid(IdScheme.SHA256, HexFormat.of().formatHex(d));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** IPI name number: 9 digits + the mod-101 check number (weights 10..2, check = 0 or (101 - r) mod 100). */
    static String ipi(long nineDigits) {
        String nine = String.format("%09d", nineDigits);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 101;
        String ipi = nine + String.format("%02d", r == 0 ? 0 : (101 - r) % 100);
        PartyIds.PartyIdResult v = PartyIds.normalizeIpi(ipi);
        if (!v.isOk() || !v.value().equals(ipi)) {
            throw new IllegalStateException("generated an invalid IPI " + ipi + ": " + v.message());
        }
        return ipi;
    }

    /** ISNI: 15 digits + ISO/IEC 7064 MOD 11-2 check character. */
    static String isni(long fifteenDigits) {
        String fifteen = String.format("%015d", fifteenDigits);
        int p = 0;
        for (int i = 0; i < 15; i++) {
            p = ((p + (fifteen.charAt(i) - '0')) * 2) % 11;
        }
        int check = (12 - p) % 11;
        String isni = fifteen + (check == 10 ? "X" : String.valueOf(check));
        PartyIds.PartyIdResult v = PartyIds.normalizeIsni(isni);
        if (!v.isOk() || !v.value().equals(isni)) {
            throw new IllegalStateException("generated an invalid ISNI " + isni + ": " + v.message());
        }
        return isni;
    }

    /** An IBAN from its country and BBAN, with the ISO 13616 check digits (98 - (BBAN + country + 00) mod 97). */
    static String iban(String country, String bban) {
        String check = String.format("%02d", 98 - mod97(bban + country + "00"));
        String iban = country + check + bban;
        if (!ibanValid(iban)) {
            throw new IllegalStateException("generated an invalid IBAN " + iban);
        }
        return iban;
    }

    /** The ISO 13616 check: country and check digits moved to the end, letters as 10..35, mod 97 == 1. */
    static boolean ibanValid(String iban) {
        if (iban == null || !iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}")) {
            return false;
        }
        return mod97(iban.substring(4) + iban.substring(0, 4)) == 1;
    }

    private static int mod97(String s) {
        StringBuilder digits = new StringBuilder();
        for (char c : s.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    }

    private static WorkId valid(IdScheme scheme, String raw) {
        IdResult r = Identifiers.normalize(scheme, raw);
        if (!r.isOk()) {
            throw new IllegalStateException("generated an invalid " + scheme + " " + raw + ": " + r.message());
        }
        return r.id();
    }
}
