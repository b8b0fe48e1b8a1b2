package io.fairshare.settlement.it;

import io.fairshare.service.security.ApiKeyDirectory;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.Roles;
import io.fairshare.service.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Auditors with a scope, for the tests (issued auditor credentials carry one; the configured test auditor has none):
 * one scoped to plat-a in {@link DisclosureTest#PERIOD}, one to plat-a in another period, one to another platform.
 */
@ApplicationScoped
public class ScopedAuditorKeys implements ApiKeyDirectory {
    static final String IN_SCOPE = "auditor-plat-a-2031-05-key";
    static final String OTHER_PERIOD = "auditor-plat-a-2031-06-key";
    static final String OTHER_PLATFORM = "auditor-plat-z-key";

    private static final Map<String, Caller> KEYS = Map.of(
            IN_SCOPE, new Caller("audit-in-scope", Roles.AUDITOR, "audit-in-scope", new Scope(Set.of("plat-a"), Set.of(DisclosureTest.PERIOD))),
            OTHER_PERIOD, new Caller("audit-other-period", Roles.AUDITOR, "audit-other-period", new Scope(Set.of("plat-a"), Set.of("2031-06"))),
            OTHER_PLATFORM, new Caller("audit-other-platform", Roles.AUDITOR, "audit-other-platform", new Scope(Set.of("plat-z"), Set.of(Scope.ALL))));

    @Override
    public Optional<Caller> find(String token) {
        return Optional.ofNullable(KEYS.get(token));
    }
}
