package io.interleave.scenario.code;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a handler written in the small subset of Python that {@link CodeWriter}
 * writes (the grammar is in docs/scenario-format.md, "A request type as code"):
 *
 * <pre>
 * async def handle_report(request):          (or def: every call then blocks the thread)
 *     parse_request()                        # compute 10 ms
 *     rows = await db_query()                # wait 80 ms on database "db query"
 *     time.sleep(0.15)                       # block 150 ms
 *     await asyncio.to_thread(resize)        # compute exp(mean 20) ms
 *     await asyncio.gather(                  # gather "two calls"
 *         fetch_user(),                      # wait 40 ms
 *         fetch_orders(),                    # wait uniform(min 20, max 60) ms
 *     )
 * </pre>
 *
 * One statement a line, each with a trailing comment giving its kind, its
 * duration and optionally {@code on RESOURCE}, {@code offload} and a quoted
 * label. Comment lines and blank lines may stand anywhere. The first mistake
 * is reported as a {@link CodeException}: {@code line 3, column 5: expected ...}.
 */
public final class CodeParser {
    /** Words with a meaning of their own in a comment (a resource with such a name is written quoted). */
    static final Set<String> COMMENT_WORDS = Set.of("on", "offload", "unlabelled", "ms", "compute", "wait", "block", "gather");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\\.[0-9]+(?:[eE][+-]?[0-9]+)?");

    private final String[] lines;
    private int next; // index of the next line to read
    private boolean async;
    private int bodyIndent;
    private final Map<String, Helper> helpers = new LinkedHashMap<>();

    private record Helper(List<Statement.Call> calls, Position at) {
    }

    private CodeParser(String code) {
        this.lines = code.split("\r\n|\n|\r", -1);
    }

    /** The handler {@code code} describes; a {@link CodeException} naming the line and column if it breaks the grammar. */
    public static Handler parse(String code) {
        return new CodeParser(code).handler();
    }

    private Handler handler() {
        int def = nextCodeLine();
        if (def < 0) {
            throw new CodeException(new Position(Math.max(1, lines.length), 1),
                    "expected 'def' or 'async def' starting the handler, found no code");
        }
        Cursor c = new Cursor(def);
        if (c.indent() > 0) {
            throw new CodeException(c.position(c.indent()), "expected 'def' or 'async def' at the start of the line, without indentation");
        }
        async = c.word("async");
        if (async) {
            c.spaces();
        }
        if (!c.word("def")) {
            throw c.error("expected '" + (async ? "def' after 'async" : "def' or 'async def") + "' starting the handler");
        }
        c.spaces();
        c.name("the handler's name after 'def'");
        c.parenthesised("'(' after the handler's name");
        c.expect(':', "':' after the parameters");
        c.endOfCode("the end of the line after ':'");
        next = def + 1;

        int first = nextCodeLine();
        if (first < 0 || new Cursor(first).indent() == 0) {
            throw new CodeException(new Position(first < 0 ? lines.length : first + 1, 1),
                    "expected the handler's body, indented under the def");
        }
        bodyIndent = new Cursor(first).indent();
        List<Statement> body = new ArrayList<>();
        Set<String> gathered = new HashSet<>();
        while (true) {
            int at = nextCodeLine();
            if (at < 0) {
                break;
            }
            Cursor line = new Cursor(at);
            if (line.indent() == 0) {
                throw line.error("expected the handler's body to go on, or nothing: one handler per request type");
            }
            line.indentExactly(bodyIndent, "the body's indentation");
            next = at + 1;
            if (line.startsDef()) {
                helper(line);
            } else if (line.startsGather()) {
                body.add(gather(line, gathered));
            } else if (line.startsSpawn()) {
                body.add(spawn(line, gathered));
            } else {
                body.add(call(line, false));
            }
        }
        for (Map.Entry<String, Helper> h : helpers.entrySet()) {
            if (!gathered.contains(h.getKey())) {
                throw new CodeException(h.getValue().at(), "helper " + h.getKey() + " is defined but no gather or spawn uses it");
            }
        }
        if (body.isEmpty()) {
            throw new CodeException(helpers.values().iterator().next().at(), "expected a call or a gather in the handler's body, not only helpers");
        }
        return new Handler(async, numberSpawns(body));
    }

