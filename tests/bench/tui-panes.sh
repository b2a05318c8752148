#!/bin/sh
# tui-panes.sh: the panes' loads at the interface level on the large demo
# database (issues 5 and 6) — from the `2` key to pane 2 drawn with its
# rows, from `<` to the rows re-bucketed a month earlier drawn, from `3` to
# the worklist drawn, each beside the keystroke's own redraw (the load runs
# in the background: keys stay alive meanwhile) and beside the aging-pane
# model load of the same dates measured in the same run as the floor; then
# peak resident memory per pane. Prints figures; a measurement, never a
# pass/fail test.
# Usage: tests/bench/tui-panes.sh [DB]   (the database is built when absent)
set -e
: "${URIKAKE:=./urikake}"
: "${top_builddir:=$(dirname "$URIKAKE")}"
PANE=${PANE:-$top_builddir/tests/bench/aging-pane}
db=${1:-${TMPDIR:-/tmp}/urikake-bench-large.db}
T=$(mktemp -d "${TMPDIR:-/tmp}/urikake-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export LC_ALL=C.UTF-8 TERM=xterm-256color
: "${URIKAKE_TODAY:=$(sqlite3 "$db" 'SELECT max(issue_date) FROM invoice' 2>/dev/null || date +%F)}"
export URIKAKE_TODAY
[ -f "$db" ] || "$URIKAKE" --db "$db" --user bench demo --size large >/dev/null

# run NAME KEYS...: one headless session; times in $T/NAME.times, RSS in $T/NAME.rss
run() {
	name=$1
	shift
	printf 'keys %s\n' "$@" >"$T/$name.script"
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$T/$name.rss" env URIKAKE_TEST_SCRIPT="$T/$name.script" \
			URIKAKE_TEST_SIZE=132x43 URIKAKE_TEST_TIMES="$T/$name.times" \
			XDG_CONFIG_HOME="$T" "$URIKAKE" --db "$db" --user bench
	else
		echo unknown >"$T/$name.rss"
		URIKAKE_TEST_SCRIPT="$T/$name.script" URIKAKE_TEST_SIZE=132x43 \
			URIKAKE_TEST_TIMES="$T/$name.times" XDG_CONFIG_HOME="$T" \
			"$URIKAKE" --db "$db" --user bench
	fi
}
# rows NAME KEYCODE N: the Nth "rows visible" time after that key
rows() { awk -v k="$2" -v n="$3" '$1 == "rows" && $2 == k && ++i == n { print $3 }' "$T/$1.times"; }
# redraw NAME LINE: the keystroke redraw time on that line of the times file
redraw() { grep -v '^rows' "$T/$1.times" | sed -n "$2p"; }
ratio() { echo "$1 $2" | awk '$2 > 0 { printf "%.2f", $1 / $2 } $2 <= 0 { print "-" }'; }

other=$(sqlite3 "$db" "SELECT date('$URIKAKE_TODAY', 'start of month', '-1 day')" 2>/dev/null)
[ "$URIKAKE_TODAY" = "$(sqlite3 "$db" "SELECT date('$URIKAKE_TODAY', 'start of month', '+1 month', '-1 day')")" ] ||
	other=$(sqlite3 "$db" "SELECT date('$URIKAKE_TODAY', '-1 month')")
"$PANE" "$db" "$URIKAKE_TODAY" "$other" >"$T/floor" 2>&1 || true
fopen=$(sed -n 's/^aging pane open.* rows, \([0-9]*\) ms.*/\1/p' "$T/floor")
fback=$(sed -n 's/^aging pane re-bucket, another.* rows, \([0-9]*\) ms.*/\1/p' "$T/floor")

run queue j
run aging 2 j '<' j
run contacts 3 j
run both 2 j 3 j
o=$(rows aging 50 1) b=$(rows aging 60 1) c=$(rows contacts 51 1)
echo "tui-panes: database $db, as of $URIKAKE_TODAY"
echo "tui-panes: pane 2 open: rows drawn ${o:-?} ms after the key (keystroke redraw $(redraw aging 2) ms);" \
	"model load ${fopen:-?} ms; ratio $(ratio "${o:-0}" "${fopen:-0}") (target: within 300 ms)"
echo "tui-panes: re-bucket to $other: rows drawn ${b:-?} ms after '<' (keystroke redraw $(redraw aging 4) ms);" \
	"model load ${fback:-?} ms; ratio $(ratio "${b:-0}" "${fback:-0}") (target: within 1 s)"
echo "tui-panes: pane 3 worklist: rows drawn ${c:-?} ms after the key (keystroke redraw $(redraw contacts 2) ms)"
echo "tui-panes: max RSS KiB: queue $(cat "$T/queue.rss"), after pane 2 $(cat "$T/aging.rss")," \
	"after pane 3 $(cat "$T/contacts.rss"), both $(cat "$T/both.rss") (target < 65536)"
