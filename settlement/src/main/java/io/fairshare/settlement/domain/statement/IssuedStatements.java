package io.fairshare.settlement.domain.statement;

import io.fairshare.settlement.domain.period.Period;

import java.util.List;

/**
 * All statements of one close: one per payee (society, or party paid directly) with anything to
 * report, and one per platform. They tie out: for every platform and payee, the platform's
 * {@code owed} amount equals the payee's {@code byPlatform} amount, and each platform's total is what
 * it owes plus its holdbacks.
 */
public record IssuedStatements(Period period, List<SocietyStatement> societyStatements, List<PlatformStatement> platformStatements) {
    public IssuedStatements {
        societyStatements = List.copyOf(societyStatements);
        platformStatements = List.copyOf(platformStatements);
    }
}
