#!/bin/sh
# import.sh: customer and invoice CSV import — happy path in Japanese and
# Chinese, CP932/GB18030 detection, every rejection (exit 3, FILE:LINE,
# database unchanged), idempotent re-import, due dates from terms.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
command -v sqlite3 >/dev/null || t_skip_all "sqlite3 not installed"

dump() { t_dump "$1" | sha256sum; }

# Column order free, header names trimmed and in any case, unknown columns.
cat >cust.csv <<'CSV'
 Code ,NAME,kana,currency,terms,credit_limit,sales_rep,phone,email,address,extra
C001,株式会社山田商事,カブシキガイシャヤマダショウジ,JPY,EOM/+1/EOM,"1,000,000",佐藤 健一,03-1234-5678,keiri@yamada.example.jp,東京都千代田区丸の内1-1-1,x
C002,ﾀﾅｶ精機有限会社,ﾀﾅｶｾｲｷ,,20/+1/10,,鈴木 美咲,06-1111-2222,,大阪府大阪市北区梅田2-2-2,y
C003,上海恒通贸易有限公司,,cny,net30,,王伟,021-5888-1234,finance@hengtong.example.cn,上海市浦东新区世纪大道100号,z
CSV
printf 'number,customer,issue_date,amount,tax,memo,due_date,currency\r\n' >inv.csv
cat >>inv.csv <<'CSV'
INV-001,C001,2026-01-15,"110,000",10000,1月分,,
INV-002,C002,2026/01/25,55000,,,,
INV-003,C003,20260110,1234.50,,货款,,
INV-004,C001,2026-03-10,220000,20000,"=HYPERLINK(""x"")",2026-04-30,JPY
CSV

t_ok "init" "$URIKAKE" --db a.db init
t_ok "import customers" "$URIKAKE" --db a.db import customers cust.csv
t_is "customer counts" "$(cat .out)" "customers: 3 new, 0 updated, 0 unchanged"
t_ok "import invoices" "$URIKAKE" --db a.db import invoices inv.csv
t_is "invoice counts" "$(cat .out)" "invoices: 4 new, 0 updated, 0 unchanged"
t_is "UTF-8 is not announced" "$(cat .err)" ""

t_ok "export customers" "$URIKAKE" --db a.db export customers
cat >want.csv <<'CSV'
code,name,kana,currency,terms,credit_limit,sales_rep,phone,email,address,parent,rep_kana,fee_policy
C001,株式会社山田商事,カブシキガイシャヤマダショウジ,JPY,EOM/+1/EOM,1000000,佐藤 健一,03-1234-5678,keiri@yamada.example.jp,東京都千代田区丸の内1-1-1,,,
C002,ﾀﾅｶ精機有限会社,ﾀﾅｶｾｲｷ,JPY,20/+1/10,,鈴木 美咲,06-1111-2222,,大阪府大阪市北区梅田2-2-2,,,
C003,上海恒通贸易有限公司,,CNY,NET30,,王伟,021-5888-1234,finance@hengtong.example.cn,上海市浦东新区世纪大道100号,,,
CSV
t_is "customers as exported" "$(drop_rating <.out)" "$(cat want.csv)"

# Due dates: EOM/+1/EOM from 01-15 is the end of February; 20/+1/10 from
# 01-25 closes on 02-20 and pays on 03-10; NET30 from 01-10 is 02-09.
t_ok "export invoices" "$URIKAKE" --db a.db export invoices
cat >want.csv <<'CSV'
number,customer,issue_date,due_date,amount,currency,tax,memo,open
INV-001,C001,2026-01-15,2026-02-28,110000,JPY,10000,1月分,110000
INV-002,C002,2026-01-25,2026-03-10,55000,JPY,,,55000
INV-003,C003,2026-01-10,2026-02-09,1234.50,CNY,,货款,1234.50
INV-004,C001,2026-03-10,2026-04-30,220000,JPY,20000,"'=HYPERLINK(""x"")",220000
CSV
t_is "invoices as exported (due dates, money, formula cell)" "$(cat .out)" "$(cat want.csv)"

t_ok "re-import customers" "$URIKAKE" --db a.db import customers cust.csv
t_is "re-import changes nothing" "$(cat .out)" "customers: 0 new, 0 updated, 3 unchanged"
t_ok "re-import invoices" "$URIKAKE" --db a.db import invoices inv.csv
t_is "re-import invoices changes nothing" "$(cat .out)" "invoices: 0 new, 0 updated, 4 unchanged"
sed 's/佐藤 健一/田中 由美/' cust.csv >cust2.csv
t_ok "import a changed customer" "$URIKAKE" --db a.db import customers cust2.csv
t_is "one updated" "$(cat .out)" "customers: 0 new, 1 updated, 2 unchanged"
t_is "one audit row per import" \
	"$(t_sql a.db "select count(*) from audit where action like 'import.%'")" 5

