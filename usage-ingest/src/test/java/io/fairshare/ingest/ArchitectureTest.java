package io.fairshare.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fairshare.ingest");

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
}
