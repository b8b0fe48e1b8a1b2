package io.fairshare.testsupport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each shared rule passes on a well-layered package and fails, naming the offender, on a badly layered one. */
class ServiceArchitectureTest {
    private static final ServiceArchitecture GOOD = ServiceArchitecture.includingTests("io.fairshare.testsupport.arch.good");
    private static final ServiceArchitecture BAD = ServiceArchitecture.includingTests("io.fairshare.testsupport.arch.bad");

    @Test
    void aWellLayeredServicePassesEveryRule() {
        assertDoesNotThrow(GOOD::checkAll);
    }

    @Test
    void theDomainMayNotUseJdbc() {
        failsNaming(ServiceArchitecture::domainUsesNoFramework, "java.sql.Connection");
    }

    @Test
    void theDomainMayNotSeeJson() {
        failsNaming(ServiceArchitecture::noJsonInDomain, "JsonNode");
    }

    @Test
    void sqlOutsidePersistenceIsRefused() {
        failsNaming(ServiceArchitecture::noSqlOutsidePersistence, "bad.application.Shares");
    }

    @Test
    void resourcesMayNotReachAStore() {
        failsNaming(ServiceArchitecture::adaptersDoNotUsePersistence, "bad.rest.SharesResource");
    }

    @Test
    void theDomainMayNotDependOnAnOuterLayer() {
        failsNaming(ServiceArchitecture::domainDependsOnNoOuterLayer, "bad.application.Shares");
    }

    @Test
    void theDomainsConceptsMayNotFormACircle() {
        failsNaming(ServiceArchitecture::domainConceptsFormNoCycle, "Cycle detected");
    }

    private static void failsNaming(Function<ServiceArchitecture, ArchRule> rule, String offender) {
        assertDoesNotThrow(() -> rule.apply(GOOD).check(GOOD.classes()));
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.apply(BAD).check(BAD.classes()));
        assertTrue(failure.getMessage().contains(offender), failure.getMessage());
    }
}