# Encodings: CP932 (Japanese) and GB18030 (Chinese) are detected.
grep -v 'C003' cust.csv | iconv -f UTF-8 -t CP932 >sjis.csv
grep -e '^ Code' -e 'C003' cust.csv | iconv -f UTF-8 -t GB18030 >gb.csv
t_ok "import CP932" "$URIKAKE" --db b.db import customers sjis.csv
t_grep "CP932 is announced" "sjis.csv: detected encoding CP932" .err
t_ok "import GB18030" "$URIKAKE" --db b.db import customers gb.csv
t_grep "GB18030 is announced" "gb.csv: detected encoding GB18030" .err
t_is "decoded data equals the UTF-8 import" "$("$URIKAKE" --db b.db export customers | drop_rating)" \
	"$("$URIKAKE" --db a.db export customers | drop_rating | sed 's/田中 由美/佐藤 健一/')"
t_ok "explicit --encoding" "$URIKAKE" --db c.db import customers sjis.csv --encoding shift_jis
t_exit "undecodable bytes are rejected" 3 "$URIKAKE" --db c.db import customers gb.csv --encoding UTF-8
t_exit "unknown encoding" 2 "$URIKAKE" --db c.db import customers gb.csv --encoding EBCDIC

# Rejections: exit 3, FILE:LINE: reason, nothing written.
reject() { # reject DESC KIND FILE WANT-PREFIX
	before=$(dump a.db)
	t_exit "$1: exit 3" 3 "$URIKAKE" --db a.db import "$2" "$3"
	case $(cat .err) in
	"urikake: $4"*) t_report 0 "$1: message" ;;
	*) t_report 1 "$1: message"; echo "# got: $(cat .err)"; echo "# want: urikake: $4..." ;;
	esac
	t_is "$1: database unchanged" "$(dump a.db)" "$before"
}
printf 'number,customer,issue_date\nX1,C001,2026-01-01\n' >r1.csv
reject "missing column" invoices r1.csv "r1.csv:1: missing required column 'amount'"
printf 'number,customer,issue_date,amount\nX1,C001,2026-01-01,100\nX2,C999,2026-01-01,100\n' >r2.csv
reject "unknown customer" invoices r2.csv "r2.csv:3: unknown customer 'C999'"
printf 'number,customer,issue_date,amount\nX1,C001,2026-01-01,12x\n' >r3.csv
reject "bad amount" invoices r3.csv "r3.csv:2: amount: "
printf 'number,customer,issue_date,amount\nX1,C001,2026-01-01,100\nX2,C001,2026-02-30,100\n' >r4.csv
reject "bad date" invoices r4.csv "r4.csv:3: issue_date: "
printf 'number,customer,issue_date,amount,memo\nX1,C001,2026-01-01,100,"two\nlines"\nX2,C001,2026-01-02,5\nX1,C001,2026-01-03,7\n' >r5.csv
reject "duplicate number after a multi-line cell" invoices r5.csv \
	"r5.csv:5: duplicate number 'X1' (first on line 2)"
printf 'code,name,terms\nN1,New,NET30\nN2,Other,EOM/+1/99\n' >r6.csv
reject "bad terms" customers r6.csv "r6.csv:3: terms: "
printf 'code,name,currency\nN1,New,XYZ\n' >r7.csv
reject "unknown currency" customers r7.csv "r7.csv:2: unknown currency 'XYZ'"
printf 'code,kana\nN1,ニュー\n' >r8.csv
reject "missing name column" customers r8.csv "r8.csv:1: missing required column 'name'"
printf 'code,name\nN1,New\nN1,Again\n' >r9.csv
reject "duplicate code" customers r9.csv "r9.csv:3: duplicate code 'N1' (first on line 2)"
printf 'code,name\nN1,"open\n' >r10.csv
reject "unclosed quote" customers r10.csv "r10.csv:2: quoted field not closed"
printf 'number,customer,issue_date,amount\nX1,,2026-01-01,100\n' >r11.csv
reject "empty customer" invoices r11.csv "r11.csv:2: empty customer"
: >r12.csv
reject "empty file" customers r12.csv "r12.csv:1: empty file"
t_exit "missing file" 1 "$URIKAKE" --db a.db import invoices nosuch.csv
t_grep "missing file is named" "nosuch.csv" .err

# A customer's currency cannot change while it has invoices in the old one.
printf 'code,name,currency\nC003,上海恒通贸易有限公司,JPY\n' >r13.csv
reject "currency change with invoices" customers r13.csv \
	"r13.csv:2: customer C003 has invoices in CNY: its currency cannot change to JPY"
