#!/bin/sh
# Regenerates the expected outputs of the tools the ELF and BTF tests compare against, for every
# fixture object in testdata/: llvm-objdump -dr (instructions and relocations), llvm-readelf -S -s
# (section headers and symbols), bpftool btf dump file (BTF types), and, for objects the kernel
# oracle can load, what libbpf and the kernel make of them (programs, maps, global variables).
# CI has none of these tools: run this after rebuilding testdata/ and commit the results
# (ONLY=NAME regenerates one fixture's outputs).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
testdata=$(cd "$here/../../../../../testdata" && pwd)
oracle=${ORACLE:-/work/shared/tools/kernel-oracle/oracle.py}

for obj in "$testdata"/${ONLY:-*}.o; do
	name=$(basename "$obj" .o)
	(cd "$testdata" && llvm-objdump -dr "$name.o") > "$here/$name.objdump.txt"
	(cd "$testdata" && llvm-readelf -S -s "$name.o") > "$here/$name.readelf.txt"
	if bpftool btf dump file "$obj" > "$here/$name.btf.txt" 2>/dev/null; then :; else rm -f "$here/$name.btf.txt"; fi
	if python3 "$oracle" info --obj "$obj" > /tmp/ebpfjvm-info.json 2>/dev/null; then
		python3 - "$obj" /tmp/ebpfjvm-info.json > "$here/$name.libbpf.txt" <<'PY'
import json, sys
info = json.load(open(sys.argv[2]))
for name, sec in info["progs"].items():
    print("prog", name, sec)
for name, m in info["maps"].items():
    print("map", name, m["type"], m["key_size"], m["value_size"], m["max_entries"])
    for e in m.get("entries", []):
        if str(e.get("value", "")).startswith("prog:"):
            print("slot", name, e["key"], e["value"][5:])
for name, (sec, off, size) in sorted(info["globals"].items()):
    print("global", name, sec, off, size)
PY
	else
		rm -f "$here/$name.libbpf.txt"
	fi
	echo "expected outputs for $name"
done
rm -f /tmp/ebpfjvm-info.json
