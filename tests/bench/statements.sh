#!/bin/sh
# statements.sh: benchmark of batch statements — N customers (default
# 5,000; Japanese, Chinese and English) with open balances, all rendered
# into one PDF with `statement --all-open`, then as one text file per
# customer. Prints the times; fails when the PDF batch takes 60 s or more.
#   top_builddir=BUILD sh tests/bench/statements.sh [N]
set -e
URIKAKE=${URIKAKE:-${top_builddir:-.}/urikake}
N=${1:-5000}
LIMIT=60
if "$URIKAKE" statement 2>&1 | grep -q "unknown command"; then
	echo "statements: SKIP (the statement command is not wired into cli/main.c)"
	exit 0
fi
W=$(mktemp -d "${TMPDIR:-/tmp}/urikake-bench-st.XXXXXX")
trap 'rm -rf "$W"' EXIT
export URIKAKE_TODAY=2026-03-31 URIKAKE_USER=bench LC_ALL=C.UTF-8 TZ=UTC

now() { date +%s.%N; }
secs() { echo "$1 $2" | awk '{ printf "%.2f", $2 - $1 }'; }

awk -v n="$N" 'BEGIN {
	print "code,name,kana,currency,terms,address" > "'"$W"'/customers.csv"
	print "number,customer,issue_date,due_date,amount,currency,tax,memo" > "'"$W"'/invoices.csv"
	for (i = 1; i <= n; i++) {
		code = sprintf("B%06d", i)
		if (i % 10 == 0)
			print code ",上海第" i "贸易有限公司,,CNY,NET30,上海市浦东新区世纪大道" i "号" > "'"$W"'/customers.csv"
		else if (i % 10 == 1)
			print code ",Example Trading " i " Ltd,,USD,NET30,1 Main Street" > "'"$W"'/customers.csv"
		else
			print code ",株式会社テスト" i ",カブシキガイシャテスト,JPY,EOM/+1/EOM,東京都港区芝公園" i > "'"$W"'/customers.csv"
		cur = i % 10 == 0 ? "CNY" : i % 10 == 1 ? "USD" : "JPY"
		for (k = 1; k <= 6; k++) {
			m = (k + 9) % 12 + 1; y = m >= 10 ? 2025 : 2026
			amt = (i * 7919 + k * 104729) % 900000 + 1100
			tax = int(amt / 11)
			printf "I%06d-%d,%s,%04d-%02d-%02d,%04d-%02d-28,%d,%s,%d,%d月分\n", i, k, code, y, m, (k * 3) % 27 + 1, y, m, amt, cur, tax, m > "'"$W"'/invoices.csv"
		}
	}
}'
DB=$W/bench.db
t0=$(now)
"$URIKAKE" --db "$DB" init >/dev/null
"$URIKAKE" --db "$DB" import customers "$W/customers.csv" >/dev/null
"$URIKAKE" --db "$DB" import invoices "$W/invoices.csv" >/dev/null
t1=$(now)
echo "statements: setup ($N customers, $((N * 6)) invoices) $(secs "$t0" "$t1") s"

"$URIKAKE" --db "$DB" statement --all-open -o "$W/all.pdf" >"$W/out" 2>/dev/null
t2=$(now)
pdf=$(secs "$t1" "$t2")
echo "statements: $(cat "$W/out")"
echo "statements: $N statements as one PDF in $pdf s ($(du -k "$W/all.pdf" | cut -f1) KiB; limit $LIMIT s)"

"$URIKAKE" --db "$DB" statement --all-open --format txt -o "$W/txt/" >/dev/null 2>&1
t3=$(now)
echo "statements: $N statements as text files in $(secs "$t2" "$t3") s ($(ls "$W/txt" | wc -l) files)"
awk -v s="$pdf" -v l="$LIMIT" 'BEGIN { exit !(s < l) }' || {
	echo "statements: FAIL: the PDF batch took $pdf s, not under $LIMIT s"
	exit 1
}