# Amounts beyond 15 digits (would overflow sums in aging).
printf 'number,customer,issue_date,due_date,amount,currency\nO-1,C001,2026-11-01,,9223372036854775807,JPY\n' >r14.csv
reject "absurd amount" invoices r14.csv \
	"r14.csv:2: amount: amount \"9223372036854775807\" is too large (at most 999,999,999,999,999)"
printf 'number,customer,issue_date,amount,tax\nO-2,C003,2026-11-01,1.00,10000000000000\n' >r15.csv
reject "absurd tax" invoices r15.csv "r15.csv:2: tax: amount \"10000000000000\" is too large"
# Control characters, NUL included, and line breaks in single-line columns.
printf 'code,name\nE1,\033[31mEvil\033[0m Corp\007\n' >r16.csv
reject "ESC in a name" customers r16.csv "r16.csv:2: control character U+001B in column 'name'"
printf 'code,name\nZ1,ab\000cd\n' >r17.csv
reject "NUL in a name" customers r17.csv "r17.csv:2: control character U+0000 in column 'name'"
printf 'code,name\nZ1,ab\302\233cd\n' >r18.csv
reject "C1 CSI in a name" customers r18.csv "r18.csv:2: control character U+009B in column 'name'"
printf 'number,customer,issue_date,amount,memo\nX1,C001,2026-01-01,100,"two\nli\177nes"\n' >r19.csv
reject "DEL in a memo" invoices r19.csv "r19.csv:3: control character U+007F in column 'memo'"
printf 'code,name\nZ1,"two\nlines"\n' >r20.csv
reject "line break in a name" customers r20.csv "r20.csv:2: line break in column 'name'"
printf 'number,customer,issue_date,amount\n"X1\r\n",C001,2026-01-01,100\n' >r21.csv
reject "line break in a number" invoices r21.csv "r21.csv:2: line break in column 'number'"
# More fields than the header: an unquoted 1,000.
printf 'number,customer,issue_date,due_date,amount,currency,tax,memo\nO-1,C001,2026-11-01,,1,000,JPY,,\n' >r22.csv
reject "unquoted thousands separator" invoices r22.csv "r22.csv:2: 9 fields, the header has 8"

# Columns missing from the file keep the stored values; empty cells empty them.
t_ok "partial: init" "$URIKAKE" --db p.db init
t_ok "partial: customers" "$URIKAKE" --db p.db import customers cust.csv
t_ok "partial: invoices" "$URIKAKE" --db p.db import invoices inv.csv
printf 'code,name\nC001,株式会社山田商事 本社\n' >p1.csv
t_ok "partial customers: code and name only" "$URIKAKE" --db p.db import customers p1.csv
t_is "partial customers: one updated" "$(cat .out)" "customers: 0 new, 1 updated, 0 unchanged"
t_ok "partial customers: export" "$URIKAKE" --db p.db export customers
t_grep "partial customers: the rest is kept" \
	'^C001,株式会社山田商事 本社,カブシキガイシャヤマダショウジ,JPY,EOM/+1/EOM,1000000,佐藤 健一,03-1234-5678,keiri@yamada.example.jp,東京都千代田区丸の内1-1-1,,,,,[A-E],' .out
t_ok "partial customers: again" "$URIKAKE" --db p.db import customers p1.csv
t_is "partial customers: again unchanged" "$(cat .out)" "customers: 0 new, 0 updated, 1 unchanged"
printf 'code,name,phone,credit_limit\nC001,株式会社山田商事 本社,,\n' >p2.csv
t_ok "partial customers: empty cells" "$URIKAKE" --db p.db import customers p2.csv
"$URIKAKE" --db p.db export customers >p2.out
t_grep "partial customers: empty cells empty, the rest kept" \
	'^C001,株式会社山田商事 本社,カブシキガイシャヤマダショウジ,JPY,EOM/+1/EOM,,佐藤 健一,,keiri@yamada.example.jp,東京都千代田区丸の内1-1-1,,,,,[A-E],' p2.out
printf 'code,name,credit_limit\nC003,上海恒通贸易有限公司,"1,234.50"\n' >p2b.csv
t_ok "partial customers: credit limit in the stored currency" \
	"$URIKAKE" --db p.db import customers p2b.csv
"$URIKAKE" --db p.db export customers >p2b.out
t_grep "partial customers: CNY kept, credit limit in yuan" \
	'^C003,上海恒通贸易有限公司,,CNY,NET30,1234.50,王伟,021-5888-1234,' p2b.out
printf 'code,name,address\nN1,新規商店,"大阪府\n梅田"\n' >p3.csv
t_ok "partial customers: a new one, multi-line address" "$URIKAKE" --db p.db import customers p3.csv
"$URIKAKE" --db p.db export customers >p3.out
t_grep "partial customers: new one gets the defaults" '^N1,新規商店,,JPY,,,,,,"大阪府$' p3.out
printf 'code,name,currency\nN1,新規商店,CNY\n' >p4.csv
t_ok "currency change without invoices" "$URIKAKE" --db p.db import customers p4.csv

