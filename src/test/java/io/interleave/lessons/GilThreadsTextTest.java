package io.interleave.lessons;

import static io.interleave.lessons.Lesson.maxResponse;
import static io.interleave.lessons.Lesson.spans;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.render.TimelineLayout;
import io.interleave.render.ViewMode;
import io.interleave.scenario.Policy;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lesson 11, sentence by sentence: eight requests of 20 ms of computing, all
 * at 0, on a sync server with 4 cores. Worked out by hand, with CPython 3.12's
 * rule (a thread that waits for the GIL waits one switch interval, 5 ms, from
 * when it began waiting; then the holder drops it and the longest waiter takes
 * it; a thread that finishes a request releases it):
 *
 * <pre>
 * 4 threads, GIL: turns R1 0-5, R2 5-10, R3 10-15, R4 15-20, R1 20-25 ...;
 *   R1's fourth turn ends at 65, R2's at 70, R3's 75, R4's 80. R5 starts on
 *   thread 1 at 65 behind R2, R3, R4; R5 to R8 then turn from 80 on and end
 *   at 145, 150, 155, 160. Mean (65+70+75+80+145+150+155+160)/8 = 112.5.
 * 1 thread: one after another, 20, 40, ..., 160; mean 90.
 * 4 processes of 1 thread: R1-R4 0-20 on the 4 cores, R5-R8 20-40.
 * free-threaded, 4 threads: the same as the processes.
 * </pre>
 */
@DisplayName("Lesson 11: Threads and the GIL")
class GilThreadsTextTest {
    final Lesson lesson = Lesson.of("threads-and-the-gil");
    final Trace gil = lesson.variant("4 threads, GIL");
    final Trace one = lesson.variant("1 thread");
    final Trace processes = lesson.variant("4 processes");
    final Trace free = lesson.variant("free-threaded");

    private static double last(Trace t) {
        return t.requests().stream().mapToDouble(RequestRecord::finishMs).max().orElseThrow();
    }

    private static double mean(Trace t) {
        return t.requests().stream().mapToDouble(RequestRecord::responseMs).average().orElseThrow();
    }

    /** The most spans of {@code state} in progress at any one instant. */
    private static int mostAtOnce(Trace t, SpanState state) {
        List<Span> s = t.spans().stream().filter(sp -> sp.state() == state).toList();
        int most = 0;
        for (Span a : s) {
            int n = (int) s.stream().filter(b -> b.startMs() <= a.startMs() && a.startMs() < b.endMs()).count();
            most = Math.max(most, n);
        }
        return most;
    }

    @Test
    @DisplayName("“Eight requests, each 20 ms of pure Python computing, arrive together at a server with 4 cores.”")
    void theMix() {
        assertThat(lesson.traces()).extracting(Trace::label)
                .containsExactly("4 threads, GIL", "1 thread", "4 processes", "free-threaded");
        for (Trace t : lesson.traces()) {
            assertThat(t.requests()).as(t.label()).hasSize(8).allSatisfy(r -> {
                assertThat(r.arrivalMs()).isZero();
                assertThat(r.aloneMs()).isEqualTo(20.0);
            });
            assertThat(t.scenario().requestTypes()).singleElement().satisfies(type -> assertThat(type.segments())
                    .allSatisfy(seg -> assertThat(seg.kind()).isEqualTo(SegmentKind.COMPUTE)));
            assertThat(t.scenario().server().cores()).isEqualTo(4);
            assertThat(t.scenario().server().policy()).isEqualTo(Policy.SYNC);
        }
    }

    @Test
    @DisplayName("“With a GIL, 4 threads are no faster than 1: only the thread holding the GIL computes while the others wait for it "
            + "(sky blue, crosshatched), so one core works at a time and the last response comes at 160 ms either way.” "
            + "teaching.md “Only one core lane is busy at a time, although three are idle.”")
    void gilSerialises() {
        Server server = gil.scenario().server();
        assertThat(server.gil()).isTrue();
        assertThat(server.workers()).isEqualTo(4);
        assertThat(server.processes()).isEqualTo(1);
        assertThat(mostAtOnce(gil, SpanState.COMPUTE)).as("one thread computes at a time").isEqualTo(1);
        assertThat(gil.spans()).anySatisfy(s -> assertThat(s.state()).isEqualTo(SpanState.WAITING_GIL));
        assertThat(mostAtOnce(gil, SpanState.WAITING_GIL)).as("the other three wait for the GIL").isEqualTo(3);
        assertThat(gil.spans()).filteredOn(s -> s.state() == SpanState.WAITING_GIL)
                .allSatisfy(s -> assertThat(s.core()).as("waiting for the GIL holds no core").isEmpty());
        assertThat(last(gil)).isEqualTo(160.0);
        assertThat(last(one)).isEqualTo(160.0);
        assertThat(TimelineLayout.of(List.of(gil), ViewMode.WORKERS, 1280, 800, 1, (t, st) -> t.length() * st.size() * 0.6)
                .legend()).anySatisfy(i -> assertThat(i.label()).isEqualTo("Waiting for the GIL"));
    }

