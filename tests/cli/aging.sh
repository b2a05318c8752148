#!/bin/sh
# aging.sh: the aging report on hand-computed data — csv, json, table (CJK
# names aligned, one total per currency), --as-of, custom --buckets.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

cat >cust.csv <<'CSV'
code,name,currency
C001,株式会社山田商事,JPY
C002,ACME Trading,JPY
C003,上海恒通贸易有限公司,CNY
C004,ﾀﾅｶ精機,JPY
CSV
# As of 2026-03-31: A1 not due; A2 30 days late; A3 75; B1 120; B2 due
# today (current); X1 31 days late; X2 90.
cat >inv.csv <<'CSV'
number,customer,issue_date,due_date,amount
A1,C001,2026-03-10,2026-04-10,100000
A2,C001,2026-02-01,2026-03-01,200000
A3,C001,2025-12-15,2026-01-15,300000
B1,C002,2025-11-01,2025-12-01,50000
B2,C002,2026-03-01,2026-03-31,7000
X1,C003,2026-01-28,2026-02-28,1234.50
X2,C003,2025-11-30,2025-12-31,10000.00
CSV
"$URIKAKE" --db a.db import customers cust.csv >/dev/null 2>&1
"$URIKAKE" --db a.db import invoices inv.csv >/dev/null 2>&1

t_ok "aging csv" "$URIKAKE" --db a.db aging --as-of 2026-03-31 --format csv
# The rating, appended last (by hand, nothing paid yet: the open overdue
# items' days weighted by amount): C001 (200000 × 30 + 300000 × 75) / 500000
# = 57 days late, D; C002 50000 due 120 days ago, E; C003 mostly 90 days, E.
cat >want <<'CSV'
customer,name,currency,current,d1_30,d31_60,d61_90,d90_plus,total,on_account,rating
C001,株式会社山田商事,JPY,100000,200000,0,300000,0,600000,0,D
C002,ACME Trading,JPY,7000,0,0,0,50000,57000,0,E
C003,上海恒通贸易有限公司,CNY,0.00,0.00,1234.50,10000.00,0.00,11234.50,0.00,E
CSV
t_is "aging csv buckets" "$(cat .out)" "$(cat want)"

t_ok "aging with --buckets 45" "$URIKAKE" --db a.db aging --as-of 2026-03-31 --format csv --buckets 45
cat >want <<'CSV'
customer,name,currency,current,d1_45,d45_plus,total,on_account,rating
C001,株式会社山田商事,JPY,100000,200000,300000,600000,0,D
C002,ACME Trading,JPY,7000,0,50000,57000,0,E
C003,上海恒通贸易有限公司,CNY,0.00,1234.50,10000.00,11234.50,0.00,E
CSV
t_is "custom bucket columns" "$(cat .out)" "$(cat want)"

# aging-buckets in the config file sets the columns; --buckets overrides it.
mkdir -p cfg/urikake
printf 'aging-buckets = 45\n' >cfg/urikake/config
t_ok "aging with aging-buckets = 45 in the config" env XDG_CONFIG_HOME="$T/cfg" \
	"$URIKAKE" --db a.db aging --as-of 2026-03-31 --format csv
t_is "… the config's columns" "$(cat .out)" "$(cat want)"
t_ok "… --buckets still overrides it" env XDG_CONFIG_HOME="$T/cfg" \
	"$URIKAKE" --db a.db aging --as-of 2026-03-31 --format csv --buckets 30,60,90
t_grep "… the option's columns" "^customer,name,currency,current,d1_30,d31_60,d61_90,d90_plus," .out
printf 'aging-buckets = 60,30\n' >cfg/urikake/config
t_exit "a bad aging-buckets in the config is refused" 3 env XDG_CONFIG_HOME="$T/cfg" \
	"$URIKAKE" --db a.db aging --as-of 2026-03-31 --format csv
t_grep "… naming the line" "config:1: aging-buckets" .err
# The file is read once, whole: --buckets overrides its aging-buckets, not
# the reading of the rest (a bad line elsewhere is refused all the same).
printf 'aging-buckets = 45\ncredit-hold = F\n' >cfg/urikake/config
t_exit "a bad line is refused with --buckets too" 3 env XDG_CONFIG_HOME="$T/cfg" \
	"$URIKAKE" --db a.db aging --as-of 2026-03-31 --format csv --buckets 30
