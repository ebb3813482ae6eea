#!/bin/sh
# Rebuilds every fixture object (X.c -> X.o) with the pinned toolchain and flags.
# Tests read only the committed .o files; run this after changing a .c or common.h and commit
# both. The objects are reproducible: paths are mapped to "." so any checkout builds the same bytes.
set -eu
cd "$(dirname "$0")"

CLANG=${CLANG:-clang}
REQUIRED_MAJOR=14
major=$("$CLANG" --version | sed -n 's/.*clang version \([0-9][0-9]*\)\..*/\1/p' | head -n 1)
if [ "$major" != "$REQUIRED_MAJOR" ]; then
	echo "build.sh: need clang $REQUIRED_MAJOR, found '${major:-none}' ($CLANG)" >&2
	exit 1
fi

CFLAGS="-O2 -g -target bpf -Wall -Werror -fdebug-prefix-map=$(pwd)=. -I/usr/include/x86_64-linux-gnu"

# Fixtures that need more than the base ISA (atomics with fetch, 32-bit jumps).
extra_flags() {
	case "$1" in
	atomics) echo "-mcpu=v3" ;;
	*) echo "" ;;
	esac
}

for src in *.c; do
	name=${src%.c}
	# shellcheck disable=SC2046
	"$CLANG" $CFLAGS $(extra_flags "$name") -c "$src" -o "$name.o"
	echo "built $name.o"
done
