#!/bin/sh
# loading.sh: panes 2 and 3 load in the background; a reload swaps the new
# rows in with the cursor still on its customer — after another process
# adds rows above it (a refresh), and after a re-bucketing (`<`) — and the
# worklist keeps its row's customer too. Panes 2 and 3 are loaded ahead
# after the first screen while the keyboard is idle: a visit shows those
# rows (the same as a load of its own) without loading again, whether the
# load ahead has finished or is still running, and a refresh reloads them. (The loading indicator
# itself is not deterministic: the headless mode waits for the shown
# pane's load before the next scripted key; tests/test_ui_loader.c covers
# cancelling and hand-over.)
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tui.sh"
export TERM=xterm-256color URIKAKE_TODAY=2026-03-31

tui_demo_db "$T/demo.db" || t_skip_all "cannot build the demo database"
U="$URIKAKE --db $T/demo.db"
$U --user 田中 contact add C00001 --channel phone --date 2026-03-10 --note "月末に振込予定" \
	--promise 2026-03-20:500000 >"$T/seed.log" 2>&1 ||
	{ cat "$T/seed.log"; t_skip_all "cannot add the test data"; }
printf 'code,name,currency\nC00000,株式会社先頭商事,JPY\n' >"$T/cust.csv"
printf 'number,customer,issue_date,due_date,amount,currency\nINV-0000,C00000,2026-01-10,2026-02-10,5000,JPY\n' >"$T/inv.csv"
mkdir -p "$T/out"

cat >"$T/aging.script" <<'SCRIPT'
keys 2 j j j <Enter>
dump before
keys q
sh "$URIKAKE" --db "$DB" import customers "$CSV_C" >/dev/null && "$URIKAKE" --db "$DB" import invoices "$CSV_I" >/dev/null
poll
dump list
keys <Enter>
dump refreshed
keys q <
dump month-back
keys <Enter>
dump rebucketed
SCRIPT
cp "$T/demo.db" "$T/aging.db"
export CSV_C="$T/cust.csv" CSV_I="$T/inv.csv"
tui_run "$T/aging.script" 80x24 "$T/aging.db" "$T/out"
t_is "the aging session exits 0 and prints nothing" "$?:$(cat "$T/out/stderr")" "0:"
t_grep "the cursor's customer before" '^+- C00004 ' "$T/out/before.screen"
t_grep "the refresh shows the customer another process added" '^C00000 ' "$T/out/list.screen"
t_grep "the cursor stays on its customer though the rows moved down" '^+- C00004 ' \
	"$T/out/refreshed.screen"
t_grep "a month back" '^As of 2026-02-28 by due date' "$T/out/month-back.screen"
t_grep "after re-bucketing the cursor is still on its customer" \
	'^+- C00004 .* as of 2026-02-28' "$T/out/rebucketed.screen"

cat >"$T/contacts.script" <<'SCRIPT'
keys 3
dump work-before
sh "$URIKAKE" --db "$DB" --user 佐藤 contact add C00002 --channel visit --date 2026-03-01 --next 2026-03-30 --owner sales --note "先に来る" >/dev/null
poll
dump work-after
keys <Enter>
dump timeline
SCRIPT
cp "$T/demo.db" "$T/contacts.db"
tui_run "$T/contacts.script" 132x43 "$T/contacts.db" "$T/out"
t_is "the contacts session exits 0 and prints nothing" "$?:$(cat "$T/out/stderr")" "0:"
first=$(sed -n 4p "$T/out/work-before.screen" | grep -o 'C[0-9]\{5\}' | head -1)
t_grep "the worklist lists the broken promise of C00001" '^Broken promise C00001' \
	"$T/out/work-before.screen"
t_grep "the refresh shows the new follow-up first" '^Follow up *C00002 .*2026-03-30' \
	"$T/out/work-after.screen"
t_grep "Enter opens the timeline of the cursor's customer ($first), kept across the refresh" \
	"^Contact log · ${first:-none} " "$T/out/timeline.screen"

