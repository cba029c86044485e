package dev.accounts.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule reports the violation planted for it in {@code dev.accounts.archfixture}, naming the offending class. */
class ArchitectureRulesCatchViolationsTest {

    private static final String FIXTURE = "dev.accounts.archfixture";
    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    static Stream<Arguments> plantedViolations() {
        return Stream.of(
                violation("domain uses a framework", HexagonRules::domainDependsOnTheJdkOnly, "SpringAwareEntity"),
                violation("application uses jOOQ", HexagonRules::applicationDependsOnTheDomainOnly, "JooqQueryingService"),
                violation("framework in the core", HexagonRules::coreUsesNoFramework, "SpringAwareEntity"),
                violation("framework in the core", HexagonRules::coreUsesNoFramework, "JooqQueryingService"),
                violation("adapter imports adapter", HexagonRules::adaptersDoNotDependOnEachOther, "ControllerReachingAcross"),
                violation("adapter imports a service", HexagonRules::adaptersUsePortsNotServices, "ControllerReachingAcross"),
                violation("generated jOOQ outside persistence", HexagonRules::generatedJooqStaysInPersistence,
                        "TemplateReadingGeneratedCode"),
                violation("jOOQ outside persistence", HexagonRules::jooqStaysInPersistenceAndWiring, "TemplateReadingGeneratedCode"),
                violation("adapter depends on bootstrap", HexagonRules::nothingDependsOnBootstrap, "TemplateReadingGeneratedCode"),
                violation("use case is a class", HexagonRules::useCasesAreInterfaces, "RegisterUserUseCase"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plantedViolations")
    void ruleReportsThePlantedViolation(String planted, Function<HexagonRules, ArchRule> rule, String offender) {
        EvaluationResult result = rule.apply(new HexagonRules(FIXTURE)).evaluate(fixture);

        assertThat(result.hasViolation()).as(planted).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line).contains(offender));
    }

    private static Arguments violation(String planted, Function<HexagonRules, ArchRule> rule, String offender) {
        return Arguments.of(planted, rule, offender);
    }
}
