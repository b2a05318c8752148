#!/bin/sh
# grants.sh: client companies limited to some clerks (issue 17) on
# PostgreSQL, where the server keeps the rule: aoki is granted K1, baba K2,
# chiba nothing (so only the companies without grants, main, are open to
# him). Through urikake a clerk cannot choose another's company and works
# in his own as before under row-level security (import, match, undo and
# confirm, contacts, confirmations, statements, settings, aging);
# through psql his login counts, reads and writes only the rows of the
# companies open to it and cannot write company_user; only the owner
# grants, and sees everything. No server: SKIP, saying why.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/lib-pg.sh"
cd "$T" || exit 1
psql -X -q -v ON_ERROR_STOP=1 -d postgres \
	-c "CREATE ROLE urikake_owner LOGIN; CREATE ROLE urikake_clerk NOLOGIN ADMIN urikake_owner;
	CREATE ROLE aoki LOGIN IN ROLE urikake_clerk; CREATE ROLE baba LOGIN IN ROLE urikake_clerk;
	CREATE ROLE chiba LOGIN IN ROLE urikake_clerk; CREATE ROLE kanri LOGIN IN ROLE urikake_owner" \
	-c "CREATE DATABASE g OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0" \
	>"$T/.out" 2>&1 || t_skip_all "cannot create the roles and database: $(head -1 "$T/.out")"
url() { echo "postgresql:///g?host=$PGHOST&port=$PGPORT&user=$1"; }
as() { who=$1; shift; URIKAKE_TODAY=2026-03-31 "$URIKAKE" --db "$(url "$who")" "$@"; }
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -U "$1" -d g -c "$2"; }
FIX=$top_builddir/tests/bank_fixture
"$FIX" transfer-a >a.dat
printf 'code,name\nC1,株式会社山田商事\nC2,株式会社鈴木工業\n' >cust.csv
printf 'number,customer,issue_date,due_date,amount\nINV-2603-000001,C1,2026-02-20,2026-03-25,110000\nA-2,C2,2026-02-01,2026-02-28,55000\n' >inv.csv
printf 'number,customer,issue_date,due_date,amount\nK2-1,C1,2026-02-01,2026-02-28,1000\nK2-2,C1,2026-02-01,2026-02-28,2000\nK2-3,C2,2026-02-01,2026-02-28,3000\n' >inv2.csv

t_ok "init as the owner" as urikake_owner init
t_ok "the owner adds K1 and K2" sh -c "$URIKAKE --db '$(url urikake_owner)' company add K1 'K1 株式会社' &&
	$URIKAKE --db '$(url urikake_owner)' company add K2 'K2 株式会社'"
t_ok "… and fills K2 with three invoices" sh -c \
	"$URIKAKE --db '$(url urikake_owner)' --company K2 import customers cust.csv &&
	$URIKAKE --db '$(url urikake_owner)' --company K2 import invoices inv2.csv"
k1=$(q urikake_owner "SELECT id FROM company WHERE code = 'K1'")
k2=$(q urikake_owner "SELECT id FROM company WHERE code = 'K2'")

# who grants
t_exit "a clerk cannot grant" 1 as aoki company grant K1 aoki
t_grep "… told that only the owner does" "aoki may not grant or revoke companies in .*only the owner" \
	"$T/.err"
t_exit "… nor write company_user with psql" 1 q aoki \
	"INSERT INTO company_user (company_id, \"user\") VALUES ($k1, 'aoki')"
t_grep "… refused by the server" "permission denied for table company_user" "$T/.err"
t_exit "… nor delete from it" 1 q aoki "DELETE FROM company_user"
t_exit "a 64-byte name is no login on the server: exit 2" 2 as urikake_owner company grant K1 \
	"$(printf '%064d' 0)"
t_grep "… saying so" "a server login takes 1 to 63 bytes" "$T/.err"
t_ok "the owner grants K1 to aoki" as urikake_owner company grant K1 aoki
t_ok "… and K2 to baba" as urikake_owner company grant K2 baba
t_ok "a clerk lists the grants" as chiba company users
t_is "… every company's" "$(sed 1d "$T/.out" | tr -s ' ' | tr '\n' ';')" \
	"K1 aoki;K2 baba;main (open to every clerk);"
