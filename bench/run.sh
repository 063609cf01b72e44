#!/usr/bin/env bash
# bench/run.sh: how fast is `interleave simulate` at scale, next to references?
#
# Runs, side by side and as whole processes (JVM start, reading, sampling,
# simulating, exact percentiles, output), the same M/M/1 queue: Poisson
# arrivals at 900/s, exponential service of mean 1 ms, one server, FIFO,
# 10,000,000 requests (examples/mm1.json):
#
#   1. interleave   java -jar interleave.jar simulate examples/mm1.json
#   2. ssj          io.interleave.bench.SsjMm1: the same model on SSJ 3.3.2's
#                   Simulator/Event API (src/bench/java)
#   3. hand loop    io.interleave.bench.HandLoopMm1: a minimal hand-written
#                   PriorityQueue event loop (src/bench/java)
#
# Each runs RUNS times, round-robin (so load drifts hit all three alike),
# under /usr/bin/time -v at default JVM settings. It prints the median wall
# time, max RSS and CPU time (user + sys, which busy neighbours disturb less
# than wall time) of each, the ratios interleave/ssj and
# interleave/hand loop, and the JDK, core count and date. Targets (issue 6):
# interleave/ssj <= 1, interleave/hand loop <= 1.5, interleave RSS < 512 MiB.
#
# Usage:   bench/run.sh [RUNS]            (default 5)
# Env:     BUILD_DIR   where Maven builds (default target); the bench
#                      classes go to $BUILD_DIR/bench
#          MVN_FLAGS   extra Maven flags, e.g. -o to stay offline
#          SKIP_BUILD  1 to reuse what is built
#          COUNT       requests per run (default 10000000; the Interleave run
#                      gets --count only when this is set)
#          ONLY        simulate or window, to run one half (simulate includes
#                      the memory of a burst at the limit on requests in flight)
#
# SSJ is a dependency of the Maven profile `bench` only (pom.xml), so it is in
# no default build or test run; `./mvnw -B verify` never runs this script.
# Needs /usr/bin/time (Debian: apt-get install time).
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS="${1:-5}"
BUILD_DIR="${BUILD_DIR:-target}"
MVN_FLAGS="${MVN_FLAGS:-}"
COUNT_ARG=()
REF_COUNT=10000000
if [[ -n "${COUNT:-}" ]]; then
  COUNT_ARG=(--count "$COUNT")
  REF_COUNT="$COUNT"
fi
SCENARIO=examples/mm1.json
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if [[ ! -x /usr/bin/time ]]; then
  echo "bench/run.sh: needs /usr/bin/time (apt-get install time)" >&2
  exit 2
fi

build() {
  if [[ "${SKIP_BUILD:-0}" == 1 ]]; then
    return
  fi
  echo "building the jar and the bench classes..." >&2
  # shellcheck disable=SC2086
  ./mvnw -B -q $MVN_FLAGS -DbuildDir="$BUILD_DIR" package -DskipTests
  # shellcheck disable=SC2086
  ./mvnw -B -q $MVN_FLAGS -P bench -DbuildDir="$BUILD_DIR/bench" compile \
    dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$BUILD_DIR/bench/classpath.txt"
}

# timed LABEL RUN COMMAND...: one run under /usr/bin/time -v; appends
# "wall-seconds kilobytes cpu-seconds" to $WORK/LABEL.times and keeps the
# first run's output.
timed() {
  local label="$1" run="$2"
  shift 2
  /usr/bin/time -v -o "$WORK/time.txt" "$@" > "$WORK/out.txt" 2> "$WORK/err.txt" || {
    echo "$label failed:" >&2
    cat "$WORK/err.txt" >&2
    exit 1
  }
  local wall rss cpu
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time.txt" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
  cpu=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { print s }' "$WORK/time.txt")
  echo "$wall $rss $cpu" >> "$WORK/$label.times"
  if [[ "$run" == 1 ]]; then
    cp "$WORK/out.txt" "$WORK/$label.out"
    cp "$WORK/err.txt" "$WORK/$label.err"
  fi
}

