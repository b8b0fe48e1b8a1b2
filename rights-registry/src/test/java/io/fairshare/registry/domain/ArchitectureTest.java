package io.fairshare.registry.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.fairshare.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The domain and the importers are plain Java: no framework may leak into them; adapters go through the application. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fairshare.registry");

    /** The project-wide layering rules: no SQL outside persistence, no JSON in the domain, thin adapters, inward arrows. */
    @Test
    void theSharedServiceRulesHold() {
        ServiceArchitecture.of("io.fairshare.registry").checkAll();
    }

    /** party, scope <- shares, licence, optout <- catalogue <- resolution: each concept builds only on those below it. */
    @Test
    void theDomainConceptsFormNoCycle() {
        ServiceArchitecture architecture = ServiceArchitecture.of("io.fairshare.registry");
        architecture.domainConceptsFormNoCycle().check(architecture.classes());
    }

    @Test
    void domainAndImportersDependOnNoFramework() {
        noClasses().that().resideInAnyPackage("..registry.domain..", "..registry.importing..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "io.smallrye..",
                        "org.hibernate..")
                .check(CLASSES);
    }

    @Test
    void theAdaptersDoNotUsePersistenceClasses() {
        noClasses().that().resideInAnyPackage("..registry.rest..", "..registry.messaging..")
                .should().dependOnClassesThat().resideInAPackage("..registry.persistence..")
                .check(CLASSES);
    }

    @Test
    void theDomainDoesNotDependOnTheImporters() {
        noClasses().that().resideInAPackage("..registry.domain..")
                .should().dependOnClassesThat().resideInAPackage("..registry.importing..")
                .check(CLASSES);
    }
}
