package dev.accounts.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every hexagon rule holds for the production code of every module. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // The application's test-jar (fakes for adapter tests) is test code too.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.accounts");
    }

    @TestFactory
    Stream<DynamicTest> productionCodeFollowsEveryRule() {
        return new HexagonRules("dev.accounts").all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(production)));
    }

    @TestFactory
    Stream<DynamicTest> everyModuleIsImported() {
        return Stream.of("domain.user", "application.port.in", "application.port.out", "application.service",
                        "adapter.in.rest", "adapter.out.persistence", "adapter.out.persistence.jooq", "adapter.out.mail",
                        "adapter.out.crypto", "adapter.out.inmemory", "bootstrap")
                .map(pkg -> DynamicTest.dynamicTest(pkg, () -> {
                    if (!production.containPackage("dev.accounts." + pkg)) {
                        throw new AssertionError("no classes imported from dev.accounts." + pkg + ": the rules would check nothing");
                    }
                }));
    }

}
