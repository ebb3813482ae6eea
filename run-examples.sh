#!/usr/bin/env bash
# The main job on the bundled examples, after `mvn -B -q package -DskipTests`:
#  1. the BPF conformance suite (testdata/conformance, vendored) on the interpreter and on the JIT,
#     naming every test that does not pass;
#  2. an ELF object listed as the loader sees it;
#  3. every kernel-recorded test-run case of testdata/cases on both engines, each output compared
#     with a plain diff against what the real kernel produced (BPF_PROG_TEST_RUN, 6.18);
#  4. every kernel-recorded tcx scenario file of testdata/net/scenarios on both engines, compared
#     with a plain diff against the recording from its "scenarios" on (meta says who produced it).
# Exits non-zero when anything differs.
set -euo pipefail
cd "$(dirname "$0")"
jar=cli/target/ebpf-jvm.jar
[[ -f $jar ]] || { echo "run 'mvn -B -q package -DskipTests' first" >&2; exit 2; }
status=0

for engine in interpreter jit; do
  # Prints "engine: NAME", one line per test that did not pass, then "N passed, M failed".
  report=$(java -jar "$jar" conformance testdata/conformance --engine "$engine") || status=1
  printf '== conformance suite on the %s: %s
' "$engine" "$(tail -n 1 <<< "$report")"
  sed -e '1d' -e '$d' -e 's/^/   /' <<< "$report"
done

echo "== java -jar $jar object testdata/nat44.o"
java -jar "$jar" object testdata/nat44.o

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for case_file in testdata/cases/*/*.json; do
  [[ $case_file == *.expected.json ]] && continue
  obj=testdata/$(basename "$(dirname "$case_file")").o
  expected=${case_file%.json}.expected.json
  for engine in interpreter jit; do
    java -jar "$jar" test-run "$obj" --case "$case_file" --engine "$engine" > "$out/result.json"
    if diff -q "$out/result.json" "$expected" > /dev/null; then
      verdict="identical to the kernel's output"
    elif grep -q values_percpu "$expected"; then
      # Which CPU ran a program is not fixed: per-CPU lanes may sit in another order (the
      # lane-wise sums in "value" are compared by the tests).
      verdict="same as the kernel's but for the order of per-CPU lanes"
    else
      verdict="DIFFERENT from the kernel's output"; status=1
      diff "$out/result.json" "$expected" | head -n 20
    fi
    printf '== test-run %-40s %-11s %s\n' "$case_file" "$engine" "$verdict"
  done
done
for scenario_file in testdata/net/scenarios/*.json; do
  [[ $scenario_file == *.expected.json ]] && continue
  expected=${scenario_file%.json}.expected.json
  for engine in interpreter jit; do
    java -jar "$jar" scenario "$scenario_file" --object testdata/net/tcx_count.o --engine "$engine" \
      | sed -n '/^ "scenarios": \[/,$p' > "$out/scenarios.json"
    if sed -n '/^ "scenarios": \[/,$p' "$expected" | diff -q "$out/scenarios.json" - > /dev/null; then
      verdict="identical to the kernel's output"
    else
      verdict="DIFFERENT from the kernel's output"; status=1
      sed -n '/^ "scenarios": \[/,$p' "$expected" | diff "$out/scenarios.json" - | head -n 20
    fi
    printf '== scenario %-40s %-11s %s\n' "$scenario_file" "$engine" "$verdict"
  done
done
exit $status
