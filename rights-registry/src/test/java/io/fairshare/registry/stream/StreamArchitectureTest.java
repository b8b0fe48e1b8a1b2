package io.fairshare.registry.stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The stream helpers are plain Java like the domain: the messaging adapter uses them, not the other way round. */
class StreamArchitectureTest {
    @Test
    void streamHelpersDependOnNoFrameworkAndNoAdapter() {
        noClasses().that().resideInAPackage("..registry.stream..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "io.smallrye..",
                        "org.hibernate..", "org.apache.kafka..", "..registry.messaging..", "..registry.application..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.fairshare.registry"));
    }
}
