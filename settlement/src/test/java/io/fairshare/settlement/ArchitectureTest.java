package io.fairshare.settlement;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.fairshare.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fairshare.settlement");

    /** The layering every Fairshare service keeps (no SQL outside persistence, thin adapters, plain domain...). */
    @Test
    void theSharedLayeringRules() {
        ServiceArchitecture.of("io.fairshare.settlement").checkAll();
    }

    /** period, tariff, usage, pricing, statement, canonical, payee, outcome, close: no circle among them. */
    @Test
    void theDomainConceptsFormNoCycle() {
        ServiceArchitecture rules = ServiceArchitecture.of("io.fairshare.settlement");
        rules.domainConceptsFormNoCycle().check(rules.classes());
    }

    @Test
    void domainAndExportsUseNoFramework() {
        noClasses().that().resideInAnyPackage("..settlement.domain..", "..settlement.export..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "io.smallrye..", "org.hibernate..",
                        "com.fasterxml.jackson..", "org.eclipse.microprofile..", "io.micrometer..")
                .check(CLASSES);
    }

    @Test
    void theDomainDoesNotDependOnItsExports() {
        noClasses().that().resideInAPackage("..settlement.domain..")
                .should().dependOnClassesThat().resideInAPackage("..settlement.export..")
                .check(CLASSES);
    }
}
