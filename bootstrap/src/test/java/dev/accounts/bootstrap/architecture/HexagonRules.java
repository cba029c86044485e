package dev.accounts.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The dependency rules of the hexagon, written against package patterns under a root package, so that they
 * cover any new adapter module without edits, and can be run against a fixture with planted violations.
 * Layout: {@code root.domain}, {@code root.application.port.in|out}, {@code root.application.service},
 * {@code root.adapter.in.X}, {@code root.adapter.out.X}, {@code root.bootstrap}.
 */
public final class HexagonRules {

    static final String[] FRAMEWORKS = {"org.springframework..", "org.jooq..", "tools.jackson..", "com.fasterxml.jackson..",
            "jakarta.servlet..", "javax.servlet..", "jakarta.mail..", "javax.mail..", "org.simplejavamail..",
            "jakarta.validation..", "javax.validation..", "jakarta.persistence..", "org.hibernate..", "lombok..",
            "com.zaxxer..", "org.flywaydb..", "org.slf4j..", "io.micrometer..", "io.prometheus.."};

    private final String root;

    public HexagonRules(String root) {
        this.root = root;
    }

    public ArchRule domainDependsOnTheJdkOnly() {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", "java..")
                .as("the domain depends on the JDK only");
    }

    public ArchRule applicationDependsOnTheDomainOnly() {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".application..", root + ".domain..", "java..")
                .as("the application depends on the domain and the JDK only");
    }

    public ArchRule coreUsesNoFramework() {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .as("no Spring, jOOQ, Jackson, servlet, mail, validation, persistence, logging or metrics framework in domain or application");
    }

    public ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(root + ".adapter.*.(*)..").namingSlices("adapter $1")
                .should().notDependOnEachOther()
                .as("adapters never depend on each other");
    }

    public ArchRule adaptersUsePortsNotServices() {
        return noClasses().that().resideInAPackage(root + ".adapter..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application.service..")
                .as("adapters reach the application through its ports only, never its services");
    }

    public ArchRule generatedJooqStaysInPersistence() {
        return noClasses().that().resideOutsideOfPackage(root + ".adapter.out.persistence..")
                .should().dependOnClassesThat().resideInAPackage(root + ".adapter.out.persistence.jooq..")
                .as("generated jOOQ classes are used inside the persistence adapter only");
    }

    public ArchRule jooqStaysInPersistenceAndWiring() {
        return noClasses().that().resideOutsideOfPackages(root + ".adapter.out.persistence..", root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage("org.jooq..")
                .as("jOOQ is used by the persistence adapter (and handed around by the composition root) only");
    }

    public ArchRule nothingDependsOnBootstrap() {
        return noClasses().that().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")
                .as("nothing depends on the composition root");
    }

    public ArchRule useCasesAreInterfaces() {
        return classes().that().resideInAPackage(root + ".application.port.in..").and().haveSimpleNameEndingWith("UseCase")
                .should().beInterfaces()
                .as("use cases are interfaces in application.port.in");
    }

    public List<ArchRule> all() {
        return List.of(domainDependsOnTheJdkOnly(), applicationDependsOnTheDomainOnly(), coreUsesNoFramework(),
                adaptersDoNotDependOnEachOther(), adaptersUsePortsNotServices(), generatedJooqStaysInPersistence(),
                jooqStaysInPersistenceAndWiring(), nothingDependsOnBootstrap(), useCasesAreInterfaces());
    }
}
