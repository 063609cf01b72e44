package io.interleave;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every class that declares tests is run by the build: its name matches
 * Surefire's includes (unit tests) or Failsafe's (integration tests) as
 * written in pom.xml. Surefire's default patterns once skipped
 * {@code EngineInvariantProperties}, so the engine invariants the README
 * promises never ran; this test makes such a class fail the build.
 */
@DisplayName("Every class with tests is run by Surefire or Failsafe")
class TestsRunTest {
    /** Annotations that make a method a test for JUnit Jupiter or jqwik. */
    static final Set<String> TEST_ANNOTATIONS = Set.of(
            "org.junit.jupiter.api.Test",
            "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory",
            "org.junit.jupiter.api.TestTemplate",
            "org.junit.jupiter.params.ParameterizedTest",
            "net.jqwik.api.Property",
            "net.jqwik.api.Example");

    /** Surefire's own default includes, which skip *Properties. */
    static final List<String> SUREFIRE_DEFAULTS = List.of(
            "**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    /** Failsafe's own default includes. */
    static final List<String> FAILSAFE_DEFAULTS = List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java");

    private static JavaClasses testClasses;
    private static List<String> surefire;
    private static List<String> failsafe;

    @BeforeAll
    static void importTestClassesAndPom() throws Exception {
        testClasses = new ClassFileImporter()
                .withImportOption(location -> location.contains("/test-classes/"))
                .importPackages("io.interleave");
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        surefire = includesOf(pom, "maven-surefire-plugin").orElseGet(() -> SUREFIRE_DEFAULTS);
        failsafe = includesOf(pom, "maven-failsafe-plugin").orElseGet(() -> FAILSAFE_DEFAULTS);
    }

    @Test
    @DisplayName("the scan sees the test classes, jqwik properties and integration tests (an empty scan would pass)")
    void scanSeesTests() {
        Set<String> withTests = classesWithTests(testClasses);
        assertThat(withTests).contains("io.interleave.ArchitectureTest", "io.interleave.engine.EngineInvariantProperties",
                "io.interleave.AppImageIT");
        assertThat(withTests.size()).isGreaterThan(50);
    }

    @Test
    @DisplayName("pom.xml names Surefire's includes, and they take in *Properties")
    void pomNamesIncludes() {
        assertThat(surefire).contains("**/*Test.java", "**/*Properties.java");
        assertThat(failsafe).contains("**/*IT.java");
    }

    @Test
    @DisplayName("every class with @Test, @Property, @ParameterizedTest... matches Surefire's or Failsafe's includes")
    void everyTestClassRuns() {
        Set<String> unrun = notRun(testClasses, surefire, failsafe);
        unrun.remove(UnrunTestsFixture.class.getName());
        assertThat(unrun).as("test classes the build never runs (rename them or widen <includes> in pom.xml)").isEmpty();
    }

    @Test
    @DisplayName("integration tests run only in Failsafe, never in the unit-test phase")
    void integrationTestsStayOutOfSurefire() {
        List<String> both = new ArrayList<>();
        for (String name : classesWithTests(testClasses)) {
            if (matchesAny(sourcePath(name), failsafe) && matchesAny(sourcePath(name), surefire)) {
                both.add(name);
            }
        }
        assertThat(both).isEmpty();
    }

    @Test
    @DisplayName("the check really fails for a class no include matches, and for *Properties under Surefire's defaults")
    void checkCatchesAViolation() {
        Set<String> unrun = notRun(testClasses, surefire, failsafe);
        assertThat(unrun).containsExactly(UnrunTestsFixture.class.getName());

        Set<String> underDefaults = notRun(testClasses, SUREFIRE_DEFAULTS, FAILSAFE_DEFAULTS);
        assertThat(underDefaults).contains("io.interleave.engine.EngineInvariantProperties");
    }

    @Test
    @DisplayName("include patterns match as Maven's do: **/ any folders, * within one name")
    void globs() {
        assertThat(matchesAny("io/interleave/engine/EngineInvariantProperties.java", List.of("**/*Properties.java"))).isTrue();
        assertThat(matchesAny("TopTest.java", List.of("**/*Test.java"))).isTrue();
        assertThat(matchesAny("io/interleave/AppImageIT.java", List.of("**/*Test.java"))).isFalse();
        assertThat(matchesAny("io/interleave/TestsRunTest.java", List.of("**/Test*.java"))).isTrue();
        assertThat(matchesAny("io/interleave/engine/TestScenarios.java", List.of("io/*Test*.java"))).isFalse();
    }

    // ------------------------------------------------------------ the check

    /** Top-level classes with tests (in themselves or a nested class) that no include pattern matches. */
    static Set<String> notRun(JavaClasses classes, List<String> unitIncludes, List<String> itIncludes) {
        Set<String> out = new TreeSet<>();
        for (String name : classesWithTests(classes)) {
            String path = sourcePath(name);
            if (!matchesAny(path, unitIncludes) && !matchesAny(path, itIncludes)) {
                out.add(name);
            }
        }
        return out;
    }

    /** Top-level class names (nested test classes count for the class that holds them). */
    static Set<String> classesWithTests(JavaClasses classes) {
        Set<String> out = new TreeSet<>();
        for (JavaClass c : classes) {
            if (c.isInterface() || c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)) {
                continue; // run through the classes that extend or implement them
            }
            for (JavaMethod m : c.getAllMethods()) {
                if (TEST_ANNOTATIONS.stream().anyMatch(a -> m.isAnnotatedWith(a) || m.isMetaAnnotatedWith(a))) {
                    out.add(topLevel(c).getName());
                    break;
                }
            }
        }
        return out;
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    /** "io.interleave.engine.FooTest" as the source path Maven's includes are matched against. */
    static String sourcePath(String className) {
        return className.replace('.', '/') + ".java";
    }

    static boolean matchesAny(String path, List<String> globs) {
        return globs.stream().anyMatch(g -> globToRegex(g).matcher(path).matches());
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                re.append("(?:.*/)?");
                i += 2;
            } else if (glob.startsWith("**", i)) {
                re.append(".*");
                i += 1;
            } else if (ch == '*') {
                re.append("[^/]*");
            } else if (ch == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }

    /** The {@code <include>}s of a plugin's configuration, if it names any. */
    private static java.util.Optional<List<String>> includesOf(Document pom, String artifactId) {
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            NodeList ids = plugin.getElementsByTagName("artifactId");
            if (ids.getLength() == 0 || !ids.item(0).getTextContent().trim().equals(artifactId)) {
                continue;
            }
            NodeList includes = plugin.getElementsByTagName("include");
            if (includes.getLength() == 0) {
                return java.util.Optional.empty();
            }
            List<String> out = new ArrayList<>();
            for (int k = 0; k < includes.getLength(); k++) {
                out.add(includes.item(k).getTextContent().trim());
            }
            return java.util.Optional.of(out);
        }
        return java.util.Optional.empty();
    }
}
