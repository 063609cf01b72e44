package io.interleave.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Variant;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResultsCsvTest {
    private final Scenario three = Presets.load("three-requests").orElseThrow();

    @Test
    @DisplayName("header with the SPEC columns plus policy, aloneMs, slowdown; one row per request")
    void oneTrace() {
        String[] lines = ResultsCsv.of(List.of(Simulation.trace(three))).split("\n");
        assertThat(lines[0]).isEqualTo("id,type,arrivalMs,startMs,finishMs,responseMs,queueMs,computeMs,waitMs,status,worker,policy,aloneMs,slowdown,variant");
        assertThat(lines).hasSize(4);
        // R3 (lookup, 36 ms alone) arrives at 70 and waits for R1 and R2 under one sync thread: done at 236.
        assertThat(lines[3]).isEqualTo("3,lookup,70,200,236,166,130,8,28,completed,0,sync,36,4.611111,Sync (threads)");
    }

    @Test
    @DisplayName("in compare mode every variant's rows in the variants' order, each ending with its label")
    void compare() {
        List<Trace> both = List.of(Simulation.trace(three), Simulation.trace(three.withPolicy(Policy.EVENT_LOOP)));
        List<String> lines = List.of(ResultsCsv.of(both).split("\n"));
        assertThat(lines).hasSize(7);
        assertThat(lines.subList(1, 4)).allMatch(l -> l.contains(",sync,") && l.endsWith(",Sync (threads)"));
        assertThat(lines.subList(4, 7)).allMatch(l -> l.contains(",event-loop,") && l.endsWith(",Event loop"));
        assertThat(lines.get(6)).startsWith("3,lookup,70,").endsWith(",event-loop,36,1,Event loop");
    }

    @Test
    @DisplayName("two variants of the same policy (1 thread, 3 threads) are told apart by the variant column")
    void samePolicyVariants() {
        Scenario threads = three.withVariants(List.of(Variant.of("1 thread", Policy.SYNC, 1), Variant.of("3 threads, a pool", Policy.SYNC, 3)));
        List<String> lines = List.of(ResultsCsv.of(Simulation.compare(threads)).split("\n"));
        assertThat(lines.subList(1, 4)).allMatch(l -> l.contains(",sync,") && l.endsWith(",1 thread"));
        assertThat(lines.subList(4, 7)).allMatch(l -> l.endsWith(",\"3 threads, a pool\""));
    }

    @Test
    @DisplayName("numbers: six decimals at most, no exponent, NaN empty; text with commas quoted")
    void formatting() {
        assertThat(ResultsCsv.number(12.5)).isEqualTo("12.5");
        assertThat(ResultsCsv.number(3)).isEqualTo("3");
        assertThat(ResultsCsv.number(1e-7)).isEqualTo("0");
        assertThat(ResultsCsv.number(1.23456789e9)).isEqualTo("1234567890");
        assertThat(ResultsCsv.number(Double.NaN)).isEmpty();
        assertThat(ResultsCsv.text("a,b")).isEqualTo("\"a,b\"");
        assertThat(ResultsCsv.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }
}