    @Test
    @DisplayName("“The threads take turns of 5 ms (the switch interval), so R1, 20 ms of work, takes 65 ms, and the mean response "
            + "is 112.5 ms with 4 threads against 90 ms with 1.” "
            + "teaching.md “the mean is even worse (112.5 ms against 90 ms)”")
    void turnsOfFiveMs() {
        assertThat(gil.scenario().server().switchIntervalMs()).isEqualTo(5.0);
        assertThat(spans(gil, 1, SpanState.COMPUTE)).extracting(Span::startMs, Span::endMs).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0.0, 5.0), org.assertj.core.groups.Tuple.tuple(20.0, 25.0),
                org.assertj.core.groups.Tuple.tuple(40.0, 45.0), org.assertj.core.groups.Tuple.tuple(60.0, 65.0));
        assertThat(gil.request(1).responseMs()).isEqualTo(65.0);
        assertThat(gil.requests()).extracting(RequestRecord::responseMs)
                .containsExactly(65.0, 70.0, 75.0, 80.0, 145.0, 150.0, 155.0, 160.0);
        assertThat(mean(gil)).isEqualTo(112.5);
        assertThat(mean(one)).isEqualTo(90.0);
    }

    @Test
    @DisplayName("“4 processes each have their own GIL and use all 4 cores: the last response comes at 40 ms, 4 times sooner.” "
            + "teaching.md “In the Workers view the lanes are grouped under Process 1 to Process 4.”")
    void processes() {
        Server server = processes.scenario().server();
        assertThat(server.processes()).isEqualTo(4);
        assertThat(server.workers()).isEqualTo(1);
        assertThat(server.gil()).isTrue();
        assertThat(processes.spans()).noneSatisfy(s -> assertThat(s.state()).isEqualTo(SpanState.WAITING_GIL));
        assertThat(mostAtOnce(processes, SpanState.COMPUTE)).isEqualTo(4);
        assertThat(last(processes)).isEqualTo(40.0).isEqualTo(last(gil) / 4);
        assertThat(maxResponse(processes.requests())).isEqualTo(40.0);
        TimelineLayout layout = TimelineLayout.of(List.of(processes), ViewMode.WORKERS, 1280, 800, 1,
                (t, st) -> t.length() * st.size() * 0.6);
        assertThat(layout.processRow(0, 0)).map(layout::rowLabel).contains("Process 1");
        assertThat(layout.processRow(0, 3)).map(layout::rowLabel).contains("Process 4");
        assertThat(layout.workerRow(0, 3)).map(layout::processOf).hasValueSatisfying(p -> assertThat(p).hasValue(3));
    }

    @Test
    @DisplayName("“Free-threaded Python (3.13t) is like the processes: its 4 threads compute on 4 cores at once, and the last response comes at 40 ms too.”")
    void freeThreaded() {
        assertThat(free.scenario().server().gil()).isFalse();
        assertThat(free.scenario().server().workers()).isEqualTo(4);
        assertThat(mostAtOnce(free, SpanState.COMPUTE)).isEqualTo(4);
        assertThat(last(free)).isEqualTo(40.0);
        assertThat(free.requests()).extracting(RequestRecord::responseMs).isEqualTo(processes.requests().stream()
                .map(RequestRecord::responseMs).toList());
    }

    @Test
    @DisplayName("teaching.md “Set Switch interval to 20 ms: the threads now run each request to the end in one turn, like one thread, "
            + "and the mean drops to 1 thread's.”")
    void longSwitchInterval() {
        Trace t = lesson.edited(s -> s.withServer(s.server().withSwitchIntervalMs(20))).variant("4 threads, GIL");
        assertThat(t.requests()).allSatisfy(r -> assertThat(spans(t, r.id(), SpanState.COMPUTE)).hasSize(1));
        assertThat(mean(t)).isEqualTo(90.0);
        assertThat(t.requests().stream().sorted(Comparator.comparingDouble(RequestRecord::finishMs)).map(RequestRecord::finishMs).toList())
                .containsExactly(20.0, 40.0, 60.0, 80.0, 100.0, 120.0, 140.0, 160.0);
    }
}
