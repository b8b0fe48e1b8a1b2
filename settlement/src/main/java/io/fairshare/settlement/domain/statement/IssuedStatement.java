package io.fairshare.settlement.domain.statement;

import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.tariff.TariffApplication;
import java.math.RoundingMode;
import java.util.List;

/**
 * What every issued statement (a payee's or a platform's) has: its id, period, currency, the rounding
 * named in it, the tariff figures behind it, and its canonical form with that form's SHA-256, which
 * identifies it. Once issued it never changes. The canonical header every statement starts with is
 * written once, by {@link CanonicalForm}.
 */
public sealed interface IssuedStatement permits SocietyStatement, PlatformStatement {
    String statementId();

    Period period();

    CurrencyUnit currency();

    RoundingMode totalRounding();

    List<TariffApplication> tariffApplications();

    /** The statement's canonical UTF-8 JSON (see {@link CanonicalForm}). */
    byte[] canonicalForm();

    /** Lower-case hex SHA-256 of {@link #canonicalForm()}. */
    default String sha256() {
        return CanonicalForm.sha256Hex(canonicalForm());
    }
}
