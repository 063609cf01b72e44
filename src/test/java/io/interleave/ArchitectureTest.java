package io.interleave;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC section 6: only the window (and the Canvas surface) may use JavaFX. */
@DisplayName("Architecture: the model, the engine and the command line never touch JavaFX")
class ArchitectureTest {
    /** Packages that must run headless: in the CLI, in sweeps, in tests without a display. */
    static final List<String> HEADLESS = List.of(
            "io.interleave.engine", "io.interleave.scenario", "io.interleave.trace",
            "io.interleave.stats", "io.interleave.cli");

    static final ArchRule HEADLESS_PACKAGES_AVOID_JAVAFX = noClasses()
            .that().resideInAnyPackage(HEADLESS.stream().map(p -> p + "..").toArray(String[]::new))
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the engine, model, statistics and command line must run without a display (SPEC section 6)");

    static final ArchRule MAIN_AVOIDS_JAVAFX = noClasses()
            .that().haveFullyQualifiedName(Main.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("Main dispatches to the CLI or the app and must load without JavaFX (SPEC section 6)");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // ArchUnit's DO_NOT_INCLUDE_TESTS only knows ".../target/test-classes/"; builds may use -DbuildDir=target-x.
        ImportOption productionOnly = location -> !location.contains("/test-classes/");
        production = new ClassFileImporter()
                .withImportOption(productionOnly)
                .importPackages("io.interleave");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"io.interleave.engine", "io.interleave.scenario", "io.interleave.trace",
            "io.interleave.stats", "io.interleave.cli"})
    @DisplayName("the rule sees the classes of each headless package (an empty import would pass vacuously)")
    void importSeesEachPackage(String pkg) {
        assertThat(production.stream().filter(c -> c.getPackageName().equals(pkg)).count()).as(pkg).isPositive();
    }

    @Test
    @DisplayName("engine, scenario, trace, stats and cli depend on no javafx class")
    void headlessPackagesAvoidJavaFx() {
        HEADLESS_PACKAGES_AVOID_JAVAFX.check(production);
    }

    @Test
    @DisplayName("Main depends on no javafx class")
    void mainAvoidsJavaFx() {
        assertThat(production.contain(Main.class)).isTrue();
        assertThat(production.contain("io.interleave.cli.JavaFxLeakFixture")).as("test classes are not imported").isFalse();
        MAIN_AVOIDS_JAVAFX.check(production);
    }

    @Test
    @DisplayName("the rule really fails when a class in a headless package uses JavaFX")
    void ruleCatchesAViolation() {
        // A test-only class in io.interleave.cli that names javafx.scene.paint.Color (imported as bytes, never loaded).
        JavaClasses leaky = new ClassFileImporter().importPackages("io.interleave.cli");
        assertThat(leaky.contain("io.interleave.cli.JavaFxLeakFixture")).isTrue();

        EvaluationResult result = HEADLESS_PACKAGES_AVOID_JAVAFX.evaluate(leaky);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("JavaFxLeakFixture").contains("javafx.scene.paint.Color"))
                .allSatisfy(line -> assertThat(line).contains("JavaFxLeakFixture"));
    }
}