# loads NAME: the background loads run in that session ("loads N" at the
# end of the timings); keys_waited NAME: the keys that waited for a load;
# pane2_waited NAME: whether `2' did (1) — the worklist `3' loads is made
# from the rows pane 2 loaded, and may be there before the key's redraw.
loads() { sed -n 's/^loads //p' "$T/$1.times"; }
keys_waited() { grep -c '^rows' "$T/$1.times"; }
pane2_waited() { grep -c '^rows 50 ' "$T/$1.times"; }
# ahead NAME SCRIPT-LINES: a session on a fresh copy (named alike in
# every session: the status line shows the name) with timings
ahead() {
	name=$1
	shift
	printf '%s\n' "$@" >"$T/$name.script"
	mkdir -p "$T/$name"
	cp "$T/demo.db" "$T/$name/ar.db"
	URIKAKE_TEST_TIMES="$T/$name.times"
	export URIKAKE_TEST_TIMES
	tui_run "$T/$name.script" 132x43 "$T/$name/ar.db" "$T/$name"
	t_is "$name: exits 0 and prints nothing" "$?:$(cat "$T/$name/stderr")" "0:"
	unset URIKAKE_TEST_TIMES
	# on PostgreSQL each copy is a database of its own, named apart
	if t_on_pg && [ "$name" != cold ]; then
		for f in "$T/$name"/*.screen; do
			tui_pg_name "$f" "$T/cold/${f##*/}"
		done
	fi
}

mkdir -p "$T/config/urikake"
echo "prefetch = no" >"$T/config/urikake/config"
ahead cold 'settle' 'keys 2' 'dump aging' 'keys 3' 'dump contacts'
rm "$T/config/urikake/config"
ahead settled 'settle' 'keys 2' 'dump aging' 'keys 3' 'dump contacts'
ahead at-once 'keys 2' 'dump aging' 'keys 3' 'dump contacts'
ahead pause 'sleep 1' 'keys 2' 'dump aging' 'keys 3' 'dump contacts'
t_is "prefetch = no: nothing loads ahead, each visit loads its pane, pane 2's waited for" \
	"$(loads cold) $(pane2_waited cold)" "2 1"
t_is "loaded ahead: the two loads ran before the visits, which waited for none" \
	"$(loads settled) $(keys_waited settled)" "2 0"
t_ok "the pane loaded ahead shows what a visit's own load shows" \
	cmp -s "$T/cold/aging.screen" "$T/settled/aging.screen"
t_ok "so does the worklist loaded ahead" \
	cmp -s "$T/cold/contacts.screen" "$T/settled/contacts.screen"
t_is "keys without a pause load nothing ahead: each visit loads, pane 2's waited for" \
	"$(loads at-once) $(pane2_waited at-once)" "2 1"
t_is "after a pause pane 2 loads ahead; its visit, finished or not, starts no load" \
	"$(loads pause)" 2
t_ok "and shows the same rows" cmp -s "$T/cold/aging.screen" "$T/pause/aging.screen"
t_ok "the worklist too" cmp -s "$T/cold/contacts.screen" "$T/pause/contacts.screen"

ahead refresh 'settle' \
	'sh "$URIKAKE" --db "$DB" import customers "$CSV_C" >/dev/null && "$URIKAKE" --db "$DB" import invoices "$CSV_I" >/dev/null' \
	'poll' 'keys 2' 'dump aging'
t_grep "a refresh reloads the pane loaded ahead before its visit" '^C00000 ' \
	"$T/refresh/aging.screen"
t_is "two loads ahead, then the refresh's reload of both" "$(loads refresh)" 4

ahead drill 'settle' 'keys 2 j j j <Enter>' 'dump drill' 'keys <Esc>' 'dump closed'
t_grep "the drill-down opens on the cursor's customer" '^+- C00004 .* as of 2026-03-31' \
	"$T/drill/drill.screen"
open=$($U aging --format csv | awk -F, '$1 == "C00004" && $3 == "JPY" { print $9 }' |
	sed -e :a -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/;ta')
rows=$($U aging --format csv | sed 1d | wc -l)
t_grep "with its figures (open $open as in the aging report)" \
	"^| JPY open $open · -2.0 days late · DSO 30.4 " "$T/drill/drill.screen"
t_grep "and what paid its invoices" '^|   <- 2025-08-28 auto-matched 206,360 00000072 ' \
	"$T/drill/drill.screen"
t_grep "Esc closes it" "^As of 2026-03-31 by due date · $rows rows" "$T/drill/closed.screen"
t_done
