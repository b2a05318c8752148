#!/bin/sh
# loading.sh: panes 2 and 3 load in the background; a reload swaps the new
# rows in with the cursor still on its customer — after another process
# adds rows above it (a refresh), and after a re-bucketing (`<`) — and the
# worklist keeps its row's customer too. (The loading indicator itself is
# not deterministic: the headless mode waits for each load before the next
# scripted key; tests/test_ui_loader.c covers cancelling and hand-over.)
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
t_is "the cursor on the first row: the broken promise of C00001" \
	"$(sed -n 4p "$T/out/work-before.screen" | cut -c1-21)" "Broken promise C00001"
t_grep "the refresh shows the new follow-up first" '^Follow up *C00002 .*2026-03-30' \
	"$T/out/work-after.screen"
t_grep "Enter opens the timeline of the cursor's customer, kept across the refresh" \
	'^Contact log · C00001 ' "$T/out/timeline.screen"
t_done
