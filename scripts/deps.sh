#!/bin/sh
# deps.sh install|ensure|train: install what sp needs to build and test.
# "ensure" installs only when something is missing; "install" always asks
# the package manager; "train" ensures what make train needs besides
# (scikit-learn: the model ships built, so building and testing do not).
# On Debian-like systems this uses apt-get; elsewhere it prints what to
# install and fails.
set -e
mode=${1:-ensure}

DEB_PKGS="build-essential pkg-config libutf8proc-dev libuchardet-dev \
libxxhash-dev libjansson-dev libpcre2-dev liblmdb-dev libopencc-dev libxml2-dev \
mandoc clang libclang-rt-dev gawk parallel valgrind time lmdb-utils uchardet \
python3"
TRAIN_PKGS="python3 python3-sklearn python3-numpy"
PC_MODULES="libutf8proc uchardet libxxhash jansson libpcre2-8 lmdb libxml-2.0"

missing() {
	command -v pkg-config >/dev/null 2>&1 || return 0
	pkg-config --exists $PC_MODULES || return 0
	command -v mandoc >/dev/null 2>&1 || return 0
	command -v cc >/dev/null 2>&1 || return 0
	command -v gawk >/dev/null 2>&1 || return 0
	command -v parallel >/dev/null 2>&1 || return 0
	# The memory figures (GNU time) and the memcheck runs of make check.
	[ -x /usr/bin/time ] || return 0
	command -v valgrind >/dev/null 2>&1 || return 0
	# The store-fault tests write a store of another format with it.
	command -v mdb_load >/dev/null 2>&1 || return 0
	# The boilerplate evaluation's scorer.
	command -v python3 >/dev/null 2>&1 || return 0
	# The decoding evaluation prints uchardet's own figure beside sp-clean's.
	command -v uchardet >/dev/null 2>&1 || return 0
	# make check builds the fuzzers with clang's libFuzzer runtime.
	printf 'int LLVMFuzzerTestOneInput(const char *d, long n)'\
'{(void)d;(void)n;return 0;}\n' > "${TMPDIR:-/tmp}/sp-deps-$$.c"
	clang -fsanitize=fuzzer "${TMPDIR:-/tmp}/sp-deps-$$.c" \
	    -o "${TMPDIR:-/tmp}/sp-deps-$$" >/dev/null 2>&1 || fuzz=no
	rm -f "${TMPDIR:-/tmp}/sp-deps-$$.c" "${TMPDIR:-/tmp}/sp-deps-$$"
	[ "${fuzz:-yes}" = yes ] || return 0
	return 1
}

if [ "$mode" = train ]; then
	/usr/bin/python3 -c 'import sklearn, numpy' 2>/dev/null && exit 0
	DEB_PKGS=$TRAIN_PKGS
elif [ "$mode" = ensure ] && ! missing; then
	exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
	SUDO=
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq --no-install-recommends $DEB_PKGS >/dev/null
	exit 0
fi

cat >&2 <<MSG
sp needs: a C11 compiler, make, pkg-config, mandoc, gawk, GNU parallel (for
the tests of sharded runs), GNU time and valgrind (for the memory tests),
clang with libFuzzer, and the development
files of utf8proc, uchardet, xxHash, jansson, PCRE2 and LMDB (OpenCC
optional). Install them with your package manager, then run make again.
MSG
exit 2
