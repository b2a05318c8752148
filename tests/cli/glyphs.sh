#!/bin/sh
# glyphs.sh: every character a statement or dunning letter writes is drawn.
# For each document language the statement and the three letter templates
# are rendered; each distinct character of their text layer (pdftotext) is
# drawn alone in a grid cell, regular and bold, by the same PDF code and
# default font, and the grid is rasterised (pdftoppm): a blank cell is a
# character the embedded font subset cannot draw (cairo 1.16's CFF subset
# of Noto Sans CJK SC drew 如 as nothing).
. "$top_srcdir/tests/lib.sh"

G=$top_builddir/tests/glyphgrid
for tool in pdftotext pdftoppm; do
	command -v $tool >/dev/null || t_skip_all "$tool (poppler-utils) is not installed"
done

DB=$T/g.db
U() { "$URIKAKE" --db "$DB" "$@"; }
cat >"$T/company" <<'EOF'
name = 株式会社うりかけ商事
name.zh_CN = 乌里卡克贸易（上海）有限公司
name.en = Urikake Trading Co., Ltd.
address = 〒100-0005 東京都千代田区丸の内1-1-1
address.zh_CN = 上海市浦东新区世纪大道100号
phone = 03-1234-5678
contact = 経理部 山田花子
contact.zh_CN = 财务部 王芳
registration = T1234567890123
bank = みずほ銀行 丸の内支店 普通 1234567
bank.zh_CN = 开户行：瑞穗银行上海分行 账号：1234567
EOF
cat >"$T/customers.csv" <<'EOF'
code,name,kana,currency,terms,credit_limit,sales_rep,phone,email,address
J1,株式会社テスト商事,カブシキガイシャテストショウジ,JPY,EOM/+1/EOM,,,06-1111-2222,,〒530-0001 大阪府大阪市北区梅田1-2-3
Z1,上海测试贸易有限公司,,CNY,NET30,,,021-5555-6666,,上海市浦东新区世纪大道200号
E1,Acme Corporation,,USD,NET30,,,+1 555 0100,,1 Main Street
EOF
cat >"$T/invoices.csv" <<'EOF'
number,customer,issue_date,due_date,amount,currency,tax,memo
A-1,J1,2026-01-10,2026-02-28,55000,JPY,5000,1月分
A-2,J1,2026-03-05,2026-04-30,108000,JPY,8000,食品（軽減税率）
B-1,Z1,2026-01-03,2026-02-02,1130.00,CNY,130.00,1月货款
C-1,E1,2026-01-02,2026-02-01,1500.00,USD,,consulting
EOF
t_ok "init" U init
t_ok "import customers" U import customers "$T/customers.csv"
t_ok "import invoices" U import invoices "$T/invoices.csv"

for pair in ja:J1 zh_CN:Z1 en:E1; do
	lang=${pair%:*} cust=${pair#*:}
	: >"$T/$lang.txt"
	U statement "$cust" --company "$T/company" -o "$T/s-$lang.pdf" >/dev/null 2>&1
	pdftotext "$T/s-$lang.pdf" - >>"$T/$lang.txt" 2>/dev/null
	for level in 1 2 3; do
		U dunning "$cust" --level $level --date 2026-03-31 --company "$T/company" \
			-o "$T/d$level-$lang.pdf" >/dev/null 2>&1
		pdftotext "$T/d$level-$lang.pdf" - >>"$T/$lang.txt" 2>/dev/null
	done
	t_is "$lang: a statement and three letters written" \
		"$(ls "$T"/s-$lang.pdf "$T"/d?-$lang.pdf 2>/dev/null | wc -l)" 4
	t_ok "$lang: the characters drawn in a grid" "$G" draw $lang "$T/grid-$lang.pdf" \
		<"$T/$lang.txt"
	pdftoppm -gray -r 72 "$T/grid-$lang.pdf" "$T/grid-$lang"
	t_ok "$lang: every character of the text layer is drawn" \
		"$G" check "$T"/grid-$lang*.pgm <"$T/$lang.txt"
	sed 's/^/# /' "$T/.out"
done
t_done
