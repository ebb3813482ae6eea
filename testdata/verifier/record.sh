#!/bin/sh
# Records the running kernel's verifier verdict for every program of corpus/*.o into expected.tsv
# (root; nothing runs, nothing is attached). Each program is loaded on its own (see record.py);
# ORACLE_DIR overrides where oracle.py is found (default ../../../shared/tools/kernel-oracle).
set -eu
cd "$(dirname "$0")"
python3 record.py corpus > expected.tsv.tmp
mv expected.tsv.tmp expected.tsv
echo "record.sh: $(($(wc -l < expected.tsv) - 1)) programs recorded in expected.tsv" >&2
