# tests/lib.sh: how every shell suite of tests/ opens, sourced as
#   . "${0%/*}/../lib.sh"
# Counters for the last line ("NAME: N ok, N failed"), a temporary
# directory $t removed at exit (kept, and named, with KEEP=1), and the
# three ways a check is counted.  A suite that needs more at exit sets
# its own trap after this.
n_ok=0
n_bad=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
if [ -n "${KEEP-}" ]; then
	trap - EXIT
	echo "# kept: $t"
fi
ok() { n_ok=$((n_ok + 1)); }
bad() { n_bad=$((n_bad + 1)); echo "FAIL $*"; }
# expect DESC COMMAND...: ok if the command succeeds, else FAIL DESC.
expect() { d=$1; shift; if "$@"; then ok; else bad "$d"; fi; }
