#!/usr/bin/env bash
# bench/anim.sh: how long does `render FILE.gif` take, and how large is each
# lesson's GIF?
#
# For every lesson (`presets`), renders the compared playback at the default
# settings (8 s at 10 frames a second, 2 s hold) at WIDTH pixels, as a whole
# process (JVM start, simulation, 81 frames painted, reduced and encoded),
# and prints the wall time, CPU time (user + sys) and the GIF's size. The
# size goal (issue 16) is under 2 MB at 1600 px; a test checks it too
# (LessonAnimationSizeTest).
#
# Usage:   bench/anim.sh                  (needs target/interleave.jar: ./mvnw package -DskipTests)
# Env:     WIDTH   picture width in pixels (default 1600)
#          JAR     the jar to run (default target/interleave.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/interleave.jar}
WIDTH=${WIDTH:-1600}
OUT=$(mktemp -d target/bench-anim.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
printf '%-24s %8s %8s %10s\n' lesson wall_s cpu_s gif_kB
for lesson in $(java -jar "$JAR" presets | awk '{print $1}' | sed 's/^preset://'); do
  /usr/bin/time -f '%e %U %S' -o "$OUT/time" java -jar "$JAR" render "preset:$lesson" --compare \
      --width "$WIDTH" --out "$OUT/$lesson.gif" > /dev/null
  read -r wall user sys < "$OUT/time"
  size=$(stat -c %s "$OUT/$lesson.gif")
  printf '%-24s %8s %8.2f %10d\n' "$lesson" "$wall" "$(echo "$user + $sys" | bc)" $((size / 1000))
done
echo "# $(java -version 2>&1 | head -1), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
