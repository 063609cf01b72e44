package io.interleave.scenario;

import io.interleave.scenario.code.CodeLine;
import io.interleave.scenario.code.Duration;
import io.interleave.scenario.code.Identifiers;
import io.interleave.time.TimeText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A program of tasks as the Python it stands for: each kind of task a
 * coroutine ({@code async def producer(items):}, {@code await items.put(item)},
 * {@code item = await items.get()}) under the event loop, a thread function
 * ({@code items.put(item)} on a {@code queue.Queue}) under sync, a repeat a
 * {@code for} loop, and a {@code main} that makes the queues and starts the
 * tasks. Compute, wait and block steps are written as a request type's calls
 * are, with the same trailing comment ({@code # compute 50 ms "make item"}).
 *
 * <p>Tasks are shown, not typed: this code is not read back (a scenario's
 * tasks are given as steps), so it may use Python freely ({@code for},
 * {@code with}).
 */
public final class TaskCode {
    private static final String INDENT = "    ";

    private TaskCode() {
    }

    /**
     * The program's lines, and for each kind of task the line each of its steps (as the engine counts them,
     * repeats unrolled) stands on.
     *
     * @param lines the code; a step's line carries the first unrolled step it runs, every other line -1
     * @param kinds per kind of task (the scenario's order), where its steps stand
     */
    public record Listing(List<CodeLine> lines, List<Kind> kinds) {
        public Listing {
            lines = List.copyOf(lines);
            kinds = List.copyOf(kinds);
        }

        /** The line step {@code step} of task kind {@code kind} stands on; its {@code def} line for a step past its last. */
        public int lineOf(int kind, int step) {
            return kinds.get(kind).lineOf(step);
        }

        /** The code as one text, each line ending in a line break. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            lines.forEach(l -> sb.append(l.text()).append('\n'));
            return sb.toString();
        }
    }

    /** Where one kind of task stands in a {@link Listing}: its {@code def} line and the line of each unrolled step. */
    public static final class Kind {
        private final String name;
        private final int defLine;
        private final int[] lineOfStep;

        Kind(String name, int defLine, int[] lineOfStep) {
            this.name = Objects.requireNonNull(name, "name");
            this.defLine = defLine;
            this.lineOfStep = lineOfStep.clone();
        }

        /** The task kind's name, as the scenario gives it. */
        public String name() {
            return name;
        }

        /** The index of its {@code def} line. */
        public int defLine() {
            return defLine;
        }

        /** How many steps it runs, repeats unrolled. */
        public int steps() {
            return lineOfStep.length;
        }

        /** The line of unrolled step {@code step}; the {@code def} line for one out of range (the task's last turn). */
        public int lineOf(int step) {
            return step >= 0 && step < lineOfStep.length ? lineOfStep[step] : defLine;
        }
    }

    /** The program of {@code scenario}'s tasks as its server runs them; {@link IllegalArgumentException} without tasks. */
    public static Listing of(Scenario scenario) {
        if (!scenario.hasTasks()) {
            throw new IllegalArgumentException("the scenario has no tasks");
        }
        return new TaskCode.Writer(scenario).write();
    }

    /** {@link #of}'s lines as one text. */
    public static String text(Scenario scenario) {
        return of(scenario).text();
    }

    /** Writes one listing. */
    private static final class Writer {
        private final Scenario scenario;
        private final Server server;
        private final boolean async;
        private final List<String[]> lines = new ArrayList<>(); // {code, comment or null}
        private final List<Integer> steps = new ArrayList<>();
        /** Where the current function's lines start: comments align within one function. */
        private int blockStart;
        private final List<Integer> blockStarts = new ArrayList<>();

        Writer(Scenario scenario) {
            this.scenario = scenario;
            this.server = scenario.server();
            this.async = !server.policy().waitsHoldWorker();
        }

        Listing write() {
            Policy policy = server.policy();
            int tasks = scenario.tasks().stream().mapToInt(Task::count).sum();
            add("# server: " + policy.displayName().toLowerCase(Locale.ROOT) + ", " + policy.workers(server.workers())
                    + " on " + server.cores() + (server.cores() == 1 ? " core" : " cores")
                    + (policy.hasPool() ? ", " + server.poolThreads() + " pool threads" : ""), null, -1);
            if (async) {
                add("# every task is a coroutine on the " + policy.workerNoun() + ": an await lets another run; a plain call holds it",
                        null, -1);
            } else if (server.workers() >= tasks) {
                add("# every task is a thread of its own; a wait holds its thread", null, -1);
            } else {
                add("# " + policy.workers(server.workers()) + " for " + tasks + " tasks: a task waits for a free thread, so they run "
                        + (server.workers() == 1 ? "one after another" : server.workers() + " at a time") + ", in start order",
                        null, -1);
            }
            List<Kind> kinds = new ArrayList<>();
            for (Task task : scenario.tasks()) {
                add("", null, -1);
                kinds.add(task(task));
            }
            add("", null, -1);
            main();
            return new Listing(lines(), kinds);
        }

        private Kind task(Task task) {
            block();
            int def = lines.size();
            add((async ? "async def " : "def ") + function(task) + "(" + String.join(", ", parameters(task)) + "):", null, -1);
            List<Integer> lineOfStep = new ArrayList<>();
            steps(task.steps(), INDENT, lineOfStep, new int[] {0});
            int[] out = lineOfStep.stream().mapToInt(Integer::intValue).toArray();
            return new Kind(task.name(), def, out);
        }

        /**
         * Writes {@code steps} at {@code indent} and appends, for each unrolled step in order, the line it stands
         * on. {@code next} counts the unrolled steps written so far (a line carries the first one it runs).
         */
        private void steps(List<TaskStep> steps, String indent, List<Integer> lineOfStep, int[] next) {
            for (TaskStep step : steps) {
                String inner = indent;
                if (step.repeat() > 1) {
                    add(indent + "for _ in range(" + step.repeat() + "):", null, -1);
                    inner = indent + INDENT;
                }
                int from = lineOfStep.size();
                if (step.kind() == TaskStepKind.REPEAT) {
                    steps(step.steps(), inner, lineOfStep, next);
                } else {
                    lineOfStep.add(lines.size());
                    statement(step, inner, next[0]);
                    next[0]++;
                }
                // the further runs of a repeated step stand on the same lines as the first
                int once = lineOfStep.size() - from;
                for (int r = 1; r < step.repeat(); r++) {
                    for (int i = 0; i < once; i++) {
                        lineOfStep.add(lineOfStep.get(from + i));
                    }
                }
                next[0] += once * (step.repeat() - 1);
            }
        }

        private void statement(TaskStep step, String indent, int unrolled) {
            switch (step.kind()) {
                case PUT -> add(indent + (async ? "await " : "") + queue(step.queue().orElseThrow()) + ".put(item)", null, unrolled);
                case GET -> add(indent + "item = " + (async ? "await " : "") + queue(step.queue().orElseThrow()) + ".get()", null,
                        unrolled);
                case COMPUTE, WAIT, BLOCK -> {
                    String name = Identifiers.name(step.label().orElse(""), fallback(step.kind()));
                    boolean awaited = async && step.kind() == TaskStepKind.WAIT;
                    add(indent + (awaited ? "await " : "") + name + "()", comment(step, name), unrolled);
                }
                case REPEAT -> throw new IllegalStateException("a repeat is written as a for loop");
            }
        }

        private void main() {
            block();
            add((async ? "async def " : "def ") + "main():", null, -1);
            for (TaskQueue q : scenario.queues()) {
                String size = q.capacity().isPresent() ? "maxsize=" + q.capacity().getAsInt() : "";
                add(INDENT + queue(q.name()) + " = " + (async ? "asyncio.Queue(" : "queue.Queue(") + size + ")", null, -1);
            }
            if (async) {
                add(INDENT + "await asyncio.gather(", null, -1);
                for (Task task : scenario.tasks()) {
                    String call = function(task) + "(" + String.join(", ", parameters(task)) + ")";
                    add(INDENT + INDENT + (task.count() == 1 ? call : "*(" + call + " for _ in range(" + task.count() + "))") + ",",
                            start(task), -1);
                }
                add(INDENT + ")", null, -1);
            } else {
                add(INDENT + "with ThreadPoolExecutor(max_workers=" + server.workers() + ") as pool:", null, -1);
                for (Task task : scenario.tasks()) {
                    List<String> args = new ArrayList<>();
                    args.add(function(task));
                    args.addAll(parameters(task));
                    String submit = "pool.submit(" + String.join(", ", args) + ")";
                    if (task.count() == 1) {
                        add(INDENT + INDENT + submit, start(task), -1);
                    } else {
                        add(INDENT + INDENT + "for _ in range(" + task.count() + "):", null, -1);
                        add(INDENT + INDENT + INDENT + submit, start(task), -1);
                    }
                }
            }
        }

        /** When a kind of task starts, if not at 0: {@code start at 2 s}. */
        private static String start(Task task) {
            if (task.startMs() == 0) {
                return null;
            }
            return (task.count() == 1 ? "starts at " : "start at ") + TimeText.duration(task.startMs());
        }

        private static String function(Task task) {
            return Identifiers.name(task.name().replace('.', '_'), "task");
        }

        /** The queues a task uses, in the order it first names them. */
        private static List<String> parameters(Task task) {
            Set<String> out = new LinkedHashSet<>();
            collect(task.steps(), out);
            return List.copyOf(out);
        }

        private static void collect(List<TaskStep> steps, Set<String> out) {
            for (TaskStep s : steps) {
                s.queue().ifPresent(q -> out.add(queue(q)));
                collect(s.steps(), out);
            }
        }

        private static String queue(String name) {
            return Identifiers.name(name.replace('.', '_'), "queue");
        }

        private static String fallback(TaskStepKind kind) {
            return switch (kind) {
                case COMPUTE -> "compute";
                case WAIT -> "wait_io";
                default -> "blocking_call";
            };
        }

        /** The trailing comment, as a request type's call has it: {@code compute 50 ms "make item"}. */
        private static String comment(TaskStep step, String name) {
            Duration d = HandlerCode.duration(step.ms());
            StringBuilder sb = new StringBuilder(step.kind().jsonName()).append(' ').append(d.text()).append(" ms");
            if (step.label().isEmpty()) {
                sb.append(" unlabelled");
            } else if (!step.label().get().equals(name)) {
                sb.append(" \"").append(step.label().get().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            return sb.toString();
        }

        private void block() {
            blockStart = lines.size();
            blockStarts.add(blockStart);
        }

        private void add(String code, String comment, int step) {
            lines.add(new String[] {code, comment});
            steps.add(step);
        }

        /** The lines, the comments of one function starting in one column (two spaces past its longest commented code). */
        private List<CodeLine> lines() {
            int[] width = new int[lines.size()];
            List<Integer> starts = new ArrayList<>(blockStarts);
            starts.add(lines.size());
            for (int b = 0; b + 1 < starts.size(); b++) {
                int w = 0;
                for (int i = starts.get(b); i < starts.get(b + 1); i++) {
                    if (lines.get(i)[1] != null) {
                        w = Math.max(w, lines.get(i)[0].length());
                    }
                }
                Arrays.fill(width, starts.get(b), starts.get(b + 1), w);
            }
            List<CodeLine> out = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                String[] l = lines.get(i);
                String text = l[1] == null ? l[0] : l[0] + " ".repeat(width[i] - l[0].length() + 2) + "# " + l[1];
                out.add(new CodeLine(text, steps.get(i)));
            }
            return List.copyOf(out);
        }
    }
}
