#!/bin/sh
# hostile.sh: the full-screen program where it is hard to be (issue 13) —
# a terminal that cannot move the cursor (TERM=dumb) is refused with a
# message, a 20x5 terminal shows the whole "too small" message, and a
# payer name of 300 KB in the queue is drawn, and its proposals made, at
# once.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tui.sh"
export TERM=xterm-256color URIKAKE_TODAY=2026-03-31 LC_ALL=C.UTF-8
command -v sqlite3 >/dev/null || t_skip_all "sqlite3 shell not installed"
DB="$T/h.db"
printf 'code,name,kana\nC1,山田商事,ﾔﾏﾀﾞｼﾖｳｼﾞ\n' >"$T/c.csv"
printf 'number,customer,issue_date,amount\nINV-1,C1,2026-03-01,1000\n' >"$T/i.csv"
"$URIKAKE" --db "$DB" init >/dev/null &&
	"$URIKAKE" --db "$DB" import customers "$T/c.csv" >/dev/null &&
	"$URIKAKE" --db "$DB" import invoices "$T/i.csv" >/dev/null ||
	t_skip_all "cannot build the database"

# 20x5: the message wraps instead of being cut.
printf 'dump small\n' >"$T/small.script"
mkdir -p "$T/out"
tui_run "$T/small.script" 20x5 "$DB" "$T/out"
t_is "a 20x5 terminal: the whole too-small message, wrapped" \
	"$(sed 's/ *$//' "$T/out/small.screen" | grep -v '^$' | tr '\n' '|')" \
	"The terminal is too|small.|"

# A payer name stored before the import caps: the queue shows it at once.
printf "INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name, reference)
	VALUES ('2026-03-30', '2026-03-30', 1000, 'JPY', 'ﾔﾏﾀﾞｼﾖｳｼﾞ%s', 'LONG');\n" \
	"$(yes 'ｱｲｳｴｵ' | head -n 20000 | tr -d '\n')" | t_sql "$DB"
printf 'dump long\nkeys j\nkeys k\ndump long-again\n' >"$T/long.script"
timeout 20 env URIKAKE_TEST_SCRIPT="$T/long.script" URIKAKE_TEST_SIZE=80x24 \
	URIKAKE_TEST_DUMP_DIR="$T/out" XDG_CONFIG_HOME="$T/config" \
	"$URIKAKE" --db "$DB" --user tester 2>"$T/out/stderr"
t_is "a 300 KB payer name: the queue is drawn and left within seconds" "$?:$(cat "$T/out/stderr")" "0:"
t_grep "… its row cut to the screen" "ﾔﾏﾀﾞｼﾖｳｼﾞｱｲｳｴｵ.*~" "$T/out/long.screen"
t_grep "… with the proposal its name makes" "山田商事" "$T/out/long.screen"

# TERM=dumb, in a real terminal: refused with a message, not drawn.
if ! command -v tmux >/dev/null 2>&1; then
	t_report 0 "TERM=dumb # SKIP tmux not installed"
	t_done
	exit
fi
sock="urikake-hostile-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT
tm new-session -d -s dumb -x 80 -y 24 \
	"env TERM=dumb XDG_CONFIG_HOME=$T/config $URIKAKE --db $DB; echo exit=\$?; sleep 30"
i=0
while [ $i -lt 100 ] && ! tm capture-pane -p -t dumb 2>/dev/null | grep -q 'exit='; do
	sleep 0.1
	i=$((i + 1))
done
tm capture-pane -p -t dumb >"$T/dumb.txt" 2>/dev/null
t_grep "TERM=dumb: the program ends by itself" "^exit=2$" "$T/dumb.txt"
t_grep "… saying why" "this terminal (TERM=dumb) cannot move the cursor" "$T/dumb.txt"
t_done
