#!/bin/sh
# pg-load.sh [--clerks N] [--each K]: the load test of issue 17. N clerks
# (20) confirm held deposits at the same moment, each `urikake --user
# clerkI match confirm` in its own process, on the small demo database:
# once in one SQLite file, once on a throwaway PostgreSQL server (the same
# file copied by `urikake migrate`). The deposits are those `match --auto
# --dry-run` would match exactly; clerk I takes K (25) of them from the
# I-th N-th of the list on, wrapping, so that each deposit is tried by
# several clerks at once. A confirm either succeeds (exit 0) or is refused
# as a conflict (exit 4, "another user" / "being handled by").
# Afterwards, per store: every invoice's paid amount is the sum of its live
# allocations and their fees, no deposit carries more than its amount, no deposit was
# confirmed twice, and the successes are as many as the deposits the
# clerks matched — else a lost update: exit 1. Prints successes,
# conflicts, the confirm latency (each process's wall time) p50 / p99 /
# max, and the PostgreSQL / SQLite ratios. A measurement, not a timed test.
set -eu
: "${top_builddir:=.}"
: "${URIKAKE:=$(cd "$top_builddir" && pwd)/urikake}"
clerks=20 each=25
while [ $# -gt 0 ]; do
	case $1 in
	--clerks) clerks=$2; shift 2 ;;
	--each) each=$2; shift 2 ;;
	*) echo "usage: pg-load.sh [--clerks N] [--each K]" >&2; exit 2 ;;
	esac
done
W=$(mktemp -d "${TMPDIR:-/tmp}/urikake-pgload.XXXXXX")
CONNS=$((clerks + 10))
. "$(dirname "$0")/lib-pgbench.sh"
export URIKAKE_USER=bench URIKAKE_TODAY=${URIKAKE_TODAY:-2026-03-31}

(cd "$W" && "$URIKAKE" --db demo.db demo --size small >/dev/null)
# "DEPOSIT INVOICE" of each exact proposal match --auto would take
"$URIKAKE" --db "$W/demo.db" match --auto --dry-run --json |
	grep '"fit":"exact"' |
	sed -n 's/.*"deposit":"\([^"]*\)".*amount = \(INV-[0-9-]*\);.*/\1 \2/p' >"$W/pairs"
n=$(wc -l <"$W/pairs")
[ "$n" -gt 0 ] || { echo "pg-load: the demo has no deposit to confirm" >&2; exit 1; }
[ "$each" -le "$n" ] || each=$n

now_ns() { date +%s%N; }
# clerk I DB: wait for the start, then confirm its deposits; one line per
# confirm in $W/lat.I: exit status and milliseconds.
clerk() {
	while [ ! -f "$W/go" ]; do sleep 0.01; done
	k=0
	while [ $k -lt "$each" ]; do
		line=$(((($1 * n / clerks) + k) % n + 1))
		set -- "$1" "$2" $(sed -n "${line}p" "$W/pairs")
		t0=$(now_ns)
		rc=0
		"$URIKAKE" --db "$2" --user "clerk$1" match confirm --deposit "$3" --invoice "$4" \
			>/dev/null 2>"$W/err.$1" || rc=$?
		t1=$(now_ns)
		if [ $rc -eq 4 ] && ! grep -q -e 'another user' -e 'being handled by' "$W/err.$1"; then
			rc=44
		fi
		[ $rc -eq 0 ] || [ $rc -eq 4 ] || cat "$W/err.$1" >>"$W/odd"
		echo "$rc $(((t1 - t0) / 1000000))" >>"$W/lat.$1"
		k=$((k + 1))
	done
}

# pct P FILE: the P-th percentile of the sorted numbers of FILE
pct() { awk -v p="$1" '{ v[NR] = $1 } END { i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; print v[i] }' "$2"; }

# run LABEL DB QUERY...: the load on DB, then the checks (QUERY: a command
# that runs one SQL statement on DB and prints its one value)
run() {
	label=$1 db=$2
	shift 2
	rm -f "$W"/lat.* "$W/go" "$W/odd"
	i=0
	while [ $i -lt "$clerks" ]; do clerk $i "$db" & i=$((i + 1)); done
	t0=$(now_ns)
	touch "$W/go"
	wait
	wall=$(((($(now_ns) - t0) / 1000000)))
	cat "$W"/lat.* >"$W/all"
	ok=$(awk '$1 == 0' "$W/all" | wc -l)
	conflict=$(awk '$1 == 4' "$W/all" | wc -l)
	other=$(awk '$1 != 0 && $1 != 4' "$W/all" | wc -l)
	awk '{ print $2 }' "$W/all" | sort -n >"$W/ms.$label"
	bad_inv=$("$@" "SELECT count(*) FROM invoice i WHERE i.paid <> coalesce((SELECT
		sum(a.amount + a.fee) FROM allocation a WHERE a.invoice_id = i.id AND a.voided_at IS NULL), 0)")
	bad_dep=$("$@" "SELECT count(*) FROM deposit d WHERE d.amount < (SELECT
		coalesce(sum(a.amount), 0) FROM allocation a WHERE a.deposit_id = d.id
		AND a.voided_at IS NULL)")
	set -- $("$@" "SELECT count(*) || ' ' || count(DISTINCT deposit_id) FROM allocation
		WHERE \"user\" LIKE 'clerk%' AND voided_at IS NULL")
	echo "load $label: $clerks clerks x $each confirms of $n deposits in ${wall} ms:" \
		"$ok confirmed, $conflict conflicts, $other other;" \
		"latency p50 $(pct 50 "$W/ms.$label") ms, p99 $(pct 99 "$W/ms.$label") ms," \
		"max $(tail -n 1 "$W/ms.$label") ms"
	lost=
	[ "$bad_inv" -eq 0 ] || lost="$lost $bad_inv invoices whose paid amount is not their allocations';"
	[ "$bad_dep" -eq 0 ] || lost="$lost $bad_dep deposits allocated beyond their amount;"
	[ "$1" -eq "$2" ] || lost="$lost $(($1 - $2)) deposits confirmed twice;"
	[ "$ok" -eq "$2" ] || lost="$lost $ok confirms succeeded for $2 deposits matched;"
	[ "$other" -eq 0 ] || lost="$lost $other confirms ended neither matched nor in conflict: $(head -n 3 "$W/odd" | tr '\n' ' ');"
	if [ -n "$lost" ]; then
		echo "load $label: LOST UPDATE:$lost" >&2
		failed=1
	fi
	echo "$wall" >"$W/wall.$label"
}

sq() { sqlite3 "$db" "$1"; }
pq() { psql -X -q -t -A -d "$PGURL" -c "$1"; }
failed=0
cp "$W/demo.db" "$W/load.db"
run sqlite "$W/load.db" sq
PGURL=$(pg_newdb load)
"$URIKAKE" --db "$PGURL" init >/dev/null
"$URIKAKE" --db "$PGURL" migrate --from "$W/demo.db" --to "$PGURL" >/dev/null
run postgresql "$PGURL" pq
ratio() { echo "$1 $2" | awk '{ printf "%.2f", ($2 > 0) ? $1 / $2 : 0 }'; }
echo "load postgresql/sqlite: p50 ratio $(ratio "$(pct 50 "$W/ms.postgresql")" "$(pct 50 "$W/ms.sqlite")")," \
	"p99 ratio $(ratio "$(pct 99 "$W/ms.postgresql")" "$(pct 99 "$W/ms.sqlite")")," \
	"whole run ratio $(ratio "$(cat "$W/wall.postgresql")" "$(cat "$W/wall.sqlite")")"
exit $failed
