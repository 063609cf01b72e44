package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Label;

@Label("Scenario files: properties on random valid scenarios")
class ScenarioJsonPropertiesTest {

    @Property(tries = 400)
    @Label("parse(write(s)) equals s for any valid scenario")
    void writeThenParseIsIdentity(@ForAll("scenarios") Scenario s) {
        String text = ScenarioJson.write(s);

        assertThat(ScenarioJson.parse(text)).isEqualTo(s);
    }

    @Property(tries = 200)
    @Label("writing is stable: write(parse(write(s))) equals write(s)")
    void writingIsStable(@ForAll("scenarios") Scenario s) {
        String text = ScenarioJson.write(s);

        assertThat(ScenarioJson.write(ScenarioJson.parse(text))).isEqualTo(text);
    }

    // ---------------------------------------------------------------- generators

    /** Any double in [0, max]: random bit patterns (subnormals, long fractions) and round numbers. */
    static Arbitrary<Double> ms(double max) {
        Arbitrary<Double> bits = Arbitraries.longs().between(0, Double.doubleToLongBits(max)).map(Double::longBitsToDouble);
        Arbitrary<Double> round = Arbitraries.integers().between(0, 1000).map(Integer::doubleValue);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, bits),
                net.jqwik.api.Tuple.of(2, round),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, max, 0.1, 1e-300)));
    }

    /** Any double in [lo, hi] (both > 0): random bit patterns and the two ends. */
    static Arbitrary<Double> within(double lo, double hi) {
        Arbitrary<Double> bits = Arbitraries.longs().between(Double.doubleToLongBits(lo), Double.doubleToLongBits(hi))
                .map(Double::longBitsToDouble);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, bits), net.jqwik.api.Tuple.of(1, Arbitraries.of(lo, hi)));
    }

    /** A time slice: 0 (none) or from the clock's resolution to the longest time. */
    static Arbitrary<Double> slices() {
        return Arbitraries.oneOf(Arbitraries.just(0.0), within(Limits.CLOCK_RESOLUTION_MS, Limits.MAX_MS));
    }

    static Arbitrary<Double> positive(double max) {
        return ms(max).filter(d -> d > 0);
    }

    static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("\u00e9\u4e2d\n\t\\\"\u2603")
                .ofMinLength(0).ofMaxLength(12);
    }

    /** One line of text, as names and labels are (the format's text rule): no line breaks or tabs. */
    static Arbitrary<String> line() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("\u00e9\u4e2d\\\"\u2603\u05e9<&")
                .ofMinLength(0).ofMaxLength(12);
    }

    static Arbitrary<String> name() {
        return line().filter(s -> !s.isBlank());
    }

    static Arbitrary<Distribution> distributions() {
        Arbitrary<Distribution> constant = ms(Limits.MAX_MS).map(Distribution.Constant::new);
        Arbitrary<Distribution> exponential = positive(Limits.MAX_MS).map(Distribution.Exponential::new);
        Arbitrary<Distribution> uniform = Combinators.combine(ms(Limits.MAX_MS), ms(Limits.MAX_MS))
                .as((a, b) -> new Distribution.Uniform(Math.min(a, b), Math.max(a, b)));
        Arbitrary<Distribution> normal = Combinators.combine(ms(Limits.MAX_MS), ms(Limits.MAX_MS)).as(Distribution.Normal::new);
        Arbitrary<Distribution> lognormal = Combinators.combine(positive(Limits.MAX_MS), ms(Limits.MAX_MS)).as(Distribution.LogNormal::new);
        return Arbitraries.oneOf(constant, exponential, uniform, normal, lognormal);
    }

    static Arbitrary<OptionalInt> optionalInt(int min, int max) {
        return Arbitraries.integers().between(min, max).map(OptionalInt::of)
                .injectNull(0.3).map(o -> o == null ? OptionalInt.empty() : o);
    }

    static Arbitrary<Server> servers() {
        return Combinators.combine(
                Arbitraries.of(Policy.class),
                Arbitraries.integers().between(1, Limits.MAX_WORKERS),
                Arbitraries.integers().between(1, Limits.MAX_CORES),
                Arbitraries.oneOf(Arbitraries.just(Server.DEFAULT_TIME_SLICE_MS), slices()),
                optionalInt(0, Limits.MAX_REQUESTS),
                optionalInt(1, Limits.MAX_REQUESTS)).as(Server::new);
    }

    static Arbitrary<Segment> segments(List<String> resourceNames) {
        Arbitrary<Optional<String>> label = line().injectNull(0.4).map(Optional::ofNullable);
        Arbitrary<Optional<String>> on = resourceNames.isEmpty()
                ? Arbitraries.just(Optional.empty())
                : Arbitraries.of(resourceNames).injectNull(0.4).map(Optional::ofNullable);
        Arbitrary<Segment> plain = Combinators.combine(
                        Arbitraries.of(SegmentKind.COMPUTE, SegmentKind.WAIT, SegmentKind.BLOCK), distributions(), label, on)
                .as((kind, ms, l, o) -> new Segment(kind, ms, l, kind == SegmentKind.COMPUTE ? Optional.empty() : o));
        Arbitrary<Segment> gather = Combinators.combine(label,
                        plain.list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(2).ofMaxSize(Segment.MAX_BRANCHES))
                .as((l, branches) -> Segment.gather(l.orElse(null), branches));
        return Arbitraries.frequencyOf(Tuple.of(5, plain), Tuple.of(1, gather));
    }

    static Arbitrary<RequestType> requestType(String typeName, List<String> resourceNames) {
        Arbitrary<String> color = Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(6).map(h -> "#" + h);
        Arbitrary<Double> weight = Arbitraries.oneOf(Arbitraries.just(1.0), positive(1e6));
        return Combinators.combine(color, weight, segments(resourceNames).list().ofMinSize(1).ofMaxSize(6))
                .as((c, w, segs) -> new RequestType(typeName, c, w, segs));
    }

    static Arbitrary<Arrivals> arrivals(List<String> typeNames) {
        Arbitrary<Integer> count = Arbitraries.oneOf(Arbitraries.integers().between(1, 1000),
                Arbitraries.integers().between(1, Limits.MAX_REQUESTS));
        Arbitrary<Arrivals> explicit = Combinators.combine(ms(Limits.MAX_MS), Arbitraries.of(typeNames))
                .as(Arrivals.At::new).list().ofMinSize(1).ofMaxSize(5).map(Arrivals.Explicit::new);
        Arbitrary<Arrivals> poisson = Combinators.combine(within(Limits.MIN_RATE_PER_SEC, Limits.MAX_RATE_PER_SEC), count).as(Arrivals.Poisson::new);
        Arbitrary<Arrivals> uniform = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.just(0.0), within(Limits.MIN_INTERVAL_MS, Limits.MAX_INTERVAL_MS)), count).as(Arrivals.Uniform::new);
        Arbitrary<Arrivals> burst = Combinators.combine(count, ms(Limits.MAX_MS)).as(Arrivals.Burst::new);
        Arbitrary<Arrivals> closed = Combinators.combine(Arbitraries.integers().between(1, Limits.MAX_USERS), distributions(), count)
                .as(Arrivals.Closed::new);
        return Arbitraries.oneOf(explicit, poisson, uniform, burst, closed);
    }

    static Arbitrary<Variant> variant(String label) {
        Arbitrary<Optional<Policy>> policy = Arbitraries.of(Policy.class).injectNull(0.3).map(Optional::ofNullable);
        Arbitrary<OptionalDouble> slice = slices().injectNull(0.5)
                .map(d -> d == null ? OptionalDouble.empty() : OptionalDouble.of(d));
        // Absent (inherit), null (unlimited) or a number.
        Arbitrary<Optional<OptionalInt>> queueLimit = optionalInt(0, Limits.MAX_REQUESTS).injectNull(0.4).map(Optional::ofNullable);
        Arbitrary<Optional<OptionalInt>> maxConcurrency = optionalInt(1, Limits.MAX_REQUESTS).injectNull(0.4).map(Optional::ofNullable);
        return Combinators.combine(policy, optionalInt(1, Limits.MAX_WORKERS), optionalInt(1, Limits.MAX_CORES), slice,
                queueLimit, maxConcurrency, optionalInt(1, Limits.MAX_WORKERS))
                .as((p, w, c, t, q, m, pool) -> new Variant(label, p, w, c, t, q, m, pool));
    }

    /** None, or 2 to 4 variants with distinct labels. */
    static Arbitrary<List<Variant>> variants() {
        Arbitrary<List<Variant>> some = name().set().ofMinSize(Variant.MIN_VARIANTS).ofMaxSize(Variant.MAX_VARIANTS)
                .map(ScenarioJsonPropertiesTest::ordered)
                .flatMap(labels -> Combinators.combine(labels.stream().map(ScenarioJsonPropertiesTest::variant).toList()).as(l -> l));
        return Arbitraries.oneOf(Arbitraries.just(List.of()), some);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<String>> resourceNames = name().set().ofMaxSize(4).map(ScenarioJsonPropertiesTest::ordered);
        Arbitrary<List<String>> typeNames = name().set().ofMinSize(1).ofMaxSize(4).map(ScenarioJsonPropertiesTest::ordered);
        return Combinators.combine(resourceNames, typeNames).flatAs((rs, ts) -> {
            Arbitrary<List<Resource>> resources = optionalInt(1, Resource.MAX_CAPACITY).list().ofSize(rs.size()).map(caps -> {
                List<Resource> out = new ArrayList<>();
                for (int i = 0; i < rs.size(); i++) {
                    out.add(new Resource(rs.get(i), caps.get(i)));
                }
                return out;
            });
            List<Arbitrary<RequestType>> typeArbs = ts.stream().map(t -> requestType(t, rs)).toList();
            Arbitrary<List<RequestType>> types = Combinators.combine(typeArbs).as(l -> l);
            return Combinators.combine(name(), text(), Arbitraries.longs(), servers(), resources, types, arrivals(ts), variants())
                    .as(Scenario::new);
        });
    }

    private static List<String> ordered(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
