package io.interleave.scenario.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a handler as Python in one of three styles. The trailing comment of
 * every call says what the code alone cannot: {@code # wait 80 ms on database},
 * {@code # block 150 ms}, {@code # compute exp(mean 20) ms "parse request"}.
 * {@link CodeParser} reads everything this class writes back to the same statements.
 */
public final class CodeWriter {
    /** How the handler is written. */
    public enum Style {
        /** A plain {@code def}: every call blocks its thread, waits included. */
        SYNC(false, false),
        /** An {@code async def}: every wait is awaited; a block stays the plain blocking call it is. */
        ASYNC(true, false),
        /** As {@link #ASYNC}, and an offloaded call is {@code await asyncio.to_thread(name)}. */
        ASYNC_POOL(true, true);

        private final boolean async;
        private final boolean pool;

        Style(boolean async, boolean pool) {
            this.async = async;
            this.pool = pool;
        }

        public boolean async() {
            return async;
        }
    }

    static final String INDENT = "    ";

    private final Style style;
    private final Map<String, String> resourceNotes;
    private final List<String[]> lines = new ArrayList<>(); // {code, comment or null}
    private final List<Integer> steps = new ArrayList<>();
    private int nextStep;
    private int nextHelper = 1;
    private final java.util.Set<String> helpers = new java.util.HashSet<>();

    private CodeWriter(Style style, Map<String, String> resourceNotes) {
        this.style = style;
        this.resourceNotes = resourceNotes;
    }

    /**
     * The handler's lines.
     *
     * @param handler what it does
     * @param style how to write it
     * @param function the function's name (a valid identifier)
     * @param header comment lines above the function, each without its {@code # }
     * @param resourceNotes per resource name, a note written after it in brackets (e.g. {@code 2 slots}); may be empty
     */
    public static List<CodeLine> write(Handler handler, Style style, String function, List<String> header,
                                       Map<String, String> resourceNotes) {
        Objects.requireNonNull(style, "style");
        CodeWriter w = new CodeWriter(style, Map.copyOf(resourceNotes));
        for (String h : header) {
            w.add(h.isEmpty() ? "#" : "# " + h, null, -1);
        }
        w.add((style.async ? "async def " : "def ") + function + "(request):", null, -1);
        for (Statement s : handler.body()) {
            if (s instanceof Statement.Call c) {
                w.call(INDENT, c, false);
            } else if (s instanceof Statement.Gather g) {
                w.gather(g);
            } else if (s instanceof Statement.Spawn sp) {
                w.spawn(sp);
            }
        }
        return w.lines();
    }

    /** The lines as one text, each ending in a line break. */
    public static String text(List<CodeLine> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.text()).append('\n'));
        return sb.toString();
    }

    private void call(String indent, Statement.Call c, boolean inGather) {
        String name = Identifiers.name(c.label().orElse(""), fallback(c.kind()));
        boolean toThread = style.pool && c.offload();
        String code;
        if (toThread) {
            code = (inGather ? "" : "await ") + "asyncio.to_thread(" + name + ")";
        } else if (style.async && c.kind() == StepKind.WAIT && !inGather) {
            code = "await " + name + "()";
        } else {
            code = name + "()";
        }
        add(indent + code + (inGather ? "," : ""), comment(c, name, toThread), nextStep++);
    }

    private void gather(Statement.Gather g) {
        int first = nextStep;
        List<String> helperNames = new ArrayList<>();
        int offset = 0;
        for (List<Statement.Call> branch : g.branches()) {
            if (branch.size() == 1) {
                helperNames.add(null);
            } else {
                String helper = numbered("branch_");
                helperNames.add(helper);
                add(INDENT + (style.async ? "async def " : "def ") + helper + "():", null, -1);
                nextStep = first + offset;
                for (Statement.Call c : branch) {
                    call(INDENT + INDENT, c, false);
                }
            }
            offset += branch.size();
        }
        add(INDENT + (style.async ? "await asyncio.gather(" : "gather("),
                "gather" + g.label().map(l -> " " + quote(l)).orElse(""), -1);
        offset = 0;
        for (int b = 0; b < g.branches().size(); b++) {
            List<Statement.Call> branch = g.branches().get(b);
            if (helperNames.get(b) == null) {
                nextStep = first + offset;
                call(INDENT + INDENT, branch.get(0), true);
            } else {
                add(INDENT + INDENT + helperNames.get(b) + "(),", null, -1);
            }
            offset += branch.size();
        }
        add(INDENT + ")", null, -1);
        nextStep = first + offset;
    }

    /**
     * A background task: a helper with its calls, then the line that starts it and goes on
     * ({@code asyncio.create_task(helper())} under a loop, {@code executor.submit(helper)} on threads).
     */
    private void spawn(Statement.Spawn sp) {
        int spawnStep = nextStep;
        // a helper's name is one plain name (no dots), used once in the handler
        String helper = Identifiers.name(sp.label().orElse("").replace('.', '_'), "background_task");
        if (helper.equals("background_task") || sp.label().isEmpty()) {
            helper = numbered("background_task_");
        } else if (!helpers.add(helper)) {
            String base = helper;
            for (int n = 2; !helpers.add(helper); n++) {
                helper = base + "_" + n;
            }
        }
        add(INDENT + (style.async ? "async def " : "def ") + helper + "():", null, -1);
        nextStep = sp.firstStep();
        for (Statement.Call c : sp.calls()) {
            call(INDENT + INDENT, c, false);
        }
        nextStep = spawnStep;
        add(INDENT + (style.async ? "asyncio.create_task(" + helper + "())" : "executor.submit(" + helper + ")"),
                "spawn" + sp.label().map(l -> " " + quote(l)).orElse("") + ": goes on without waiting", nextStep++);
    }

    /** {@code prefix} and the next helper number not taken yet. */
    private String numbered(String prefix) {
        String name = prefix + nextHelper++;
        while (!helpers.add(name)) {
            name = prefix + nextHelper++;
        }
        return name;
    }

    private String comment(Statement.Call c, String name, boolean toThread) {
        StringBuilder sb = new StringBuilder(c.kind().word()).append(' ').append(c.duration().text()).append(" ms");
        c.on().ifPresent(on -> {
            sb.append(" on ").append(resourceWord(on));
            String note = resourceNotes.get(on);
            if (note != null && !note.isEmpty()) {
                sb.append(" (").append(note).append(')');
            }
        });
        if (c.offload() && !toThread) {
            sb.append(" offload");
        }
        if (c.label().isEmpty()) {
            sb.append(" unlabelled");
        } else if (!c.label().get().equals(name)) {
            sb.append(' ').append(quote(c.label().get()));
        }
        return sb.toString();
    }

    /** A resource's name as the comment writes it: bare when it is one plain word, else quoted. */
    static String resourceWord(String on) {
        boolean plain = !on.isEmpty() && !CodeParser.COMMENT_WORDS.contains(on)
                && on.codePoints().allMatch(cp -> Identifiers.isNamePart(cp) || cp == '-' || cp == '.');
        return plain ? on : quote(on);
    }

    /** {@code "text"} with {@code \} and {@code "} escaped by a backslash. */
    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String fallback(StepKind kind) {
        return switch (kind) {
            case COMPUTE -> "compute";
            case WAIT -> "wait_io";
            case BLOCK -> "blocking_call";
        };
    }

    private void add(String code, String comment, int step) {
        lines.add(new String[] {code, comment});
        steps.add(step);
    }

    /** The lines, every comment starting in the same column (two spaces after the longest code). */
    private List<CodeLine> lines() {
        int width = 0;
        for (String[] l : lines) {
            if (l[1] != null) {
                width = Math.max(width, l[0].length());
            }
        }
        List<CodeLine> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String[] l = lines.get(i);
            String text = l[1] == null ? l[0] : l[0] + " ".repeat(width - l[0].length() + 2) + "# " + l[1];
            out.add(new CodeLine(text, steps.get(i)));
        }
        return List.copyOf(out);
    }
}
