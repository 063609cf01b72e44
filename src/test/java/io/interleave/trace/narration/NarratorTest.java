package io.interleave.trace.narration;

import io.interleave.time.TimeText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.trace.Trace;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Narrator: a trace told in plain words, one line per instant")
class NarratorTest {

    private static String at(Narration n, double ms) {
        int i = n.indexOf(ms);
        assertThat(i).as("a line at %s ms", ms).isNotNegative();
        return n.lines().get(i).text();
    }

    @Test
    @DisplayName("three requests, event loop: the whole story, word for word")
    void threeRequestsEventLoop() {
        Narration n = Narrator.narrate(Lessons.preset("three-requests", Policy.EVENT_LOOP));
        assertThat(n.lines()).map(NarrationLine::toString).containsExactly(
                "0 ms — R1 arrives; the loop runs it (parse request)",
                "10 ms — R1 awaits database (db query); the loop is idle",
                "40 ms — R2 arrives; the loop runs it (parse request)",
                "50 ms — R2 awaits database (db query); the loop is idle",
                "70 ms — R3 arrives; the loop runs it (parse request)",
                "74 ms — R3 awaits database (db query); the loop is idle",
                "90 ms — R1 back from database; the loop runs it (render page)",
                "100 ms — R1 done in 100 ms (alone: 100 ms); the loop is idle",
                "102 ms — R3 back from database; the loop runs it (render json)",
                "106 ms — R3 done in 36 ms (alone: 36 ms); the loop is idle",
                "130 ms — R2 back from database; the loop runs it (render page)",
                "140 ms — R2 done in 100 ms (alone: 100 ms); the loop is idle");
        assertThat(n.truncated()).isFalse();
    }

    @Test
    @DisplayName("three requests, sync: the thread is held through each wait, so R2 and R3 queue")
    void threeRequestsSync() {
        Trace t = Lessons.preset("three-requests", Policy.SYNC);
        Narration n = Narrator.narrate(t);
        assertThat(at(n, 10)).isEqualTo("R1 waits on database (db query), holding the thread");
        assertThat(at(n, 40)).isEqualTo("R2 arrives; waits for the thread (R1 holds it while waiting on database)");
        assertThat(at(n, 70)).isEqualTo("R3 arrives; queued behind R2");
        assertThat(at(n, 100)).isEqualTo("R1 done in 100 ms (alone: 100 ms); the thread picks up R2 (parse request)");
        assertThat(at(n, 236)).isEqualTo("R3 done in 166 ms (alone: 36 ms, 4.6x as long); the thread is idle");
        // One line per instant at which anything changed, in time order.
        assertThat(n.lines()).extracting(NarrationLine::timeMs)
                .containsExactly(Arrays.stream(t.eventTimes()).boxed().toArray(Double[]::new));
        NarrationLine done = n.lines().get(n.indexOf(100));
        assertThat(done.kind()).isEqualTo(NarrationKind.COMPLETED);
        assertThat(done.requestId()).isEqualTo(1);
        assertThat(done.clauses()).extracting(NarrationLine.Clause::kind)
                .containsExactly(NarrationKind.COMPLETED, NarrationKind.RUNNING);
        assertThat(done.clauses()).extracting(NarrationLine.Clause::requestId).containsExactly(1, 2);
    }

