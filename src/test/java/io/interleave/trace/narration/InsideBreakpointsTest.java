package io.interleave.trace.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Pausing where a background task or a gather starts or ends.
 *
 * <p>Signup (as in SpawnNarrationTest): R1 at 0 computes 2, spawns "send email" [compute 15, await 50],
 * awaits 10, computes 2. On the loop the task starts at 2 and, run on the loop from 2 to 17 then
 * awaiting 50, ends at 67; on one sync thread it waits for the thread until R1 is done at 14
 * (2 + 10 + 2), then takes 15 + 50: it ends at 79.
 *
 * <p>Fan-out: R1 at 0 computes 1, gathers ["a" await 100] and ["b" await 50], computes 1. On the
 * loop both awaits run at once from 1: the gather ends with "a" at 101. On a sync thread the
 * branches run one after another: 1 to 101, then 101 to 151, where the gather ends.
 */
@DisplayName("Breakpoints: pause where a background task or a gather starts or ends")
class InsideBreakpointsTest {
    private static final String SIGNUP = """
            {"schema": 1, "name": "signup",
             "server": {"policy": "%s", "workers": 1, "cores": 1, "timeSliceMs": 0},
             "requestTypes": [{"name": "signup", "segments": [
               {"kind": "compute", "ms": 2},
               {"kind": "spawn", "label": "send email", "segments": [
                 {"kind": "compute", "ms": 15, "label": "render"}, {"kind": "wait", "ms": 50, "label": "smtp"}]},
               {"kind": "wait", "ms": 10, "label": "db"},
               {"kind": "compute", "ms": 2}]}],
             "arrivals": {"pattern": "uniform", "intervalMs": 100, "count": 1}}
            """;
    private static final String FAN_OUT = """
            {"schema": 1, "name": "fan-out",
             "server": {"policy": "%s", "workers": 1, "cores": 1, "timeSliceMs": 0},
             "requestTypes": [{"name": "page", "segments": [
               {"kind": "compute", "ms": 1},
               {"kind": "gather", "label": "fetch", "branches": [
                 [{"kind": "wait", "ms": 100, "label": "a"}], [{"kind": "wait", "ms": 50, "label": "b"}]]},
               {"kind": "compute", "ms": 1}]}],
             "arrivals": {"pattern": "uniform", "intervalMs": 1000, "count": 1}}
            """;

    private static Trace run(String json, String policy) {
        Scenario s = ScenarioJson.parse(json.formatted(policy));
        return Simulation.trace(s);
    }

    private static Breakpoints on(Breakpoints.Moment m) {
        return Breakpoints.NONE.withMoment(m, true);
    }

    @Test
    @DisplayName("a background task starts at 2 ms on the loop and on a thread; it ends at 67 ms on the loop, 79 ms on one thread")
    void backgroundTask() {
        Trace loop = run(SIGNUP, "event-loop");
        Trace sync = run(SIGNUP, "sync");
        assertThat(on(Breakpoints.Moment.BACKGROUND_STARTS).firstBetween(List.of(loop), 0, 1000))
                .contains(new Breakpoints.Hit(2, "R1 starts a background task (send email)"));
        assertThat(on(Breakpoints.Moment.BACKGROUND_ENDS).firstBetween(List.of(loop), 0, 1000))
                .contains(new Breakpoints.Hit(67, "R1's task: send email ends"));
        assertThat(on(Breakpoints.Moment.BACKGROUND_ENDS).firstBetween(List.of(sync), 0, 1000))
                .contains(new Breakpoints.Hit(79, "R1's task: send email ends"));
        // playing on from the stop does not stop there again
        assertThat(on(Breakpoints.Moment.BACKGROUND_STARTS).firstBetween(List.of(loop), 2, 1000)).isEmpty();
        assertThat(on(Breakpoints.Moment.BACKGROUND_ENDS).firstBetween(List.of(loop), 0, 66.9)).isEmpty();
    }

    @Test
    @DisplayName("a gather starts at 1 ms under both; it ends at 101 ms on the loop (its longest branch) and 151 ms on a thread (their sum)")
    void gather() {
        Trace loop = run(FAN_OUT, "event-loop");
        Trace sync = run(FAN_OUT, "sync");
        assertThat(on(Breakpoints.Moment.GATHER_STARTS).firstBetween(List.of(loop), 0, 1000))
                .contains(new Breakpoints.Hit(1, "R1 starts a gather (fetch) of 2 branches"));
        assertThat(on(Breakpoints.Moment.GATHER_ENDS).firstBetween(List.of(loop), 0, 1000))
                .contains(new Breakpoints.Hit(101, "R1's gather (fetch) ends: its last branch is done"));
        assertThat(on(Breakpoints.Moment.GATHER_ENDS).firstBetween(List.of(sync), 0, 1000))
                .contains(new Breakpoints.Hit(151, "R1's gather (fetch) ends: its last branch is done"));
        assertThat(on(Breakpoints.Moment.GATHER_ENDS).firstBetween(List.of(sync, loop), 0, 1000))
                .contains(new Breakpoints.Hit(101, "R1's gather (fetch) ends: its last branch is done · " + loop.label()));
    }

    @Test
    @DisplayName("with both moments on, the earlier wins; a run without gathers or tasks never pauses for them")
    void earliestAndNone() {
        Breakpoints both = on(Breakpoints.Moment.GATHER_STARTS).withMoment(Breakpoints.Moment.GATHER_ENDS, true);
        assertThat(both.any()).isTrue();
        assertThat(both.firstBetween(List.of(run(FAN_OUT, "event-loop")), 1, 1000)).map(Breakpoints.Hit::timeMs).contains(101.0);
        assertThat(both.withMoment(Breakpoints.Moment.GATHER_STARTS, false).withMoment(Breakpoints.Moment.GATHER_ENDS, false).any()).isFalse();
        Breakpoints all = Breakpoints.NONE;
        for (Breakpoints.Moment m : Breakpoints.Moment.values()) {
            all = all.withMoment(m, true);
        }
        Trace plain = Simulation.trace(Presets.load("three-requests").orElseThrow());
        assertThat(all.firstBetween(List.of(plain), 0, 1e6)).isEmpty();
    }
}