t_is "… audited, as the owner's login" \
	"$(q urikake_owner "SELECT count(*) FROM audit WHERE action = 'grant' AND \"user\" <> ''")" 2

# through urikake
t_exit "aoki: --company K2 refused, exit 2" 2 as aoki --company K2 export invoices
t_grep "… naming the company and his login" "company K2 is not open to aoki: .*company grant K2 aoki" \
	"$T/.err"
t_ok "aoki: company list" as aoki company list
t_is "… K1 and main" "$(cut -d' ' -f1 "$T/.out" | tr '\n' ' ')" "K1 main "
t_ok "chiba: company list" as chiba company list
t_is "… main only" "$(cut -d' ' -f1 "$T/.out" | tr '\n' ' ')" "main "
t_ok "aoki: import customers into K1" as aoki --company K1 import customers cust.csv
t_ok "… invoices" as aoki --company K1 import invoices inv.csv
t_ok "… the bank file" as aoki --company K1 import bank a.dat
t_ok "… match --auto" as aoki --company K1 match --auto
t_grep "… matches one" "1 matched automatically" "$T/.out"
t_ok "… aging" as aoki --company K1 aging --as-of 2026-03-31 --format csv
t_grep "… K1's open invoice" "^C2,株式会社鈴木工業,JPY,.*55000" "$T/.out"
t_ok "… export invoices" as aoki --company K1 export invoices
t_is "… K1's two" "$(sed 1d "$T/.out" | wc -l | tr -d ' ')" 2
ref=$(as aoki --company K1 export allocations | awk -F, 'NR > 1 { print $1; exit }')
t_ok "… match undo" as aoki --company K1 match undo --deposit "$ref"
# a database whose clerks may not take ids from the sequences (made at
# version 18 before they were granted): match --auto goes deposit by deposit
q urikake_owner "REVOKE USAGE ON SEQUENCE allocation_id_seq, adjustment_id_seq
	FROM urikake_clerk" >/dev/null
t_ok "… match --auto without the sequences' USAGE" as aoki --company K1 match --auto
t_grep "… matches it again" "1 matched automatically" "$T/.out"
q urikake_owner "GRANT USAGE ON SEQUENCE allocation_id_seq, adjustment_id_seq
	TO urikake_clerk" >/dev/null
t_ok "… match undo again" as aoki --company K1 match undo --deposit "$ref"
t_ok "… match confirm" as aoki --company K1 match confirm --deposit "$ref" \
	--invoice INV-2603-000001
t_ok "… contact add" as aoki --company K1 contact add C2 --channel phone --note "電話: 来月払う" \
	--promise 2026-04-10:1000 --next 2026-04-05
t_ok "… confirm send" as aoki --company K1 confirm send C2 --as-of 2026-03-31 --format txt \
	-o conf/
t_ok "… confirm answer" as aoki --company K1 confirm answer C2 --balance 1000 --reason "未着"
t_ok "… statement" as aoki --company K1 statement C2 --format txt -o st/
printf 'name = K1 株式会社\naddress = 東京都\n' >k1.conf
t_ok "… company settings" as aoki --company K1 company settings k1.conf
t_is "… all of it K1's, unseen by baba's login" "$(q baba "SELECT
	(SELECT count(*) FROM contact) + (SELECT count(*) FROM confirmation) +
	(SELECT count(*) FROM allocation) + (SELECT count(*) FROM company_settings) +
	(SELECT count(*) FROM statement_issue)")" 0
t_is "… seen by aoki's" "$(q aoki "SELECT (SELECT count(*) FROM contact) > 0 AND
	(SELECT count(*) FROM confirmation) > 0 AND (SELECT count(*) FROM company_settings) > 0
	AND (SELECT count(*) FROM allocation WHERE voided_at IS NULL) > 0")" t
t_ok "the owner registers K2's receiving account" as urikake_owner company account K2 0001 001 1234567
t_exit "aoki imports a file paid into K2's account: exit 3" 3 as aoki --company K1 import bank a.dat
t_grep "… naming it" "account 0001-001-1234567 is company K2's, which is not open to aoki" "$T/.err"