median() { # column of $WORK/LABEL.times
  sort -n -k"$2" "$WORK/$1.times" | awk -v c="$2" '{ v[NR] = $c } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

div() { awk -v a="$1" -v b="$2" 'BEGIN { print a / b }'; }

bench_simulate() {
  local jar="$BUILD_DIR/interleave.jar"
  local cp="$BUILD_DIR/bench/classes:$(cat "$BUILD_DIR/bench/classpath.txt")"
  for run in $(seq "$RUNS"); do
    echo "run $run/$RUNS" >&2
    timed interleave "$run" java -jar "$jar" simulate "$SCENARIO" "${COUNT_ARG[@]}"
    timed ssj "$run" java -cp "$cp" io.interleave.bench.SsjMm1 "$REF_COUNT"
    timed hand "$run" java -cp "$cp" io.interleave.bench.HandLoopMm1 "$REF_COUNT"
  done

  echo
  echo "M/M/1, rho 0.9, $REF_COUNT requests; median of $RUNS whole-process runs"
  printf '%-12s %10s %14s %12s   %s\n' "" "wall (s)" "max RSS (MiB)" "user+sys (s)" "all walls (s)"
  for label in interleave ssj hand; do
    printf '%-12s %10.2f %14.0f %12.2f   %s\n' "$label" "$(median "$label" 1)" "$(div "$(median "$label" 2)" 1024)" "$(median "$label" 3)" \
      "$(cut -d' ' -f1 "$WORK/$label.times" | tr '\n' ' ')"
  done
  echo
  printf 'interleave / ssj       %.2f  (target <= 1)\n' "$(div "$(median interleave 1)" "$(median ssj 1)")"
  printf 'interleave / hand loop %.2f  (target <= 1.5)\n' "$(div "$(median interleave 1)" "$(median hand 1)")"
  echo
  echo "what each computed (first run):"
  echo "  interleave: $(tr -d '\n ' < "$WORK/interleave.out" | grep -o '"responseMs":{[^}]*}')"
  echo "  $(cat "$WORK/ssj.out") ($(cat "$WORK/ssj.err"))"
  echo "  $(cat "$WORK/hand.out") ($(cat "$WORK/hand.err"))"
}

# Memory at the limit on requests in flight (issue 15): a burst of 1,000,000
# requests (Limits.MAX_IN_FLIGHT, every one in flight at once) and one of
# 1,000,001, which stops at its arrival with exit 2; one run each, max RSS.
# The M/M/1 figure above is the other end: ten million requests that never
# have more than about a hundred in flight.
bench_in_flight() {
  local jar="$BUILD_DIR/interleave.jar" n code rss
  echo
  echo "requests in flight (a burst, one sync thread, 1 ms of compute each)"
  printf '%-22s %6s %14s\n' "" "exit" "max RSS (MiB)"
  for n in 1000000 1000001; do
    printf '{"schema": 1, "name": "burst", "seed": 1, "server": {"policy": "sync", "timeSliceMs": 0},
      "requestTypes": [{"name": "job", "color": "#0072B2", "weight": 1, "segments": [{"kind": "compute", "ms": 1}]}],
      "arrivals": {"pattern": "burst", "count": %d}}\n' "$n" > "$WORK/burst.json"
    code=0
    /usr/bin/time -v -o "$WORK/time.txt" java -jar "$jar" simulate "$WORK/burst.json" > /dev/null 2> "$WORK/err.txt" || code=$?
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
    printf '%-22s %6s %14.0f   %s\n' "burst of $n" "$code" "$(div "$rss" 1024)" "$(head -c 100 "$WORK/err.txt")"
  done
}

# The window (issue 6, UI half): io.interleave.bench.WindowBench (src/bench/java)
# in one JVM on the real JavaFX toolkit, headless (Monocle, software
# rendering, the system properties the tests use). It prints its own figures:
#   - after a slider change, a 1,000-request scenario re-simulated and shown
#     in the whole window (timeline, metrics, charts), median over 100
#     changes after 150 warm-up ones; target median <= 50 ms;
#   - a 100,000-request timeline zoomed and panned, frame time median and p95
#     over 288 steps after 96 warm-up ones, sync and event loop, requests
#     and workers view; target 30 frames per second (p95 <= 33.3 ms).
# Frames are timed to a rendered snapshot (see WindowBench's comment).
# WINDOW_SCALE multiplies its iteration counts (default 1).
bench_window_frames() {
  local cp="$BUILD_DIR/bench/classes:$(cat "$BUILD_DIR/bench/classpath.txt")"
  echo
  echo "The window, headless (JavaFX $(sed -n 's:.*<javafx.version>\(.*\)</javafx.version>.*:\1:p' pom.xml), Monocle, software rendering); load now: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Dtestfx.robot=glass -Dtestfx.headless=true -Dprism.order=sw -Dglass.platform=Monocle \
    -Dmonocle.platform=Headless -Dprism.text=t2k -Djava.awt.headless=true \
    -cp "$cp" io.interleave.bench.WindowBench all "${WINDOW_SCALE:-1}" 2>&1 |
    grep -v -e '^WARNING' -e 'PlatformImpl startup' -e '^[A-Z][a-z][a-z] [0-9]* [0-9]*:[0-9:]* [AP]M com.sun' || true
}

build
echo "JDK:   $(java -version 2>&1 | head -n 1)"
echo "cores: $(nproc) ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1))"
echo "date:  $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load:  $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
if [[ "${ONLY:-}" != window ]]; then
  bench_simulate
  bench_in_flight
fi
if [[ "${ONLY:-}" != simulate ]]; then
  bench_window_frames
fi
