#!/bin/sh
# routing.sh: bank files routed to the company that owns the receiving
# account (issue 17) — company account|accounts (audited, an account one
# company's only), a Zengin file with groups for two companies' accounts
# split in one import and recorded once per company, the re-import a no-op,
# a record into an account no company owns refused (exit 3, the record and
# account named, the database unchanged) or, with --company, given to the
# company chosen; with no accounts registered, the import is as before.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
command -v sqlite3 >/dev/null || t_skip_all "sqlite3 shell not installed"
FIX=$top_builddir/tests/bank_fixture
u() { "$URIKAKE" --db c.db "$@"; }
# the references of a company's deposits, with their accounts
deps() { u --company "$1" export deposits | sed 1d | cut -d, -f1,2 | tr '\n' ' '; }
dump() { t_dump c.db | sha256sum; }

"$FIX" accounts >two.dat
"$FIX" accounts-stranger >three.dat
t_ok "a database" u init
t_ok "a second company" u company add b "株式会社二号"

# --- with no account registered: as before ---------------------------------
t_exit "no accounts, several companies, none chosen: exit 2 as before" 2 u import bank two.dat
t_grep "… asking for one" "keeps several companies (b, main): choose one" .err
cp c.db plain.db
t_ok "no accounts, --company b: all of it b's" "$URIKAKE" --db plain.db --company b \
	import bank two.dat
t_is "… all three deposits in b" \
	"$(t_sql plain.db "SELECT company_id, count(*) FROM deposit GROUP BY 1")" "2|3"
t_is "… and no per-company line" "$(grep -c 'by company' .out)" 0

# --- company account ---------------------------------------------------------
t_ok "main owns 0001-001-1234567" u company account main 0001 001 1234567
t_grep "… said so" "^Account 0001-001-1234567 is company main's now" .out
t_ok "b owns 0001-001-7654321" u company account b 0001 001 7654321
t_ok "registering it again is a no-op" u company account b 0001 001 7654321
t_grep "… said so" "was company b's already" .out
before=$(dump)
t_exit "b cannot take main's account: exit 3" 3 u company account b 0001 001 1234567
t_grep "… naming the owner" "account 0001-001-1234567 is company main's already" .err
t_is "… nothing written" "$(dump)" "$before"
t_exit "an unknown company: exit 2" 2 u company account nosuch 0001 001 1111111
t_exit "too few words: exit 2" 2 u company account b 0001 001
t_ok "company accounts lists them" u company accounts
t_is "… by company" "$(cat .out)" "b                0001 001 7654321
main             0001 001 1234567"
t_is "… each registration audited in its company" \
	"$(t_sql c.db "SELECT c.code, a.action, a.entity FROM audit a
		JOIN company c ON c.id = a.company_id WHERE a.entity LIKE 'company_account%'
		ORDER BY a.id")" "main|add|company_account:0001-001-1234567
b|add|company_account:0001-001-7654321"

# --- one file, two companies ---------------------------------------------
t_ok "the file imports with no company chosen" u import bank two.dat
t_grep "… three new deposits" "^deposits: 3 new, 0 already imported, 0 reversed$" .out
t_grep "… saying where they went" "^deposits by company: main 1, b 2$" .out
t_is "main sees only its account's deposit" "$(deps main)" "000101,0001-001-1234567 "
t_is "b sees only its account's deposits" "$(deps b)" \
	"000102,0001-001-7654321 000103,0001-001-7654321 "
t_is "the file is recorded once per company, with its records there" \
	"$(t_sql c.db "SELECT c.code, f.records FROM bank_file f
		JOIN company c ON c.id = f.company_id ORDER BY c.code")" "b|2
main|1"
t_is "… the same hash" "$(t_sql c.db "SELECT count(DISTINCT sha256) FROM bank_file")" 1
before=$(dump)
t_ok "importing it again" u import bank two.dat
t_grep "… is a no-op" "^deposits: 0 new, 3 already imported, 0 reversed$" .out
t_grep "… known as imported before" "this file was imported before" .out
t_is "… nothing written" "$(dump)" "$before"
t_ok "… with --company main too" u --company main import bank two.dat
t_grep "… still each record to its owner" "^deposits by company: main 1, b 2$" .out
t_is "… nothing written" "$(dump)" "$before"

# --- an account no company owns ------------------------------------------
t_exit "a record into an unowned account, no company chosen: exit 3" 3 u import bank three.dat
t_grep "… naming file, record, byte and account" \
	"three.dat:RECORD 9 (byte [0-9]*): no company owns the receiving account 0001-001-5555555" .err
t_is "… nothing written (not even the other companies' records)" "$(dump)" "$before"
t_ok "with --company b it goes to b" u --company b import bank three.dat
t_grep "… one new" "^deposits: 1 new, 3 already imported, 0 reversed$" .out
t_grep "… counted for b" "^deposits by company: main 1, b 3$" .out
t_is "b has it" "$(deps b)" \
	"000101,0001-001-5555555 000102,0001-001-7654321 000103,0001-001-7654321 "
t_is "main does not" "$(deps main)" "000101,0001-001-1234567 "
t_ok "URIKAKE_COMPANY chooses as --company does" env URIKAKE_COMPANY=main \
	"$URIKAKE" --db c.db import bank three.dat
t_grep "… its unowned record goes to main (b's copy stays b's)" \
	"^deposits by company: main 2, b 2$" .out
t_is "main has it now" "$(deps main)" "000101,0001-001-1234567 000101,0001-001-5555555 "
t_done
