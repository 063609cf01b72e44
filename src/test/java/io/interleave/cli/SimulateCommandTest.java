package io.interleave.cli;

import static io.interleave.cli.CliRunner.fieldNames;
import static io.interleave.cli.CliRunner.fixture;
import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.interleave.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("simulate: the JSON summary and the CSV files")
class SimulateCommandTest {
    static final List<String> SPEC_KEYS = List.of("scenario", "policy", "workers", "cores", "seed",
            "requests", "completed", "rejected", "makespanMs", "throughputPerSec", "responseMs", "queueMs",
            "cpuUtilization", "workerUtilization", "maxInFlight", "events");

    static JsonNode ok(String... args) {
        Result r = run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        return r.json();
    }

    @Test
    @DisplayName("prints one JSON object whose keys are those of SPEC section 4, in that order")
    void keysInSpecOrder() {
        JsonNode json = ok("simulate", "preset:three-requests");

        List<String> keys = fieldNames(json);
        // SPEC: "exactly these keys (more may follow)"
        assertThat(keys).hasSizeGreaterThanOrEqualTo(SPEC_KEYS.size());
        assertThat(keys.subList(0, SPEC_KEYS.size())).containsExactlyElementsOf(SPEC_KEYS);
        assertThat(fieldNames(json.get("responseMs"))).containsExactly("mean", "min", "p50", "p90", "p95", "p99", "max");
        assertThat(fieldNames(json.get("queueMs"))).containsExactly("mean", "max");
        assertThat(json.get("scenario").isTextual()).isTrue();
        assertThat(json.get("workers").isIntegralNumber()).isTrue();
        assertThat(json.get("maxInFlight").isIntegralNumber()).isTrue();
        assertThat(json.get("events").isIntegralNumber()).isTrue();
        assertThat(json.get("makespanMs").isNumber()).isTrue();
    }

    @Test
    @DisplayName("three requests, sync: 3 completed, makespan 236 ms, worst response 166 ms (R3, the shortest)")
    void threeRequestsSync() {
        JsonNode json = ok("simulate", "preset:three-requests");

        assertThat(json.get("scenario").textValue()).isEqualTo("Three requests");
        assertThat(json.get("policy").textValue()).isEqualTo("sync");
        assertThat(json.get("workers").intValue()).isEqualTo(1);
        assertThat(json.get("cores").intValue()).isEqualTo(1);
        assertThat(json.get("seed").longValue()).isEqualTo(7);
        assertThat(json.get("requests").intValue()).isEqualTo(3);
        assertThat(json.get("completed").intValue()).isEqualTo(3);
        assertThat(json.get("rejected").intValue()).isZero();
        assertThat(json.get("makespanMs").doubleValue()).isEqualTo(236.0);
        assertThat(json.get("throughputPerSec").doubleValue()).isCloseTo(3 / 0.236, within(1e-9));
        JsonNode response = json.get("responseMs");
        assertThat(response.get("min").doubleValue()).isEqualTo(100.0);
        assertThat(response.get("p50").doubleValue()).isEqualTo(160.0);
        assertThat(response.get("max").doubleValue()).isEqualTo(166.0);
        assertThat(response.get("mean").doubleValue()).isEqualTo(142.0);
        assertThat(json.get("queueMs").get("max").doubleValue()).isEqualTo(130.0);
        assertThat(json.get("maxInFlight").intValue()).isEqualTo(3);
    }

    @Nested
    @DisplayName("each flag changes what it should")
    class Flags {
        @Test
        @DisplayName("--policy event-loop: the worst response falls to 100 ms and nobody queues")
        void policy() {
            JsonNode json = ok("simulate", "preset:three-requests", "--policy", "event-loop");

            assertThat(json.get("policy").textValue()).isEqualTo("event-loop");
            assertThat(json.get("responseMs").get("max").doubleValue()).isEqualTo(100.0);
            assertThat(json.get("responseMs").get("min").doubleValue()).isEqualTo(36.0);
            assertThat(json.get("makespanMs").doubleValue()).isEqualTo(140.0);
            assertThat(json.get("queueMs").get("max").doubleValue()).isZero();
            assertThat(json.get("completed").intValue()).isEqualTo(3);
        }

