package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Presets;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Every lesson's playback as a GIF, compared at 1600 px for 8 s at 10 fps, stays under 2 MB")
class LessonAnimationSizeTest {
    static final long LIMIT = 2_000_000;

    static List<String> lessons() {
        return Presets.ids();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    @DisplayName("under 2 MB at the default settings")
    void underTwoMegabytes(String lesson) {
        List<Trace> traces = Simulation.compare(Presets.load(lesson).orElseThrow());
        assertThat(traces.get(0).requests().size()).as("requests per variant").isLessThanOrEqualTo(24);
        TimelineExport export = new TimelineExport(traces, ViewMode.REQUESTS, 1600, 1, Palette.LIGHT);
        TimelineAnimation animation = new TimelineAnimation(export, TimelineAnimation.defaults(export));
        assertThat(animation.animation().frameCount()).isEqualTo(81);
        byte[] gif = animation.gif(1, TimelineAnimation.Progress.NONE);
        assertThat((long) gif.length).as("%s: %,d bytes", lesson, gif.length).isLessThan(LIMIT);
    }
}
