#!/bin/sh
# reps.sh: sales reps and accounting, and the credit rating, from the
# command line — who calls a late customer (the customer's own collector
# column, else collector-by-level), `contact worklist --rep` as a table,
# CSV and JSON, the worklist updating once the rep's call is recorded, the
# digest as text and PDF, the rating and the credit hold in the worklist
# and `export customers` (hand-computed), and bad input refused whole.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
db="--db r.db"
u() { "$URIKAKE" $db "$@" >"$T/.out" 2>"$T/.err"; }

# As of 2026-03-31 (URIKAKE_TODAY): every invoice below is 10 or more days
# overdue, so each customer crosses dunning level 1 (7 days).
cat >cust.csv <<'CSV'
code,name,currency,sales_rep,credit_limit,collector
S1,株式会社山田商事,JPY,佐藤,1000000,
S2,鈴木工業株式会社,JPY,佐藤,,accounting
S3,田中商店,JPY,鈴木,,
S4,高橋物産,JPY,,,
S5,伊藤建設株式会社,JPY,佐藤,100000,sales
CSV
cat >inv.csv <<'CSV'
number,customer,issue_date,due_date,amount
I-1,S1,2026-02-01,2026-03-21,500000
I-2,S2,2026-02-01,2026-03-21,300000
I-3,S3,2026-02-01,2026-03-21,200000
I-4,S4,2026-02-01,2026-03-21,100000
I-5,S5,2026-01-01,2026-02-28,150000
CSV
t_ok "customers with collectors" u import customers cust.csv
t_ok "invoices" u import invoices inv.csv

# Level 1 is the sales rep's (the default collector-by-level = sales,
# accounting); S2 asked for accounting itself; S3 is 鈴木's; S4 has no rep.
t_ok "佐藤's worklist as CSV" u contact worklist --rep 佐藤 --format csv
t_is "… S1 and S5 only, largest first" "$(cut -d, -f3,12,13 "$T/.out")" "customer,caller,sales_rep
S1,sales,佐藤
S5,sales,佐藤"
t_ok "everyone's worklist as CSV" u contact worklist --format csv
t_grep "S2 is called by accounting (its own choice)" '^dunning,2026-03-21,S2,.*,accounting,佐藤,' "$T/.out"
t_grep "S4 has no sales rep: accounting" '^dunning,2026-03-21,S4,.*,accounting,,' "$T/.out"
t_ok "鈴木's as JSON" u contact worklist --rep 鈴木 --format json
t_grep "… S3" '"customer":"S3".*"caller":"sales","sales_rep":"鈴木"' "$T/.out"
t_ok "a rep with nothing to do" u contact worklist --rep 渡辺
t_is "… says so" "$(cat "$T/.out")" "Nothing to do for this sales rep."

# The rating, by hand (nothing paid yet, so the open overdue items alone):
# S1 500,000 10 days overdue: 1 point (6-15 days), 50 % of its limit: B.
# S5 150,000 31 days overdue: 3 points (31-60), 150 % of a 100,000 limit:
# 2 more: E, on credit hold (E, and over the limit).
u contact worklist --rep 佐藤 --format csv
t_grep "S1 rated B, not on hold" '^dunning,2026-03-21,S1,.*,sales,佐藤,B,no,$' "$T/.out"
t_grep "S5 rated E, on hold" '^dunning,2026-02-28,S5,.*,sales,佐藤,E,yes,$' "$T/.out"
t_ok "the table says so" u contact worklist --rep 佐藤
t_grep "… calls, rating, hold" 'S5 .*calls: sales (佐藤)  rating E  CREDIT HOLD$' "$T/.out"
t_ok "export customers" u export customers
t_grep "S5's rating and reasons" \
	'^S5,.*,sales,E,pays 31 days late on average; over the credit limit (150 % used),yes$' \
	"$T/.out"
t_grep "S2's collector exported" '^S2,鈴木工業株式会社,.*,accounting,B,' "$T/.out"
t_grep "S1 at half its limit" '^S1,.*,,B,pays 10 days late on average; 50 % of limit used,no$' "$T/.out"
t_grep "S3 without a limit: no word of one" '^S3,.*,,B,pays 10 days late on average,no$' "$T/.out"

# Paid history, by hand: P1 paid 100,000 twenty days after its due date
# (2 points for 16-30 days, 1 for nothing paid on time: D); P2 paid 50,000
# ten days early (A).
if command -v sqlite3 >/dev/null; then
	printf 'code,name\nP1,松本商事\nP2,中村工業\n' >pc.csv
	printf '%s\n' 'number,customer,issue_date,due_date,amount' \
		'P-1,P1,2026-01-10,2026-02-10,100000' 'P-2,P2,2026-02-10,2026-03-20,50000' >pi.csv
	u import customers pc.csv && u import invoices pi.csv
	t_sql r.db "INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name,
		reference) VALUES ('2026-03-02', '2026-03-02', 100000, 'JPY', 'ﾏﾂﾓﾄ', 'PD1'),
		('2026-03-10', '2026-03-10', 50000, 'JPY', 'ﾅｶﾑﾗ', 'PD2')"
	t_ok "P1 pays late" u match confirm --deposit PD1 --invoice P-1
	t_ok "P2 pays early" u match confirm --deposit PD2 --invoice P-2
	t_ok "export customers" u export customers
	t_grep "P1: 20 days late, nothing on time: D" \
		'^P1,.*,D,pays 20 days late on average; 0 % paid on time,no$' "$T/.out"
	t_grep "P2: 10 days early: A" '^P2,.*,A,pays 10 days early on average,no$' "$T/.out"
	t_ok "as of the day before P1 paid" u aging --as-of 2026-03-01 --format csv
	t_grep "… P1 rated on its open item (19 days overdue: C)" '^P1,.*,C$' "$T/.out"
