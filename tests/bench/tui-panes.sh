#!/bin/sh
# tui-panes.sh: the panes' loads at the interface level on the large demo
# database (issues 5 and 6) — from the `2` key to pane 2 drawn with its
# rows, from `<` to the rows re-bucketed a month earlier drawn, from `3` to
# the worklist drawn, each beside the keystroke's own redraw (the load runs
# in the background: keys stay alive meanwhile) and beside the aging-pane
# model load of the same dates measured in the same run as the floor:
# cold (prefetch = no), and with panes 2 and 3 loaded ahead after the first
# screen (once the keyboard is idle), `2` or `3` pressed $SOON_MS and
# $AHEAD_MS after the start; the
# drill-down's opening (Enter on an aging row); then peak resident memory
# per pane. Prints figures; a measurement, never a pass/fail test.
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

# run NAME CONFIG LINE...: one headless session on script lines, with
# $T/CONFIG as XDG_CONFIG_HOME; times in $T/NAME.times, RSS in $T/NAME.rss
run() {
	name=$1 cfg=$T/$2
	shift 2
	printf '%s\n' "$@" >"$T/$name.script"
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$T/$name.rss" env URIKAKE_TEST_SCRIPT="$T/$name.script" \
			URIKAKE_TEST_SIZE=132x43 URIKAKE_TEST_TIMES="$T/$name.times" \
			XDG_CONFIG_HOME="$cfg" "$URIKAKE" --db "$db" --user bench
	else
		echo unknown >"$T/$name.rss"
		URIKAKE_TEST_SCRIPT="$T/$name.script" URIKAKE_TEST_SIZE=132x43 \
			URIKAKE_TEST_TIMES="$T/$name.times" XDG_CONFIG_HOME="$cfg" \
			"$URIKAKE" --db "$db" --user bench
	fi
}
# redraw NAME N: the Nth keystroke's redraw time (0: the first screen)
redraw() { grep '^[0-9]' "$T/$1.times" | sed -n "$(($2 + 1))p"; }
# rows NAME N: when the rows showed after the Nth key: its "rows" line
# when the key waited for a load, else its redraw (the rows were there)
rows() {
	r=$(awk -v n="$2" '/^[0-9]/ { i++ } $1 == "rows" && i == n + 1 { print $3 }' "$T/$1.times")
	echo "${r:-$(redraw "$1" "$2")}"
}
# loads NAME: the background loads the session ran
loads() { sed -n 's/^loads //p' "$T/$1.times"; }
ratio() { echo "$1 $2" | awk '$2 > 0 { printf "%.2f", $1 / $2 } $2 <= 0 { print "-" }'; }

other=$(sqlite3 "$db" "SELECT date('$URIKAKE_TODAY', 'start of month', '-1 day')" 2>/dev/null)
[ "$URIKAKE_TODAY" = "$(sqlite3 "$db" "SELECT date('$URIKAKE_TODAY', 'start of month', '+1 month', '-1 day')")" ] ||
	other=$(sqlite3 "$db" "SELECT date('$URIKAKE_TODAY', '-1 month')")
"$PANE" "$db" "$URIKAKE_TODAY" "$other" >"$T/floor" 2>&1 || true
fopen=$(sed -n 's/^aging pane open.* rows, \([0-9]*\) ms.*/\1/p' "$T/floor")
fback=$(sed -n 's/^aging pane re-bucket, another.* rows, \([0-9]*\) ms.*/\1/p' "$T/floor")

AHEAD_MS=${AHEAD_MS:-2000} SOON_MS=${SOON_MS:-500}
mkdir -p "$T/cold/urikake" "$T/ahead"
echo "prefetch = no" >"$T/cold/urikake/config"
run queue cold 'keys j'
run aging cold 'keys 2' 'keys j' 'keys <' 'keys j'
run contacts cold 'keys 3' 'keys j'
run both cold 'keys 2' 'keys j' 'keys 3' 'keys j'
run soon2 ahead "sleep $SOON_MS" 'keys 2' 'keys j'
run soon3 ahead "sleep $SOON_MS" 'keys 3' 'keys j'
run late2 ahead "sleep $AHEAD_MS" 'keys 2' 'keys j'
run late3 ahead "sleep $AHEAD_MS" 'keys 3' 'keys j'
run drill ahead "sleep $AHEAD_MS" 'keys 2' 'keys j' 'keys <Enter>' 'keys q' 'keys j' 'keys <Enter>'
run session ahead "sleep $AHEAD_MS" 'keys j'
o=$(rows aging 1) b=$(rows aging 3) c=$(rows contacts 1)
o0=$(rows soon2 1) c0=$(rows soon3 1) o2=$(rows late2 1) c2=$(rows late3 1)
echo "tui-panes: database $db, as of $URIKAKE_TODAY"
echo "tui-panes: pane 2 open, cold: rows drawn ${o:-?} ms after the key (keystroke redraw $(redraw aging 1) ms);" \
	"model load ${fopen:-?} ms; ratio $(ratio "${o:-0}" "${fopen:-0}") (target: within 300 ms)"
echo "tui-panes: pane 2 open, loaded ahead: \`2' ${SOON_MS} ms after the start ${o0:-?} ms, ${AHEAD_MS} ms after ${o2:-?} ms;" \
	"ratio to the model load $(ratio "${o0:-0}" "${fopen:-0}") and $(ratio "${o2:-0}" "${fopen:-0}")"
echo "tui-panes: re-bucket to $other: rows drawn ${b:-?} ms after '<' (keystroke redraw $(redraw aging 3) ms);" \
	"model load ${fback:-?} ms; ratio $(ratio "${b:-0}" "${fback:-0}") (target: within 1 s)"
echo "tui-panes: pane 3 worklist, cold: rows drawn ${c:-?} ms after the key (keystroke redraw $(redraw contacts 1) ms)"
echo "tui-panes: pane 3 worklist, loaded ahead: \`3' ${SOON_MS} ms after the start ${c0:-?} ms," \
	"${AHEAD_MS} ms after ${c2:-?} ms"
echo "tui-panes: background loads run: cold, visiting 2 and 3: $(loads both);" \
	"loaded ahead, visiting 2 after ${AHEAD_MS} ms: $(loads late2) (the visit started none)"
echo "tui-panes: drill-down open (Enter on an aging row, synchronous): $(redraw drill 3) ms and $(redraw drill 6) ms (target < 100)"
echo "tui-panes: max RSS KiB: queue $(cat "$T/queue.rss"), after pane 2 $(cat "$T/aging.rss")," \
	"after pane 3 $(cat "$T/contacts.rss"), both $(cat "$T/both.rss");" \
	"queue with both loaded ahead $(cat "$T/session.rss") (target < 65536)"