    @Test
    @DisplayName("what happens at one instant is one line: a wait begins as the loop runs another request")
    void groupsAnInstant() {
        Narration n = Narrator.narrate(Lessons.variant("async-same-wait", "1 event loop"));
        assertThat(at(n, 104)).isEqualTo("R5 awaits database (db query); R1 back from database; the loop runs it (render page)");
        assertThat(n.lines()).extracting(NarrationLine::timeMs).isSorted().doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("lesson 3: a wimpy database makes requests wait for a slot")
    void resourceSlots() {
        Narration n = Narrator.narrate(Lessons.variant("wimpy-database", "1 event loop"));
        assertThat(at(n, 54)).isEqualTo("R3 waits for a database slot (both in use); the loop is idle");
        assertThat(at(n, 104)).startsWith("R3 gets a database slot and awaits it (db query); R5 waits for a database slot (both in use)");
    }

    @Test
    @DisplayName("lesson 4: a blocking call holds the loop and everyone waits behind it")
    void blockingCall() {
        Narration n = Narrator.narrate(Lessons.variant("blocking-call", "1 event loop"));
        assertThat(at(n, 38)).isEqualTo("R3 blocks the loop (time.sleep)");
        assertThat(at(n, 40)).isEqualTo("R4 arrives; waits for the loop (R3 blocks it in time.sleep)");
        assertThat(at(n, 43)).isEqualTo("R1 back from database; it waits for the loop (R3 blocks it in time.sleep)");
        assertThat(at(n, 197)).startsWith("R1 done in 197 ms (alone: 46 ms, 4.3x as long)");
    }

    @Test
    @DisplayName("lesson 5: time slices hand the one core between threads")
    void timeSlices() {
        Narration n = Narrator.narrate(Lessons.variant("cpu-heavy", "4 threads"));
        assertThat(at(n, 45)).isEqualTo("R3's time slice is up; it waits for the core (running R2); thread 2 runs R2 (render page)");
        assertThat(at(n, 48)).contains("thread 1 resumes R3 (resize image)");
    }

    @Test
    @DisplayName("rejections say the queue was full; several at one instant share a clause")
    void rejections() {
        Narration one = Narrator.narrate(Lessons.withRejection());
        assertThat(at(one, 70)).isEqualTo("R3 arrives and is turned away (queue full: 1 already waiting for a thread)");
        assertThat(one.lines().get(one.indexOf(70)).kind()).isEqualTo(NarrationKind.REJECTED);
        Narration many = Narrator.narrate(Lessons.burst());
        assertThat(at(many, 50)).isEqualTo("R5 arrives; queued behind R4 (2 waiting ahead); "
                + "R6, R7, R8 and 2 more arrive and are turned away (queue full: 3 already waiting for a thread)");
    }

    @Test
    @DisplayName("a long run is told up to a limit, and the last line says where it stops")
    void truncated() {
        Trace t = Lessons.preset("three-requests", Policy.SYNC);
        Narration n = Narrator.narrate(t, 5);
        assertThat(n.truncated()).isTrue();
        assertThat(n.lines()).hasSize(6);
        NarrationLine last = n.lines().get(5);
        assertThat(last.kind()).isEqualTo(NarrationKind.NOTE);
        assertThat(last.timeMs()).isEqualTo(100);
        assertThat(last.text()).isEqualTo("The narration stops here, after 5 moments; the run goes on to 236 ms.");
        assertThatThrownBy(() -> Narrator.narrate(t, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLines");
    }

    @Test
    @DisplayName("every preset under both policies narrates every instant, in order")
    void everyPreset() {
        for (String id : Presets.ids()) {
            for (Policy p : Policy.values()) {
                Trace t = Lessons.preset(id, p);
                Narration n = Narrator.narrate(t, 100_000);
                assertThat(n.lines()).as("%s %s", id, p).hasSize(t.eventTimes().length)
                        .allSatisfy(l -> assertThat(l.text()).isNotBlank().doesNotContain("null"));
            }
        }
    }

    @ParameterizedTest(name = "playhead {0} ms is on line {1}")
    @CsvSource({"-1, -1", "0, 0", "9.9, 0", "10, 1", "95, 6", "140, 11", "1000, 11", "Infinity, 11"})
    @DisplayName("the playhead's line is the last at or before it")
    void indexAt(double playhead, int line) {
        Narration n = Narrator.narrate(Lessons.preset("three-requests", Policy.EVENT_LOOP));
        assertThat(n.indexAt(playhead)).isEqualTo(line);
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', value = {"12|12 ms", "12.5|12.5 ms", "3.14159|3.14 ms", "0|0 ms", "1250|1250 ms", "12345.6|12.35 s"})
    @DisplayName("times read as people write them")
    void words(double ms, String text) {
        assertThat(TimeText.exact(ms)).isEqualTo(text);
    }

    @Test
    @DisplayName("an empty list of lines is allowed, lines out of order are not")
    void order() {
        assertThat(Narration.EMPTY.indexAt(5)).isEqualTo(-1);
        NarrationLine a = new NarrationLine(5, "A", 1, NarrationKind.NOTE, List.of());
        NarrationLine b = new NarrationLine(3, "B", 1, NarrationKind.NOTE, List.of());
        assertThatThrownBy(() -> new Narration(List.of(a, b), false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the reasons come from the engine's causes: without them the narration says what happens, not why")
    void whyComesFromTheEnginesCauses() {
        Trace t = Lessons.preset("three-requests", Policy.SYNC);
        io.interleave.trace.Trace bare = new io.interleave.trace.Trace(t.scenario(), t.label(), t.requests(), t.spans(), t.totals());
        Narration n = Narrator.narrate(bare);
        assertThat(at(n, 40)).isEqualTo("R2 arrives; waits for a thread");
        assertThat(at(n, 70)).isEqualTo("R3 arrives; waits for a thread");
        assertThat(at(n, 236)).isEqualTo("R3 done in 166 ms (alone: 36 ms, 4.6x as long)");
    }
}
