package io.interleave.render;

import static io.interleave.render.TimelineExportTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.render.TimelineLayout.Row;
import io.interleave.render.TimelineLayout.RowKind;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Background tasks on the timeline: each task a request started has a row of its own after the
 * requests', named "R1's task: send email", with its spans, in the window's layout and the exports.
 * R1 (sync, one thread): compute 0-2, spawn, await 2-12, compute 12-14; its task queues 2-14,
 * computes 14-29 and awaits 29-79 (see SpawnTest).
 */
@DisplayName("Timeline: a background task has a row of its own")
class BackgroundRowsTest {
    private static final TextMeasure MEASURE = (text, style) -> text.length() * style.size() * 0.6;

    static final String SIGNUP = """
            {"schema": 1, "name": "signup",
             "server": {"policy": "sync", "workers": 1, "cores": 1, "timeSliceMs": 0},
             "requestTypes": [{"name": "signup", "segments": [
               {"kind": "compute", "ms": 2},
               {"kind": "spawn", "label": "send email", "segments": [
                 {"kind": "compute", "ms": 15, "label": "render"}, {"kind": "wait", "ms": 50, "label": "smtp"}]},
               {"kind": "wait", "ms": 10, "label": "db"},
               {"kind": "compute", "ms": 2}]}],
             "arrivals": {"pattern": "uniform", "intervalMs": 100, "count": 1}}
            """;

    private static Trace trace() {
        Scenario s = ScenarioJson.parse(SIGNUP);
        return Simulation.trace(s);
    }

    @Test
    @DisplayName("the layout has R1's row, then its task's row, labelled with the spawn's caption and holding the task's spans")
    void layoutRows() {
        Trace t = trace();
        TimelineLayout l = TimelineLayout.of(List.of(t), ViewMode.REQUESTS, 1200, 700, 1, MEASURE);
        assertThat(l.sections().get(0).rowCount()).isEqualTo(2);
        Row request = l.row(0, 0);
        Row task = l.row(0, 1);
        assertThat(request.kind()).isEqualTo(RowKind.REQUEST);
        assertThat(task.kind()).isEqualTo(RowKind.TASK);
        assertThat(task.index()).isEqualTo(2);
        assertThat(l.rowLabel(task)).isEqualTo("R1's task: send email");
        assertThat(l.spansOf(task)).extracting(sp -> sp.startMs() + "-" + sp.endMs())
                .containsExactly("2.0-14.0", "14.0-29.0", "29.0-79.0");
        assertThat(l.requestRow(0, 2)).contains(task);
    }

    @Test
    @DisplayName("hovering the task's compute names the task, its step and where it ran")
    void hover() {
        Trace t = trace();
        TimelineLayout l = TimelineLayout.of(List.of(t), ViewMode.REQUESTS, 1200, 700, 1, MEASURE);
        Row task = l.row(0, 1);
        var span = l.spansOf(task).get(1);
        String text = HoverText.describe(t, new TimelineLayout.Hit(0, task, 2, Optional.empty(), Optional.of(span)));
        assertThat(text).startsWith("R1's task: send email · Compute\nrender\n").contains("Thread 1, Core 1");
    }

    @Test
    @DisplayName("the SVG export draws the task's row after R1's, with its label")
    void svgRow() throws Exception {
        String svg = new TimelineExport(List.of(trace()), ViewMode.REQUESTS, 1200, 1, Palette.LIGHT).svg(1);
        Document doc = parse(svg);
        NodeList nodes = doc.getElementsByTagNameNS("*", "text");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("class").equals("row-label")) {
                labels.add(e.getTextContent());
            }
        }
        assertThat(labels).containsExactly("R1", "signup", "R1's task: send email"); // the request's type is its detail
    }
}
