#!/bin/sh
# Records what the kernel does with the cases of kernel-cases.txt ("case NAME OBJECT PROGRAM MARK
# DATA_HEX"): each runs once with BPF_PROG_TEST_RUN through the kernel oracle on a fresh load of
# testdata/OBJECT.o, and kernel-results.txt gets the return value, skb->mark after the run, and every
# map entry the oracle lists. Only cases whose programs read no more of __sk_buff than len, mark and
# protocol belong here: LoadEndToEndTest replays them on a raw context buffer holding those fields.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
testdata=$(cd "$here/../../../../../testdata" && pwd)
oracle=${ORACLE:-/work/shared/tools/kernel-oracle/oracle.py}
python3 - "$here/kernel-cases.txt" "$testdata" "$oracle" > "$here/kernel-results.txt" <<'PY'
import json, subprocess, sys
cases, testdata, oracle = sys.argv[1:4]
for line in open(cases):
    _, name, obj, prog, mark, data = line.split()
    case = {"prog": prog, "data_in": data, "ctx_in": {"mark": int(mark)}}
    out = subprocess.run(["python3", oracle, "run", "--obj", f"{testdata}/{obj}.o", "--prog", prog, "--data", data,
                          "--ctx", json.dumps(case["ctx_in"])], check=True, capture_output=True, text=True).stdout
    r = json.loads(out)
    print("case", name)
    print("retval", r["retval_s32"])
    print("mark", r["ctx_out"]["mark"])
    for mname, m in sorted(r["maps"].items()):
        for e in m.get("entries", []):
            print("entry", mname, e["key"], e["value"])
    print("end")
PY