        @Test
        @DisplayName("--policy sync on an event-loop file switches back")
        void policySync() {
            assertThat(ok("simulate", fixture("poisson.json").toString(), "--policy", "sync").get("policy").textValue())
                    .isEqualTo("sync");
        }

        @Test
        @DisplayName("--workers 3: each request gets its own thread, so nobody queues")
        void workers() {
            JsonNode json = ok("simulate", "preset:three-requests", "--workers", "3");

            assertThat(json.get("workers").intValue()).isEqualTo(3);
            assertThat(json.get("queueMs").get("max").doubleValue()).isZero();
            assertThat(json.get("responseMs").get("max").doubleValue()).isEqualTo(100.0);
            assertThat(json.get("makespanMs").doubleValue()).isEqualTo(140.0);
        }

        @Test
        @DisplayName("--cores 2: two 10 ms computes run side by side instead of time-sliced on one core")
        void cores() {
            String file = fixture("two-computes.json").toString();
            JsonNode oneCore = ok("simulate", file);
            JsonNode twoCores = ok("simulate", file, "--cores", "2");

            assertThat(oneCore.get("cores").intValue()).isEqualTo(1);
            assertThat(oneCore.get("makespanMs").doubleValue()).isEqualTo(20.0);
            assertThat(oneCore.get("responseMs").get("min").doubleValue()).isEqualTo(15.0);
            assertThat(twoCores.get("cores").intValue()).isEqualTo(2);
            assertThat(twoCores.get("makespanMs").doubleValue()).isEqualTo(10.0);
            assertThat(twoCores.get("responseMs").get("max").doubleValue()).isEqualTo(10.0);
        }

        @Test
        @DisplayName("--seed: another seed draws another workload; the same seed the same output")
        void seed() {
            String file = fixture("poisson.json").toString();
            Result fileSeed = run("simulate", file);
            Result again = run("simulate", file, "--seed", "11");
            JsonNode other = ok("simulate", file, "--seed", "99");

            assertThat(fileSeed.json().get("seed").longValue()).isEqualTo(11);
            assertThat(again.out()).isEqualTo(fileSeed.out());
            assertThat(other.get("seed").longValue()).isEqualTo(99);
            assertThat(other.get("makespanMs").doubleValue()).isNotEqualTo(fileSeed.json().get("makespanMs").doubleValue());
            assertThat(ok("simulate", file, "--seed", "-5").get("seed").longValue()).isEqualTo(-5);
        }

        @Test
        @DisplayName("--count 5: five evenly spaced requests, 100 ms apart")
        void count() {
            String file = fixture("uniform.json").toString();

            assertThat(ok("simulate", file).get("requests").intValue()).isEqualTo(10);
            JsonNode five = ok("simulate", file, "--count", "5");
            assertThat(five.get("requests").intValue()).isEqualTo(5);
            assertThat(five.get("completed").intValue()).isEqualTo(5);
            assertThat(five.get("makespanMs").doubleValue()).isEqualTo(401.0);
        }

        @Test
        @DisplayName("--rate 100 on uniform arrivals spaces them 10 ms apart; on poisson it stretches the run")
        void rate() {
            JsonNode uniform = ok("simulate", fixture("uniform.json").toString(), "--rate", "100");
            assertThat(uniform.get("makespanMs").doubleValue()).isEqualTo(91.0);
            assertThat(uniform.get("requests").intValue()).isEqualTo(10);

            String poisson = fixture("poisson.json").toString();
            double at50 = ok("simulate", poisson).get("makespanMs").doubleValue();
            double at5 = ok("simulate", poisson, "--rate", "5").get("makespanMs").doubleValue();
            assertThat(at5).isGreaterThan(5 * at50);
        }

        @Test
        @DisplayName("--warmup 1 leaves R1 out of the statistics but not out of the run")
        void warmup() {
            JsonNode json = ok("simulate", "preset:three-requests", "--warmup", "1");

            assertThat(json.get("requests").intValue()).isEqualTo(2);
            assertThat(json.get("completed").intValue()).isEqualTo(2);
            assertThat(json.get("responseMs").get("min").doubleValue()).isEqualTo(160.0);
            assertThat(json.get("responseMs").get("mean").doubleValue()).isEqualTo(163.0);
            assertThat(json.get("queueMs").get("mean").doubleValue()).isEqualTo(95.0);
            assertThat(json.get("makespanMs").doubleValue()).isEqualTo(236.0);
        }

