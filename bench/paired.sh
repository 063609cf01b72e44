#!/usr/bin/env bash
# bench/paired.sh: is `interleave simulate` slower than it was at an earlier commit?
#
# Builds the jar of REF (default 4f64e0b, the code before the policy seam of
# issue 11) in a temporary git worktree beside this checkout's own jar, then
# runs the same command with each, alternately (old, new, old, new, ...), so a
# drift in the machine's load hits both alike. Each run is a whole process
# under /usr/bin/time -v at default JVM settings: JVM start, reading the
# scenario, simulating, exact percentiles, output. It prints every run's CPU
# time (user + sys), the median of each side, the median of the pair-by-pair
# ratios new/old and the load before and after. Issue 11's target: the median
# ratio for the 10,000,000-request M/M/1 (examples/mm1.json) is at most 1.05.
#
# Usage:   bench/paired.sh [RUNS] [REF] [-- ARGS...]
#          RUNS  pairs to run (default 5)
#          REF   the commit, tag or branch to compare with (default 4f64e0b)
#          ARGS  what follows `interleave` (default: simulate examples/mm1.json)
# Env:     MVN_FLAGS extra Maven flags (e.g. -o); SKIP_BUILD=1 reuses both jars
#
# Quote the figures with the load: on a busy machine CPU time grows too
# (shared caches), though less than wall time. Needs git and /usr/bin/time.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=5
REF=4f64e0b
if [[ $# -gt 0 && "$1" != -- ]]; then RUNS="$1"; shift; fi
if [[ $# -gt 0 && "$1" != -- ]]; then REF="$1"; shift; fi
if [[ $# -gt 0 && "$1" == -- ]]; then shift; fi
ARGS=("$@")
if [[ ${#ARGS[@]} -eq 0 ]]; then ARGS=(simulate examples/mm1.json); fi
MVN_FLAGS="${MVN_FLAGS:-}"
OLD_DIR="target/paired-old"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if [[ ! -x /usr/bin/time ]]; then
  echo "bench/paired.sh: needs /usr/bin/time (apt-get install time)" >&2
  exit 2
fi

build() {
  if [[ "${SKIP_BUILD:-0}" == 1 && -f "$OLD_DIR/target/interleave.jar" && -f target/interleave.jar ]]; then
    return
  fi
  echo "building this checkout's jar..." >&2
  # shellcheck disable=SC2086
  ./mvnw -B -q $MVN_FLAGS package -DskipTests -DskipImage=true
  echo "building $REF in $OLD_DIR..." >&2
  git worktree remove --force "$OLD_DIR" 2>/dev/null || rm -rf "$OLD_DIR"
  git worktree prune
  git worktree add -q --detach "$OLD_DIR" "$REF"
  # shellcheck disable=SC2086
  (cd "$OLD_DIR" && ./mvnw -B -q $MVN_FLAGS package -DskipTests -DskipImage=true)
}

# cpu JAR: one run, prints user + sys seconds
cpu() {
  /usr/bin/time -v -o "$WORK/time.txt" java -jar "$1" "${ARGS[@]}" > /dev/null 2> "$WORK/err.txt" || {
    echo "run failed ($1):" >&2
    cat "$WORK/err.txt" >&2
    exit 1
  }
  awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { printf "%.3f\n", s }' "$WORK/time.txt"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

build
echo "JDK:     $(java -version 2>&1 | head -n 1)"
echo "cores:   $(nproc); date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "command: interleave ${ARGS[*]}"
echo "old:     $REF ($(git rev-parse --short "$REF")); new: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' + changes')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %10s %10s %8s\n' pair "old cpu s" "new cpu s" ratio
: > "$WORK/old"; : > "$WORK/new"; : > "$WORK/ratio"
for i in $(seq "$RUNS"); do
  old=$(cpu "$OLD_DIR/target/interleave.jar")
  new=$(cpu target/interleave.jar)
  ratio=$(awk -v a="$new" -v b="$old" 'BEGIN { printf "%.4f", a / b }')
  echo "$old" >> "$WORK/old"; echo "$new" >> "$WORK/new"; echo "$ratio" >> "$WORK/ratio"
  printf '%-6s %10s %10s %8s\n' "$i" "$old" "$new" "$ratio"
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'median       %10s %10s %8s   (new / old, pair by pair; target <= 1.05)\n' \
  "$(median < "$WORK/old")" "$(median < "$WORK/new")" "$(median < "$WORK/ratio")"
