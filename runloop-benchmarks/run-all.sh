#!/usr/bin/env bash
# Every benchmark of BENCHMARKS.md in one go, each bounded, outputs in runloop-benchmarks/target/results/.
#   runloop-benchmarks/run-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl runloop-benchmarks -am package -DskipTests
JAR=runloop-benchmarks/target/benchmarks.jar
R=runloop-benchmarks/target/results
mkdir -p "$R"
{ date -u; uptime; nproc; free -g | head -2; java -version 2>&1 | head -1; } > "$R/machine.txt"
# c=1 rounds of 20,000 calls last seconds; at c=64 they last under a second, too short on a shared
# machine, so c=64 runs rounds of 100,000.
java -cp "$JAR" ai.runloop.benchmarks.load.LoadDriver 20000 1 3 2>&1 | grep -v '^\[' | tee "$R/load.txt"
java -cp "$JAR" ai.runloop.benchmarks.load.LoadDriver 100000 64 3 2>&1 | grep -v '^\[' | tee "$R/load-64.txt"
java -cp "$JAR" ai.runloop.benchmarks.PipelineCost 100000 5 | tee "$R/pipeline-cost.txt"
java -jar "$JAR" -wi 3 -w 2 -i 5 -r 2 -f 1 -prof gc 2>&1 | sed -n '/^Benchmark/,$p' | tee "$R/jmh.txt"
java -cp "$JAR" ai.runloop.benchmarks.transfer.TransferBenchmark 1024 2>&1 | grep -v '^\[' | tee "$R/transfer.txt"
java -cp "$JAR" ai.runloop.benchmarks.stream.StreamingBenchmark 100000 3 2>&1 | grep -v '^\[' | tee "$R/streaming.txt"
runloop-benchmarks/startup.sh 7 2>&1 | grep -v '^\[' | tee "$R/startup.txt"
{ date -u; uptime; } >> "$R/machine.txt"