# through psql: the server's rule
t_is "aoki's login counts K1's invoices only" "$(q aoki 'SELECT count(*) FROM invoice')" 2
t_is "… baba's K2's" "$(q baba 'SELECT count(*) FROM invoice')" 3
t_is "… chiba's none" "$(q chiba 'SELECT count(*) FROM invoice')" 0
t_is "… the owner's all" "$(q urikake_owner 'SELECT count(*) FROM invoice')" 5
t_is "… and all for a login that is a member of the owner role (kanri)" \
	"$(q kanri 'SELECT count(*) FROM invoice')" 5
t_is "… and aoki's deposits and audit rows are K1's or main's" "$(q aoki "SELECT
	(SELECT count(*) FROM deposit WHERE company_id NOT IN ($k1, 1)) +
	(SELECT count(*) FROM audit WHERE company_id NOT IN ($k1, 1))")" 0
t_exit "aoki cannot insert a K2 invoice" 1 q aoki "INSERT INTO invoice
	(number, customer_id, issue_date, due_date, amount, currency, company_id)
	SELECT 'X-1', min(id), '2026-03-01', '2026-03-31', 1, 'JPY', $k2 FROM customer"
t_grep "… row-level security says no" "row-level security" "$T/.err"
t_exit "… nor a K2 audit row" 1 q aoki "INSERT INTO audit (\"user\", os_user, action, entity,
	company_id) VALUES ('aoki', 'aoki', 'x', 'x', $k2)"
t_exit "… nor set company_id at all" 1 q aoki "UPDATE invoice SET company_id = $k2"
# the audit's db_user is the server's: aoki's rows name his login whatever
# --user he gave, and he may not write another's
t_ok "aoki records a contact as --user suzuki" as aoki --company K1 --user suzuki contact add C2 \
	--channel phone --note "db_user"
t_is "… its audit row: user suzuki, db_user aoki" "$(q urikake_owner "SELECT \"user\" || ' ' ||
	db_user FROM audit WHERE action <> 'lease' AND action <> 'release' ORDER BY id DESC LIMIT 1")" \
	"suzuki aoki"
t_exit "… and he cannot write an audit row naming another login" 1 q aoki "INSERT INTO audit
	(\"user\", os_user, action, entity, db_user) VALUES ('aoki', 'aoki', 'x', 'x', 'baba')"
t_grep "… permission denied" "permission denied" "$T/.err"
t_is "… an update of K2's rows touches none" \
	"$(q aoki "UPDATE invoice SET memo = 'x' WHERE company_id = $k2 RETURNING id")" ""
t_is "… they are as they were" "$(q baba "SELECT count(*) FROM invoice WHERE memo = 'x'")" 0
t_exit "aoki cannot register an account for K2" 1 q aoki "INSERT INTO company_account
	(company_id, acct_bank, acct_branch, acct_number) VALUES ($k2, '9', '9', '9')"
t_is "… but reads every company's (bank files are routed by them)" \
	"$(q aoki 'SELECT count(*) FROM company_account')" 1
t_is "… and every company" "$(q aoki 'SELECT count(*) FROM company')" 3

# a login that is only a member of the owner role: the program's own
# check opens it the companies granted to it, and what it reads there
# is not hidden by row-level security
t_exit "kanri (a member of the owner role) is refused K2, not granted to him" 2 \
	as kanri --company K2 export invoices
t_ok "… until the owner grants it" as urikake_owner company grant K2 kanri
t_ok "… then kanri exports K2's invoices" as kanri --company K2 export invoices
t_is "… all three" "$(sed 1d "$T/.out" | wc -l | tr -d ' ')" 3
t_ok "… and revokes it again" as urikake_owner company revoke K2 kanri

# revoke: K2 open to every clerk again
t_ok "the owner revokes K2 from baba" as urikake_owner company revoke K2 baba
t_is "chiba's login counts K2's invoices now" "$(q chiba 'SELECT count(*) FROM invoice')" 3
t_ok "… and chiba works in K2" as chiba --company K2 export invoices
t_is "… all three" "$(sed 1d "$T/.out" | wc -l | tr -d ' ')" 3
t_done