        @Test
        @DisplayName("a full queue rejects requests, and the summary counts them")
        void rejected() {
            JsonNode json = ok("simulate", fixture("rejected.json").toString());

            assertThat(json.get("requests").intValue()).isEqualTo(3);
            assertThat(json.get("completed").intValue()).isEqualTo(1);
            assertThat(json.get("rejected").intValue()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("--requests and --spans")
    class CsvFiles {
        @TempDir
        Path dir;

        @Test
        @DisplayName("sync: one line per request and per span, with the SPEC columns and exact times")
        void threeRequestsSync() throws IOException {
            Path requests = dir.resolve("requests.csv");
            Path spans = dir.resolve("spans.csv");

            Result r = run("simulate", "preset:three-requests", "--requests", requests.toString(), "--spans", spans.toString());

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.json().get("completed").intValue()).isEqualTo(3);
            assertThat(Files.readAllLines(requests)).containsExactly(
                    "id,type,arrivalMs,startMs,finishMs,responseMs,queueMs,computeMs,waitMs,status,worker",
                    "1,report,0,0,100,100,0,20,80,completed,0",
                    "2,report,40,100,200,160,60,20,80,completed,0",
                    "3,lookup,70,200,236,166,130,8,28,completed,0");
            assertThat(Files.readAllLines(spans)).containsExactly(
                    "id,state,startMs,endMs,worker,core",
                    "1,compute,0,10,0,0",
                    "1,wait,10,90,0,",
                    "1,compute,90,100,0,0",
                    "2,queued,40,100,,",
                    "2,compute,100,110,0,0",
                    "2,wait,110,190,0,",
                    "2,compute,190,200,0,0",
                    "3,queued,70,200,,",
                    "3,compute,200,204,0,0",
                    "3,wait,204,232,0,",
                    "3,compute,232,236,0,0");
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left")
                        .containsExactlyInAnyOrder("requests.csv", "spans.csv");
            }
        }

        @Test
        @DisplayName("event loop: responses come back 1, 3, 2 and every span closes in order")
        void threeRequestsEventLoop() throws IOException {
            Path requests = dir.resolve("r.csv");
            Path spans = dir.resolve("s.csv");

            Result r = run("simulate", "preset:three-requests", "--policy", "event-loop",
                    "--requests", requests.toString(), "--spans", spans.toString());

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(Files.readAllLines(requests)).containsExactly(
                    CsvWriters.REQUEST_HEADER,
                    "1,report,0,0,100,100,0,20,80,completed,0",
                    "3,lookup,70,70,106,36,0,8,28,completed,0",
                    "2,report,40,40,140,100,0,20,80,completed,0");
            List<String> spanLines = Files.readAllLines(spans);
            assertThat(spanLines.get(0)).isEqualTo(CsvWriters.SPAN_HEADER);
            assertThat(spanLines.subList(1, spanLines.size())).containsExactlyInAnyOrder(
                    "1,compute,0,10,0,0", "1,wait,10,90,0,", "1,compute,90,100,0,0",
                    "2,compute,40,50,0,0", "2,wait,50,130,0,", "2,compute,130,140,0,0",
                    "3,compute,70,74,0,0", "3,wait,74,102,0,", "3,compute,102,106,0,0");
        }

        @Test
        @DisplayName("the headers are exactly the SPEC section 4 columns")
        void headers() throws IOException {
            Path requests = dir.resolve("r.csv");
            Path spans = dir.resolve("s.csv");
            run("simulate", "preset:three-requests", "--requests", requests.toString(), "--spans", spans.toString());

            assertThat(Files.readAllLines(requests).get(0).split(",")).containsExactly(
                    "id", "type", "arrivalMs", "startMs", "finishMs", "responseMs", "queueMs", "computeMs", "waitMs", "status", "worker");
            assertThat(Files.readAllLines(spans).get(0).split(",")).containsExactly(
                    "id", "state", "startMs", "endMs", "worker", "core");
        }

        @Test
        @DisplayName("rejected requests have empty start, finish, response, queue and worker cells; text cells are quoted")
        void rejectedAndQuoted() throws IOException {
            Path requests = dir.resolve("r.csv");

            Result r = run("simulate", fixture("rejected.json").toString(), "--requests", requests.toString());

            assertThat(r.code()).as(r.toString()).isZero();
            List<String> lines = Files.readAllLines(requests);
            assertThat(lines).hasSize(4);
            assertThat(lines.subList(1, 4)).containsExactlyInAnyOrder(
                    "1,\"a,\"\"quoted\"\" type\",1.5,1.5,6.5,5,0,2,3,completed,0",
                    "2,\"a,\"\"quoted\"\" type\",1.5,,,,,2,3,rejected,",
                    "3,\"a,\"\"quoted\"\" type\",1.5,,,,,2,3,rejected,");
        }

        @Test
        @DisplayName("an existing output file is replaced")
        void replacesExisting() throws IOException {
            Path requests = Files.writeString(dir.resolve("r.csv"), "old content that is longer than nothing\n".repeat(20));

            assertThat(run("simulate", "preset:three-requests", "--requests", requests.toString()).code()).isZero();

            assertThat(Files.readAllLines(requests)).hasSize(4).first().isEqualTo(CsvWriters.REQUEST_HEADER);
        }

        @Test
        @DisplayName("a random workload writes one request line per request and spans that tile each request")
        void randomWorkload() throws IOException {
            Path requests = dir.resolve("r.csv");
            Path spans = dir.resolve("s.csv");

            Result r = run("simulate", fixture("poisson.json").toString(), "--requests", requests.toString(), "--spans", spans.toString());

            assertThat(r.code()).as(r.toString()).isZero();
            List<String> lines = Files.readAllLines(requests);
            assertThat(lines).hasSize(201);
            assertThat(lines.stream().skip(1).map(l -> l.split(",")[0]).distinct()).hasSize(200);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                assertThat(cells).hasSize(11);
                double arrival = Double.parseDouble(cells[2]);
                double start = Double.parseDouble(cells[3]);
                double finish = Double.parseDouble(cells[4]);
                assertThat(Double.parseDouble(cells[5])).isCloseTo(finish - arrival, within(1e-5));
                assertThat(Double.parseDouble(cells[6])).isCloseTo(start - arrival, within(1e-5));
                assertThat(cells[9]).isEqualTo("completed");
            }
            List<String> spanLines = Files.readAllLines(spans);
            assertThat(spanLines.subList(1, spanLines.size())).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(6));
            assertThat(spanLines.stream().skip(1).map(l -> l.split(",")[0]).distinct()).hasSize(200);
        }
    }

    @Test
    @DisplayName("presets lists every preset as preset:NAME, one line each, and each one simulates")
    void presets() {
        Result r = run("presets");

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("preset:"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("preset:three-requests ").contains("Three requests"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("preset:blocking-call ").endsWith("event-loop, compare: 4 threads vs 1 event loop"));
        assertThat(lines).hasSize(io.interleave.scenario.Presets.ids().size());
        // columns line up: every policy starts at the same place, after a space, however long a lesson's name
        java.util.Set<Integer> policyColumns = new java.util.HashSet<>();
        for (String l : lines) {
            int at = l.indexOf(l.contains(" event-loop+pool, ") ? " event-loop+pool, " : l.contains(" event-loop, ") ? " event-loop, " : " sync, ");
            assertThat(at).as(l).isPositive();
            policyColumns.add(at);
        }
        assertThat(policyColumns).as("where the policy column starts").hasSize(1);
        for (String line : lines) {
            String id = line.split("\\s+")[0];
            Result sim = run("simulate", id);
            assertThat(sim.code()).as(id + "\n" + sim).isZero();
            if (id.equals("preset:producer-consumer")) { // a program of tasks: items, no requests
                assertThat(sim.json().get("items").get("consumed").intValue()).as(id).isEqualTo(40);
            } else {
                assertThat(sim.json().get("completed").intValue()).as(id).isPositive();
            }
        }
    }

    @Test
    @DisplayName("--help prints usage naming every flag of SPEC section 4 and exits 0")
    void help() {
        Result r = run("simulate", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--policy", "--workers", "--cores", "--seed", "--count", "--rate", "--warmup",
                "--requests", "--spans");
    }
}
