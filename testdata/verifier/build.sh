#!/bin/sh
# Rebuilds every verifier-corpus object (corpus/X.c -> corpus/X.o) with the pinned toolchain and
# flags of testdata/build.sh (clang 14, paths mapped to "." so any checkout builds the same bytes).
# Run it after changing a .c or corpus/common.h, then ./record.sh, and commit all three.
set -eu
cd "$(dirname "$0")/corpus"

CLANG=${CLANG:-clang}
REQUIRED_MAJOR=14
major=$("$CLANG" --version | sed -n 's/.*clang version \([0-9][0-9]*\)\..*/\1/p' | head -n 1)
if [ "$major" != "$REQUIRED_MAJOR" ]; then
	echo "build.sh: need clang $REQUIRED_MAJOR, found '${major:-none}' ($CLANG)" >&2
	exit 1
fi

CFLAGS="-O2 -g -target bpf -Wall -Werror -fdebug-prefix-map=$(pwd)=. -I/usr/include/x86_64-linux-gnu"

# Files whose programs use 32-bit jumps/ALU or atomics with fetch need -mcpu=v3.
extra_flags() {
	case "$1" in
	alu | scalars_bounds) echo "-mcpu=v3" ;;
	*) echo "" ;;
	esac
}

for src in *.c; do
	name=${src%.c}
	# shellcheck disable=SC2046
	"$CLANG" $CFLAGS $(extra_flags "$name") -c "$src" -o "$name.o"
	echo "built corpus/$name.o"
done
