package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The records of the format declare how they appear in a file with the
 * project's own two annotations, {@link Format} and {@link Bounds}, and no
 * Jackson ones: every annotation type the reader meets becomes a generated
 * class at start-up (issue 11's start-up figures), and the writer leaves a
 * field out only where reading the file gives it back.
 */
@DisplayName("Scenario format: records say how they are written with @Format and @Bounds only")
class ScenarioFormatTest {
    private static final List<Class<?>> RECORDS = List.of(Scenario.class, Server.class, Resource.class, RequestType.class,
            Segment.class, Variant.class, Task.class, TaskStep.class, TaskQueue.class,
            Distribution.class, Distribution.Constant.class, Distribution.Exponential.class, Distribution.Uniform.class,
            Distribution.Normal.class, Distribution.LogNormal.class,
            Arrivals.class, Arrivals.At.class, Arrivals.Explicit.class, Arrivals.Poisson.class, Arrivals.Uniform.class,
            Arrivals.Burst.class, Arrivals.Closed.class);

    @Test
    @DisplayName("no record, field, constructor parameter or method of the format carries a Jackson annotation")
    void noJacksonAnnotations() {
        List<String> found = new ArrayList<>();
        for (Class<?> c : RECORDS) {
            check(c.getSimpleName(), c, found);
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    check(c.getSimpleName() + "." + rc.getName(), rc, found);
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                for (Parameter p : k.getParameters()) {
                    check(c.getSimpleName() + "(" + p.getName() + ")", p, found);
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                check(c.getSimpleName() + "." + m.getName() + "()", m, found);
            }
        }
        assertThat(found).as("Jackson annotations on the records").isEmpty();
    }

    private static void check(String where, AnnotatedElement e, List<String> found) {
        for (Annotation a : e.getDeclaredAnnotations()) {
            if (a.annotationType().getName().startsWith("com.fasterxml.")) {
                found.add(where + ": @" + a.annotationType().getSimpleName());
            }
        }
    }

    @Test
    @DisplayName("the members of dist and pattern are read and named in their order of declaration")
    void familiesInDeclarationOrder() {
        assertThat(FormatAnnotations.familyField(Distribution.class)).isEqualTo("dist");
        assertThat(FormatAnnotations.members(Distribution.class).keySet())
                .containsExactly("constant", "exponential", "uniform", "normal", "lognormal");
        assertThat(FormatAnnotations.familyField(Arrivals.class)).isEqualTo("pattern");
        assertThat(FormatAnnotations.members(Arrivals.class).keySet())
                .containsExactly("explicit", "poisson", "uniform", "burst", "closed");
        assertThat(FormatAnnotations.familyField(Arrivals.Poisson.class)).isNull();
    }

    @Test
    @DisplayName("a field the writer may leave out is left out exactly when it holds the value it takes when left out")
    void omittedOnlyAtTheLeftOutValue() {
        Scenario base = ScenarioJson.parse("""
                {"schema": 1, "server": {"policy": "event-loop+pool"},
                 "requestTypes": [{"name": "a", "segments": [{"kind": "compute", "ms": 1}]}],
                 "arrivals": {"pattern": "burst", "count": 2}}""");
        String plain = ScenarioJson.write(base);
        assertThat(plain).doesNotContain("poolThreads", "processes", "gil", "switchIntervalMs", "variants", "tasks",
                "queues", "timeoutMs", "cancelOnTimeout", "code");
        assertThat(plain).contains("\"atMs\" : 0.0", "\"resources\" : [ ]", "\"queueLimit\" : null");

        Server s = base.server();
        Scenario changed = base.withServer(s.withPoolThreads(Server.DEFAULT_POOL_THREADS + 1).withProcesses(2).withGil(true)
                .withSwitchIntervalMs(Server.DEFAULT_SWITCH_INTERVAL_MS + 1));
        String written = ScenarioJson.write(changed);
        assertThat(written).contains("\"poolThreads\" : 41", "\"processes\" : 2", "\"gil\" : true", "\"switchIntervalMs\"");
        assertThat(ScenarioJson.parse(written)).isEqualTo(changed);
        assertThat(ScenarioJson.parse(plain)).isEqualTo(base);

        Variant v = new Variant("v", Optional.empty(), OptionalInt.of(3), OptionalInt.empty(), java.util.OptionalDouble.empty(),
                Optional.of(OptionalInt.empty()), Optional.empty());
        Scenario withVariants = base.withVariants(List.of(v, new Variant("w", Optional.empty(), OptionalInt.empty(),
                OptionalInt.empty(), java.util.OptionalDouble.empty(), Optional.empty(), Optional.empty())));
        String variants = ScenarioJson.write(withVariants);
        assertThat(variants).contains("\"variants\" : [ {\n    \"label\" : \"v\",\n    \"workers\" : 3,\n"
                + "    \"queueLimit\" : null\n  }, {\n    \"label\" : \"w\"\n  } ]");
        assertThat(ScenarioJson.parse(variants)).isEqualTo(withVariants);
    }
}
