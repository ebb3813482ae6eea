#!/bin/sh
# Builds tcx_count.o (the tcx oracle's scenario program, copied from the shared tcx-oracle
# material) with the pinned toolchain and flags of ../build.sh. Commit the .o; tests read only it.
set -eu
cd "$(dirname "$0")"
CLANG=${CLANG:-clang}
major=$("$CLANG" --version | sed -n 's/.*clang version \([0-9][0-9]*\)\..*/\1/p' | head -n 1)
if [ "$major" != "14" ]; then
	echo "build.sh: need clang 14, found '${major:-none}' ($CLANG)" >&2
	exit 1
fi
"$CLANG" -O2 -g -target bpf -Wall -Werror -fdebug-prefix-map="$(pwd)=." -I/usr/include/x86_64-linux-gnu \
	-c tcx_count.c -o tcx_count.o
echo "built tcx_count.o"
