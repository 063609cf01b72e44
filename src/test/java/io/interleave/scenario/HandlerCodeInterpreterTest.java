package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The handler code's header says which Python runs it once a server has processes or a GIL (issue 14). */
@DisplayName("Handler code: the interpreter line for processes and the GIL")
class HandlerCodeInterpreterTest {

    private static final RequestType CPU = new RequestType("cpu", "#0072B2", 1,
            List.of(new Segment(SegmentKind.COMPUTE, new Distribution.Constant(10), Optional.empty(), Optional.empty())));

    private static String code(Server server) {
        return HandlerCode.text(CPU, server, List.of());
    }

    @Test
    @DisplayName("sync with a GIL: '# CPython with a GIL, 4 processes x 2 threads' under the server line")
    void syncWithAGil() {
        String text = code(Server.of(Policy.SYNC, 2, 4).withProcesses(4).withGil(true));
        List<String> lines = text.lines().toList();
        int server = lines.indexOf(lines.stream().filter(l -> l.contains("server: ")).findFirst().orElseThrow());
        assertThat(lines.get(server + 1)).isEqualTo("# CPython with a GIL, 4 processes x 2 threads");
        assertThat(code(Server.of(Policy.SYNC, 4, 4).withGil(true).withSwitchIntervalMs(2)))
                .contains("# CPython with a GIL, 1 process x 4 threads, sys.setswitchinterval(0.002)");
    }

    @Test
    @DisplayName("free-threaded processes, and loops with a GIL; nothing at the defaults")
    void otherShapes() {
        assertThat(code(Server.of(Policy.SYNC, 4, 4).withProcesses(2))).contains("# free-threaded Python (no GIL), 2 processes x 4 threads");
        assertThat(code(Server.of(Policy.EVENT_LOOP_POOL, 2, 4).withGil(true)))
                .contains("# CPython with a GIL, one process per loop, each with its own pool");
        assertThat(code(Server.of(Policy.EVENT_LOOP, 2, 4).withGil(true))).contains("# CPython with a GIL, one process per loop\n");
        assertThat(code(Server.of(Policy.SYNC, 4, 4))).doesNotContain("Python");
        assertThat(code(Server.of(Policy.EVENT_LOOP, 2, 4).withProcesses(3))).as("processes is unused under a loop")
                .doesNotContain("Python");
    }
}
