#!/bin/sh
# Records what the kernel's bpftool prints for testdata/xlated_forms.o, for DumpCommandBpftoolTest:
# `bpftool prog dump xlated` plain and with `linum`. The kernel oracle loads the object (it never
# attaches anything) and holds the program while it times runs of it; meanwhile bpftool reads the
# program back by name. Needs root, bpftool and the oracle; CI has none of them: run this after
# changing the fixture and commit the outputs.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
testdata=$(cd "$here/../../../../../../../../testdata" && pwd)
oracle=${ORACLE:-/work/shared/tools/kernel-oracle/oracle.py}
frame=000000000000020000000001080045000020123440004011269c0a0000010a00000203e80035000c1d2a01020304

python3 "$oracle" time --obj "$testdata/xlated_forms.o" --prog xlated_forms --data "$frame" \
	--repeat 200000000 --samples 20 > /dev/null &
oracle_pid=$!
tries=0
until bpftool prog show name xlated_forms > /dev/null 2>&1; do
	tries=$((tries + 1))
	[ "$tries" -lt 100 ] || { kill "$oracle_pid"; echo "record.sh: the program never showed up" >&2; exit 1; }
	sleep 0.1
done
bpftool prog dump xlated name xlated_forms > "$here/xlated_forms.xlated.txt"
bpftool prog dump xlated name xlated_forms linum > "$here/xlated_forms.linum.txt"
kill "$oracle_pid"
wait "$oracle_pid" 2> /dev/null || true
bpftool version | head -n 1 > "$here/bpftool-version.txt"
uname -r >> "$here/bpftool-version.txt"
echo "recorded bpftool's dumps of xlated_forms"