# Invoices: INV-001 first gets a due date of its own (not from the terms).
printf 'number,customer,issue_date,due_date,amount\nINV-001,C001,2026-01-15,2026-03-15,"110,000"\n' >p5.csv
t_ok "partial invoices: own due date" "$URIKAKE" --db p.db import invoices p5.csv
printf 'number,customer,issue_date,amount\nINV-001,C001,2026-01-15,"120,000"\n' >p6.csv
t_ok "partial invoices: without due_date, tax, memo" "$URIKAKE" --db p.db import invoices p6.csv
t_is "partial invoices: one updated" "$(cat .out)" "invoices: 0 new, 1 updated, 0 unchanged"
"$URIKAKE" --db p.db export invoices >p6.out
t_grep "partial invoices: due date, tax and memo kept" \
	'^INV-001,C001,2026-01-15,2026-03-15,120000,JPY,10000,1月分,120000$' p6.out
printf 'code,name,terms\nC001,株式会社山田商事 本社,NET30\n' >p7.csv
t_ok "partial invoices: the customer's terms change" "$URIKAKE" --db p.db import customers p7.csv
t_ok "partial invoices: same issue date" "$URIKAKE" --db p.db import invoices p6.csv
t_is "partial invoices: new terms leave an issued invoice alone" "$(cat .out)" \
	"invoices: 0 new, 0 updated, 1 unchanged"
printf 'number,customer,issue_date,amount\nINV-001,C001,2026-02-10,"120,000"\n' >p8.csv
t_ok "partial invoices: new issue date" "$URIKAKE" --db p.db import invoices p8.csv
"$URIKAKE" --db p.db export invoices >p8.out
t_grep "partial invoices: new issue date, due date from the terms (NET30)" \
	'^INV-001,C001,2026-02-10,2026-03-12,120000,JPY,10000,1月分,120000$' p8.out
printf 'number,customer,issue_date,due_date,amount,tax,memo\nINV-004,C001,2026-03-10,,220000,,\n' >p9.csv
t_ok "partial invoices: empty cells" "$URIKAKE" --db p.db import invoices p9.csv
"$URIKAKE" --db p.db export invoices >p9.out
t_grep "partial invoices: empty due_date from the terms, tax and memo emptied" \
	'^INV-004,C001,2026-03-10,2026-04-09,220000,JPY,,,220000$' p9.out

# Rows of commas at the end (Excel) are skipped; short rows are fine.
printf 'code,name,kana,phone\nS1,短い行\nS2,Two,,\n,,,\n , ,\t,\n,\n' >p10.csv
t_ok "blank rows skipped, short rows read" "$URIKAKE" --db p.db import customers p10.csv
t_is "blank rows: two customers" "$(cat .out)" "customers: 2 new, 0 updated, 0 unchanged"

# The largest amount is accepted and aging still adds up.
printf 'number,customer,issue_date,amount\nBIG,C001,2026-03-01,"999,999,999,999,999"\n' >p11.csv
t_ok "largest amount accepted" "$URIKAKE" --db p.db import invoices p11.csv
t_ok "aging with the largest amount" "$URIKAKE" --db p.db aging --format csv
t_grep "aging total" ',1000000000339999,0,[A-E]$' .out

# Bank CSV: the same limits through the same reader.
printf 'date,amount,currency,payer\n2026-03-01,92233720368547758.07,CNY,A\n' >b1.csv
t_exit "bank CSV: absurd amount" 3 "$URIKAKE" --db p.db import bank b1.csv --format csv:generic
t_grep "bank CSV: absurd amount message" 'b1.csv:.*LINE 2 .*is too large (at most 9,999,999,999,999.99)' .err
printf 'date,amount,payer\n2026-03-01,100,Acme\n2026-03-02,200,"Ev\033il"\n' >b2.csv
t_exit "bank CSV: ESC in a payer" 3 "$URIKAKE" --db p.db import bank b2.csv --format csv:generic
t_grep "bank CSV: ESC message" 'LINE 3 (byte 38): control character U+001B in column .payer.' .err
t_is "bank CSV: nothing written" "$(t_sql p.db 'select count(*) from deposit')" 0

# Contact notes: no control characters, line breaks are fine.
t_exit "contact note with ESC" 3 "$URIKAKE" --db p.db contact add C001 --channel phone \
	--note "$(printf 'call \033[2Jback')"
t_grep "contact note with ESC: message" "note: control character U+001B" .err
t_ok "contact note with a line break" "$URIKAKE" --db p.db contact add C001 --channel phone \
	--note "$(printf 'line one\nline two')"
t_done
