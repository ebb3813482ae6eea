#!/bin/sh
# Records the kernel's results for every case file: cases/<obj>/<name>.json -> <name>.expected.json,
# running ../<obj>.o through the kernel oracle (needs root and bpf(); never attaches anything).
set -eu
cd "$(dirname "$0")"
ORACLE=${ORACLE:-../../../shared/tools/kernel-oracle/oracle.py}
for f in */*.json; do
	case "$f" in *.expected.json) continue ;; esac
	obj=${f%%/*}
	out=${f%.json}.expected.json
	python3 "$ORACLE" case "$f" --obj "../$obj.o" > "$out.tmp"
	mv "$out.tmp" "$out"
	echo "recorded $out"
done
