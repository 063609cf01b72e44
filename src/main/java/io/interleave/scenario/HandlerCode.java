package io.interleave.scenario;

import io.interleave.scenario.code.CodeException;
import io.interleave.scenario.code.CodeLine;
import io.interleave.scenario.code.CodeParser;
import io.interleave.scenario.code.CodeWriter;
import io.interleave.scenario.code.Duration;
import io.interleave.scenario.code.Handler;
import io.interleave.scenario.code.Identifiers;
import io.interleave.scenario.code.Position;
import io.interleave.scenario.code.Statement;
import io.interleave.scenario.code.StepKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request type as the Python handler it stands for, and back: segments to
 * code under a policy ({@link #lines}), code to segments ({@link #segments}).
 * Generating code from segments and reading it back gives the same segments,
 * labels included, under every policy.
 */
public final class HandlerCode {
    private HandlerCode() {
    }

    /**
     * The segments {@code code} describes. A mistake is an {@link IllegalArgumentException} whose message
     * starts with the place: {@code line 3, column 5: expected ...}.
     */
    public static List<Segment> segments(String code) {
        Handler handler;
        try {
            handler = CodeParser.parse(code);
        } catch (CodeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<Segment> out = new ArrayList<>();
        for (Statement s : handler.body()) {
            if (s instanceof Statement.Call c) {
                out.add(segment(c));
            } else if (s instanceof Statement.Gather g) {
                List<List<Segment>> branches = new ArrayList<>();
                for (List<Statement.Call> branch : g.branches()) {
                    branches.add(branch.stream().map(HandlerCode::segment).toList());
                }
                try {
                    out.add(new Segment(SegmentKind.GATHER, null, g.label(), Optional.empty(), false, branches));
                } catch (IllegalArgumentException e) {
                    throw at(g.at(), e);
                }
            } else if (s instanceof Statement.Spawn sp) {
                List<Segment> task = sp.calls().stream().map(HandlerCode::segment).toList();
                try {
                    out.add(Segment.spawn(sp.label().orElse(null), task));
                } catch (IllegalArgumentException e) {
                    throw at(sp.at(), e);
                }
            }
        }
        return out;
    }

    /**
     * The handler of {@code type} as the server runs it: a {@code def} under a policy whose waits hold the
     * worker, an {@code async def} otherwise, with {@code await asyncio.to_thread} where the policy has a pool.
     * A header comment describes the server; a resource's slots and shared latency follow its name.
     */
    public static List<CodeLine> lines(RequestType type, Server server, List<Resource> resources) {
        Policy policy = server.policy();
        CodeWriter.Style style = policy.waitsHoldWorker() ? CodeWriter.Style.SYNC
                : policy.hasPool() ? CodeWriter.Style.ASYNC_POOL : CodeWriter.Style.ASYNC;
        List<String> header = new ArrayList<>();
        header.add("server: " + policy.displayName().toLowerCase(java.util.Locale.ROOT) + ", " + policy.workers(server.workers())
                + " on " + server.cores() + (server.cores() == 1 ? " core" : " cores")
                + (policy.hasPool() ? ", " + server.poolThreads() + " pool threads" : ""));
        interpreter(server).ifPresent(header::add);
        header.add(style == CodeWriter.Style.SYNC ? "each request holds its thread from start to end, waits included"
                : "an await lets the " + policy.workerNoun() + " run other requests; a plain call holds it");
        if (style == CodeWriter.Style.SYNC && type.segments().stream().anyMatch(Segment::isGather)) {
            header.add("the thread runs gather(...)'s calls one after another");
        }
        type.timeoutMs().ifPresent(t -> header.add("the client gives up after " + io.interleave.time.TimeText.duration(t) + "; "
                + (style == CodeWriter.Style.SYNC ? "the thread works on to the end for nobody"
                        : type.cancelOnTimeout() ? "the server cancels the task at its next await"
                        : "the handler runs on to the end for nobody")));
        boolean offloads = Segment.steps(type.segments()).stream().anyMatch(s -> s.segment().offload());
        if (offloads && !policy.hasPool()) {
            header.add("no thread pool: a call marked offload runs in place");
        }
        Map<String, String> notes = new LinkedHashMap<>();
        for (Resource r : resources) {
            List<String> parts = new ArrayList<>();
            r.capacity().ifPresent(c -> parts.add(c + (c == 1 ? " slot" : " slots")));
            if (r.latency() != Latency.FIXED) {
                parts.add(r.latency().toString());
            }
            notes.put(r.name(), String.join(", ", parts));
        }
        return CodeWriter.write(handler(type.segments(), style.async()), style,
                "handle_" + Identifiers.name(type.name().replace('.', '_'), "request"), header, notes);
    }

    /**
     * The header line about the interpreter, when the server says more than the defaults (one process, no GIL):
     * "CPython with a GIL, 4 processes x 2 threads", "free-threaded Python (no GIL), 2 processes x 4 threads",
     * "CPython with a GIL, one process per loop, each with its own pool"; with a GIL and a switch interval other than
     * CPython's, "sys.setswitchinterval(0.002)" follows. Under an event loop without a GIL {@code processes} is
     * unused, so there is nothing to say.
     */
    static Optional<String> interpreter(Server server) {
        Policy policy = server.policy();
        boolean sync = policy == Policy.SYNC;
        if (!server.gil() && (!sync || server.processes() == 1)) {
            return Optional.empty();
        }
        String python = server.gil() ? "CPython with a GIL" : "free-threaded Python (no GIL)";
        String shape = sync
                ? server.processes() + (server.processes() == 1 ? " process x " : " processes x ") + policy.workers(server.workers())
                : "one process per loop" + (policy.hasPool() ? ", each with its own pool" : "");
        String interval = server.gil() && server.switchIntervalMs() != Server.DEFAULT_SWITCH_INTERVAL_MS
                ? ", sys.setswitchinterval("
                + java.math.BigDecimal.valueOf(server.switchIntervalMs()).movePointLeft(3).stripTrailingZeros().toPlainString() + ")" : "";
        return Optional.of(python + ", " + shape + interval);
    }

    /** The lines of {@link #lines} as one text. */
    public static String text(RequestType type, Server server, List<Resource> resources) {
        return CodeWriter.text(lines(type, server, resources));
    }

    /** The statements {@code segments} stand for. */
    static Handler handler(List<Segment> segments, boolean async) {
        List<Statement> body = new ArrayList<>();
        int task = Segment.ownSteps(segments); // a spawned task's steps come after the request's own
        for (Segment s : segments) {
            if (s.isSpawn()) {
                body.add(new Statement.Spawn(s.label(), s.segments().stream().map(HandlerCode::call).toList(), task));
                task += s.segments().size();
                continue;
            }
            body.add(switch (s.kind()) {
                case COMPUTE, WAIT, BLOCK -> call(s);
                case GATHER -> new Statement.Gather(s.label(),
                        s.branches().stream().map(b -> b.stream().map(HandlerCode::call).toList()).toList());
                case SPAWN -> throw new IllegalStateException("a spawn is written above");
            });
        }
        return new Handler(async, body);
    }

    private static Statement.Call call(Segment s) {
        StepKind kind = switch (s.kind()) {
            case COMPUTE -> StepKind.COMPUTE;
            case WAIT -> StepKind.WAIT;
            case BLOCK -> StepKind.BLOCK;
            case GATHER -> throw new IllegalArgumentException("a gather is not one call");
            case SPAWN -> throw new IllegalArgumentException("a spawn is not one call");
        };
        return new Statement.Call(kind, duration(s.ms()), s.on(), s.offload(), s.label());
    }

    private static Segment segment(Statement.Call c) {
        SegmentKind kind = switch (c.kind()) {
            case COMPUTE -> SegmentKind.COMPUTE;
            case WAIT -> SegmentKind.WAIT;
            case BLOCK -> SegmentKind.BLOCK;
        };
        Distribution ms;
        try {
            ms = distribution(c.duration());
        } catch (IllegalArgumentException e) {
            throw at(c.durationAt(), e);
        }
        try {
            return new Segment(kind, ms, c.label(), c.on(), c.offload());
        } catch (IllegalArgumentException e) {
            throw at(e.getMessage().startsWith("on:") ? c.onAt() : c.at(), e);
        }
    }

    private static IllegalArgumentException at(Position where, IllegalArgumentException e) {
        return new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }

    static Duration duration(Distribution d) {
        if (d instanceof Distribution.Constant c) {
            return Duration.constant(c.value());
        }
        if (d instanceof Distribution.Exponential e) {
            return new Duration(Duration.Family.EXPONENTIAL, List.of(e.mean()));
        }
        if (d instanceof Distribution.Uniform u) {
            return new Duration(Duration.Family.UNIFORM, List.of(u.min(), u.max()));
        }
        if (d instanceof Distribution.Normal n) {
            return new Duration(Duration.Family.NORMAL, List.of(n.mu(), n.sd()));
        }
        if (d instanceof Distribution.LogNormal l) {
            return new Duration(Duration.Family.LOGNORMAL, List.of(l.mean(), l.sd()));
        }
        throw new IllegalArgumentException("no code form for " + d);
    }

    static Distribution distribution(Duration d) {
        List<Double> v = d.values();
        return switch (d.family()) {
            case CONSTANT -> new Distribution.Constant(v.get(0));
            case EXPONENTIAL -> new Distribution.Exponential(v.get(0));
            case UNIFORM -> new Distribution.Uniform(v.get(0), v.get(1));
            case NORMAL -> new Distribution.Normal(v.get(0), v.get(1));
            case LOGNORMAL -> new Distribution.LogNormal(v.get(0), v.get(1));
        };
    }
}
