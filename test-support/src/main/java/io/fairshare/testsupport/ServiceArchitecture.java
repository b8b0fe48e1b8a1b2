package io.fairshare.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every Fairshare service keeps, as ArchUnit rules over one service's base package
 * ({@code io.fairshare.settlement}, ...), so that the four services are held to the same words:
 * <ul>
 *   <li>{@link #domainUsesNoFramework}: {@code domain} is plain Java (no jakarta, Quarkus, SmallRye,
 *       Hibernate, MicroProfile, Kafka, JDBC);</li>
 *   <li>{@link #noJsonInDomain}: the domain never sees a JSON type; the edge translates once;</li>
 *   <li>{@link #noSqlOutsidePersistence}: JDBC, the driver and the pool are used only in
 *       {@code persistence} (and by the shared transaction helper it calls);</li>
 *   <li>{@link #adaptersDoNotUsePersistence}: REST resources and Kafka consumers delegate to
 *       {@code application}; they never reach a store or an entity;</li>
 *   <li>{@link #domainDependsOnNoOuterLayer}: arrows point inwards only;</li>
 *   <li>{@link #domainConceptsFormNoCycle}: the domain's concept packages form no circle.</li>
 * </ul>
 * Each service's {@code ArchitectureTest} checks all of them and adds its own.
 */
public final class ServiceArchitecture {
    private final String base;
    private final JavaClasses classes;

    private ServiceArchitecture(String base, JavaClasses classes) {
        this.base = base;
        this.classes = classes;
    }

    /** The main classes under {@code basePackage}. */
    public static ServiceArchitecture of(String basePackage) {
        return new ServiceArchitecture(basePackage, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage));
    }

    /** Test fixtures too: for the rules' own tests, which show each rule fails when it should. */
    static ServiceArchitecture includingTests(String basePackage) {
        return new ServiceArchitecture(basePackage, new ClassFileImporter().importPackages(basePackage));
    }

    public JavaClasses classes() {
        return classes;
    }

    private String layer(String name) {
        return base + "." + name + "..";
    }

    public ArchRule domainUsesNoFramework() {
        return noClasses().that().resideInAPackage(layer("domain"))
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax..", "io.quarkus..", "io.smallrye..",
                        "org.hibernate..", "org.eclipse.microprofile..", "io.micrometer..", "io.vertx..", "org.apache.kafka..",
                        "java.sql..", "org.postgresql..", "io.agroal..", "io.opentelemetry..")
                .because("the domain is plain Java, unit-tested alone");
    }

    public ArchRule noJsonInDomain() {
        return noClasses().that().resideInAPackage(layer("domain"))
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "jakarta.json..", "org.json..")
                .because("the edge (REST or Kafka) translates the wire format into domain types once");
    }

    public ArchRule noSqlOutsidePersistence() {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(layer("persistence"))
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..", "io.agroal..")
                .because("all SQL lives in persistence, behind the shared transaction helper");
    }

    public ArchRule adaptersDoNotUsePersistence() {
        return noClasses().that().resideInAnyPackage(layer("rest"), layer("messaging"))
                .should().dependOnClassesThat().resideInAPackage(layer("persistence"))
                .because("REST resources and consumers are thin: they translate and delegate to the application");
    }

    public ArchRule domainDependsOnNoOuterLayer() {
        return noClasses().that().resideInAPackage(layer("domain"))
                .should().dependOnClassesThat().resideInAnyPackage(layer("application"), layer("persistence"), layer("rest"),
                        layer("messaging"), layer("config"))
                .because("arrows point inwards: adapters and use cases depend on the domain, never the reverse");
    }

    /**
     * The concept packages of the domain ({@code domain.tariff}, {@code domain.ledger}, ...) form no
     * circle: a reader can learn them bottom-up, one at a time.
     */
    public ArchRule domainConceptsFormNoCycle() {
        return slices().matching(base + ".domain.(*)..").should().beFreeOfCycles().allowEmptyShould(true)
                .because("each concept of the domain builds only on concepts below it");
    }

    /** The shared rules, checked at once. */
    public void checkAll() {
        domainUsesNoFramework().check(classes);
        noJsonInDomain().check(classes);
        noSqlOutsidePersistence().check(classes);
        adaptersDoNotUsePersistence().check(classes);
        domainDependsOnNoOuterLayer().check(classes);
        domainConceptsFormNoCycle().check(classes);
    }
}