    /** The body with each spawn's first step: a spawned task's steps come after the request's own, spawn by spawn. */
    private static List<Statement> numberSpawns(List<Statement> body) {
        int next = 0;
        for (Statement s : body) {
            next += s instanceof Statement.Gather g ? g.branches().stream().mapToInt(List::size).sum() : 1;
        }
        List<Statement> out = new ArrayList<>(body.size());
        for (Statement s : body) {
            if (s instanceof Statement.Spawn sp) {
                out.add(new Statement.Spawn(sp.label(), sp.calls(), next, sp.at()));
                next += sp.calls().size();
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * A spawn: {@code asyncio.create_task(helper())} in async code, {@code executor.submit(helper)} in a plain def,
     * starting the helper defined above as a background task; its comment {@code # spawn "label": note} is optional.
     */
    private Statement.Spawn spawn(Cursor c, Set<String> used) {
        c.skipIndent();
        Position at = c.position();
        if (c.word("await")) {
            throw new CodeException(at, "expected no 'await' before a spawn: it goes on without waiting for its task");
        }
        int nameAt = c.pos;
        String name = c.dotted();
        if (async && !name.equals("asyncio.create_task")) {
            throw new CodeException(c.position(nameAt), "expected 'asyncio.create_task(helper())' to start a background task in async code"
                    + " (executor.submit is for a plain def)");
        }
        if (!async && !name.equals("executor.submit")) {
            throw new CodeException(c.position(nameAt), "expected 'executor.submit(helper)' to start a background task in a plain def"
                    + " (asyncio.create_task needs 'async def')");
        }
        c.expect('(', "'(' after " + name);
        c.spaces();
        int helperAt = c.pos;
        String helper = c.name("the helper's name inside " + name + "(...)");
        if (async) {
            c.expect('(', "'()' after " + helper + ": create_task takes the coroutine " + helper + "() returns");
            c.expect(')', "')' closing " + helper + "(");
        }
        c.expect(')', "')' closing " + name + "(");
        c.endOfCode("the end of the line after ')'");
        Optional<String> label = Optional.empty();
        if (c.hasComment()) {
            Cursor k = c.comment();
            if (!k.word("spawn")) {
                throw k.error("expected 'spawn' starting the comment of a spawn");
            }
            k.spaces();
            if (k.peek() == '"') {
                label = Optional.of(k.quoted());
                k.spaces();
            }
            if (k.peek() == ':') {
                k.pos = k.end; // a note for the reader, e.g. ": goes on without waiting"
            }
            k.endOfComment("a quoted label, ':' and a note, or the end of the comment after 'spawn'");
        }
        Helper h = helpers.get(helper);
        if (h == null) {
            throw new CodeException(c.position(helperAt), "expected a helper named " + helper
                    + " defined above (" + (async ? "async def " : "def ") + helper + "(): with the task's calls indented under it)");
        }
        if (!used.add(helper)) {
            throw new CodeException(c.position(helperAt), "helper " + helper
                    + " is already used by a gather or a spawn above; define one helper each");
        }
        return new Statement.Spawn(label, h.calls(), 0, at);
    }

    /** A nested {@code def branch_1():} whose calls form one branch of a later gather. */
    private void helper(Cursor c) {
        Position at = c.position();
        boolean helperAsync = c.word("async");
        if (helperAsync) {
            c.spaces();
        }
        c.word("def");
        if (helperAsync != async) {
            throw new CodeException(at, async ? "expected 'async def' for a helper inside an async handler"
                    : "expected 'def' for a helper inside a plain def (an async helper needs an async handler)");
        }
        c.spaces();
        String name = c.name("the helper's name after 'def'");
        c.parenthesised("'(' after the helper's name");
        c.expect(':', "':' after the parameters");
        c.endOfCode("the end of the line after ':'");
        if (helpers.containsKey(name)) {
            throw new CodeException(at, "helper " + name + " is defined twice");
        }
        List<Statement.Call> calls = new ArrayList<>();
        int indent = -1;
        while (true) {
            int l = nextCodeLine();
            if (l < 0 || new Cursor(l).indent() <= bodyIndent) {
                break;
            }
            Cursor line = new Cursor(l);
            if (indent < 0) {
                indent = line.indent();
            }
            line.indentExactly(indent, "the helper's indentation");
            next = l + 1;
            if (line.startsDef() || line.startsGather() || line.startsSpawn()) {
                throw line.error("expected a call: a helper holds calls only (no helper, gather or spawn inside it)");
            }
            calls.add(call(line, false));
        }
        if (calls.isEmpty()) {
            throw new CodeException(new Position(Math.min(next + 1, lines.length), 1), "expected the helper's calls, indented under its def");
        }
        helpers.put(name, new Helper(calls, at));
    }

    private Statement.Gather gather(Cursor c, Set<String> gathered) {
        Position at = c.position();
        boolean awaited = c.word("await");
        if (awaited) {
            c.spaces();
        }
        int nameAt = c.pos;
        String name = c.dotted();
        if (async && !(awaited && name.equals("asyncio.gather"))) {
            throw new CodeException(c.position(nameAt), "expected 'await asyncio.gather(' for a gather in async code");
        }
        if (!async && (awaited || !name.equals("gather"))) {
            throw new CodeException(at, "expected 'gather(' for a gather in a plain def (await needs 'async def')");
        }
        c.spaces();
        c.expect('(', "'('");
        c.endOfCode("a line break after '" + name + "(': one branch a line, each with its comment");
        Optional<String> label = Optional.empty();
        if (c.hasComment()) {
            Cursor k = c.comment();
            if (!k.word("gather")) {
                throw k.error("expected 'gather' starting the comment of a gather");
            }
            k.spaces();
            if (k.peek() == '"') {
                label = Optional.of(k.quoted());
            }
            k.endOfComment("a quoted label or the end of the comment after 'gather'");
        }
        List<List<Statement.Call>> branches = new ArrayList<>();
        while (true) {
            int l = nextCodeLine();
            if (l < 0) {
                throw new CodeException(new Position(lines.length, 1), "expected ')' closing the gather opened at " + at);
            }
            Cursor line = new Cursor(l);
            next = l + 1;
            if (line.indent() <= bodyIndent) {
                line.indentExactly(bodyIndent, "the body's indentation");
                line.expect(')', "')' closing the gather, or a branch indented under it");
                line.endOfCode("the end of the line after ')'");
                break;
            }
            line.skipIndent();
            if (line.startsSpawn()) {
                throw line.error("a gather's branch cannot start a background task; put the spawn before or after the gather");
            }
            String helper = line.helperReference();
            if (helper != null && !line.hasComment()) {
                Helper h = helpers.get(helper);
                if (h == null) {
                    throw line.error("expected a comment saying what " + helper + "() does, or a helper of that name defined above");
                }
                if (!gathered.add(helper)) {
                    throw line.error("helper " + helper + " is already used by a gather or a spawn above; define one helper each");
                }
                branches.add(h.calls());
            } else {
                branches.add(List.of(call(line, true)));
            }
        }
        if (branches.isEmpty()) {
            throw new CodeException(at, "expected at least one branch inside the gather");
        }
        return new Statement.Gather(label, branches, at);
    }

    /** One call and its comment; {@code inGather}: a branch line, written without await and ending in a comma. */
    private Statement.Call call(Cursor c, boolean inGather) {
        c.skipIndent();
        Position at = c.position();
        if (!inGather) {
            c.assignment();
        }
        int awaitAt = c.pos;
        boolean awaited = c.word("await");
        if (awaited) {
            if (inGather) {
                throw new CodeException(c.position(awaitAt), "expected no 'await' inside the gather: it takes the calls themselves");
            }
            if (!async) {
                throw new CodeException(c.position(awaitAt), "'await' needs 'async def' (this handler is a plain def)");
            }
            c.spaces();
        }
        int nameAt = c.pos;
        String name = c.dotted();
        if (name.isEmpty()) {
            throw c.error("expected a call such as db_query()");
        }
        boolean toThread = name.equals("asyncio.to_thread");
        if (toThread) {
            if (!async) {
                throw new CodeException(c.position(nameAt), "asyncio.to_thread needs 'async def' (this handler is a plain def)");
            }
            if (!inGather && !awaited) {
                throw new CodeException(c.position(nameAt), "expected 'await' before asyncio.to_thread(...)");
            }
            c.spaces();
            c.expect('(', "'(' after asyncio.to_thread");
            c.spaces();
            name = c.dotted();
            if (name.isEmpty()) {
                throw c.error("expected the function to run on a thread, such as asyncio.to_thread(resize_image)");
            }
            c.rest("')' closing asyncio.to_thread(", nameAt + "asyncio.to_thread".length());
        } else {
            c.parenthesised("'(' after " + name + ": a call");
        }
        if (inGather) {
            c.spaces();
            c.optional(',');
        }
        c.endOfCode("the end of the statement after ')'" + (inGather ? " and its comma" : ""));
        if (!c.hasComment()) {
            throw c.error("expected a comment saying what the call does, such as '# wait 80 ms' or '# compute 5 ms'");
        }
        Cursor k = c.comment();
        int kindAt = k.pos;
        String word = k.bareWord();
        StepKind kind = StepKind.fromWord(word).orElseThrow(() -> new CodeException(k.position(kindAt),
                "expected compute, wait or block starting the comment" + (word.isEmpty() ? "" : ", found '" + word + "'")));
        k.spaces();
        Position durationAt = k.position();
        Duration duration = k.duration();
        k.spaces();
        if (!k.word("ms")) {
            throw k.error("expected 'ms' after the duration");
        }
        Optional<String> on = Optional.empty();
        Position onAt = at;
        boolean offload = toThread;
        Optional<String> label = Optional.of(name);
        boolean labelled = false;
        k.spaces();
        if (k.word("on")) {
            k.spaces();
            onAt = k.position();
            on = Optional.of(k.peek() == '"' ? k.quoted() : k.bareWord());
            if (on.get().isEmpty()) {
                throw k.error("expected a resource's name after 'on'");
            }
            k.spaces();
            if (k.peek() == '(') {
                k.parenthesised("a note in brackets"); // e.g. (2 slots): the scenario's resources decide, not this note
                k.spaces();
            }
        }
        int offloadAt = k.pos;
        if (k.word("offload")) {
            offload = true;
            k.spaces();
        }
        if (k.peek() == '"') {
            label = Optional.of(k.quoted());
            labelled = true;
        } else if (k.word("unlabelled")) {
            label = Optional.empty();
            labelled = true;
        }
        k.endOfComment(labelled ? "the end of the comment after the label"
                : "on RESOURCE, offload, a quoted label, unlabelled or the end of the comment");
        if (kind == StepKind.WAIT) {
            if (offload) {
                throw new CodeException(toThread ? c.position(nameAt) : k.position(offloadAt),
                        "a wait cannot be offloaded (an await already lets go of the loop); offload a block or a compute");
            }
            if (async && !inGather && !awaited) {
                throw new CodeException(at, "expected 'await' before a wait in async code (write '# block' for a call that holds the loop)");
            }
        } else if (awaited && !toThread) {
            throw new CodeException(c.position(awaitAt), "expected no 'await' before a " + kind.word()
                    + ": it is a plain call that holds the " + (kind == StepKind.BLOCK ? "loop" : "CPU") + " (write '# wait' for awaited I/O)");
        }
        return new Statement.Call(kind, duration, on, offload, label, at, durationAt, onAt);
    }

    /** The index of the next line holding code (not blank, not only a comment), from {@link #next}; -1 at the end. */
    private int nextCodeLine() {
        for (int l = next; l < lines.length; l++) {
            String s = lines[l].strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                return l;
            }
        }
        return -1;
    }

    /** Reads one line. */
    private final class Cursor {
        final String text;
        final int line;
        int pos;
        int end;
        final int commentAt;

        Cursor(int index) {
            this.text = lines[index];
            this.line = index + 1;
            this.commentAt = commentStart(text);
            this.end = commentAt < 0 ? text.length() : commentAt;
        }

        private Cursor(String text, int line, int from, int end) {
            this.text = text;
            this.line = line;
            this.pos = from;
            this.end = end;
            this.commentAt = -1;
        }

        Position position() {
            return position(pos);
        }

        Position position(int at) {
            return new Position(line, at + 1);
        }

        CodeException error(String rule) {
            return new CodeException(position(), rule);
        }

        int indent() {
            int i = 0;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                if (text.charAt(i) == '\t') {
                    throw new CodeException(position(i), "expected spaces for indentation, not a tab");
                }
                i++;
            }
            return i;
        }

        void indentExactly(int want, String what) {
            int have = indent();
            if (have != want) {
                throw new CodeException(position(Math.min(have, want)), "expected an indentation of " + want
                        + " spaces (" + what + "), found " + have);
            }
            pos = have;
        }

        void skipIndent() {
            pos = Math.max(pos, indent());
        }

        int peek() {
            return pos < end ? text.charAt(pos) : -1;
        }

        void spaces() {
            while (pos < end && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
        }

        boolean startsDef() {
            int save = pos;
            skipIndent();
            boolean def = word("def") || (word("async") && spacesThen("def"));
            pos = save;
            return def;
        }

        boolean startsGather() {
            String name = calledName();
            return name.equals("asyncio.gather") || name.equals("gather");
        }

        /** {@code asyncio.create_task(} or {@code executor.submit(}, awaited or not. */
        boolean startsSpawn() {
            String name = calledName();
            return name.equals("asyncio.create_task") || name.equals("executor.submit");
        }

        /** The dotted name this line calls ("asyncio.gather" for {@code await asyncio.gather(}), or "" if it calls none; moves nothing. */
        private String calledName() {
            int save = pos;
            skipIndent();
            if (word("await")) {
                spaces();
            }
            String name = dotted();
            spaces();
            boolean call = peek() == '(';
            pos = save;
            return call ? name : "";
        }

        private boolean spacesThen(String w) {
            spaces();
            return word(w);
        }

        /** Reads {@code w} if it stands here as a whole word. */
        boolean word(String w) {
            if (text.startsWith(w, pos) && pos + w.length() <= end
                    && (pos + w.length() == end || !Identifiers.isNamePart(text.charAt(pos + w.length())))) {
                pos += w.length();
                return true;
            }
            return false;
        }

        /** A run of characters up to a space or the end: a word of the comment. */
        String bareWord() {
            int start = pos;
            while (pos < end && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '(' && text.charAt(pos) != '"') {
                pos++;
            }
            return text.substring(start, pos);
        }

        String name(String what) {
            int start = pos;
            if (pos < end && Identifiers.isNameStart(text.codePointAt(pos))) {
                pos += Character.charCount(text.codePointAt(pos));
                while (pos < end && Identifiers.isNamePart(text.codePointAt(pos))) {
                    pos += Character.charCount(text.codePointAt(pos));
                }
                return text.substring(start, pos);
            }
            throw error("expected " + what);
        }

        /** A dotted name such as {@code db.fetch}, or empty if none stands here. */
        String dotted() {
            int start = pos;
            if (pos >= end || !Identifiers.isNameStart(text.codePointAt(pos))) {
                return "";
            }
            name("a name");
            while (pos + 1 < end && text.charAt(pos) == '.' && Identifiers.isNameStart(text.codePointAt(pos + 1))) {
                pos++;
                name("a name after '.'");
            }
            return text.substring(start, pos);
        }

        /** {@code rows = } before a call: read and forgotten. */
        void assignment() {
            int save = pos;
            if (!dotted().isEmpty()) {
                spaces();
                if (peek() == '=' && (pos + 1 >= end || text.charAt(pos + 1) != '=')) {
                    pos++;
                    spaces();
                    return;
                }
            }
            pos = save;
        }

        /** A name called without a comment: {@code branch_1(),}. */
        String helperReference() {
            int save = pos;
            String name = dotted();
            spaces();
            if (!name.isEmpty() && peek() == '(') {
                pos++;
                spaces();
                if (peek() == ')') {
                    pos++;
                    spaces();
                    optional(',');
                    spaces();
                    if (pos == end) {
                        pos = save;
                        return name;
                    }
                }
            }
            pos = save;
            return null;
        }

        void expect(char ch, String what) {
            spaces();
            if (peek() != ch) {
                throw error("expected " + what);
            }
            pos++;
        }

        void optional(char ch) {
            if (peek() == ch) {
                pos++;
            }
        }

        /** {@code (...)} with anything balanced inside (arguments are read and forgotten). */
        void parenthesised(String what) {
            expect('(', what);
            rest("')' closing this bracket", pos - 1);
        }

        /** Up to and including the ')' that closes a '(' already read. */
        void rest(String what, int open) {
            int depth = 1;
            char quote = 0;
            while (pos < end) {
                char ch = text.charAt(pos++);
                if (quote != 0) {
                    if (ch == '\\') {
                        pos++;
                    } else if (ch == quote) {
                        quote = 0;
                    }
                } else if (ch == '"' || ch == '\'') {
                    quote = ch;
                } else if (ch == '(') {
                    depth++;
                } else if (ch == ')' && --depth == 0) {
                    return;
                }
            }
            throw new CodeException(position(open), "expected " + what);
        }

        void endOfCode(String what) {
            spaces();
            if (pos < end) {
                throw error("expected " + what);
            }
        }

        boolean hasComment() {
            return commentAt >= 0;
        }

        /** A cursor on this line's comment, after its '#' and spaces. */
        Cursor comment() {
            Cursor k = new Cursor(text, line, commentAt + 1, text.length());
            k.spaces();
            return k;
        }

        void endOfComment(String what) {
            spaces();
            if (pos < end) {
                throw error("expected " + what);
            }
        }

        String quoted() {
            int open = pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < end) {
                char ch = text.charAt(pos++);
                if (ch == '\\' && pos < end) {
                    sb.append(text.charAt(pos++));
                } else if (ch == '"') {
                    return sb.toString();
                } else {
                    sb.append(ch);
                }
            }
            throw new CodeException(position(open), "expected '\"' closing the text opened here");
        }

        Duration duration() {
            int start = pos;
            Matcher m = NUMBER.matcher(text).region(pos, end);
            if (m.lookingAt()) {
                pos = m.end();
                return Duration.constant(Double.parseDouble(m.group()));
            }
            String word = bareWord();
            Optional<Duration.Family> family = Duration.Family.fromWord(word);
            if (family.isEmpty()) {
                pos = start;
                throw error("expected a duration such as 80 or exp(mean 20)" + (word.isEmpty() ? "" : ", found '" + word + "'"));
            }
            Duration.Family f = family.get();
            expect('(', "'(' after " + f.word() + ", as in " + example(f));
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < f.parameters().size(); i++) {
                if (i > 0) {
                    expect(',', "',' and " + f.parameters().get(i) + ", as in " + example(f));
                }
                spaces();
                if (!word(f.parameters().get(i))) {
                    throw error("expected " + f.parameters().get(i) + ", as in " + example(f));
                }
                spaces();
                Matcher n = NUMBER.matcher(text).region(pos, end);
                if (!n.lookingAt()) {
                    throw error("expected a number after " + f.parameters().get(i) + ", as in " + example(f));
                }
                pos = n.end();
                values.add(Double.parseDouble(n.group()));
            }
            expect(')', "')' closing " + f.word() + "(...), as in " + example(f));
            return new Duration(f, values);
        }
    }

    private static String example(Duration.Family f) {
        return switch (f) {
            case CONSTANT -> "80";
            case EXPONENTIAL -> "exp(mean 20)";
            case UNIFORM -> "uniform(min 10, max 30)";
            case NORMAL -> "normal(mean 50, sd 10)";
            case LOGNORMAL -> "lognormal(mean 50, sd 10)";
        };
    }

    /** Where the comment of a line starts: its first '#' outside a string; -1 without one. */
    static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                if (ch == '\\') {
                    i++;
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch == '#') {
                return i;
            }
        }
        return -1;
    }
}
