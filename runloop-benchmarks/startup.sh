#!/usr/bin/env bash
# Start-up benchmark: jlink images of the quickstart's first step (src/startup: an SDK from the
# environment, one devbox read) with the JDK transport only; prints each image's size and the time from
# starting its JVM to the first decoded response, against a FixedDevboxServer started here.
#
#   runloop-benchmarks/startup.sh [runs]        (default 5 runs per image, each a new JVM)
#
# Images (BENCHMARKS.md, Start-up, says what each step buys):
#   plain   jlink only, from the JDK of `java` (JAVA_HOME if set): the reference, no class-data archive.
#   cds     the same modules from the same JDK, made small and fast: four files nothing here uses left
#           out, libjvm.so's symbol table stripped, and lib/server/classes.jsa (the archive the JVM maps
#           by itself, no flag) replaced by a static archive of exactly the classes a training run of the
#           probe loaded. This is the image meant to meet both targets.
#   aot     the cds recipe linked from a JDK 25 or later, with an AOT cache (JEP 483/514/515) from a
#           training run in place of lib/server/classes.jsa; JDK 25 maps it from there with no flag.
#           Built when such a JDK is found: $AOT_JDK, else the newest under /usr/lib/jvm; else skipped.
#
# jlink flags per shared DEPENDENCIES.md: --compress=2 --no-header-files --no-man-pages, provider modules
# named with --add-modules (no --bind-services: it pulls every JDK provider, 85 MB), and never
# --strip-debug or --strip-java-debug-attributes (they drop the MethodParameters Yasson needs to build
# records). The probe reads fields of the decoded record, so an image that cannot read records fails here
# rather than looking fast.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
OUT=runloop-benchmarks/target/startup
REPO=${MAVEN_REPO:-$HOME/.m2/repository}
MAIN=ai.runloop.startup/ai.runloop.startup.FirstResponse

mvn -B -q -pl runloop-sdk,runloop-benchmarks -am package -DskipTests

jar_of() { ls "$1"/target/"$1"-*.jar | grep -v -e '-sources' -e '-javadoc' -e '-tests' | head -1; }
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
feature() { local v; v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null); echo "${v:-0}"; }
MP="$(jar_of runloop-model):$(jar_of runloop-api):$(jar_of runloop-sdk):$(jar_of runloop-transport-jdk)"
MP="$MP:$REPO/jakarta/json/bind/jakarta.json.bind-api/$(prop jsonb-api.version)/jakarta.json.bind-api-$(prop jsonb-api.version).jar"
MP="$MP:$REPO/jakarta/json/jakarta.json-api/$(prop json-api.version)/jakarta.json-api-$(prop json-api.version).jar"
MP="$MP:$REPO/org/eclipse/yasson/yasson/$(prop yasson.version)/yasson-$(prop yasson.version).jar"
MP="$MP:$REPO/org/eclipse/parsson/parsson/$(prop parsson.version)/parsson-$(prop parsson.version).jar"

JDK=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
if [ -z "${AOT_JDK:-}" ]; then
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/jlink" ] && [ "$(feature "$candidate")" -ge 25 ] \
        && { [ -z "${AOT_JDK:-}" ] || [ "$(feature "$candidate")" -gt "$(feature "$AOT_JDK")" ]; }; then
      AOT_JDK=$candidate
    fi
  done
fi
if [ "$(feature "$JDK")" -ge 25 ] && [ -z "${AOT_JDK:-}" ]; then AOT_JDK=$JDK; fi

rm -rf "$OUT"
mkdir -p "$OUT/classes"
"$JDK/bin/javac" --release 17 -d "$OUT/classes" --module-path "$MP" $(find runloop-benchmarks/src/startup -name '*.java')
"$JDK/bin/jar" --create --file "$OUT/startup-probe.jar" --main-class ai.runloop.startup.FirstResponse -C "$OUT/classes" .
link() { # $1 = JDK, $2 = output directory, then extra jlink flags
  local jdk=$1 out=$2; shift 2
  "$jdk/bin/jlink" --module-path "$MP:$OUT/startup-probe.jar" \
    --add-modules ai.runloop.startup,ai.runloop.transport.jdk,org.eclipse.yasson,org.eclipse.parsson \
    --no-header-files --no-man-pages "$@" --output "$out"
}
# Files of java.base that nothing in these images uses: the JDK's default class list (read only by a
# -Xshare:dump without a list), the jrt file system for *other* JDKs, the binfmt jar launcher, keytool.
UNUSED='--exclude-files=/java.base/lib/classlist,/java.base/lib/jrt-fs.jar,/java.base/lib/jexec,/java.base/bin/keytool'
# libjvm.so keeps its full symbol table (4 MB); it only names native frames in crash reports.
# jlink's --strip-native-debug-symbols runs objcopy --strip-debug, which finds no debug sections here.
strip_jvm() {
  if command -v strip > /dev/null; then strip --strip-unneeded "$1/lib/server/libjvm.so"
  elif command -v objcopy > /dev/null; then objcopy --strip-unneeded "$1/lib/server/libjvm.so"
  else echo "neither strip nor objcopy found: $1 keeps libjvm.so's symbol table" >&2; fi
}
IMAGES=(plain cds)
link "$JDK" "$OUT/plain" --compress=2
link "$JDK" "$OUT/cds" --compress=2 "$UNUSED"
strip_jvm "$OUT/cds"
if [ -n "${AOT_JDK:-}" ]; then
  link "$AOT_JDK" "$OUT/aot" --compress=zip-6 "$UNUSED" # zip-6 is what --compress=2 meant before JDK 21
  strip_jvm "$OUT/aot"
  IMAGES+=(aot)
