#!/usr/bin/env bash
# Start-up benchmark: a jlink image of the quickstart's first step (src/startup: an SDK from the
# environment, one devbox read) with the JDK transport only; prints the image size and the time from
# starting the image's JVM to the first decoded response, against a FixedDevboxServer started here.
#
#   runloop-benchmarks/startup.sh [runs]        (default 5 runs, each a new JVM)
#
# jlink flags per shared DEPENDENCIES.md: --compress=2 --no-header-files --no-man-pages, provider
# modules named with --add-modules (no --bind-services: it pulls every JDK provider, 85 MB), and never
# --strip-debug (it drops the parameter names Yasson needs to build records). The probe reads fields
# of the decoded record, so an image that cannot read records fails here rather than looking fast.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
OUT=runloop-benchmarks/target/startup
REPO=${MAVEN_REPO:-$HOME/.m2/repository}

mvn -B -q -pl runloop-sdk,runloop-benchmarks -am package -DskipTests

jar_of() { ls "$1"/target/"$1"-*.jar | grep -v -e '-sources' -e '-javadoc' -e '-tests' | head -1; }
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
MP="$(jar_of runloop-model):$(jar_of runloop-api):$(jar_of runloop-sdk):$(jar_of runloop-transport-jdk)"
MP="$MP:$REPO/jakarta/json/bind/jakarta.json.bind-api/$(prop jsonb-api.version)/jakarta.json.bind-api-$(prop jsonb-api.version).jar"
MP="$MP:$REPO/jakarta/json/jakarta.json-api/$(prop json-api.version)/jakarta.json-api-$(prop json-api.version).jar"
MP="$MP:$REPO/org/eclipse/yasson/yasson/$(prop yasson.version)/yasson-$(prop yasson.version).jar"
MP="$MP:$REPO/org/eclipse/parsson/parsson/$(prop parsson.version)/parsson-$(prop parsson.version).jar"

rm -rf "$OUT"
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" --module-path "$MP" $(find runloop-benchmarks/src/startup -name '*.java')
jar --create --file "$OUT/startup-probe.jar" --main-class ai.runloop.startup.FirstResponse -C "$OUT/classes" .
link() { # $1 = output directory, then extra jlink flags
  local out=$1; shift
  jlink --module-path "$MP:$OUT/startup-probe.jar" \
    --add-modules ai.runloop.startup,ai.runloop.transport.jdk,org.eclipse.yasson,org.eclipse.parsson \
    --compress=2 --no-header-files --no-man-pages "$@" --output "$out"
}
# Two images of the same modules: "plain" has no class-data archive; "appcds" replaces the JDK's
# default archive (lib/server/classes.jsa, which the JVM maps by itself, no flag needed) with one
# dumped from a training run of the probe, so the SDK's, Yasson's and the JDK client's classes load
# pre-parsed. The archive for uncompressed-oops heaps (> 32 GB) is left out.
link "$OUT/plain"
link "$OUT/appcds"
# The server in its own JVM; stopped on exit whatever happens.
coproc SERVER { exec java -cp runloop-benchmarks/target/benchmarks.jar ai.runloop.benchmarks.load.FixedDevboxServer; }
SERVER_IN=${SERVER[1]}
trap 'echo stop >&"$SERVER_IN" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
URL=""
while read -r line <&"${SERVER[0]}"; do
  case "$line" in listening\ *) URL=${line#listening }; break ;; esac
done
[ -n "$URL" ] || { echo "the server did not start" >&2; exit 1; }

# Training run for the archive (against the same server), then the dump.
RUNLOOP_API_KEY=bench-key RUNLOOP_BASE_URL="$URL" "$OUT/appcds/bin/java" -XX:DumpLoadedClassList="$OUT/classlist" \
  -m ai.runloop.startup/ai.runloop.startup.FirstResponse > /dev/null
"$OUT/appcds/bin/java" -Xshare:dump -XX:SharedClassListFile="$OUT/classlist" \
  -XX:SharedArchiveFile="$OUT/appcds/lib/server/classes.jsa" > "$OUT/cds-dump.log" 2>&1
rm -f "$OUT/appcds/lib/server/classes_nocoops.jsa"

echo "server: $URL; load average: $(cut -d' ' -f1-3 /proc/loadavg); modules: $("$OUT/plain/bin/java" --list-modules | tr '\n' ' ')"
ROWS=()
for image in plain appcds; do
  SIZE_KB=$(du -sk "$OUT/$image" | cut -f1)
  TIMES=()
  for i in $(seq 1 "$RUNS"); do
    t0=$(date +%s%3N)
    line=$(RUNLOOP_API_KEY=bench-key RUNLOOP_BASE_URL="$URL" "$OUT/$image/bin/java" -m ai.runloop.startup/ai.runloop.startup.FirstResponse)
    t1=$(date +%s%3N)
    at=$(echo "$line" | awk '/^first-response-at-ms/ {print $2}')
    [ -n "$at" ] || { echo "no response: $line" >&2; exit 1; }
    echo "$image run $i: first response after $((at - t0)) ms, JVM exited after $((t1 - t0)) ms ($line)"
    TIMES+=($((at - t0)))
  done
  SORTED=($(printf '%s\n' "${TIMES[@]}" | sort -n))
  ROWS+=("| $image | $((SIZE_KB * 1024 / 1000000)) MB ($((SIZE_KB / 1024)) MiB) | ${SORTED[RUNS / 2]} ms | ${SORTED[0]} ms | ${SORTED[RUNS - 1]} ms |")
done
echo
echo "| jlink image (JDK transport only) | size | first response, median of $RUNS cold JVMs | min | max |"
echo "|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
