#!/bin/sh
# Builds bench/target/benchmarks.jar and runs the whole suite: EngineBench (every workload on the
# interpreter and the JIT) and the load -> first-run measurement, then prints the markdown tables.
# With the default settings it takes about seven minutes on 2 cores (38 forks of 8 s plus JVM
# starts, then under a minute of load -> first-run measurement).
#
#   bench/run.sh                                  # everything
#   bench/run.sh -p program=alu64_loop,calls      # extra JMH arguments (here: a subset)
#
# Environment: JMH_OPTS (default "-f 1 -wi 3 -w 1s -i 5 -r 1s"), OUT (results folder, default
# bench/target/results/<timestamp>), NATIVE (default testdata/bench/README.md, the native timings),
# JAVA (default java), JAVA_OPTS (options of the JMH host JVM, e.g. -Djmh.ignoreLock=true), MVN (default "mvn -B -q"; set SKIP_BUILD=1 to reuse the jar).
set -eu
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
MVN=${MVN:-mvn -B -q}
NATIVE=${NATIVE:-testdata/bench/README.md}
JMH_OPTS=${JMH_OPTS:--f 1 -wi 3 -w 1s -i 5 -r 1s}
OUT=${OUT:-bench/target/results/$(date +%Y%m%d-%H%M%S)}
JAR=bench/target/benchmarks.jar

if [ -z "${SKIP_BUILD:-}" ]; then
    $MVN package -pl bench -am -DskipTests
fi
mkdir -p "$OUT"
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "jmh options: $JMH_OPTS $*"
    "$JAVA" -version 2>&1
    echo "cpus: $(nproc)"
    echo "load before: $(uptime)"
} > "$OUT/env.txt"

# shellcheck disable=SC2086 # JAVA_OPTS and JMH_OPTS are word lists
"$JAVA" $JAVA_OPTS -jar "$JAR" EngineBench $JMH_OPTS -rf csv -rff "$OUT/results.csv" -o "$OUT/jmh.txt" "$@"
echo "load after jmh: $(uptime)" >> "$OUT/env.txt"

# load -> first run: each engine in a fresh JVM, once as a new host sees it (5 unmeasured programs
# per size) and once with the engine's own code compiled (300 unmeasured programs per size)
"$JAVA" -cp "$JAR" dev.ebpfjvm.bench.firstrun.FirstRunMain --header jit > "$OUT/firstrun.md"
"$JAVA" -cp "$JAR" dev.ebpfjvm.bench.firstrun.FirstRunMain interpreter >> "$OUT/firstrun.md"
"$JAVA" -cp "$JAR" dev.ebpfjvm.bench.firstrun.FirstRunMain --warmup 300 jit >> "$OUT/firstrun.md"
"$JAVA" -cp "$JAR" dev.ebpfjvm.bench.firstrun.FirstRunMain --warmup 300 interpreter >> "$OUT/firstrun.md"
echo "load after first-run: $(uptime)" >> "$OUT/env.txt"

"$JAVA" -cp "$JAR" dev.ebpfjvm.bench.report.ResultTable "$OUT/results.csv" "$NATIVE" > "$OUT/table.md"
cat "$OUT/env.txt"
echo
cat "$OUT/table.md"
echo
cat "$OUT/firstrun.md"
echo
echo "results in $OUT"
