package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.trace.narration.Narration;
import io.interleave.trace.narration.NarrationLine;
import io.interleave.trace.narration.Narrator;
import io.interleave.time.TimeText;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Captions: the narration line the playhead is on, under the timeline")
class CaptionsTest {
    private static final List<io.interleave.trace.Trace> ONE = TimelineAnimationTest.LESSON.subList(0, 1);

    @Test
    @DisplayName("at a playhead the band shows the line it is on; the picture grows by the band")
    void lineAtThePlayhead() {
        TimelineExport plain = new TimelineExport(ONE, ViewMode.REQUESTS, 1000, 1, Palette.LIGHT);
        TimelineExport captioned = plain.withCaptions();
        assertThat(captioned.height()).isEqualTo(plain.height() + 40);
        Narration narration = Narrator.narrate(ONE.get(0));
        NarrationLine second = narration.lines().get(1);
        String svg = captioned.svg(1, second.timeMs() + 0.001);
        assertThat(svg).contains(">" + TimeText.duration(second.timeMs()) + "</text>");
        assertThat(svg).contains(SvgSurface.escape(second.text()));
        assertThat(svg).doesNotContain(SvgSurface.escape(narration.lines().get(2).text()));
        assertThat(plain.svg(1, second.timeMs())).doesNotContain("class=\"caption\"");
    }

    @Test
    @DisplayName("in the animated SVG each line shows from its time until the next line's")
    void animatedLines() throws Exception {
        TimelineExport captioned = new TimelineExport(ONE, ViewMode.REQUESTS, 1000, 1, Palette.LIGHT).withCaptions();
        Animation a = new Animation(captioned.playFromMs(), captioned.playToMs(), 8, 10, 2, false);
        org.w3c.dom.Document doc = AnimatedSvgTest.parse(new TimelineAnimation(captioned, a).svg(1));
        org.w3c.dom.NodeList texts = doc.getElementsByTagName("text");
        Narration narration = Narrator.narrate(ONE.get(0));
        int found = 0;
        for (int i = 0; i < texts.getLength(); i++) {
            org.w3c.dom.Element t = (org.w3c.dom.Element) texts.item(i);
            if (!t.getAttribute("class").equals("caption") || !t.getTextContent().endsWith("ms")) {
                continue;
            }
            NarrationLine line = narration.lines().get(found++);
            assertThat(t.getTextContent()).isEqualTo(TimeText.duration(line.timeMs()));
            org.w3c.dom.Element set = (org.w3c.dom.Element) t.getElementsByTagName("set").item(0);
            assertThat(AnimatedSvgTest.seconds(set.getAttribute("begin"))).isCloseTo(a.secondsAt(line.timeMs()),
                    org.assertj.core.data.Offset.offset(0.0015));
        }
        assertThat(found).isEqualTo(narration.lines().size());
    }
}
