package io.interleave.trace.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Policy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Narration: a wait in a shared-latency service says the service is shared")
class SharedNarrationTest {
    private static String at(Narration n, double ms) {
        int i = n.indexOf(ms);
        assertThat(i).as("a line at %s ms", ms).isNotNegative();
        return n.lines().get(i).text();
    }

    @Test
    @DisplayName("lesson 7: 'R1 awaits the shared database (db query)' on the loop; on threads it holds the thread")
    void sharedDatabase() {
        assertThat(at(Narrator.narrate(Lessons.preset("slow-database", Policy.EVENT_LOOP)), 4))
                .startsWith("R1 awaits the shared database (db query)");
        assertThat(at(Narrator.narrate(Lessons.variant("slow-database", "2 threads")), 4))
                .startsWith("R1 waits on the shared database (db query), holding thread 1");
    }

    @Test
    @DisplayName("a fixed-latency database is narrated as before, without 'shared'")
    void fixedDatabase() {
        assertThat(at(Narrator.narrate(Lessons.preset("wimpy-database", Policy.EVENT_LOOP)), 4))
                .startsWith("R1 awaits database (db query)");
    }
}
