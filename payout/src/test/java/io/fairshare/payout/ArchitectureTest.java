package io.fairshare.payout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.fairshare.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The shared layering rules (plain domain, no SQL outside persistence, thin adapters, inward arrows), and
 * payout's own: the ledger, its rules and the pain.001 writer are plain Java, and the domain does not know the
 * payment file format.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fairshare.payout");

    @Test
    void followsTheSharedServiceRules() {
        ServiceArchitecture.of("io.fairshare.payout").checkAll();
    }

    @Test
    void domainAndPaymentFilesDependOnNoFramework() {
        noClasses().that().resideInAnyPackage("..payout.domain..", "..payout.iso20022..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "io.smallrye..", "org.hibernate..")
                .check(CLASSES);
    }

    @Test
    void theDomainDoesNotDependOnThePaymentFileFormat() {
        noClasses().that().resideInAPackage("..payout.domain..")
                .should().dependOnClassesThat().resideInAPackage("..payout.iso20022..")
                .check(CLASSES);
    }

    @Test
    void theDomainSubPackagesFormNoCycle() {
        slices().matching("io.fairshare.payout.domain.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theDomainRootSitsOnTopOfItsSubPackages() {
        // the root (PayoutBook, Handled, PayoutRecords) uses the concept packages, so none of
        // them may use the root; with the rule above, the whole domain is free of cycles
        noClasses().that().resideInAPackage("io.fairshare.payout.domain.(*)..")
                .should().dependOnClassesThat().resideInAPackage("io.fairshare.payout.domain")
                .check(CLASSES);
    }

    @Test
    void outcomeIsALeafOfTheDomain() {
        noClasses().that().resideInAPackage("io.fairshare.payout.domain.outcome..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.fairshare.payout.domain.outcome..", "java..")
                .check(CLASSES);
    }
}