else
  echo "no JDK 25 or later found (set AOT_JDK): the aot image is skipped"
fi
declare -A JDK_OF=([plain]=$JDK [cds]=$JDK [aot]=${AOT_JDK:-})

# The server in its own JVM; stopped on exit whatever happens.
coproc SERVER { exec java -cp runloop-benchmarks/target/benchmarks.jar ai.runloop.benchmarks.load.FixedDevboxServer; }
SERVER_IN=${SERVER[1]}
trap 'echo stop >&"$SERVER_IN" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
URL=""
while read -r line <&"${SERVER[0]}"; do
  case "$line" in listening\ *) URL=${line#listening }; break ;; esac
done
[ -n "$URL" ] || { echo "the server did not start" >&2; exit 1; }
probe() { RUNLOOP_API_KEY=bench-key RUNLOOP_BASE_URL="$URL" "$@"; }

# Training runs against the same server, then the archives, each where the JVM looks by default.
# The static archive is dumped with the serial collector, which leaves out the archived heap objects
# (G1 only): 1 MB less, and no start-up time measured to go with it.
probe "$OUT/cds/bin/java" -XX:DumpLoadedClassList="$OUT/classlist" -m "$MAIN" > /dev/null
"$OUT/cds/bin/java" -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile="$OUT/classlist" \
  -XX:SharedArchiveFile="$OUT/cds/lib/server/classes.jsa" > "$OUT/cds-dump.log" 2>&1
if [ -n "${AOT_JDK:-}" ]; then
  probe "$OUT/aot/bin/java" -XX:AOTCacheOutput="$OUT/probe.aot" -m "$MAIN" > "$OUT/aot-training.log" 2>&1
  mv "$OUT/probe.aot" "$OUT/aot/lib/server/classes.jsa"
fi
for image in "${IMAGES[@]}"; do # -Xshare:on fails where a default archive exists but cannot be used
  [ "$image" = plain ] || probe "$OUT/$image/bin/java" -Xshare:on -m "$MAIN" > /dev/null
done

echo "server: $URL; load average: $(cut -d' ' -f1-3 /proc/loadavg); modules: $("$OUT/plain/bin/java" --list-modules | tr '\n' ' ')"
echo "cds: $(grep -vc '^@' "$OUT/classlist") classes in a $(($(stat -c %s "$OUT/cds/lib/server/classes.jsa") / 1000)) kB archive${AOT_JDK:+; aot: a $(($(stat -c %s "$OUT/aot/lib/server/classes.jsa") / 1000)) kB AOT cache}"
# Runs interleaved across the images, so that load from elsewhere on the machine falls on all alike.
# CPU time (user + system, the whole JVM) is steadier than wall time on a shared machine.
declare -A FIRST EXIT CPU
TIMEFORMAT='%3U %3S'
for i in $(seq 1 "$RUNS"); do
  for image in "${IMAGES[@]}"; do
    t0=$(date +%s%3N)
    { time line=$(probe "$OUT/$image/bin/java" -m "$MAIN"); } 2> "$OUT/cpu"
    t1=$(date +%s%3N)
    CPU[$image]+="$(awk '{printf "%d", ($1 + $2) * 1000}' "$OUT/cpu") "
    at=$(echo "$line" | awk '/^first-response-at-ms/ {print $2}')
    [ -n "$at" ] || { echo "no response from $image: $line" >&2; exit 1; }
    echo "$image run $i: first response after $((at - t0)) ms, JVM exited after $((t1 - t0)) ms ($line)"
    FIRST[$image]+="$((at - t0)) "
    EXIT[$image]+="$((t1 - at)) "
  done
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| jlink image (JDK transport only) | linked from | size | first response, median of $RUNS cold JVMs | min | max | exit after the answer, median | CPU time, median |"
echo "|---|---|---|---|---|---|---|---|"
for image in "${IMAGES[@]}"; do
  SIZE_KB=$(du -sk "$OUT/$image" | cut -f1)
  SORTED=($(printf '%s\n' ${FIRST[$image]} | sort -n))
  EXITS=($(printf '%s\n' ${EXIT[$image]} | sort -n))
  CPUS=($(printf '%s\n' ${CPU[$image]} | sort -n))
  VERSION=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "${JDK_OF[$image]}/release")
  printf '| %s | JDK %s | %s.%s MB (%s.%s MiB) | %s ms | %s ms | %s ms | %s ms | %s ms |\n' "$image" "$VERSION" \
    $((SIZE_KB * 1024 / 1000000)) $((SIZE_KB * 1024 % 1000000 / 100000)) $((SIZE_KB / 1024)) $((SIZE_KB * 10 / 1024 % 10)) \
    "${SORTED[RUNS / 2]}" "${SORTED[0]}" "${SORTED[RUNS - 1]}" "${EXITS[RUNS / 2]}" "${CPUS[RUNS / 2]}"
done
