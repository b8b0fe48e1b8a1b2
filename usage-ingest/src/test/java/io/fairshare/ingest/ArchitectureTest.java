package io.fairshare.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.fairshare.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    static final ServiceArchitecture ARCHITECTURE = ServiceArchitecture.of("io.fairshare.ingest");
    static final JavaClasses CLASSES = ARCHITECTURE.classes();

    /** The layering every service keeps: plain domain, no JSON in it, SQL only in persistence, thin adapters, inward arrows. */
    @Test
    void sharedServiceRules() {
        ARCHITECTURE.checkAll();
    }

    @Test
    void domainRulesUseNoFramework() {
        noClasses().that().resideInAPackage("..ingest.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "io.smallrye..", "org.hibernate..",
                        "com.fasterxml.jackson..", "org.eclipse.microprofile..", "io.micrometer..")
                .check(CLASSES);
    }

    @Test
    void entitiesStayInPersistence() {
        noClasses().that().resideInAnyPackage("..ingest.rest..", "..ingest.messaging..", "..ingest.domain..")
                .should().dependOnClassesThat().resideInAPackage("..ingest.persistence..")
                .check(CLASSES);
    }

    /** The validator works on typed input only: the edge (rest.UsageEventJson) is the one place that reads the parsed tree. */
    @Test
    void theValidatorNeverSeesTheGenericJsonTree() {
        noClasses().that().haveNameMatching("io\\.fairshare\\.ingest\\.domain\\.(UsageEventValidator|UsageEventInput|CloudEventInput|Sent)(\\$.*)?")
                .should().dependOnClassesThat().belongToAnyOf(java.util.Map.class, java.util.HashMap.class, java.util.LinkedHashMap.class)
                .check(CLASSES);
    }
}
