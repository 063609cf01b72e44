package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The code of every lesson under every policy, word for word: the expected texts sit in
 * {@code src/test/resources/io/interleave/scenario/code/LESSON.POLICY.py}, written once by the generator,
 * read line by line and frozen (a change to the generator shows here as a diff a person must agree with).
 */
@DisplayName("Handler code: each lesson's request types under each policy, word for word")
class HandlerCodeGoldenTest {

    static Stream<Arguments> lessonsAndPolicies() {
        List<Arguments> out = new ArrayList<>();
        for (String id : Presets.ids()) {
            for (Policy p : Policy.values()) {
                out.add(Arguments.of(id, p));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("lessonsAndPolicies")
    @DisplayName("the generated handlers match the frozen text, and read back as the lesson's segments")
    void lessonCodeIsFrozen(String id, Policy policy) throws IOException {
        Scenario s = Presets.load(id).orElseThrow();
        StringBuilder actual = new StringBuilder();
        for (RequestType t : s.requestTypes()) {
            String code = HandlerCode.text(t, s.server().withPolicy(policy), s.resources());
            actual.append(code).append('\n');
            assertThat(HandlerCode.segments(code)).as(t.name()).isEqualTo(t.segments());
        }
        assertThat(actual.toString()).isEqualTo(expected(id + "." + policy.styleKey() + ".py"));
    }

    @org.junit.jupiter.api.Test
    @DisplayName("three requests: sync blocks on the query, the event loop awaits it")
    void threeRequestsReadAsTheTalk() {
        Scenario s = Presets.load("three-requests").orElseThrow();
        RequestType report = s.requestTypes().get(0);
        assertThat(HandlerCode.text(report, s.server().withPolicy(Policy.SYNC), s.resources()))
                .contains("def handle_report(request):\n")
                .contains("\n    db_query()       # wait 80 ms on database \"db query\"\n")
                .doesNotContain("await").doesNotContain("async");
        assertThat(HandlerCode.text(report, s.server().withPolicy(Policy.EVENT_LOOP), s.resources()))
                .contains("async def handle_report(request):\n")
                .contains("\n    await db_query()  # wait 80 ms on database \"db query\"\n")
                .contains("\n    parse_request()   # compute 10 ms \"parse request\"\n");
    }

    @org.junit.jupiter.api.Test
    @DisplayName("the offload lesson: a plain time.sleep on one loop, await asyncio.to_thread with a pool")
    void offloadLessonShowsTheDifference() {
        Scenario s = Presets.load("offload-blocking-call").orElseThrow();
        RequestType legacy = s.requestTypes().get(1);
        assertThat(HandlerCode.text(legacy, s.server().withPolicy(Policy.EVENT_LOOP), s.resources()))
                .contains("\n    time.sleep()     # block 150 ms offload\n");
        assertThat(HandlerCode.text(legacy, s.server().withPolicy(Policy.EVENT_LOOP_POOL), s.resources()))
                .contains("\n    await asyncio.to_thread(time.sleep)  # block 150 ms\n");
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = HandlerCodeGoldenTest.class.getResourceAsStream("code/" + name)) {
            assertThat(in).as("frozen text " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