t_grep "… naming it" "config:2: credit-hold" .err
t_exit "… --buckets still checked first" 2 env XDG_CONFIG_HOME="$T/cfg" \
	"$URIKAKE" --db a.db aging --buckets 30,x

t_ok "aging as of an earlier date" "$URIKAKE" --db a.db aging --as-of 2026-01-31 --format csv
t_grep "earlier as-of moves A3 to 1-30" "^C001,株式会社山田商事,JPY,[0-9]*,300000,0,0,0," .out

t_ok "aging json" "$URIKAKE" --db a.db aging --as-of 2026-03-31 --format json
if command -v jq >/dev/null; then
	t_is "json rows" "$(jq length .out)" 3
	t_is "json bucket" "$(jq -r '.[2].d31_60' .out)" "1234.5"
	t_is "json total" "$(jq -r '.[0].total' .out)" "600000"
	t_is "json rating" "$(jq -r '.[0].rating' .out)" "D"
else
	t_report 0 "json checks # SKIP jq not installed"
fi

t_ok "aging table" "$URIKAKE" --db a.db aging --as-of 2026-03-31
cp .out table
t_grep "title names the date" "2026-03-31" table
t_grep "JPY total with separators" "Total  *JPY  *107,000  *200,000  *0  *300,000  *50,000  *657,000  *0$" table
t_grep "CNY total kept apart" "Total  *CNY  *0.00  *0.00  *1,234.50  *10,000.00  *0.00  *11,234.50  *0.00$" table
t_grep "CJK name row" "^C001  *株式会社山田商事  *JPY  *100,000  *200,000  *0  *300,000  *0  *600,000  *0$" table
# Every line after the title has the same width in terminal cells.
widths=$(sed 1d table | while IFS= read -r line; do printf '%s\n' "$line" | wc -L; done | sort -u)
t_is "table lines all $widths cells wide" "$(echo "$widths" | wc -l)" 1
t_ok "aging with the default date" "$URIKAKE" --db a.db aging --format csv
t_grep "default as-of is today (URIKAKE_TODAY)" "^C001,株式会社山田商事,JPY,100000,200000,0,300000,0,600000,0,[A-E]$" .out
"$URIKAKE" --db e.db init >/dev/null
t_ok "aging of an empty database" "$URIKAKE" --db e.db aging --format json
t_is "empty json" "$(cat .out)" "[
]"
# Money held on account (前受金) is its own column, appended last, and not
# taken off the buckets; a customer with nothing else open still shows.
if command -v sqlite3 >/dev/null; then
	t_sql a.db "INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name,
		reference) VALUES ('2026-03-20', '2026-03-20', 30000, 'JPY', 'ACME', 'OA1'),
		('2026-03-20', '2026-03-20', 5000, 'JPY', 'ﾀﾅｶｾｲｷ', 'OA2')"
	t_ok "money kept on account" sh -c "'$URIKAKE' --db a.db match confirm --deposit OA1 \
		--on-account 30000 --customer C002 && '$URIKAKE' --db a.db match confirm \
		--deposit OA2 --on-account 5000 --customer C004"
	t_ok "aging csv with it" "$URIKAKE" --db a.db aging --as-of 2026-03-31 --format csv
	t_grep "… in the on_account column" "^C002,ACME Trading,JPY,7000,0,0,0,50000,57000,30000,E$" .out
	t_grep "… a customer with only money on account" "^C004,ﾀﾅｶ精機,JPY,0,0,0,0,0,0,5000,A$" .out
	t_ok "aging as of before it" "$URIKAKE" --db a.db aging --as-of 2026-03-19 --format csv
	t_grep "… not yet there" "^C002,ACME Trading,JPY,7000,0,0,0,50000,57000,0,E$" .out
	t_ok "aging json with it" "$URIKAKE" --db a.db aging --as-of 2026-03-31 --format json
	t_grep "… named on_account" '"customer":"C002".*"on_account":30000' .out
	t_ok "aging table with it" "$URIKAKE" --db a.db aging --as-of 2026-03-31
	t_grep "… and in the table's total" "^ *Total  *JPY  *107,000  *200,000  *0  *300,000  *50,000  *657,000  *35,000$" .out
else
	t_report 0 "money on account # SKIP no sqlite3 shell"
fi
t_done
