#!/bin/sh
# check-sql-neutral.sh: the store's SQL is one text for SQLite and
# PostgreSQL (doc/store-dialects.md, step 2). The column user must be
# quoted: PostgreSQL reads a bare user as current_user, which in a SELECT
# or WHERE is no error but the login's name instead of the column's value.
. "${top_srcdir:-.}/tests/lib.sh"
cd "$top_srcdir" || exit 1

bad=$(perl tests/sql-user.pl src/store/*.[ch] 2>&1)
t_is "the store's SQL names the column \"user\" quoted" "$bad" ""

# The checker itself: it must see a bare user in SQL and nothing in prose.
cat >"$T/sql.c" <<'C'
static const char a[] = "SELECT a.id, a.user FROM audit a";
static const char b[] = "INSERT INTO contact (at, user, note)"
	" VALUES (?1, ?2, ?3)";
static const char c[] = " AND (?3 IS NULL OR user = ?3)";
C
cat >"$T/prose.c" <<'C'
/* the user who booked it; SELECT user FROM audit */
static const char q[] = "SELECT a.\"user\", os_user FROM audit a WHERE \"user\" = ?1";
static const char v[] = "PRAGMA user_version";
static void f(void) {
	g(_("deposit %s changed meanwhile: another user "
	    "changed it first"), ngettext("one user", "%d user", n));
}
static const struct mig { const char *sql; } migrations[] = {
	{ "CREATE TABLE t (id INTEGER, user TEXT NOT NULL)" },
};
C
perl tests/sql-user.pl "$T/sql.c" >"$T/found"
t_is "a bare user in SQL is found (three statements, three lines)" \
	"$(cut -d: -f2 "$T/found" | tr '\n' ' ')" "1 2 4 "
t_ok "comments, messages, quoted \"user\", os_user and migrations[] pass" \
	perl tests/sql-user.pl "$T/prose.c"
t_done
