package io.interleave.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Presets;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The map from text to proof. Every sentence of a lesson's "what to notice"
 * is quoted, word for word, in the {@code @DisplayName} of a test of that
 * lesson ({@code “...”}), and every quote of the teaching guide in a
 * display name ({@code teaching.md “...”}) is still in docs/teaching.md. So
 * a sentence cannot be added or reworded without a test that runs the lesson
 * and checks it, and a test cannot go on backing a sentence that is gone.
 */
@DisplayName("Every sentence of a lesson's text is backed by a test that quotes it")
class LessonTextTest {
    /** Each lesson's tests, in lesson order. */
    static final Map<String, Class<?>> TESTS = Map.ofEntries(
            Map.entry("three-requests", ThreeRequestsTextTest.class),
            Map.entry("async-same-wait", SameWaitTextTest.class),
            Map.entry("wimpy-database", DatabaseLimitTextTest.class),
            Map.entry("blocking-call", BlockingCallTextTest.class),
            Map.entry("cpu-heavy", CpuHeavyTextTest.class),
            Map.entry("offload-blocking-call", OffloadTextTest.class),
            Map.entry("open-all-sockets", GatherTextTest.class),
            Map.entry("slow-database", SlowDatabaseTextTest.class),
            Map.entry("timeouts-under-overload", TimeoutsTextTest.class),
            Map.entry("producer-consumer", ProducerConsumerTextTest.class),
            Map.entry("threads-and-the-gil", GilThreadsTextTest.class),
            Map.entry("fastapi-def-endpoint", FastApiDefTextTest.class));

    private static final Pattern QUOTE = Pattern.compile("(teaching\\.md )?“([^”]+)”");

    /** The description as the "What to notice" panel shows it, cut into sentences. */
    static List<String> sentences(String description) {
        String text = description.strip().replaceFirst("(?i)^what to notice:\\s*", "");
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return Arrays.stream(text.split("(?<=[.!?])\\s+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The quotes in the display names of a class's tests; teaching.md quotes if {@code teaching}, else the lesson's. */
    static List<String> quotes(Class<?> tests, boolean teaching) {
        List<String> quotes = new ArrayList<>();
        for (Method m : tests.getDeclaredMethods()) {
            DisplayName name = m.getAnnotation(DisplayName.class);
            if (name == null) {
                continue;
            }
            Matcher q = QUOTE.matcher(name.value());
            while (q.find()) {
                if ((q.group(1) != null) == teaching) {
                    quotes.add(q.group(2));
                }
            }
        }
        return quotes;
    }

    /** Markdown as read aloud: no emphasis marks, one space between words. */
    static String plain(String markdown) {
        return markdown.replace("*", "").replace("`", "").replaceAll("\\s+", " ");
    }

    static List<String> lessons() {
        return Presets.ids();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    @DisplayName("each sentence of the lesson's 'what to notice' is quoted by one of its tests")
    void everySentenceBacked(String id) {
        assertThat(TESTS).containsKey(id);
        List<String> quoted = quotes(TESTS.get(id), false);
        List<String> sentences = sentences(Presets.load(id).orElseThrow().description());
        assertThat(sentences).as(id).hasSizeGreaterThanOrEqualTo(3);
        assertThat(quoted).as(id + ": the sentences quoted by its tests").containsAll(sentences);
        assertThat(sentences).as(id + ": every quote is still in the text").containsAll(quoted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    @DisplayName("each teaching.md quote in a lesson's tests is still in the guide, in that lesson's section")
    void teachingQuotesCurrent(String id) throws IOException {
        String guide = Files.readString(Path.of("docs/teaching.md"));
        int start = guide.indexOf("(`" + id + "`)");
        assertThat(start).as("docs/teaching.md has a section for " + id).isPositive();
        int end = guide.indexOf("\n## ", start);
        String section = plain(guide.substring(start, end < 0 ? guide.length() : end));
        List<String> quoted = quotes(TESTS.get(id), true);
        assertThat(quoted).as(id).isNotEmpty();
        for (String q : quoted) {
            assertThat(section).as(id + " section of docs/teaching.md").contains(q);
        }
    }

    @Test
    @DisplayName("the quotes of the guide's closing section are in it too")
    void beyondThePresets() throws IOException {
        String guide = plain(Files.readString(Path.of("docs/teaching.md")));
        for (String q : quotes(PresetLessonsTest.class, true)) {
            assertThat(guide).contains(q);
        }
        assertThat(quotes(PresetLessonsTest.class, true)).isNotEmpty();
    }

    @Test
    @DisplayName("sentences are cut at a full stop, question or exclamation mark followed by a space")
    void cutting() {
        assertThat(sentences("What to notice: one is 2.5 ms. Two? Three!"))
                .containsExactly("One is 2.5 ms.", "Two?", "Three!");
    }
}
