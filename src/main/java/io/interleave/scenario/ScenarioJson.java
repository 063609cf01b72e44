package io.interleave.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and writes scenario files (schema 1). Every rule that a file can
 * break is reported as an {@link InvalidScenarioException} whose message
 * starts with the JSON path, e.g.
 * {@code requestTypes[0].segments[2].ms.mean: must be > 0}. Reading either
 * returns a complete scenario or throws; nothing is half-built.
 */
public final class ScenarioJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    /** Files larger than this are refused before parsing. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private ScenarioJson() {
    }

    /**
     * Reads a scenario file. Every message starts with the file's path, then
     * the JSON path and the rule, e.g.
     * {@code my.json: requestTypes[0].segments[2].ms.mean: must be > 0}.
     */
    public static Scenario read(Path file) {
        try {
            byte[] bytes = io.interleave.files.InputFiles.read(file, MAX_FILE_BYTES);
            return parse(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (io.interleave.files.InputFiles.Refused e) {
            throw new InvalidScenarioException(file + ": " + e.getMessage(), e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidScenarioException(file + ": file is not UTF-8 text", e);
        } catch (InvalidScenarioException e) {
            throw new InvalidScenarioException(file + ": " + e.getMessage(), e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidScenarioException(file + ": no such file", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InvalidScenarioException(file + ": permission denied", e);
        } catch (IOException e) {
            throw new InvalidScenarioException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a scenario from a stream of UTF-8 JSON, such as a bundled preset. */
    public static Scenario read(InputStream in) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Parses scenario JSON text. */
    public static Scenario parse(String json) {
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1); // a byte-order mark, as some Windows editors write
        }
        if (json.isBlank()) {
            throw new InvalidScenarioException("file is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(describe(e), e);
        }
        return readScenario(new Node(root, ""));
    }

    /** Writes a scenario as schema-1 JSON text. */
    public static String write(Scenario scenario) {
        try {
            return MAPPER.writeValueAsString(toTree(scenario)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise scenario", e);
        }
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        if (cut >= 0) {
            message = message.substring(0, cut);
        }
        String where = e.getLocation() == null ? ""
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        if (message.startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser parser) {
            // Name the duplicated key by its JSON path, like every other rule.
            return jsonPath(parser.getParsingContext()) + ": duplicate key" + (where.isEmpty() ? "" : " (" + where + ")");
        }
        if (message.startsWith("Trailing token")) {
            message = "unexpected content after the end of the scenario object";
        }
        // Drop Jackson's advice about its own feature flags, which means nothing to the reader of a file.
        for (String advice : new String[] {": enable `", " (not recognized as one since", "; enable `", " (start marker at"}) {
            int at = message.indexOf(advice);
            if (at > 0) {
                message = message.substring(0, at);
            }
        }
        return (where.isEmpty() ? "" : where + ": ") + "malformed JSON: " + message;
    }

    /** The path of a parser position in the notation of our messages, e.g. {@code requestTypes[0].name}. */
    private static String jsonPath(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = jsonPath(context.getParent());
        if (context.inArray()) {
            return parent + "[" + Math.max(0, context.getCurrentIndex()) + "]";
        }
        String name = context.getCurrentName();
        return parent.isEmpty() ? name : parent + "." + name;
    }

    // ---------------------------------------------------------------- reading

    private static Scenario readScenario(Node root) {
        root.requireObject();
        // The schema first: a newer file should say so rather than trip over a field this version lacks.
        long schema = root.field("schema").required().longValue(Long.MIN_VALUE, Long.MAX_VALUE);
        if (schema != Scenario.SCHEMA) {
            throw new InvalidScenarioException("schema: unsupported version " + schema + " (this program reads schema " + Scenario.SCHEMA + ")");
        }
        root.allowOnly("schema", "name", "description", "seed", "server", "resources", "requestTypes", "arrivals", "variants");
        String name = root.field("name").optional().map(Node::text).orElse("Untitled");
        String description = root.field("description").optional().map(Node::text).orElse("");
        long seed = root.field("seed").optional().map(n -> n.longValue(Long.MIN_VALUE, Long.MAX_VALUE)).orElse(1L);
        Server server = readServer(root.field("server").required());
        List<Resource> resources = root.field("resources").optional().map(n -> n.list(ScenarioJson::readResource, Limits.MAX_RESOURCES)).orElse(List.of());
        List<RequestType> types = root.field("requestTypes").required().list(ScenarioJson::readRequestType, Limits.MAX_REQUEST_TYPES);
        Arrivals arrivals = readArrivals(root.field("arrivals").required());
        List<Variant> variants = root.field("variants").optional().map(n -> n.list(ScenarioJson::readVariant, Variant.MAX_VARIANTS)).orElse(List.of());
        return root.build(() -> new Scenario(name, description, seed, server, resources, types, arrivals, variants));
    }

    private static Server readServer(Node n) {
        n.requireObject();
        n.allowOnly("policy", "workers", "cores", "timeSliceMs", "queueLimit", "maxConcurrency");
        Node policyNode = n.field("policy").required();
        String policyName = policyNode.text();
        Policy policy = Policy.fromJson(policyName).orElseThrow(() ->
                new InvalidScenarioException(policyNode.path + ": must be \"sync\" or \"event-loop\", was \"" + policyName + "\""));
        int workers = n.field("workers").optional().map(w -> w.intValue(1, Limits.MAX_WORKERS)).orElse(1);
        int cores = n.field("cores").optional().map(c -> c.intValue(1, Limits.MAX_CORES)).orElse(1);
        double slice = n.field("timeSliceMs").optional().map(Node::number).orElse(Server.DEFAULT_TIME_SLICE_MS);
        OptionalInt queueLimit = n.field("queueLimit").nullable().map(q -> OptionalInt.of(q.intValue(0, Limits.MAX_REQUESTS))).orElse(OptionalInt.empty());
        OptionalInt maxConc = n.field("maxConcurrency").nullable().map(q -> OptionalInt.of(q.intValue(1, Limits.MAX_REQUESTS))).orElse(OptionalInt.empty());
        return n.build(() -> new Server(policy, workers, cores, slice, queueLimit, maxConc));
    }

    private static Variant readVariant(Node n) {
        n.requireObject();
        n.allowOnly("label", "policy", "workers", "cores", "timeSliceMs", "queueLimit", "maxConcurrency");
        String label = n.field("label").required().text();
        Optional<Policy> policy = n.field("policy").optional().map(p -> {
            String policyName = p.text();
            return Policy.fromJson(policyName).orElseThrow(() ->
                    new InvalidScenarioException(p.path + ": must be \"sync\" or \"event-loop\", was \"" + policyName + "\""));
        });
        OptionalInt workers = n.field("workers").optional().map(w -> OptionalInt.of(w.intValue(1, Limits.MAX_WORKERS))).orElse(OptionalInt.empty());
        OptionalInt cores = n.field("cores").optional().map(c -> OptionalInt.of(c.intValue(1, Limits.MAX_CORES))).orElse(OptionalInt.empty());
        OptionalDouble slice = n.field("timeSliceMs").optional().map(t -> OptionalDouble.of(t.number())).orElse(OptionalDouble.empty());
        Optional<OptionalInt> queueLimit = n.field("queueLimit").overriding(q -> q.intValue(0, Limits.MAX_REQUESTS));
        Optional<OptionalInt> maxConc = n.field("maxConcurrency").overriding(q -> q.intValue(1, Limits.MAX_REQUESTS));
        return n.build(() -> new Variant(label, policy, workers, cores, slice, queueLimit, maxConc));
    }

    private static Resource readResource(Node n) {
        n.requireObject();
        n.allowOnly("name", "capacity");
        String name = n.field("name").required().text();
        OptionalInt capacity = n.field("capacity").nullable().map(c -> OptionalInt.of(c.intValue(1, Resource.MAX_CAPACITY))).orElse(OptionalInt.empty());
        return n.build(() -> new Resource(name, capacity));
    }

    private static RequestType readRequestType(Node n) {
        n.requireObject();
        n.allowOnly("name", "color", "weight", "segments");
        String name = n.field("name").required().text();
        String color = n.field("color").optional().map(Node::text).orElse("#0072B2");
        double weight = n.field("weight").optional().map(Node::number).orElse(1.0);
        Node segmentsNode = n.field("segments").required();
        List<Segment> segments = segmentsNode.list(ScenarioJson::readSegment, Limits.MAX_SEGMENTS);
        return n.build(() -> new RequestType(name, color, weight, segments));
    }

    private static Segment readSegment(Node n) {
        n.requireObject();
        n.allowOnly("kind", "ms", "label", "on");
        Node kindNode = n.field("kind").required();
        String kindName = kindNode.text();
        SegmentKind kind = SegmentKind.fromJson(kindName).orElseThrow(() ->
                new InvalidScenarioException(kindNode.path + ": must be \"compute\", \"wait\" or \"block\", was \"" + kindName + "\""));
        Distribution ms = readDistribution(n.field("ms").required());
        Optional<String> label = n.field("label").nullable().map(Node::text);
        Optional<String> on = n.field("on").nullable().map(Node::text);
        return n.build(() -> new Segment(kind, ms, label, on));
    }

    private static Distribution readDistribution(Node n) {
        if (n.json.isNumber()) {
            double value = n.number();
            return n.buildValue(() -> new Distribution.Constant(value));
        }
        if (!n.json.isObject()) {
            throw new InvalidScenarioException(n.path + ": must be a number or a distribution object such as {\"dist\": \"exponential\", \"mean\": 50}");
        }
        Node distNode = n.field("dist").required();
        String dist = distNode.text();
        switch (dist) {
            case "constant" -> {
                n.allowOnly("dist", "value");
                double value = n.field("value").required().number();
                return n.build(() -> new Distribution.Constant(value));
            }
            case "exponential" -> {
                n.allowOnly("dist", "mean");
                double mean = n.field("mean").required().number();
                return n.build(() -> new Distribution.Exponential(mean));
            }
            case "uniform" -> {
                n.allowOnly("dist", "min", "max");
                double min = n.field("min").required().number();
                double max = n.field("max").required().number();
                return n.build(() -> new Distribution.Uniform(min, max));
            }
            case "normal" -> {
                n.allowOnly("dist", "mean", "sd");
                double mean = n.field("mean").required().number();
                double sd = n.field("sd").required().number();
                return n.build(() -> new Distribution.Normal(mean, sd));
            }
            case "lognormal" -> {
                n.allowOnly("dist", "mean", "sd");
                double mean = n.field("mean").required().number();
                double sd = n.field("sd").required().number();
                return n.build(() -> new Distribution.LogNormal(mean, sd));
            }
            default -> throw new InvalidScenarioException(distNode.path
                    + ": must be one of constant, exponential, uniform, normal, lognormal, was \"" + dist + "\"");
        }
    }

    private static Arrivals readArrivals(Node n) {
        n.requireObject();
        Node patternNode = n.field("pattern").required();
        String pattern = patternNode.text();
        switch (pattern) {
            case "explicit" -> {
                n.allowOnly("pattern", "at");
                List<Arrivals.At> at = n.field("at").required().list(ScenarioJson::readAt, Limits.MAX_EXPLICIT_ARRIVALS);
                return n.build(() -> new Arrivals.Explicit(at));
            }
            case "poisson" -> {
                n.allowOnly("pattern", "ratePerSec", "count");
                double rate = n.field("ratePerSec").required().number();
                int count = n.field("count").required().intValue(1, Limits.MAX_REQUESTS);
                return n.build(() -> new Arrivals.Poisson(rate, count));
            }
            case "uniform" -> {
                n.allowOnly("pattern", "intervalMs", "count");
                double interval = n.field("intervalMs").required().number();
                int count = n.field("count").required().intValue(1, Limits.MAX_REQUESTS);
                return n.build(() -> new Arrivals.Uniform(interval, count));
            }
            case "burst" -> {
                n.allowOnly("pattern", "count", "atMs");
                int count = n.field("count").required().intValue(1, Limits.MAX_REQUESTS);
                double atMs = n.field("atMs").optional().map(Node::number).orElse(0.0);
                return n.build(() -> new Arrivals.Burst(count, atMs));
            }
            case "closed" -> {
                n.allowOnly("pattern", "users", "thinkMs", "count");
                int users = n.field("users").required().intValue(1, Limits.MAX_USERS);
                Distribution think = readDistribution(n.field("thinkMs").required());
                int count = n.field("count").required().intValue(1, Limits.MAX_REQUESTS);
                return n.build(() -> new Arrivals.Closed(users, think, count));
            }
            default -> throw new InvalidScenarioException(patternNode.path
                    + ": must be one of explicit, poisson, uniform, burst, closed, was \"" + pattern + "\"");
        }
    }

    private static Arrivals.At readAt(Node n) {
        n.requireObject();
        n.allowOnly("atMs", "type");
        double atMs = n.field("atMs").required().number();
        String type = n.field("type").required().text();
        return n.build(() -> new Arrivals.At(atMs, type));
    }

    /** A JSON value and its path, with typed accessors that fail with the path. */
    private static final class Node {
        final JsonNode json;
        final String path;

        Node(JsonNode json, String path) {
            this.json = json;
            this.path = path;
        }

        private InvalidScenarioException error(String rule) {
            return new InvalidScenarioException((path.isEmpty() ? "(top level)" : path) + ": " + rule);
        }

        void requireObject() {
            if (!json.isObject()) {
                throw error("must be an object");
            }
        }

        void allowOnly(String... names) {
            Set<String> allowed = Set.of(names);
            Iterator<String> it = json.fieldNames();
            while (it.hasNext()) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw new InvalidScenarioException(child(f) + ": unknown field");
                }
            }
        }

        private String child(String f) {
            return path.isEmpty() ? f : path + "." + f;
        }

        Field field(String name) {
            return new Field(this, name);
        }

        String text() {
            if (!json.isTextual()) {
                throw error("must be a string");
            }
            return json.textValue();
        }

        double number() {
            if (!json.isNumber()) {
                throw error("must be a number");
            }
            double v = json.doubleValue();
            if (!Double.isFinite(v)) {
                throw error("must be a finite number");
            }
            return v;
        }

        int intValue(int min, int max) {
            return (int) longValue(min, max);
        }

        long longValue(long min, long max) {
            if (!json.isNumber()) {
                throw error("must be an integer");
            }
            if (!json.isIntegralNumber()) {
                double d = json.doubleValue();
                if (!Double.isFinite(d)) {
                    throw error("must be a finite number");
                }
                if (d != Math.rint(d)) {
                    throw error("must be an integer, was " + json.asText());
                }
                if (d < min || d > max || Math.abs(d) >= 1e15) {
                    // Integral but written with an exponent, e.g. 1e20: report the range, not the notation.
                    throw error("must be between " + min + " and " + max + ", was " + json.asText());
                }
                return checkRange((long) d, min, max);
            }
            if (!json.canConvertToLong()) {
                throw error("must be between " + min + " and " + max + ", was " + json.asText());
            }
            return checkRange(json.longValue(), min, max);
        }

        private long checkRange(long v, long min, long max) {
            if (v < min || v > max) {
                throw error("must be between " + min + " and " + max + ", was " + v);
            }
            return v;
        }

        <T> List<T> list(Function<Node, T> reader, int maxSize) {
            if (!json.isArray()) {
                throw error("must be an array");
            }
            if (json.size() > maxSize) {
                throw error("at most " + maxSize + " entries allowed, was " + json.size());
            }
            List<T> out = new ArrayList<>(json.size());
            for (int i = 0; i < json.size(); i++) {
                out.add(reader.apply(new Node(json.get(i), path + "[" + i + "]")));
            }
            return out;
        }

        /** Builds a record, turning its constructor's "field: rule" into "path.field: rule". */
        <T> T build(java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                throw new InvalidScenarioException(path.isEmpty() ? m : path + "." + m, e);
            }
        }

        /** Builds a value from this node itself (a plain number), naming this node's path. */
        <T> T buildValue(java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                throw new InvalidScenarioException(path + m.substring(m.indexOf(':')), e);
            }
        }
    }

    /** A named member of an object node, which may be absent or null. */
    private record Field(Node parent, String name) {
        private String path() {
            return parent.path.isEmpty() ? name : parent.path + "." + name;
        }

        Node required() {
            JsonNode v = parent.json.get(name);
            if (v == null || v.isMissingNode()) {
                throw new InvalidScenarioException(path() + ": is required");
            }
            if (v.isNull()) {
                throw new InvalidScenarioException(path() + ": must not be null");
            }
            return new Node(v, path());
        }

        /** Present and not null; a null value is an error for fields that have a default but no "none". */
        Optional<Node> optional() {
            JsonNode v = parent.json.get(name);
            if (v == null) {
                return Optional.empty();
            }
            if (v.isNull()) {
                throw new InvalidScenarioException(path() + ": must not be null");
            }
            return Optional.of(new Node(v, path()));
        }

        /** Absent: as inherited (empty); null: "none" (an empty inner value); a number: that number. */
        Optional<OptionalInt> overriding(java.util.function.ToIntFunction<Node> reader) {
            JsonNode v = parent.json.get(name);
            if (v == null) {
                return Optional.empty();
            }
            return Optional.of(v.isNull() ? OptionalInt.empty() : OptionalInt.of(reader.applyAsInt(new Node(v, path()))));
        }

        /** Absent or null both mean "none". */
        Optional<Node> nullable() {
            JsonNode v = parent.json.get(name);
            return v == null || v.isNull() ? Optional.empty() : Optional.of(new Node(v, path()));
        }
    }

    // ---------------------------------------------------------------- writing

    private static ObjectNode toTree(Scenario s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("schema", Scenario.SCHEMA);
        root.put("name", s.name());
        root.put("description", s.description());
        root.put("seed", s.seed());
        ObjectNode server = root.putObject("server");
        server.put("policy", s.server().policy().jsonName());
        server.put("workers", s.server().workers());
        server.put("cores", s.server().cores());
        server.put("timeSliceMs", s.server().timeSliceMs());
        putOptional(server, "queueLimit", s.server().queueLimit());
        putOptional(server, "maxConcurrency", s.server().maxConcurrency());
        ArrayNode resources = root.putArray("resources");
        for (Resource r : s.resources()) {
            ObjectNode rn = resources.addObject();
            rn.put("name", r.name());
            putOptional(rn, "capacity", r.capacity());
        }
        ArrayNode types = root.putArray("requestTypes");
        for (RequestType t : s.requestTypes()) {
            ObjectNode tn = types.addObject();
            tn.put("name", t.name());
            tn.put("color", t.color());
            tn.put("weight", t.weight());
            ArrayNode segs = tn.putArray("segments");
            for (Segment seg : t.segments()) {
                ObjectNode sn = segs.addObject();
                sn.put("kind", seg.kind().jsonName());
                sn.set("ms", distributionTree(seg.ms()));
                seg.label().ifPresent(l -> sn.put("label", l));
                seg.on().ifPresent(o -> sn.put("on", o));
            }
        }
        root.set("arrivals", arrivalsTree(s.arrivals()));
        if (!s.variants().isEmpty()) {
            ArrayNode variants = root.putArray("variants");
            for (Variant v : s.variants()) {
                ObjectNode vn = variants.addObject();
                vn.put("label", v.label());
                v.policy().ifPresent(p -> vn.put("policy", p.jsonName()));
                v.workers().ifPresent(w -> vn.put("workers", w));
                v.cores().ifPresent(c -> vn.put("cores", c));
                v.timeSliceMs().ifPresent(t -> vn.put("timeSliceMs", t));
                v.queueLimit().ifPresent(q -> putOptional(vn, "queueLimit", q));
                v.maxConcurrency().ifPresent(m -> putOptional(vn, "maxConcurrency", m));
            }
        }
        return root;
    }

    private static void putOptional(ObjectNode node, String name, OptionalInt value) {
        if (value.isPresent()) {
            node.put(name, value.getAsInt());
        } else {
            node.putNull(name);
        }
    }

    private static JsonNode distributionTree(Distribution d) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (d instanceof Distribution.Constant c) {
            return f.numberNode(c.value());
        }
        ObjectNode n = f.objectNode();
        n.put("dist", d.distName());
        if (d instanceof Distribution.Exponential e) {
            n.put("mean", e.mean());
        } else if (d instanceof Distribution.Uniform u) {
            n.put("min", u.min());
            n.put("max", u.max());
        } else if (d instanceof Distribution.Normal no) {
            n.put("mean", no.mu());
            n.put("sd", no.sd());
        } else if (d instanceof Distribution.LogNormal ln) {
            n.put("mean", ln.mean());
            n.put("sd", ln.sd());
        }
        return n;
    }

    private static ObjectNode arrivalsTree(Arrivals a) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("pattern", a.pattern());
        if (a instanceof Arrivals.Explicit e) {
            ArrayNode at = n.putArray("at");
            for (Arrivals.At x : e.at()) {
                ObjectNode xn = at.addObject();
                xn.put("atMs", x.atMs());
                xn.put("type", x.type());
            }
        } else if (a instanceof Arrivals.Poisson p) {
            n.put("ratePerSec", p.ratePerSec());
            n.put("count", p.count());
        } else if (a instanceof Arrivals.Uniform u) {
            n.put("intervalMs", u.intervalMs());
            n.put("count", u.count());
        } else if (a instanceof Arrivals.Burst b) {
            n.put("count", b.count());
            n.put("atMs", b.atMs());
        } else if (a instanceof Arrivals.Closed c) {
            n.put("users", c.users());
            n.set("thinkMs", distributionTree(c.thinkMs()));
            n.put("count", c.count());
        }
        return n;
    }
}
