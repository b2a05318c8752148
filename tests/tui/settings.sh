#!/bin/sh
# settings.sh: one settings reader — the config file's aging-buckets and
# credit-hold give the same columns and the same holds in pane 2 as in the
# command line's aging report and customers export, and a bad line is
# named on the interface's message line as the commands name it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tui.sh"
export TERM=xterm-256color URIKAKE_TODAY=2026-03-31

# As of 2026-03-31: S1 500,000 10 days overdue, half its limit (B); S3
# 200,000 10 days overdue, no limit (B); S5 150,000 31 days overdue, over
# its limit (E).
printf '%s\n' code,name,currency,credit_limit S1,株式会社山田商事,JPY,1000000 \
	S3,田中商店,JPY, S5,伊藤建設株式会社,JPY,100000 >"$T/cust.csv"
printf '%s\n' number,customer,issue_date,due_date,amount I-1,S1,2026-02-01,2026-03-21,500000 \
	I-3,S3,2026-02-01,2026-03-21,200000 I-5,S5,2026-01-01,2026-02-28,150000 >"$T/inv.csv"
DB="$T/s.db"
{ "$URIKAKE" --db "$DB" import customers "$T/cust.csv" &&
	"$URIKAKE" --db "$DB" import invoices "$T/inv.csv"; } >"$T/seed.log" 2>&1 ||
	{ cat "$T/seed.log"; t_skip_all "cannot add the test data"; }
printf 'dump start\nkeys 2\ndump aging\n' >"$T/aging.script"
mkdir -p "$T/config/urikake" "$T/out"
cli() { XDG_CONFIG_HOME="$T/config" "$URIKAKE" --db "$DB" "$@"; }

# The customers pane 2 marks as held ("B!"), and those the CLI says are.
tui_held() { grep -E '^S[0-9] .* [A-E]!( |$)' "$T/out/aging.screen" | cut -c1-2 | tr '\n' ' '; }
cli_held() { cli export customers | sed -n 's/^\(S[0-9]\),.*,yes$/\1/p' | tr '\n' ' '; }

# check_hold SETTING HELD: pane 2 and export customers hold the same ones.
check_hold() {
	printf 'aging-buckets = 45\ncredit-hold = %s\n' "$1" >"$T/config/urikake/config"
	tui_run "$T/aging.script" 100x20 "$DB" "$T/out"
	t_is "credit-hold = $1: pane 2 exits 0 and prints nothing" "$?:$(cat "$T/out/stderr")" "0:"
	t_is "… pane 2 holds $2" "$(tui_held)" "$2"
	t_is "… and so does export customers" "$(cli_held)" "$2"
}
check_hold "E, limit" "S5 "
check_hold "B" "S1 S3 S5 "
check_hold "none" ""
t_grep "aging-buckets = 45: pane 2's columns" " 1-45  *Over 45 " "$T/out/aging.screen"
t_is "… and the CLI report's" "$(cli aging --format csv | head -1)" \
	"customer,name,currency,current,d1_45,d45_plus,total,on_account,rating"

# A bad line: the commands refuse it, the interface names it and goes on.
printf 'aging-buckets = 45\ncredit-hold = F\n' >"$T/config/urikake/config"
t_exit "a bad credit-hold: export customers refuses it" 3 cli export customers
t_grep "… naming the line" "config:2: credit-hold is none" "$T/.err"
tui_run "$T/aging.script" 100x20 "$DB" "$T/out"
t_is "… the interface still runs" "$?:$(cat "$T/out/stderr")" "0:"
t_grep "… and names it on its message line" "config:2: credit-hold is none" "$T/out/start.screen"
t_grep "… keeping the good lines (aging-buckets = 45)" " 1-45  *Over 45 " "$T/out/aging.screen"
t_done
