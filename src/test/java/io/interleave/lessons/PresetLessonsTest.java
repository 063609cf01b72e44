package io.interleave.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Variant;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every built-in lesson shares. Each lesson's own claims are checked
 * sentence by sentence in its {@code *TextTest} (see {@link LessonTextTest}).
 */
@DisplayName("Presets teach their lessons")
class PresetLessonsTest {
    static List<String> lessons() {
        return Presets.ids();
    }

    @Test
    @DisplayName("the twelve lessons are listed in order, each names itself and says what to notice")
    void everyPreset() {
        assertThat(Presets.ids()).containsExactly("three-requests", "async-same-wait", "wimpy-database", "blocking-call", "cpu-heavy",
                "offload-blocking-call", "open-all-sockets", "slow-database", "timeouts-under-overload", "producer-consumer",
                "threads-and-the-gil", "fastapi-def-endpoint");
        for (String id : Presets.ids()) {
            Scenario s = Presets.load(id).orElseThrow();
            assertThat(s.description()).as(id).startsWith("What to notice:").hasSizeGreaterThan(120);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    @DisplayName("a lesson is readable from the back of a classroom: at most 12 requests (or tasks, for a program of tasks), "
            + "2 to 4 compared servers with distinct labels")
    void readable(String id) {
        Scenario s = Presets.load(id).orElseThrow();
        if (s.hasTasks()) {
            assertThat(s.arrivals().count() + s.tasks().stream().mapToInt(io.interleave.scenario.Task::count).sum()).as(id).isBetween(2, 12);
        } else {
            assertThat(s.arrivals().count()).as(id).isBetween(3, 12);
        }
        assertThat(s.compareVariants()).as(id).hasSizeBetween(Variant.MIN_VARIANTS, Variant.MAX_VARIANTS);
        assertThat(s.compareVariants()).extracting(Variant::label).doesNotHaveDuplicates();
        // the server a lesson opens on (before Compare) is one of the servers it compares
        assertThat(s.compareVariants()).anySatisfy(v -> assertThat(v.apply(s.server())).isEqualTo(s.server()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    @DisplayName("a lesson with a list of arrivals gives its types the list's mix as weights, so a sweep at any rate sends the requests the lesson is about")
    void weightsFollowTheList(String id) {
        Scenario s = Presets.load(id).orElseThrow();
        if (!(s.arrivals() instanceof Arrivals.Explicit explicit)) {
            return;
        }
        double total = s.requestTypes().stream().mapToDouble(t -> t.weight()).sum();
        for (var type : s.requestTypes()) {
            long inList = explicit.at().stream().filter(a -> a.type().equals(type.name())).count();
            double share = (double) inList / explicit.at().size();
            assertThat(type.weight() / total).as(id + " " + type.name()).isCloseTo(share, org.assertj.core.data.Offset.offset(0.2));
            assertThat(type.weight()).as(id + " " + type.name()).isPositive();
        }
    }

    @Test
    @DisplayName("compareWith names what a lesson compares: its variants' labels, in order")
    void compareWith() {
        assertThat(Presets.compareWith("three-requests")).contains("Sync (threads) vs Event loop");
        assertThat(Presets.compareWith("async-same-wait")).contains("2 threads vs 1 event loop");
        assertThat(Presets.compareWith("blocking-call")).contains("4 threads vs 1 event loop");
        assertThat(Presets.compareWith("offload-blocking-call")).contains("1 event loop vs event loop + pool");
        assertThat(Presets.compareWith("open-all-sockets")).contains("10 threads vs 1 event loop");
        assertThat(Presets.compareWith("no-such-lesson")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    @DisplayName("teaching.md “every server in a comparison always sees identical requests.”")
    void sameRequests(String id) {
        Lesson lesson = Lesson.of(id);
        Trace first = lesson.traces().get(0);
        for (Trace other : lesson.traces()) {
            assertThat(other.requests()).hasSameSizeAs(first.requests());
            for (RequestRecord r : other.requests()) {
                RequestRecord same = first.request(r.id());
                assertThat(r.arrivalMs()).isEqualTo(same.arrivalMs());
                assertThat(r.type()).isEqualTo(same.type());
                assertThat(r.computeMs()).isEqualTo(same.computeMs());
                assertThat(r.waitMs()).isEqualTo(same.waitMs());
            }
        }
    }
}
