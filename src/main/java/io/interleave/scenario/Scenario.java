package io.interleave.scenario;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A complete scenario: the server, its downstream resources, the request mix
 * and the arrivals. Cross-references are checked here, so a scenario that
 * exists can be simulated.
 */
@Format(order = "schema")
public record Scenario(@Format(orElse = "\"Untitled\"") String name,
                       @Format(orElse = "\"\"") String description,
                       @Format(orElse = "1") long seed,
                       Server server,
                       @Format(orElse = "[]") @Bounds(max = Limits.MAX_RESOURCES) List<Resource> resources,
                       @Format(orElse = "[]", omitIfLeftOut = true)
                       @Bounds(max = Limits.MAX_REQUEST_TYPES) List<RequestType> requestTypes,
                       @Format(omitIfLeftOut = true) Arrivals arrivals,
                       @Format(orElse = "[]", omitIfLeftOut = true)
                       @Bounds(max = Variant.MAX_VARIANTS) List<Variant> variants,
                       @Format(orElse = "[]", omitIfLeftOut = true)
                       @Bounds(max = Limits.MAX_REQUEST_TYPES) List<Task> tasks,
                       @Format(orElse = "[]", omitIfLeftOut = true)
                       @Bounds(max = Limits.MAX_RESOURCES) List<TaskQueue> queues) {
    /** The only schema version this program reads and writes. */
    public static final int SCHEMA = 1;

    public Scenario {
        Checks.name("name", name);
        Checks.description("description", description);
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(arrivals, "arrivals");
        resources = List.copyOf(resources);
        requestTypes = List.copyOf(requestTypes);
        variants = List.copyOf(variants);
        tasks = List.copyOf(tasks);
        queues = List.copyOf(queues);
        boolean program = !tasks.isEmpty();
        if (arrivals == Arrivals.Explicit.NONE && !program) {
            throw new IllegalArgumentException("arrivals: is required (only a scenario with tasks may leave it out)");
        }
        if (arrivals instanceof Arrivals.Explicit e && e.at().isEmpty() && !program && arrivals != Arrivals.Explicit.NONE) {
            throw new IllegalArgumentException("arrivals.at: must not be empty");
        }
        if (resources.size() > Limits.MAX_RESOURCES) {
            throw new IllegalArgumentException("resources: at most " + Limits.MAX_RESOURCES + " allowed, was " + resources.size());
        }
        if (requestTypes.isEmpty() && !program) {
            throw new IllegalArgumentException("requestTypes: must not be empty (only a scenario with tasks may leave it out)");
        }
        if (requestTypes.size() > Limits.MAX_REQUEST_TYPES) {
            throw new IllegalArgumentException("requestTypes: at most " + Limits.MAX_REQUEST_TYPES + " allowed, was " + requestTypes.size());
        }
        Set<String> resourceNames = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            if (!resourceNames.add(resources.get(i).name())) {
                throw new IllegalArgumentException("resources[" + i + "].name: duplicate name '" + resources.get(i).name() + "'");
            }
        }
        Map<String, Integer> typeIndex = new HashMap<>();
        double totalWeight = 0;
        for (int i = 0; i < requestTypes.size(); i++) {
            RequestType type = requestTypes.get(i);
            if (typeIndex.putIfAbsent(type.name(), i) != null) {
                throw new IllegalArgumentException("requestTypes[" + i + "].name: duplicate name '" + type.name() + "'");
            }
            totalWeight += type.weight();
            for (int s = 0; s < type.segments().size(); s++) {
                Segment seg = type.segments().get(s);
                String on = seg.on().orElse(null);
                if (on != null && !resourceNames.contains(on)) {
                    throw new IllegalArgumentException("requestTypes[" + i + "].segments[" + s + "].on: unknown resource '" + on + "'");
                }
                for (int k = 0; k < seg.segments().size(); k++) { // a spawn's task
                    String inner = seg.segments().get(k).on().orElse(null);
                    if (inner != null && !resourceNames.contains(inner)) {
                        throw new IllegalArgumentException("requestTypes[" + i + "].segments[" + s + "].segments[" + k
                                + "].on: unknown resource '" + inner + "'");
                    }
                }
                for (int b = 0; b < seg.branches().size(); b++) { // a gather's branches
                    for (int k = 0; k < seg.branches().get(b).size(); k++) {
                        String inner = seg.branches().get(b).get(k).on().orElse(null);
                        if (inner != null && !resourceNames.contains(inner)) {
                            throw new IllegalArgumentException("requestTypes[" + i + "].segments[" + s + "].branches[" + b + "]["
                                    + k + "].on: unknown resource '" + inner + "'");
                        }
                    }
                }
            }
        }
        if (arrivals instanceof Arrivals.Explicit explicit) {
            for (int i = 0; i < explicit.at().size(); i++) {
                String type = explicit.at().get(i).type();
                if (!typeIndex.containsKey(type)) {
                    throw new IllegalArgumentException("arrivals.at[" + i + "].type: unknown request type '" + type + "'");
                }
            }
        } else if (totalWeight <= 0 && arrivals.count() > 0) {
            throw new IllegalArgumentException("requestTypes: at least one weight must be > 0");
        }
        Programs.check(requestTypes, tasks, queues);
        if (!variants.isEmpty()) {
            if (variants.size() < Variant.MIN_VARIANTS || variants.size() > Variant.MAX_VARIANTS) {
                throw new IllegalArgumentException("variants: must hold " + Variant.MIN_VARIANTS + " to "
                        + Variant.MAX_VARIANTS + " entries (or be left out), was " + variants.size());
            }
            Set<String> labels = new HashSet<>();
            for (int i = 0; i < variants.size(); i++) {
                Variant v = variants.get(i);
                if (!labels.add(v.label())) {
                    throw new IllegalArgumentException("variants[" + i + "].label: duplicate label '" + v.label() + "'");
                }
                try {
                    v.apply(server);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("variants[" + i + "]." + e.getMessage(), e);
                }
            }
        }
    }

    /** The schema version written first in every file (read and checked before the rest). */
    @Format(name = "schema")
    int schemaVersion() {
        return SCHEMA;
    }

    /** A scenario without compare variants (compare then means sync against the event loop). */
    public Scenario(String name, String description, long seed, Server server,
                    List<Resource> resources, List<RequestType> requestTypes, Arrivals arrivals) {
        this(name, description, seed, server, resources, requestTypes, arrivals, List.of());
    }

    /** A scenario without tasks or queues. */
    public Scenario(String name, String description, long seed, Server server,
                    List<Resource> resources, List<RequestType> requestTypes, Arrivals arrivals, List<Variant> variants) {
        this(name, description, seed, server, resources, requestTypes, arrivals, variants, List.of(), List.of());
    }

    /** Whether a request type starts background tasks (it has a spawn segment). */
    public boolean hasSpawns() {
        return requestTypes.stream().anyMatch(t -> t.segments().stream().anyMatch(Segment::isSpawn));
    }

    /** Whether this scenario is a program of tasks (it has at least one task). */
    public boolean hasTasks() {
        return !tasks.isEmpty();
    }

    /** The index of the queue with this name. */
    public OptionalInt queueIndex(String queueName) {
        for (int i = 0; i < queues.size(); i++) {
            if (queues.get(i).name().equals(queueName)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** This scenario with these tasks and queues (checked together). */
    public Scenario withProgram(List<Task> newTasks, List<TaskQueue> newQueues) {
        return new Scenario(name, description, seed, server, resources, requestTypes, arrivals, variants, newTasks, newQueues);
    }

    /**
     * What compare shows: the file's variants in file order, or sync against
     * the event loop with the file's settings when it names none.
     */
    public List<Variant> compareVariants() {
        return variants.isEmpty() ? Variant.defaults() : variants;
    }

    /** This scenario as run under one variant: the same workload, the variant's server. */
    public Scenario under(Variant variant) {
        return withServer(variant.apply(server));
    }

    /** The index of the request type with this name. */
    public OptionalInt typeIndex(String typeName) {
        for (int i = 0; i < requestTypes.size(); i++) {
            if (requestTypes.get(i).name().equals(typeName)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The index of the resource with this name. */
    public OptionalInt resourceIndex(String resourceName) {
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).name().equals(resourceName)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    public Scenario withServer(Server s) {
        return new Scenario(name, description, seed, s, resources, requestTypes, arrivals, variants, tasks, queues);
    }

    public Scenario withSeed(long s) {
        return new Scenario(name, description, s, server, resources, requestTypes, arrivals, variants, tasks, queues);
    }

    public Scenario withArrivals(Arrivals a) {
        return new Scenario(name, description, seed, server, resources, requestTypes, a, variants, tasks, queues);
    }

    public Scenario withRequestTypes(List<RequestType> types) {
        return new Scenario(name, description, seed, server, resources, types, arrivals, variants, tasks, queues);
    }

    public Scenario withResources(List<Resource> rs) {
        return new Scenario(name, description, seed, server, rs, requestTypes, arrivals, variants, tasks, queues);
    }

    public Scenario withName(String n) {
        return new Scenario(n, description, seed, server, resources, requestTypes, arrivals, variants, tasks, queues);
    }

    public Scenario withVariants(List<Variant> vs) {
        return new Scenario(name, description, seed, server, resources, requestTypes, arrivals, vs, tasks, queues);
    }

    public Scenario withPolicy(Policy policy) {
        return withServer(server.withPolicy(policy));
    }
}
