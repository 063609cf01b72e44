package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Generating a type's code and reading it back gives the same segments, labels included, under every policy. */
class HandlerCodeProperties {
    /** Resource names a comment must quote or may leave bare. */
    private static final List<String> RESOURCES = List.of("database", "my db", "on", "cache-1", "say \"hi\"", "x.y", "offload");

    @Property(tries = 400, seed = "17")
    void codeReadsBackAsTheSameSegments(@ForAll("types") RequestType type, @ForAll("policies") Policy policy,
                                        @ForAll("capacities") OptionalInt capacity) {
        List<Resource> resources = RESOURCES.stream().map(n -> new Resource(n, capacity)).toList();
        String code = HandlerCode.text(type, Server.of(policy, 2, 1), resources);

        assertThat(HandlerCode.segments(code)).as(code).isEqualTo(type.segments());
        assertThat(RequestType.ofCode(type.name(), type.color(), type.weight(), code).segments()).isEqualTo(type.segments());
    }

    @Provide
    Arbitrary<Policy> policies() {
        return Arbitraries.of(Policy.class);
    }

    @Provide
    Arbitrary<OptionalInt> capacities() {
        return Arbitraries.integers().between(0, 3).map(c -> c == 0 ? OptionalInt.empty() : OptionalInt.of(c));
    }

    @Provide
    Arbitrary<RequestType> types() {
        Arbitrary<Segment> segment = Arbitraries.frequencyOf(Tuple.of(5, call()), Tuple.of(1, gather()), Tuple.of(1, spawn()));
        return segment.list().ofMinSize(1).ofMaxSize(6).map(s -> new RequestType("type " + s.size(), "#0072B2", 1, s));
    }

    private static Arbitrary<Segment> gather() {
        Arbitrary<List<Segment>> branch = call().list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(labels(), branch.list().ofMinSize(2).ofMaxSize(4))
                .as((label, branches) -> new Segment(SegmentKind.GATHER, null, label, Optional.empty(), false, branches));
    }

    /** A background task: compute, wait and block calls only (no gather or spawn inside one). */
    private static Arbitrary<Segment> spawn() {
        return Combinators.combine(labels(), call().list().ofMinSize(1).ofMaxSize(3))
                .as((label, task) -> Segment.spawn(label.orElse(null), task));
    }

    private static Arbitrary<Segment> call() {
        Arbitrary<SegmentKind> kinds = Arbitraries.of(SegmentKind.COMPUTE, SegmentKind.WAIT, SegmentKind.BLOCK);
        Arbitrary<Optional<String>> on = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(1, Arbitraries.of(RESOURCES).map(Optional::of)));
        return Combinators.combine(kinds, durations(), labels(), on, Arbitraries.of(true, false))
                .as((kind, ms, label, res, off) -> new Segment(kind, ms, label,
                        kind == SegmentKind.COMPUTE ? Optional.empty() : res, off && kind != SegmentKind.WAIT));
    }

    /** Absent, empty, names that stay names, and text that must be kept quoted. */
    private static Arbitrary<Optional<String>> labels() {
        Arbitrary<String> tricky = Arbitraries.of("db query", "time.sleep", "import", "3 calls", "a\"b", "back\\slash",
                "# not a comment", "asyncio.to_thread", "gather", "branch_1", "unlabelled", " padded ", "café", ".", "x..y",
                "db_query", "await", "ms");
        Arbitrary<String> random = Arbitraries.strings().withChars("abZ_ .\"\\#()'é1-").ofMaxLength(10);
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(3, tricky.map(Optional::of)),
                Tuple.of(3, random.map(Optional::of)));
    }

    private static Arbitrary<Distribution> durations() {
        Arbitrary<Double> ms = Arbitraries.doubles().between(0.001, 5000).ofScale(3);
        Arbitrary<Double> any = Arbitraries.doubles().between(0.0, 1e6);
        return Arbitraries.oneOf(
                ms.map(Distribution.Constant::new),
                any.map(Distribution.Constant::new),
                Arbitraries.of(0.0, 1e-9, 1e7, 0.1 + 0.2).map(Distribution.Constant::new),
                ms.map(Distribution.Exponential::new),
                Combinators.combine(ms, ms).as((a, b) -> new Distribution.Uniform(Math.min(a, b), Math.max(a, b))),
                Combinators.combine(ms, ms).as(Distribution.Normal::new),
                Combinators.combine(ms, any).as(Distribution.LogNormal::new));
    }
}
