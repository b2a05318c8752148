#!/bin/sh
# refund.sh: `urikake refund` from money on account and from a mistaken
# transfer (誤入金): what the aging report and the statement show after,
# refund list, refund undo, and bad input rejected with exit 3 and the
# database exactly as it was.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || t_skip_all "no sqlite3 shell to insert deposits"
DB="$T/r.db"
u() { "$URIKAKE" --db "$DB" "$@"; }
export XDG_CONFIG_HOME="$T/cfg"

cat >"$T/c.csv" <<'CSV'
code,name,kana
C1,株式会社山田商事,ヤマダショウジ
CSV
cat >"$T/i.csv" <<'CSV'
number,customer,issue_date,due_date,amount
A-1,C1,2026-01-10,2026-02-28,100000
CSV
u init >/dev/null 2>&1
u import customers "$T/c.csv" >/dev/null 2>&1
u import invoices "$T/i.csv" >/dev/null 2>&1
t_sql "$DB" "INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name,
	reference) VALUES
	('2026-02-27', '2026-02-27', 130000, 'JPY', 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ', '0001'),
	('2026-02-27', '2026-02-27', 5000, 'JPY', 'ﾀﾅｶ ｲﾁﾛｳ', '0002')"
u match confirm --deposit 0001 --invoice A-1 --on-account 30000 >/dev/null 2>&1
onacct() { u aging --as-of "${1:-2026-03-31}" --format csv | awk -F, '$1 == "C1" { print $(NF - 1) }'; }
t_is "30,000 held on account" "$(onacct)" 30000

snap() { t_sql "$DB" "SELECT count(*) FROM refund; SELECT count(*) FROM audit;
	SELECT state FROM deposit ORDER BY id"; }
before=$(snap)
t_exit "more than is on account: exit 3" 3 u refund --customer C1 --amount 30001 \
	--date 2026-03-10 --to 山田商事 --reason 過入金
t_grep "… says how much is held" "more than the JPY 30,000 held on account for C1" "$T/.err"
t_exit "an amount that is not a number: exit 3" 3 u refund --customer C1 --amount 三万 \
	--date 2026-03-10 --to x --reason y
t_grep "… names the amount" "amount 三万" "$T/.err"
t_exit "an unknown customer: exit 3" 3 u refund --customer C9 --amount 1 \
	--date 2026-03-10 --to x --reason y
t_grep "… names it" "unknown customer C9" "$T/.err"
t_exit "an unknown deposit: exit 3" 3 u refund --deposit 9999 --amount 1 \
	--date 2026-03-10 --to x --reason y
t_exit "a deposit holding nothing on account: exit 3" 3 u refund --deposit 0001 \
	--amount 30001 --date 2026-03-10 --to x --reason y
t_exit "no reason: usage" 2 u refund --customer C1 --amount 1 --date 2026-03-10 --to x
t_is "nothing written by the rejections" "$(snap)" "$before"

t_ok "refund 10,000 of it" u refund --customer C1 --amount 10,000 --date 2026-03-10 \
	--to '山田商事 普通 1234567' --reason 過入金
t_grep "… says which refund" "Recorded refund 1: JPY 10,000" "$T/.out"
t_is "20,000 left on account" "$(onacct)" 20000
t_is "still 30,000 the day before" "$(onacct 2026-03-09)" 30000
t_ok "refund from the deposit it came from" u refund --deposit 0001 --amount 20000 \
	--date 2026-03-11 --to x --reason y
t_is "nothing left on account" "$(onacct)" ""
u statement C1 --from 2026-03-01 --to 2026-03-31 --format txt >"$T/st.txt" 2>/dev/null
t_grep "the statement shows the refund as a line" "ご返金 R-1 *△10,000" "$T/st.txt"

t_exit "a mistaken transfer still in the queue: not in part" 3 u refund --deposit 0002 \
	--amount 1 --date 2026-03-12 --to 'ﾀﾅｶ ｲﾁﾛｳ' --reason 誤入金
t_grep "… it goes back whole" "still in the queue: it is paid back whole (JPY 5,000)" "$T/.err"
t_is "… nothing recorded" "$(t_sql "$DB" "SELECT count(*) FROM refund WHERE deposit_id = (SELECT id FROM deposit WHERE reference = '0002')")" 0
t_ok "a mistaken transfer paid back in full" u refund --deposit 0002 --amount 5000 \
	--date 2026-03-12 --to 'ﾀﾅｶ ｲﾁﾛｳ' --reason 誤入金
t_is "… leaves the queue" "$(t_sql "$DB" "SELECT state FROM deposit WHERE reference = '0002'")" reversed
t_ok "refund list" u refund list
t_grep "… lists the refund" "^3  2026-03-12  -  *0002 *JPY 5,000" "$T/.out"
t_ok "undo it" u refund undo 3
t_is "… the deposit is back in the queue" \
	"$(t_sql "$DB" "SELECT state FROM deposit WHERE reference = '0002'")" unmatched
t_exit "undo it again: exit 3" 3 u refund undo 3
t_ok "undo the first" u refund undo 1
t_is "10,000 on account again (from the day it was undone)" "$(onacct "$(date +%Y-%m-%d)")" 10000
t_is "… but not in March, when it was paid back" "$(onacct)" ""
t_is "every change audited" \
	"$(t_sql "$DB" "SELECT count(*) FROM audit WHERE entity LIKE 'refund:%'")" 5
t_exit "undo a refund that does not exist: exit 3" 3 u refund undo 42
t_done
