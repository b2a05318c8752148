#!/bin/sh
# customers-parent.sh: the customer master's payer links — the optional
# CSV columns parent (請求先: the code of the customer that pays) and
# rep_kana (代表者カナ) import, export and round-trip, a customer cannot be
# its own parent, and `match` proposes through them with the reason.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || t_skip_all "no sqlite3 shell to insert deposits"
cd "$T" || exit 1
u() { "$URIKAKE" --db p.db "$@"; }

cat >c.csv <<'CSV'
code,name,kana,rep_kana,parent
C1,株式会社ニシムラデンキ,ニシムラデンキ,,
C2,株式会社ヤマトショウジ,ヤマトショウジ,, C1 
C3,株式会社ニッポンロジスティクス,ニッポンロジスティクス,フジタ マコト,
CSV
cat >i.csv <<'CSV'
number,customer,issue_date,due_date,amount
P-1,C1,2026-01-10,2026-02-10,120000
S-1,C2,2026-01-10,2026-02-10,80000
N-1,C3,2026-01-10,2026-02-10,66000
CSV
t_ok "init" u init
t_ok "import customers with parent and rep_kana" u import customers c.csv
t_is "counts" "$(cat .out)" "customers: 3 new, 0 updated, 0 unchanged"
t_ok "import invoices" u import invoices i.csv
t_ok "export customers" u export customers
t_is "parent (trimmed) and rep_kana exported" "$(cut -d, -f1,11,12 .out)" "code,parent,rep_kana
C1,,
C2,C1,
C3,,フジタ マコト"
cp .out exported.csv
t_ok "re-import the export" u import customers exported.csv
t_is "nothing changed" "$(cat .out)" "customers: 0 new, 0 updated, 3 unchanged"
printf 'code,name,parent\nC4,株式会社ミドリ,C4\n' >self.csv
t_exit "its own parent is rejected" 3 u import customers self.csv
t_grep "… with the reason" "self.csv:2: customer C4 cannot be its own parent" .err
printf 'code,name,kana\nC2,株式会社ヤマトショウジ,ヤマトショウジ\n' >drop.csv
t_ok "a file without the columns" u import customers drop.csv
# A column the file lacks keeps its stored value (csvimport.c, as for every
# other column); this once read "clears the link" only because the stored
# parent was read after the row was freed.
t_is "… keeps the link (a column the file lacks keeps its value)" "$(cat .out)" \
	"customers: 0 new, 0 updated, 1 unchanged"
u export customers >kept.csv
t_is "… the parent is still C1" "$(grep '^C2,' kept.csv | cut -d, -f11)" C1
t_ok "restore it" u import customers c.csv

t_sql p.db "INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name,
	reference) VALUES
	('2026-03-25', '2026-03-25', 30000, 'JPY', 'ﾌｼﾞﾀ ﾏｺﾄ', '0001'),
	('2026-03-25', '2026-03-25', 80000, 'JPY', 'ｶ)ﾆｼﾑﾗﾃﾞﾝｷ', '0002')"
t_ok "show the owner's partial payment" u match show --deposit 0001
t_grep "the representative is named" \
	"payer ﾌｼﾞﾀ ﾏｺﾄ = representative of 株式会社ニッポンロジスティクス" .out
t_ok "show the parent's payment" u match show --deposit 0002
t_grep "paid by the parent for its subsidiary" \
	"payer ｶ)ﾆｼﾑﾗﾃﾞﾝｷ → 株式会社ヤマトショウジ, paid by parent 株式会社ニシムラデンキ" .out
t_ok "match --auto" u match --auto
t_is "the owner's partial is held, the parent's exact payment matched" \
	"$(t_sql p.db "SELECT reference, state FROM deposit ORDER BY reference")" \
	"0001|unmatched
0002|matched"
t_done
