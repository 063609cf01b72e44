package io.interleave;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
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

    /** Every top-level package (app with all its sub-packages counts as one) is free of cycles. */
    static final ArchRule TOP_LEVEL_PACKAGES_FREE_OF_CYCLES = slices()
            .matching("io.interleave.(*)..").namingSlices("$1")
            .should().beFreeOfCycles()
            .because("a package that needs one above it cannot be understood, tested or reused on its own");

    /** The window's sub-packages (app.files, app.controls, app.classroom, ...) are free of cycles among themselves. */
    static final ArchRule APP_SUB_PACKAGES_FREE_OF_CYCLES = slices()
            .matching("io.interleave.app.(*)..").namingSlices("app.$1")
            .should().beFreeOfCycles()
            .because("each part of the window can be understood and tested with only the parts below it");

    /**
     * The window (io.interleave.app itself: the main view model, the main
     * controller, the application) builds its parts; no part reaches back up:
     * each takes what it needs through an interface of its own package
     * (MetricsSource, NarrationSource, ControlsSource, TypeEdits, FilesSource).
     */
    static final ArchRule APP_PARTS_DO_NOT_REACH_UP = noClasses()
            .that(new com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>(
                    "are in a sub-package of io.interleave.app") {
                @Override
                public boolean test(com.tngtech.archunit.core.domain.JavaClass c) {
                    return c.getPackageName().startsWith("io.interleave.app.");
                }
            })
            .should().dependOnClassesThat().resideInAPackage("io.interleave.app")
            .because("the window builds its parts and hands each what it needs; a part that imports the window cycles with it");

    /**
     * The handler-code package (Python syntax and the comment form) sits inside the scenario layer, below
     * the scenario records: the scenario reader uses it to read {@code "code"}, so it must use nothing of
     * the project itself, or scenario and scenario.code would depend on each other.
     */
    static final ArchRule CODE_PACKAGE_STANDS_ALONE = noClasses()
            .that().resideInAPackage("io.interleave.scenario.code")
            .should().dependOnClassesThat(new com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>(
                    "are in another package of io.interleave") {
                @Override
                public boolean test(com.tngtech.archunit.core.domain.JavaClass c) {
                    return c.getPackageName().startsWith("io.interleave") && !c.getPackageName().equals("io.interleave.scenario.code");
                }
            })
            .because("the scenario reader uses the code parser; the parser using the scenario would make a cycle");

    /**
     * The layers, bottom to top: files (imports nothing of the project), scenario, trace,
     * engine, stats, render, then cli and app side by side (neither uses the other), then
     * Main. Each layer may use only the layers below it.
     */
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("files").definedBy("io.interleave.files..")
            .layer("scenario").definedBy("io.interleave.scenario..")
            .layer("trace").definedBy("io.interleave.trace..")
            .layer("engine").definedBy("io.interleave.engine..")
            .layer("stats").definedBy("io.interleave.stats..")
            .layer("render").definedBy("io.interleave.render..")
            .layer("cli").definedBy("io.interleave.cli..")
            .layer("app").definedBy("io.interleave.app..")
            .layer("main").definedBy("io.interleave")
            .whereLayer("files").mayNotAccessAnyLayer()
            .whereLayer("scenario").mayOnlyAccessLayers("files")
            .whereLayer("trace").mayOnlyAccessLayers("files", "scenario")
            .whereLayer("engine").mayOnlyAccessLayers("files", "scenario", "trace")
            .whereLayer("stats").mayOnlyAccessLayers("files", "scenario", "trace", "engine")
            .whereLayer("render").mayOnlyAccessLayers("files", "scenario", "trace", "engine", "stats")
            .whereLayer("cli").mayOnlyAccessLayers("files", "scenario", "trace", "engine", "stats", "render")
            .whereLayer("app").mayOnlyAccessLayers("files", "scenario", "trace", "engine", "stats", "render")
            .whereLayer("main").mayNotBeAccessedByAnyLayer()
            .because("each layer builds on those below it and never reaches up (README, design notes)");

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

    @Test
    @DisplayName("the top-level packages depend on each other without cycles")
    void topLevelPackagesAreFreeOfCycles() {
        TOP_LEVEL_PACKAGES_FREE_OF_CYCLES.check(production);
    }

    @Test
    @DisplayName("the app sub-packages depend on each other without cycles")
    void appSubPackagesAreFreeOfCycles() {
        APP_SUB_PACKAGES_FREE_OF_CYCLES.check(production);
    }

    @Test
    @DisplayName("no part of the window (an app sub-package) depends on the window's own package")
    void appPartsDoNotReachUp() {
        APP_PARTS_DO_NOT_REACH_UP.check(production);
    }

    @Test
    @DisplayName("the rule really fails when the metrics panel reaches up into the window's view model")
    void appPartsRuleCatchesAViolation() {
        EvaluationResult result = APP_PARTS_DO_NOT_REACH_UP.evaluate(productionWith("MetricsImportsAppFixture"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("MetricsImportsAppFixture").contains("io.interleave.app.AppViewModel"))
                .allSatisfy(line -> assertThat(line).contains("MetricsImportsAppFixture"));
    }

    @Test
    @DisplayName("the handler-code package uses no other package of the program (the scenario reader uses it)")
    void codePackageStandsAlone() {
        assertThat(production.stream().filter(c -> c.getPackageName().equals("io.interleave.scenario.code")).count()).isPositive();
        CODE_PACKAGE_STANDS_ALONE.check(production);
    }

    @Test
    @DisplayName("the code-package rule really fails when the parser reaches up into the scenario records")
    void codePackageRuleCatchesAViolation() {
        EvaluationResult result = CODE_PACKAGE_STANDS_ALONE.evaluate(productionWith("CodeImportsScenarioFixture"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("CodeImportsScenarioFixture").contains("io.interleave.scenario.Segment"))
                .allSatisfy(line -> assertThat(line).contains("CodeImportsScenarioFixture"));
    }

    @Test
    @DisplayName("each layer uses only the layers below it: files, scenario, trace, engine, stats, render, then cli or app")
    void layersPointDownward() {
        LAYERS.check(production);
    }

    /** Production classes plus the named test-only fixtures, each of which breaks one rule. */
    private static JavaClasses productionWith(String... fixtures) {
        ImportOption productionAndFixtures = location -> !location.contains("/test-classes/")
                || java.util.Arrays.stream(fixtures).anyMatch(f -> location.contains("/" + f + ".class"));
        JavaClasses classes = new ClassFileImporter().withImportOption(productionAndFixtures).importPackages("io.interleave");
        for (String f : fixtures) {
            assertThat(classes.stream().anyMatch(c -> c.getSimpleName().equals(f))).as(f + " imported").isTrue();
        }
        return classes;
    }

    @Test
    @DisplayName("the cycle rule really fails when trace reaches up into cli (which uses trace)")
    void cycleRuleCatchesAViolation() {
        EvaluationResult result = TOP_LEVEL_PACKAGES_FREE_OF_CYCLES.evaluate(productionWith("TraceImportsCliFixture"));

        assertThat(result.hasViolation()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(report).contains("Cycle detected").contains("trace -> ").contains("cli -> ")
                .contains("TraceImportsCliFixture");
    }

    @Test
    @DisplayName("the layer rule really fails when trace uses cli, files uses scenario, or app uses cli")
    void layerRuleCatchesEachViolation() {
        EvaluationResult result = LAYERS.evaluate(productionWith(
                "TraceImportsCliFixture", "FilesImportsScenarioFixture", "AppImportsCliFixture"));

        assertThat(result.hasViolation()).isTrue();
        List<String> details = result.getFailureReport().getDetails();
        assertThat(details)
                .anySatisfy(line -> assertThat(line).contains("TraceImportsCliFixture").contains("io.interleave.cli.CsvWriters"))
                .anySatisfy(line -> assertThat(line).contains("FilesImportsScenarioFixture").contains("io.interleave.scenario.Scenario"))
                .anySatisfy(line -> assertThat(line).contains("AppImportsCliFixture").contains("io.interleave.cli.CsvWriters"))
                .allSatisfy(line -> assertThat(line).containsAnyOf(
                        "TraceImportsCliFixture", "FilesImportsScenarioFixture", "AppImportsCliFixture"));
    }

    @Test
    @DisplayName("the app sub-package cycle rule really fails when the editor reaches into the controls (which open the editor)")
    void appCycleRuleCatchesAViolation() {
        EvaluationResult result = APP_SUB_PACKAGES_FREE_OF_CYCLES.evaluate(productionWith("EditorImportsControlsFixture"));

        assertThat(result.hasViolation()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(report).contains("Cycle detected").contains("app.editor -> ").contains("app.controls -> ")
                .contains("EditorImportsControlsFixture");
    }
}
