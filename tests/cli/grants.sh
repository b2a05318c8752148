#!/bin/sh
# grants.sh: a client company limited to some clerks (issue 17) on SQLite —
# company grant|revoke|users, audited; a company not open to the user is
# refused however it is chosen (--company, URIKAKE_COMPANY, the config's
# company =: exit 2 naming the company and the user), left out of company
# list and of the choice of the only company; only a user it is open to
# changes its grants; a bank record into its account is refused; a database without grants works as before.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
command -v sqlite3 >/dev/null || t_skip_all "sqlite3 shell not installed"
t_on_pg && t_skip_all "on PostgreSQL a grant names the server's login, not --user: tests/pg/grants.sh"
FIX=$top_builddir/tests/bank_fixture
as() { who=$1; shift; "$URIKAKE" --db c.db --user "$who" "$@"; }
audits() { sqlite3 c.db "SELECT count(*) FROM audit WHERE action IN ('grant', 'revoke')"; }
printf 'code,name\nC1,株式会社山田商事\n' >cust.csv

# one company, no grants: as before
t_ok "init" "$URIKAKE" --db c.db init
t_ok "a database with one company and no grants: no --company needed" \
	as sato import customers cust.csv
t_ok "… company users" as sato company users
t_is "… a header, then main open to every clerk" "$(cat "$T/.out")" \
	"$(printf 'company          user\nmain             (open to every clerk)')"

# two companies, k2 granted to sato only
t_ok "company add k2" as sato company add k2 "K2 株式会社"
t_ok "grant k2 to sato" as admin company grant k2 sato
t_grep "… says k2 is open to sato now" "^Company k2 is open to sato now" "$T/.out"
t_ok "grant it again (sato, whom it is open to)" as sato company grant k2 sato
t_grep "… a no-op that says so" "^Company k2 was open to sato already" "$T/.out"
t_exit "admin, whom k2 is not open to, may not grant it himself: exit 2" 2 \
	as admin company grant k2 admin
t_grep "… saying why and who may" \
	"company k2 is not open to admin, so admin may not change who it is open to" "$T/.err"
t_exit "… nor revoke sato's grant" 2 as admin company revoke k2 sato
t_is "… one audit row, not two" "$(audits)" 1
t_is "… the grant's audit row: the user, the action, the company" \
	"$(sqlite3 c.db "SELECT a.user || ' ' || a.entity || ' ' || a.after || ' ' || c.code
		FROM audit AS a JOIN company AS c ON c.id = a.company_id WHERE a.action = 'grant'")" \
	'admin company_user:k2 {"user":"sato"} k2'
t_ok "company users" as tanaka company users
t_is "… k2 sato, main open" "$(sed 1d "$T/.out")" \
	"$(printf 'k2               sato\nmain             (open to every clerk)')"
t_ok "company users k2" as tanaka company users k2
t_is "… k2's only" "$(sed 1d "$T/.out")" "k2               sato"
t_exit "company users of no such company: exit 2" 2 as tanaka company users zz

t_exit "tanaka: --company k2 refused, exit 2" 2 as tanaka --company k2 export customers
t_grep "… naming the company, the user and what to do" \
	"company k2 is not open to tanaka: .*urikake company grant k2 tanaka" "$T/.err"
t_exit "… URIKAKE_COMPANY=k2 too" 2 env URIKAKE_COMPANY=k2 "$URIKAKE" --db c.db --user tanaka \
	export customers
mkdir -p cfg/urikake
printf 'company = k2\n' >cfg/urikake/config
t_exit "… the config's company = k2 too" 2 env XDG_CONFIG_HOME="$T/cfg" URIKAKE_USER=tanaka \
	"$URIKAKE" --db c.db export customers
t_grep "… the user from URIKAKE_USER" "company k2 is not open to tanaka" "$T/.err"
t_ok "sato: --company k2 works" as sato --company k2 import customers cust.csv
t_ok "tanaka: company list" as tanaka company list
t_is "… main only" "$(cut -d' ' -f1 "$T/.out")" main
t_ok "sato: company list" as sato company list
t_is "… both" "$(cut -d' ' -f1 "$T/.out" | tr '\n' ' ')" "k2 main "
t_ok "tanaka: the only company open to him is chosen without --company" \
	as tanaka export customers
t_grep "… main's customer" "^C1,株式会社山田商事" "$T/.out"
t_exit "sato: two open, none named: exit 2" 2 as sato export customers
t_grep "… naming both" "several companies (k2, main)" "$T/.err"

# bank records into k2's account
"$FIX" transfer-a >a.dat
t_ok "k2 owns the file's account" as sato company account k2 0001 001 1234567
t_exit "tanaka imports a file paid into k2's account: exit 3" 3 as tanaka import bank a.dat
t_grep "… naming the account, the company and the user" \
	"account 0001-001-1234567 is company k2's, which is not open to tanaka" "$T/.err"
t_is "… nothing written" "$(sqlite3 c.db 'SELECT count(*) FROM deposit')" 0
t_ok "sato imports it" as sato import bank a.dat
t_is "… into k2" "$(sqlite3 c.db 'SELECT DISTINCT company_id FROM deposit')" 2

# main granted to sato too: tanaka has none
t_ok "grant main to sato" as admin company grant main sato
t_exit "tanaka: no company open to him: exit 2" 2 as tanaka export customers
t_grep "… saying so" "no company in this database is open to tanaka" "$T/.err"
t_ok "… company list prints none" as tanaka company list
t_is "… nothing" "$(cat "$T/.out")" ""

# revoke
t_ok "revoke main from sato (by sato)" as sato company revoke main sato
t_grep "… says so" "^Company main is no longer open to sato" "$T/.out"
t_ok "revoke it again (main is open to everyone now)" as admin company revoke main sato
t_grep "… a no-op that says so" "^Company main had no grant for sato" "$T/.out"
t_is "… audited: before holds the user" \
	"$(sqlite3 c.db "SELECT before FROM audit WHERE action = 'revoke'")" '{"user":"sato"}'
t_is "… three audit rows in all" "$(audits)" 3
t_ok "tanaka works in main again" as tanaka export customers
t_exit "company grant to no such company: exit 2" 2 as admin company grant zz sato
t_exit "a user name with a control character: exit 2" 2 as admin company grant k2 "$(printf 'a\tb')"
t_exit "company grant without a user: exit 2" 2 as admin company grant k2
t_done
