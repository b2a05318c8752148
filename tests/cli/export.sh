#!/bin/sh
# export.sh: export → import into a fresh database → export is byte-identical
# (CSV), formula cells are neutralised, JSON is well-formed.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

cat >cust.csv <<'CSV'
code,name,kana,currency,terms,credit_limit,sales_rep,phone,email,address
A01,"Comma, Inc.",,USD,NET45:next,2500.00,"Rep ""Bob""",+1-555-0100,=cmd|' /C calc'!A0,"line one
line two"
C001,株式会社山田商事,ヤマダショウジ,JPY,15/+0/EOM:prev,5000000,@佐藤,-,,東京都
C002,上海恒通贸易有限公司,,CNY,EOM/+1/EOM:next,,王伟,,,上海市
CSV
cat >inv.csv <<'CSV'
number,customer,issue_date,due_date,amount,currency,tax,memo
A-1,A01,2026-02-01,,-100.25,,,credit note
J-1,C001,2026-02-10,,"1,100",,100,-5
J-2,C001,2026-03-01,2026-03-31,0,JPY,0,+memo
C-1,C002,2026-03-15,,"88,888.80",CNY,,"tab	and ""quote"""
CSV
"$URIKAKE" --db a.db import customers cust.csv >/dev/null 2>&1
"$URIKAKE" --db a.db import invoices inv.csv >/dev/null 2>&1
for what in customers invoices; do
	t_ok "export $what" "$URIKAKE" --db a.db export $what
	cp .out $what.1
done
t_ok "import exported customers into a fresh database" \
	"$URIKAKE" --db b.db import customers customers.1
t_ok "import exported invoices" "$URIKAKE" --db b.db import invoices invoices.1
for what in customers invoices; do
	"$URIKAKE" --db b.db export $what >$what.2
	cmp -s $what.1 $what.2; t_report $? "$what round trip is byte-identical"
done
t_grep "formula cell neutralised" "'=cmd|' /C calc'!A0" customers.1
t_grep "phone with + neutralised" "'+1-555-0100" customers.1
t_grep "@ neutralised" ",'@佐藤," customers.1
t_grep "lone - neutralised" ",'-," customers.1
t_grep "negative amount stays a number" "^A-1,A01,2026-02-01,[0-9-]*,-100.25,USD," invoices.1
t_grep "memo -5 is a plain negative number, kept" ",100,-5," invoices.1
t_grep "embedded newline kept in quotes" '^line two",,,,,A,' customers.1
t_is "header of invoices" "$(head -1 invoices.1)" \
	"number,customer,issue_date,due_date,amount,currency,tax,memo,open"
t_grep "CNY amount plain" ",88888.80,CNY,," invoices.1

t_ok "export json" "$URIKAKE" --db a.db export invoices --format json
if command -v jq >/dev/null; then
	t_is "json rows" "$(jq length .out)" 4
	t_is "json amount" "$(jq -r '.[] | select(.number == "C-1") | .amount' .out)" "88888.8"
	t_is "json memo" "$(jq -r '.[] | select(.number == "C-1") | .memo' .out)" \
		"$(printf 'tab\tand "quote"')"
	t_is "json tax null" "$(jq -r '.[0].tax' .out)" "null"
	"$URIKAKE" --db a.db export customers --format json >c.json
	t_is "json customer name" "$(jq -r '.[] | select(.code == "C001") | .name' c.json)" \
		"株式会社山田商事"
else
	t_report 0 "json checks # SKIP jq not installed"
fi
"$URIKAKE" --db e.db init >/dev/null
t_ok "empty export json" "$URIKAKE" --db e.db export customers --format json
t_is "empty json array" "$(cat .out)" "[
]"
t_done
