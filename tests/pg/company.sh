#!/bin/sh
# company.sh: client companies (issue 17) on PostgreSQL — the same
# commands on a SQLite file and on a server database print the same: two
# companies with the same customer code, invoice number and bank file,
# each importing, matching, aging and exporting only its own; the refusal
# to guess among several; company list; a bank file routed by receiving
# account to two companies. No server: SKIP, saying why.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/lib-pg.sh"
cd "$T" || exit 1
psql -X -q -v ON_ERROR_STOP=1 -d postgres \
	-c "CREATE ROLE urikake_owner LOGIN; CREATE ROLE urikake_clerk NOLOGIN" \
	-c "CREATE DATABASE co OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0" \
	>"$T/.out" 2>&1 || t_skip_all "cannot create the roles and database: $(head -1 "$T/.out")"
PG="postgresql:///co?host=$PGHOST&port=$PGPORT&user=urikake_owner"
FIX=$top_builddir/tests/bank_fixture
"$FIX" transfer-a >a.dat
"$FIX" accounts >two.dat
"$FIX" accounts-stranger >three.dat
printf 'code,name,kana\nC1,株式会社山田商事,ヤマダショウジ\nC2,株式会社鈴木工業,スズキコウギョウ\n' >a-cust.csv
printf 'code,name\nC1,上海恒通贸易有限公司\nC3,有限会社田中商店\n' >b-cust.csv
printf 'number,customer,issue_date,due_date,amount\nINV-2603-000001,C1,2026-02-20,2026-03-25,110000\nA-2,C2,2026-02-01,2026-02-28,55000\n' >a-inv.csv
printf 'number,customer,issue_date,due_date,amount\nINV-2603-000001,C1,2026-01-10,2026-02-10,999999\nB-2,C3,2026-02-01,2026-02-28,77000\n' >b-inv.csv

# both DESC ARGS...: the command on the file and on the server, the same
# output and exit status (the database's name aside).
both() {
	d=$1
	shift
	URIKAKE_TODAY=2026-03-31 "$URIKAKE" --db s.db "$@" >lite.out 2>lite.err
	l=$?
	URIKAKE_TODAY=2026-03-31 "$URIKAKE" --db "$PG" "$@" >pg.out 2>pg.err
	p=$?
	[ "$l:$(cat lite.out)" = "$p:$(cat pg.out)" ]
	t_report $? "$d: the same on both"
	[ "$l:$(cat lite.out)" = "$p:$(cat pg.out)" ] || {
		echo "# exit $l / $p"; diff lite.out pg.out | head -10 | sed 's/^/# /'
		sed 's/^/# /' pg.err | head -5
	}
}

t_ok "init on PostgreSQL" "$URIKAKE" --db "$PG" init
t_ok "init on SQLite" "$URIKAKE" --db s.db init
both "company list: main only" company list
both "import main's customers" import customers a-cust.csv
both "company add b" company add b "Beta 株式会社"
both "several companies and none named: exit 2" aging
t_is "… exit 2" "$l:$p" "2:2"
both "main: import invoices" --company main import invoices a-inv.csv
both "b: import customers (the same code C1)" --company b import customers b-cust.csv
both "b: import invoices (the same number)" --company b import invoices b-inv.csv
both "main: import the bank file" --company main import bank a.dat
both "b: the same bank file, new to b" --company b import bank a.dat
t_grep "… three new" "^deposits: 3 new, 0 already imported" pg.out
both "company list: the rows counted" company list
both "main: match --auto" --company main match --auto
t_grep "… matches one" "1 matched automatically" pg.out
both "b: match --auto" --company b match --auto
both "main: aging" --company main aging --as-of 2026-03-31 --format csv
both "b: aging" --company b aging --as-of 2026-03-31 --format csv
t_grep "… b's C1 with b's amount" "^C1,上海恒通贸易有限公司,JPY,.*999999" pg.out
both "b: export invoices" --company b export invoices
t_is "… only b's" "$(sed 1d pg.out | wc -l | tr -d ' ')" 2
both "main: export deposits" --company main export deposits
both "b: export customers" --company b export customers
t_is "… none of main's" "$(grep -c 山田 pg.out)" 0

# bank files routed by receiving account
both "company add r" company add r "Route 株式会社"
both "main owns 0001-001-1234567" company account main 0001 001 1234567
both "r owns 0001-001-7654321" company account r 0001 001 7654321
both "b cannot take main's account" company account b 0001 001 1234567
t_is "… exit 3" "$l:$p" "3:3"
both "company accounts" company accounts
both "a file for two companies, none chosen" import bank two.dat
t_grep "… split between them" "^deposits by company: main 1, r 2$" pg.out
t_grep "… main's deposit there already (a.dat's)" "^deposits: 2 new, 1 already imported" pg.out
both "r: export deposits" --company r export deposits
t_is "… r's two" "$(sed 1d pg.out | cut -d, -f2 | sort -u)" "0001-001-7654321"
both "the file again: a no-op" import bank two.dat
t_grep "… nothing new" "^deposits: 0 new, 3 already imported" pg.out
both "an account no company owns: refused" import bank three.dat
t_is "… exit 3" "$l:$p" "3:3"
both "… given to r when chosen" --company r import bank three.dat
t_grep "… one new" "^deposits: 1 new, 3 already imported" pg.out
both "r: export deposits" --company r export deposits
t_is "… r has it" "$(grep -c 0001-001-5555555 pg.out)" 1
t_done