else
	t_report 0 "paid history # SKIP no sqlite3 shell"
fi

# The rep calls S1: the crossing is done for today, and the list updates.
t_ok "the rep's call is recorded" u contact add S1 --channel phone --note "来週振込とのこと"
t_ok "佐藤's worklist again" u contact worklist --rep 佐藤 --format csv
t_is "… S5 left" "$(cut -d, -f3 "$T/.out")" "customer
S5"

# Settings: accounting at every level; a hold from D up.
mkdir -p cfg/urikake
printf 'collector-by-level = accounting\ncredit-hold = D\n' >cfg/urikake/config
t_ok "collector-by-level = accounting" env XDG_CONFIG_HOME="$T/cfg" "$URIKAKE" $db \
	contact worklist --rep 佐藤 --format csv
t_is "… only S5, which asks for its rep" "$(cut -d, -f3 "$T/.out")" "customer
S5"
t_ok "credit-hold = D" env XDG_CONFIG_HOME="$T/cfg" "$URIKAKE" $db contact worklist --format csv
t_grep "… S3 (B) not held" '^dunning,2026-03-21,S3,.*,B,no,$' "$T/.out"
t_grep "… S5 (E) held" '^dunning,2026-02-28,S5,.*,E,yes,$' "$T/.out"
# export customers reads the same credit-hold: from B up, S1 (B) is held
# too; with none, not even S5 (E, over its limit).
printf 'credit-hold = B\n' >cfg/urikake/config
t_ok "export customers, credit-hold = B" env XDG_CONFIG_HOME="$T/cfg" "$URIKAKE" $db \
	export customers
t_grep "… S1 (B) held" '^S1,.*,B,[^,]*,yes$' "$T/.out"
t_ok "… as JSON" env XDG_CONFIG_HOME="$T/cfg" "$URIKAKE" $db export customers --format json
t_grep "… S1 held there too" '"code":"S1".*"rating":"B",.*"hold":true}' "$T/.out"
printf 'credit-hold = none\n' >cfg/urikake/config
t_ok "export customers, credit-hold = none" env XDG_CONFIG_HOME="$T/cfg" "$URIKAKE" $db \
	export customers
t_grep "… S5 (E, over its limit) not held" '^S5,.*,E,[^,]*,no$' "$T/.out"
printf 'credit-hold = F\n' >cfg/urikake/config
t_ok "a bad credit-hold is reported, the default kept" env XDG_CONFIG_HOME="$T/cfg" \
	"$URIKAKE" $db contact worklist --format csv
t_grep "… named" "config:1: credit-hold is none, or a rating A-E" "$T/.err"
t_exit "export customers refuses it, as every command that reads it" 3 \
	env XDG_CONFIG_HOME="$T/cfg" "$URIKAKE" $db export customers
t_grep "… named" "config:1: credit-hold is none, or a rating A-E" "$T/.err"
t_is "… and writes nothing" "$(cat "$T/.out")" ""

# The digest: text on standard output, PDF in a file.
t_ok "digest as text" u contact digest --rep 佐藤
t_grep "… its title" "^Customers to call for 佐藤$" "$T/.out"
t_grep "… S5: one level up, its rating and hold" "^Reminder  *2026-02-28  S5 .*150,000 JPY  E!" "$T/.out"
t_grep "… and why" "^    On credit hold. pays 31 days late on average; over the credit limit (150 % used)$" "$T/.out"
t_ok "digest as PDF" u contact digest --rep 佐藤 -o d.pdf
t_is "… a PDF" "$(head -c 5 d.pdf)" "%PDF-"
t_exit "… not replaced without --force" 3 u contact digest --rep 佐藤 -o d.pdf
t_exit "digest in an unknown format" 2 u contact digest --format xml
t_exit "worklist in an unknown format" 2 u contact worklist --format xml

# Bad input: an unknown collector rejects the whole file.
cp r.db before.db
printf 'code,name,collector\nS6,新規,legal\n' >bad.csv
t_exit "unknown collector" 3 u import customers bad.csv
t_grep "… file, line and reason" "bad.csv:2: collector: 'legal' is not sales or accounting" "$T/.err"
t_is "… nothing written" "$("$URIKAKE" --db before.db export customers | md5sum)" \
	"$("$URIKAKE" $db export customers | md5sum)"
t_done
