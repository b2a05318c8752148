#!/usr/bin/env python3
"""Independent test-world generator for urikake's matching engine.

Written without looking at the engine or the team's scenario generator: the
books below follow how (this author thinks) a Japanese / Chinese office's
receivables look.  Usage:

    world.py --world office|heavy|wholesale --seed N --out DIR

Writes into DIR:
    customers.csv                 UTF-8 with BOM
    history-invoices.csv          invoices issued 2026-04..09 still open on 10-01
    month1-invoices.csv           invoices issued in 2026-10
    month2-invoices.csv           invoices issued in 2026-11
    month1-furikomi.dat           Zengin 振込入金通知 (CP932, 200-byte records)
    month1-ccb.csv                CCB 账户明细 export (GB18030)   (if CNY deposits)
    month2-furikomi.dat, month2-ccb.csv
    month1-truth.json, month2-truth.json
    manifest.json

Money is kept in minor units (yen, fen) internally.
"""
import argparse
import datetime as dt
import json
import os
import random
import unicodedata
import zlib
from collections import defaultdict

D = dt.date
DAY = dt.timedelta(days=1)
OCT1 = D(2026, 10, 1)
NOV1 = D(2026, 11, 1)
DEC1 = D(2026, 12, 1)
HIST0 = D(2026, 4, 1)

# ---------------------------------------------------------------- calendars
JP_HOL = {D(2026, 4, 29), D(2026, 5, 4), D(2026, 5, 5), D(2026, 5, 6),
          D(2026, 7, 20), D(2026, 8, 11), D(2026, 9, 21), D(2026, 9, 22),
          D(2026, 9, 23), D(2026, 10, 12), D(2026, 11, 3), D(2026, 11, 23),
          D(2026, 12, 31), D(2027, 1, 1), D(2027, 1, 2), D(2027, 1, 3),
          D(2027, 1, 11)}
CN_HOL = {D(2026, 10, d) for d in range(1, 8)} | {D(2026, 9, 25), D(2027, 1, 1)}


def is_biz(d, cur="JPY"):
    if d.weekday() >= 5:
        return False
    return d not in (CN_HOL if cur == "CNY" else JP_HOL)


def prev_biz(d, cur="JPY"):
    while not is_biz(d, cur):
        d -= DAY
    return d


def next_biz(d, cur="JPY"):
    while not is_biz(d, cur):
        d += DAY
    return d


def eom(y, m):
    return (D(y + (m == 12), m % 12 + 1, 1) - DAY)


def add_months(y, m, k):
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def due_from_terms(terms, issue):
    """Due date from the README's terms grammar (no holiday suffix used)."""
    if terms.startswith("NET"):
        return issue + dt.timedelta(days=int(terms[3:]))
    close, plus, pay = terms.split("/")
    plus = int(plus[1:])
    y, m = issue.year, issue.month
    if close == "EOM" or int(close) >= eom(y, m).day:
        cdate = eom(y, m)
    else:
        c = int(close)
        if issue.day <= c:
            cdate = D(y, m, c)
        else:
            y2, m2 = add_months(y, m, 1)
            cdate = D(y2, m2, min(c, eom(y2, m2).day))
    y3, m3 = add_months(cdate.year, cdate.month, plus)
    if pay == "EOM":
        return eom(y3, m3)
    return D(y3, m3, min(int(pay), eom(y3, m3).day))


def closing_dates(close, start, end):
    """All closing dates for CLOSE in [start, end]."""
    out = []
    y, m = start.year, start.month
    while True:
        if close == "EOM":
            c = eom(y, m)
        else:
            c = D(y, m, min(int(close), eom(y, m).day))
        if c > end:
            return out
        if c >= start:
            out.append(c)
        y, m = add_months(y, m, 1)


# ------------------------------------------------------------ kana handling
_F2H = {}
for _cp in range(0xFF66, 0xFF9E):
    _h = chr(_cp)
    _F2H.setdefault(unicodedata.normalize("NFKC", _h), _h)
_SMALL = str.maketrans("ァィゥェォャュョッヮヵヶ", "アイウエオヤユヨツワカケ")


def bank_kana(s):
    """Full- or half-width katakana -> what a Japanese bank transmits."""
    s = unicodedata.normalize("NFKC", s).translate(_SMALL)
    out = []
    for ch in s:
        if ch in "ーｰ‐−–—―":
            out.append("-")
            continue
        if ch in " 　・":
            out.append(" ")
            continue
        if ch in "()-./,":
            out.append(ch)
            continue
        if ch.isascii() and ch.isalnum():
            out.append(ch.upper())
            continue
        n = unicodedata.normalize("NFD", ch)
        base = n[0]
        if base == "ヲ":
            base = "オ"
        if base not in _F2H:
            raise ValueError("no half-width form for %r in %r" % (ch, s))
        out.append(_F2H[base])
        for mk in n[1:]:
            out.append({"\u3099": "ﾞ", "\u309a": "ﾟ"}[mk])
    return "".join(out)


def cut_bytes(s, n):
    """Cut a half-width string to n bytes without orphaning ﾞ/ﾟ."""
    if len(s) <= n:
        return s
    t = s[:n]
    if s[n] in "ﾞﾟ":
        t = t[:-1]
    return t


def hw(s):
    """Half-width rendering of full-width katakana (for master data)."""
    return bank_kana(s)


# --------------------------------------------------------------- name pools
SURN = [("山田", "ヤマダ"), ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"),
        ("田中", "タナカ"), ("伊藤", "イトウ"), ("渡辺", "ワタナベ"), ("中村", "ナカムラ"),
        ("小林", "コバヤシ"), ("加藤", "カトウ"), ("吉田", "ヨシダ"), ("松本", "マツモト"),
        ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"), ("清水", "シミズ"),
        ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"), ("石川", "イシカワ"),
        ("前田", "マエダ"), ("藤田", "フジタ"), ("岡田", "オカダ"), ("後藤", "ゴトウ"),
        ("長谷川", "ハセガワ"), ("村上", "ムラカミ"), ("近藤", "コンドウ"), ("坂本", "サカモト"),
        ("遠藤", "エンドウ"), ("青木", "アオキ"), ("西村", "ニシムラ"), ("福田", "フクダ"),
        ("太田", "オオタ"), ("三浦", "ミウラ"), ("藤井", "フジイ"), ("岡本", "オカモト"),
        ("中川", "ナカガワ"), ("原田", "ハラダ"), ("小野", "オノ"), ("竹内", "タケウチ"),
        ("金子", "カネコ"), ("和田", "ワダ"), ("中野", "ナカノ"), ("今井", "イマイ"),
        ("河野", "コウノ"), ("武田", "タケダ"), ("上野", "ウエノ"), ("杉山", "スギヤマ"),
        ("千葉", "チバ"), ("村田", "ムラタ"), ("増田", "マスダ"), ("小山", "コヤマ"),
        ("大塚", "オオツカ"), ("平野", "ヒラノ"), ("菅原", "スガワラ"), ("久保", "クボ"),
        ("松井", "マツイ"), ("野口", "ノグチ"), ("堀", "ホリ"), ("宮崎", "ミヤザキ")]
PLACE = [("東洋", "トウヨウ"), ("北陸", "ホクリク"), ("東海", "トウカイ"), ("関東", "カントウ"),
         ("湘南", "ショウナン"), ("瀬戸内", "セトウチ"), ("富士", "フジ"), ("大和", "ヤマト"),
         ("日進", "ニッシン"), ("光洋", "コウヨウ"), ("三和", "サンワ"), ("共栄", "キョウエイ"),
         ("協和", "キョウワ"), ("昭和", "ショウワ"), ("平和", "ヘイワ"), ("丸三", "マルサン"),
         ("山一", "ヤマイチ"), ("新栄", "シンエイ"), ("朝日", "アサヒ"), ("八洲", "ヤシマ"),
         ("武蔵野", "ムサシノ"), ("相模", "サガミ"), ("房総", "ボウソウ"), ("常磐", "ジョウバン"),
         ("信州", "シンシュウ"), ("浪速", "ナニワ"), ("筑紫", "ツクシ"), ("北斗", "ホクト"),
         ("南海", "ナンカイ"), ("西進", "セイシン"), ("大成", "タイセイ"), ("千代田", "チヨダ")]
KATA = [("テクノ", "テクノ"), ("グリーン", "グリーン"), ("サンライズ", "サンライズ"),
        ("エース", "エース"), ("フロンティア", "フロンティア"), ("ネクスト", "ネクスト"),
        ("アーバン", "アーバン"), ("ベスト", "ベスト"), ("オリオン", "オリオン"),
        ("ユニティ", "ユニティ"), ("ヴィスタ", "ヴィスタ"), ("キャピタル", "キャピタル"),
        ("ジェイ・ワークス", "ジェイワークス"), ("ファースト", "ファースト")]
SUFF = [("商事", "ショウジ"), ("工業", "コウギョウ"), ("建設", "ケンセツ"), ("電機", "デンキ"),
        ("運輸", "ウンユ"), ("食品", "ショクヒン"), ("印刷", "インサツ"), ("設備", "セツビ"),
        ("産業", "サンギョウ"), ("物産", "ブッサン"), ("技研", "ギケン"), ("製作所", "セイサクショ"),
        ("興産", "コウサン"), ("塗装", "トソウ"), ("電設", "デンセツ"), ("精機", "セイキ"),
        ("化成", "カセイ"), ("不動産", "フドウサン"), ("開発", "カイハツ"), ("企画", "キカク"),
        ("工務店", "コウムテン"), ("鋼材", "コウザイ"), ("木材", "モクザイ"), ("酒販", "シュハン"),
        ("青果", "セイカ"), ("水産", "スイサン"), ("紙業", "シギョウ"), ("硝子", "ガラス"),
        ("梱包", "コンポウ"), ("物流", "ブツリュウ")]
KSUFF = [("システムズ", "システムズ"), ("ソリューションズ", "ソリューションズ"),
         ("サービス", "サービス"), ("プランニング", "プランニング"),
         ("トレーディング", "トレーディング"), ("エンジニアリング", "エンジニアリング"),
         ("デザイン", "デザイン"), ("ラボ", "ラボ")]
GIVEN = [("太郎", "タロウ"), ("一郎", "イチロウ"), ("健一", "ケンイチ"), ("誠", "マコト"),
         ("浩", "ヒロシ"), ("直樹", "ナオキ"), ("修", "オサム"), ("花子", "ハナコ"),
         ("由美", "ユミ"), ("京子", "キョウコ"), ("翔太", "ショウタ"), ("恵", "メグミ")]
BRANCH = [("大阪支店", "オオサカシテン"), ("名古屋支店", "ナゴヤシテン"),
          ("福岡営業所", "フクオカエイギョウショ"), ("仙台支店", "センダイシテン"),
          ("本社経理部", "ホンシャケイリブ"), ("横浜支店", "ヨコハマシテン")]

# legal forms: kanji, kana reading, bank abbreviation, bank spelled-out forms
LEGAL = {
    "kk": ("株式会社", "カブシキガイシャ", "ｶ", ["ｶﾌﾞｼｷｶﾞｲｼﾔ"]),
    "yk": ("有限会社", "ユウゲンガイシャ", "ﾕ", ["ﾕｳｹﾞﾝｶﾞｲｼﾔ"]),
    "gk": ("合同会社", "ゴウドウガイシャ", "ﾄﾞ", ["ｺﾞｳﾄﾞｳｶﾞｲｼﾔ"]),
    "gs": ("合資会社", "ゴウシガイシャ", "ｼ", ["ｺﾞｳｼｶﾞｲｼﾔ"]),
    "iryo": ("医療法人社団", "イリョウホウジンシャダン", "ｲ", ["ｲﾘﾖｳﾎｳｼﾞﾝ", "ｲﾘﾖｳﾎｳｼﾞﾝｼﾔﾀﾞﾝ"]),
    "fuku": ("社会福祉法人", "シャカイフクシホウジン", "ﾌｸ", ["ｼﾔｶｲﾌｸｼﾎｳｼﾞﾝ"]),
    "gaku": ("学校法人", "ガッコウホウジン", "ｶﾞｸ", ["ｶﾞﾂｺｳﾎｳｼﾞﾝ"]),
    "zai": ("一般財団法人", "イッパンザイダンホウジン", "ｻﾞｲ", ["ｻﾞｲﾀﾞﾝﾎｳｼﾞﾝ", "ｲﾂﾊﾟﾝｻﾞｲﾀﾞﾝﾎｳｼﾞﾝ"]),
    "sha": ("一般社団法人", "イッパンシャダンホウジン", "ｼﾔ", ["ｼﾔﾀﾞﾝﾎｳｼﾞﾝ"]),
    "llp": ("有限責任事業組合", "ユウゲンセキニンジギョウクミアイ", None, ["ﾕｳｹﾞﾝｾｷﾆﾝｼﾞｷﾞﾖｳｸﾐｱｲ"]),
}
SPELLED_TAG = {"iryo", "fuku", "gaku", "zai", "sha", "llp"}

CN_CITY = ["上海", "苏州", "宁波", "杭州", "无锡", "深圳", "广州", "天津", "青岛", "大连",
           "南京", "厦门", "常州", "东莞", "佛山", "合肥"]
CN_WORD = ["华东", "恒通", "鑫达", "宏远", "金桥", "瑞丰", "永信", "天成", "中联", "博创",
           "嘉禾", "盛世", "汇丰", "明辉", "新源", "长江", "海天", "正泰", "富邦", "聚力"]
CN_IND = ["电子", "化工", "贸易", "机械", "纺织", "物流", "科技", "精密", "包装", "食品",
          "五金", "塑胶", "材料", "自动化"]
CN_FORM = ["有限公司", "有限公司", "有限公司", "股份有限公司", "贸易有限公司"]
CN_BANKS = ["中国工商银行", "中国建设银行", "中国银行", "交通银行", "招商银行", "浦发银行",
            "中信银行", "兴业银行"]
CN_PEOPLE = ["王芳", "李伟", "张敏", "刘洋", "陈静", "杨磊"]

JP_BANKS = [("ﾐｽﾞﾎ", ["ﾄｳｷﾖｳ", "ｼﾝｼﾞﾕｸ", "ｳﾒﾀﾞ"]), ("ﾐﾂｲｽﾐﾄﾓ", ["ｷﾞﾝｻﾞ", "ﾅﾝﾊﾞ", "ｻｶｴ"]),
            ("ﾘｿﾅ", ["ｲｹﾌﾞｸﾛ", "ｾﾝﾆﾁﾏｴ"]), ("ﾖｺﾊﾏ", ["ﾎﾝﾃﾝ", "ﾌｼﾞｻﾜ"]),
            ("ｼｽﾞｵｶ", ["ﾎﾝﾃﾝ", "ﾇﾏﾂﾞ"]), ("ﾁﾊﾞ", ["ﾎﾝﾃﾝ"]), ("ｼﾖｳｺｳﾁﾕｳｷﾝ", ["ﾎﾝﾃﾝ"]),
            ("ｼﾞﾔﾊﾟﾝﾈﾂﾄ", ["ﾎﾝﾃﾝ"]), ("ｽﾙｶﾞ", ["ｺﾞﾃﾝﾊﾞ"]), ("ﾕｳﾁﾖ", ["ｾﾞﾛｲﾁﾊﾁ"])]

STD_FEE_TIERS = [(440, 660), (220, 440), (330, 440), (660, 880), (770, 880),
                 (154, 220), (110, 220), (550, 770), (440, 440), (660, 660)]
ODD_FEES = [145, 172, 209, 253, 418]
STD_FEES = {110, 154, 165, 220, 275, 330, 385, 440, 495, 550, 660, 770, 880, 990, 1100,
            108, 216, 324, 432, 540, 648, 864}


# ------------------------------------------------------------------ money
def fmt_minor(v, cur):
    if cur == "CNY":
        s = "-" if v < 0 else ""
        v = abs(v)
        return "%s%d.%02d" % (s, v // 100, v % 100)
    return str(v)


def fmt_invoice_amount(v, cur, rng):
    """Amount as a sales system might export it."""
    if cur == "CNY":
        return fmt_minor(v, cur)
    if v < 0:
        return rng.choice(["-%d" % -v, "△{:,}".format(-v), "-%d" % -v])
    if v >= 1000 and rng.random() < 0.25:
        return "{:,}".format(v)
    return str(v)


# ------------------------------------------------------------------ model
class Inv:
    __slots__ = ("num", "cust", "issue", "due", "amount", "tax", "memo", "cur",
                 "kind", "period", "write_due", "extra_base")

    def __init__(self, num, cust, issue, due, amount, tax, memo, cur, kind="normal",
                 period=None, write_due=True):
        self.num, self.cust, self.issue, self.due = num, cust, issue, due
        self.amount, self.tax, self.memo, self.cur = amount, tax, memo, cur
        self.kind, self.period, self.write_due = kind, period, write_due


class Cust:
    def __init__(self, code):
        self.code = code
        self.name = ""
        self.kana = ""
        self.cur = "JPY"
        self.terms = "EOM/+1/EOM"
        self.arche = "project"
        self.payer = ""           # the name the bank sends
        self.payer_tags = []
        self.fee = None           # ("tier", lo, hi) | ("flat", x) | None
        self.late = 0             # usual lateness in days vs due
        self.late_kind = "punctual"
        self.holiday = "prev"
        self.style = "batch"
        self.dispute_p = 0.0
        self.parent = ""
        self.rep_kana = ""
        self.sales_rep = ""
        self.extra = {}
        self.invs = []


class Event:
    """One planned deposit."""
    _seq = 0

    def __init__(self, date, custs, payer, cur, lines, amount, kind, tags=None,
                 deductions=None, edi=""):
        Event._seq += 1
        self.seq = Event._seq
        self.date, self.custs, self.payer, self.cur = date, custs, payer, cur
        self.lines = lines          # list of [Inv, cleared]
        self.amount = amount
        self.kind = kind
        self.tags = set(tags or [])
        self.deductions = deductions or {}
        self.edi = edi
        self.ref = ""
        self.on_account = 0
        self.alternatives = []
        self.on_account_cust = custs[0] if custs else ""


# ------------------------------------------------------------ the generator
class World:
    def __init__(self, world, seed):
        self.world = world
        self.seed = seed
        self.rng = random.Random("%s-%d" % (world, seed))
        self.custs = []
        self.events = []
        self.inv_seq = defaultdict(int)
        self.used_kana = set()
        self.noncust = []
        self.dispute_range = (0.25, 0.5) if world == "heavy" else (0.12, 0.35)
        Event._seq = 0

    # -- numbering
    def inv_no(self, issue, prefix="S"):
        key = (prefix, issue.year, issue.month)
        self.inv_seq[key] += 1
        return "%s%02d%02d-%05d" % (prefix, issue.year % 100, issue.month,
                                   self.inv_seq[key])

    # -- names
    def jp_name(self, form=None):
        r = self.rng
        for _ in range(200):
            if form is None:
                form = r.choices(["kk", "yk", "gk", "gs", "iryo", "fuku", "gaku", "zai",
                                  "sha", "llp", "kojin"],
                                 [58, 14, 5, 1.5, 5, 3, 2.5, 2, 2.5, 1.5, 5])[0]
            if form == "iryo":
                root = r.choice(SURN + PLACE)
                body = r.choice([(root[0] + "会", root[1] + "カイ"),
                                 (root[0] + "クリニック", root[1] + "クリニック"),
                                 (root[0] + "歯科医院", root[1] + "シカイイン")])
            elif form == "fuku":
                root = r.choice(PLACE + SURN)
                body = r.choice([(root[0] + "福祉会", root[1] + "フクシカイ"),
                                 (root[0] + "厚生会", root[1] + "コウセイカイ")])
            elif form == "gaku":
                root = r.choice(PLACE)
                body = (root[0] + "学園", root[1] + "ガクエン")
            elif form in ("zai", "sha"):
                root = r.choice(PLACE)
                body = r.choice([(root[0] + "振興協会", root[1] + "シンコウキョウカイ"),
                                 (root[0] + "技術センター", root[1] + "ギジュツセンター"),
                                 (root[0] + "協会", root[1] + "キョウカイ")])
            elif form == "llp":
                a = r.choice(KATA)
                b = r.choice(KSUFF)
                body = (a[0] + b[0], a[1] + b[1])
            elif form == "kojin":
                root = r.choice(SURN)
                s = r.choice(SUFF[:20])
                body = (root[0] + s[0], root[1] + s[1])
            else:
                x = r.random()
                if x < 0.45:
                    a, b = r.choice(SURN), r.choice(SUFF)
                elif x < 0.8:
                    a, b = r.choice(PLACE), r.choice(SUFF)
                else:
                    a, b = r.choice(KATA), r.choice(KSUFF + SUFF[:6])
                body = (a[0] + b[0], a[1] + b[1])
            if body[1] in self.used_kana:
                form = None if form not in ("kk", "yk") else form
                continue
            self.used_kana.add(body[1])
            return form, body
        raise RuntimeError("name pool exhausted")

    def set_jp_identity(self, c, form=None):
        r = self.rng
        form, (bk, bkana) = self.jp_name(form)
        c.extra["form"] = form
        c.extra["body_kana"] = bkana
        if form == "kojin":
            c.name = bk
            g = r.choice(GIVEN)
            sur = None
            for s in SURN:
                if bkana.startswith(s[1]):
                    sur = s
            sur = sur or r.choice(SURN)
            c.rep_kana = sur[1] + " " + g[1]
            c.kana = bkana
            c.payer = bank_kana(sur[1] + " " + g[1])
            c.payer_tags = ["owner"]
            c.extra["pos"] = "none"
            return
        kj, fk, abbr, spelled = LEGAL[form]
        pos = "post" if form == "llp" else ("pre" if r.random() < 0.62 or form in SPELLED_TAG
                                            else "post")
        c.extra["pos"] = pos
        c.name = (kj + bk) if pos == "pre" else (bk + kj)
        # the master kana: several office habits
        x = r.random()
        if x < 0.5:
            c.kana = bkana
        elif x < 0.72:
            c.kana = (fk + bkana) if pos == "pre" else (bkana + fk)
        elif x < 0.92 and abbr:
            c.kana = ("%s)%s" % (abbr, hw(bkana))) if pos == "pre" else ("%s(%s" % (hw(bkana), abbr))
        else:
            c.kana = hw(bkana)
        # the bank name
        hb = bank_kana(bkana)
        tags = []
        use_spelled = abbr is None or (form in SPELLED_TAG and r.random() < 0.55) or \
            (form in ("kk", "yk", "gk") and r.random() < 0.05)
        if use_spelled:
            sp = r.choice(spelled)
            payer = (sp + hb) if pos == "pre" else (hb + sp)
            tags.append("spelled_form")
            c.extra["spelled"] = sp
        else:
            payer = ("%s)%s" % (abbr, hb)) if pos == "pre" else ("%s(%s" % (hb, abbr))
        if r.random() < 0.04:
            b = r.choice(BRANCH)
            if pos == "pre":
                payer = payer + " " + bank_kana(b[1])
            else:
                payer = "%s(%s)%s" % (hb, abbr or "ｶ", bank_kana(b[1]))
            tags.append("branch")
        if r.random() < 0.02:
            payer = "%d %s" % (r.randint(1000, 999999), payer)
            tags.append("payer_no")
        c.payer = cut_bytes(payer, 48)
        if len(payer) > 48:
            tags.append("cut48")
        c.payer_tags = tags

    def set_cn_identity(self, c):
        r = self.rng
        for _ in range(200):
            city, w, ind, f = r.choice(CN_CITY), r.choice(CN_WORD), r.choice(CN_IND), r.choice(CN_FORM)
            name = city + w + ind + f
            if name not in self.used_kana:
                self.used_kana.add(name)
                break
        c.name = name
        c.kana = ""
        c.cur = "CNY"
        c.payer = name
        c.payer_tags = []
        c.extra.update(city=city, word=w, ind=ind)

    # -- customer habits
    def habits(self, c, troubled_p, behind_p):
        r = self.rng
        if c.cur == "JPY":
            x = r.random()
            if x < 0.55:
                c.fee = None
            elif x < 0.94:
                lo, hi = r.choice(STD_FEE_TIERS)
                c.fee = ("tier", lo, hi)
            else:
                c.fee = ("flat", r.choice(ODD_FEES))
        x = r.random()
        if c.arche not in ("project", "cny"):
            behind_p = 0
        if x < behind_p:
            c.late_kind = "behind"
            c.late = r.choice([r.randint(27, 36), r.randint(55, 66)])
        elif x < behind_p + 0.12:
            c.late_kind = "early"
            c.late = -r.randint(2, 8)
        elif x < behind_p + 0.35:
            c.late_kind = "late"
            c.late = r.randint(1, 12)
        else:
            c.late_kind = "punctual"
            c.late = 0
        c.holiday = "prev" if r.random() < 0.7 else "next"
        if r.random() < troubled_p:
            c.dispute_p = r.uniform(*self.dispute_range)
        c.sales_rep = r.choice(["営業1課 佐々木", "営業2課 大野", "営業1課 石田", "東京営業所 森",
                                "大阪営業所 辻", "海外営業部 周"])

    def pay_date(self, c, due):
        r = self.rng
        d = due + dt.timedelta(days=c.late)
        if r.random() < 0.25:
            d += dt.timedelta(days=r.choice([-2, -1, 1, 1, 2, 3]))
        if not is_biz(d, c.cur):
            d = prev_biz(d, c.cur) if c.holiday == "prev" else next_biz(d, c.cur)
        return d

    def fee_for(self, c, gross):
        if c.fee is None or c.cur != "JPY":
            return 0
        if self.rng.random() < 0.05:
            return 0          # this time they paid the fee themselves
        if c.fee[0] == "flat":
            f = c.fee[1]
        else:
            f = c.fee[1] if gross < 30000 else c.fee[2]
        return f if f < gross // 3 else 0

    # ------------------------------------------------------------ invoices
    def jp_amount(self, lo, hi, step=100):
        while True:
            base = int(round(self.rng.lognormvariate(0, 1) * (lo + hi) / 6 / step)) * step
            if lo <= base <= hi:
                break
        tax = base // 10
        return base + tax, tax

    def cn_amount(self, lo, hi):
        v = self.rng.uniform(lo, hi)
        fen = int(v * 100)
        if self.rng.random() < 0.5:
            fen = fen // 100 * 100
        return fen, int(round(fen * 13 / 113))

    def mk_inv(self, c, issue, amount, tax, memo, kind="normal", due=None, prefix="S",
               write_due=True):
        due = due or due_from_terms(c.terms, issue)
        inv = Inv(self.inv_no(issue, prefix), c.code, issue, due, amount, tax, memo, c.cur,
                  kind, write_due=write_due)
        c.invs.append(inv)
        return inv

    def gen_general_invoices(self, c):
        r = self.rng
        months = [(2026, m) for m in range(4, 12)]
        if c.arche in ("fixed", "fixed2", "mixed"):
            amt = c.extra["fixed"]
            day = c.extra["fixday"]
            for (y, m) in months:
                issue = eom(y, m) if day == "EOM" else D(y, m, day)
                n = 2 if c.arche == "fixed2" else 1
                for k in range(n):
                    self.mk_inv(c, issue, amt, amt // 11, "%d月分 %s" % (m, c.extra["fixmemo"]),
                                kind="fixed")
        if c.arche in ("project", "mixed", "cny"):
            for (y, m) in months:
                k = r.choices([0, 1, 2, 3, 4], [1, 3, 4, 3, 2])[0] if c.arche != "mixed" else r.choice([0, 1])
                for _ in range(k):
                    issue = D(y, m, r.randint(1, eom(y, m).day)) if r.random() < 0.6 else eom(y, m)
                    if c.cur == "CNY":
                        a, t = self.cn_amount(3000, 180000)
                    else:
                        a, t = self.jp_amount(20000, 5000000, c.extra.setdefault(
                            "step", r.choices([1, 10, 100, 1000], [3, 3, 3, 1])[0]))
                    self.mk_inv(c, issue, a, t, r.choice(["%d月分 作業費" % m, "工事代金", "部品代",
                                                          "業務委託料", "货款", "%d月納品分" % m]))
        if c.arche == "small":
            prices = c.extra["prices"]
            for (y, m) in months:
                for _ in range(r.randint(5, 15)):
                    issue = D(y, m, r.randint(1, eom(y, m).day))
                    a = r.choice(prices)
                    self.mk_inv(c, issue, a, a // 11, "配送料 %d/%d" % (m, issue.day))
        c.invs.sort(key=lambda i: (i.due, i.issue, i.num))

    # ------------------------------------------------------------ payments
    def plan_general(self, c, heavy):
        r = self.rng
        invs = [i for i in c.invs]
        disputed = set()
        for i in invs:
            if c.dispute_p and r.random() < c.dispute_p and i.due < NOV1:
                disputed.add(i.num)
        # a spot order paid in advance: money on account until the invoice exists
        prepaid = []
        if c.arche in ("project",) and r.random() < 0.03:
            cand = [i for i in invs if i.issue >= D(2026, 10, 8) and i.issue.day >= 8
                    and i.issue < D(2026, 11, 28)]
            if cand:
                p = r.choice(cand)
                if sum(1 for i in invs if abs(i.amount - p.amount) <= 1100) == 1:
                    prepaid.append(p)
                    disputed.add(p.num)     # never paid again
        # group by payment occasion
        groups = defaultdict(list)
        for i in invs:
            if i.num in disputed:
                continue
            if c.style == "batch":
                groups[("d", i.due)].append(i)
            else:
                groups[("i", i.num)].append(i)
        carry = []   # [inv, remaining] partially paid
        occasions = sorted(groups.items(), key=lambda kv: (kv[1][0].due, kv[1][0].num))
        for key, g in occasions:
            date = self.pay_date(c, g[0].due)
            if date >= DEC1:
                continue
            # never pay an invoice before it exists (pre-payers still wait)
            if any(i.issue > date for i in g):
                date = next_biz(max(i.issue for i in g) + DAY, c.cur)
            lines = [[i, i.amount] for i in g]
            tags = set()
            kind = "exact" if len(g) == 1 else "multi"
            on_acc = 0
            in_world = date >= OCT1
            if in_world and carry and r.random() < 0.75:
                lines = carry + lines
                carry = []
                tags.add("remainder")
                kind = "multi"
            gross = sum(x[1] for x in lines)
            if in_world and c.arche in ("project", "cny") and r.random() < (0.06 if heavy else 0.035):
                # partial payment: oldest first, the last one partly
                if c.cur == "CNY":
                    pay = int(gross * r.choice([0.3, 0.5, 0.6])) // 10000 * 10000
                else:
                    pay = int(gross * r.choice([0.3, 0.5, 0.7])) // 10000 * 10000
                if pay > 0 and pay < gross and all(abs(i.amount - pay) > 1100 for i in invs):
                    rest = pay
                    new = []
                    for inv, amt in lines:
                        if rest <= 0:
                            carry.append([inv, amt])
                            continue
                        part = min(amt, rest)
                        new.append([inv, part])
                        rest -= part
                        if part < amt:
                            carry.append([inv, amt - part])
                    lines = new
                    kind = "partial"
                    gross = pay
            elif in_world and r.random() < 0.025 and c.arche in ("project", "cny"):
                # overpayment kept on account: rounded up to a round sum
                if c.cur == "CNY":
                    on_acc = (-gross) % 100000 or 100000
                else:
                    on_acc = (-gross) % 10000 or 10000
                kind = "over"
            fee = 0
            if kind != "partial":
                fee = self.fee_for(c, gross)
            if fee:
                tags.add("fee")
                if kind in ("exact", "multi"):
                    if fee in STD_FEES:
                        kind = "fee"
                    else:
                        kind = "fee_odd"
                if fee not in STD_FEES:
                    tags.add("fee_odd")
                if len(lines) > 1:
                    tags.add("multi")
            amount = gross - fee + on_acc
            ev = Event(date, [c.code], c.payer, c.cur, lines, amount, kind, tags,
                       {"bank_fee": fee} if fee else {})
            ev.on_account = on_acc
            self.events.append(ev)
        # catch-up: a troubled customer finally pays one disputed invoice with the current one
        # (the current bill plus the oldest disputed one; another old one of the same
        # amount is an equally good reading, so it is listed as an alternative)
        if heavy and disputed and r.random() < 0.25:
            cands = [e for e in self.events if e.custs == [c.code] and e.date >= OCT1
                     and e.kind in ("exact", "fee", "fee_odd") and len(e.lines) == 1]
            if cands:
                e = r.choice(cands)
                olds = sorted((i for i in invs if i.num in disputed and i.due < OCT1
                               and i not in prepaid), key=lambda i: (i.due, i.num))
                if olds:
                    old = olds[0]
                    cur_inv = e.lines[0][0]
                    e.lines.insert(0, [old, old.amount])
                    e.amount += old.amount
                    e.kind = "catchup"
                    e.tags.add("multi")
                    e.fixed_alts = [[o.num, cur_inv.num] for o in olds[1:] if o.amount == old.amount]
        for inv in prepaid:
            d = prev_biz(inv.issue - dt.timedelta(days=r.randint(2, 6)), c.cur)
            ev = Event(d, [c.code], c.payer, c.cur, [], inv.amount, "prepay", {"future_inv"})
            ev.on_account = inv.amount
            self.events.append(ev)

    # --------------------------------------------------------- worlds
    def build_general_customers(self, n, cny_share, troubled_p, behind_p, mix):
        r = self.rng
        for k in range(n):
            c = Cust("TK%04d" % (1001 + len(self.custs) * 3 + r.randint(0, 2)))
            if r.random() < cny_share:
                self.set_cn_identity(c)
                c.arche = "cny"
                c.terms = r.choice(["NET30", "NET60", "EOM/+1/EOM", "EOM/+2/EOM"])
                c.style = r.choice(["batch", "each"])
            else:
                self.set_jp_identity(c)
                c.arche = r.choices(list(mix), list(mix.values()))[0]
                c.style = "batch" if r.random() < (0.25 if self.world == "heavy" else 0.35) else "each"
                if c.arche in ("fixed", "fixed2", "mixed"):
                    c.extra["fixed"] = r.choice([16500, 22000, 27500, 33000, 44000, 55000, 66000,
                                                 77000, 88000, 110000, 132000, 165000, 220000,
                                                 330000, 550000])
                    c.extra["fixday"] = r.choice([1, 25, "EOM", "EOM", 20])
                    c.extra["fixmemo"] = r.choice(["保守料", "顧問料", "リース料", "システム利用料",
                                                   "清掃業務委託料", "警備料"])
                    c.terms = r.choice(["EOM/+1/EOM", "EOM/+1/EOM", "NET30", "EOM/+1/27"])
                    if c.arche == "fixed2":
                        c.style = r.choice(["batch", "each"])
                elif c.arche == "small":
                    base = r.choice([1100, 1650, 2200, 550])
                    c.extra["prices"] = sorted({base * k for k in r.sample(range(1, 13), 5)})
                    c.terms = "EOM/+1/EOM"
                    c.style = "batch"
                else:
                    c.terms = r.choice(["EOM/+1/EOM", "EOM/+1/EOM", "NET30", "20/+1/10",
                                        "EOM/+2/10", "25/+1/EOM"])
            self.habits(c, troubled_p, behind_p)
            self.custs.append(c)

    def gen(self):
        w = self.world
        if w == "office":
            self.build_general_customers(300, 0.08, 0.06, 0.06,
                                         {"fixed": 25, "fixed2": 4, "project": 55, "small": 10,
                                          "mixed": 6})
            for c in self.custs:
                self.gen_general_invoices(c)
                self.plan_general(c, heavy=False)
            self.same_name_pair()
        elif w == "heavy":
            self.build_general_customers(300, 0.08, 0.42, 0.30,
                                         {"fixed": 33, "fixed2": 5, "project": 47, "small": 9,
                                          "mixed": 6})
            for c in self.custs:
                self.gen_general_invoices(c)
                self.plan_general(c, heavy=True)
            self.same_name_pair()
        elif w == "wholesale":
            import wholesale  # noqa: local module
            wholesale.build(self)
        else:
            raise SystemExit("unknown world %r" % w)
        self.noncustomer_deposits()
        self.finish()

    def same_name_pair(self):
        """同名異社: a second company with the same reading, another legal form."""
        r = self.rng
        cands = [c for c in self.custs if c.extra.get("form") == "kk" and c.arche == "project"]
        if not cands:
            return
        a = r.choice(cands)
        c = Cust("TK%04d" % (9001 + r.randint(0, 50)))
        bk = a.extra["body_kana"]
        c.name = "有限会社" + a.name.replace("株式会社", "")
        c.kana = bk
        c.payer = "ﾕ)" + bank_kana(bk)
        c.payer_tags = ["same_reading"]
        c.arche = "project"
        c.terms = "EOM/+1/EOM"
        c.style = "batch"
        c.extra["form"] = "yk"
        self.habits(c, 0, 0)
        self.custs.append(c)
        self.gen_general_invoices(c)
        self.plan_general(c, heavy=False)

    def noncustomer_deposits(self):
        r = self.rng
        jp = [("ﾖｷﾝﾘｿｸ", lambda: r.randint(3, 900)),
              ("ｺｸｾﾞｲｶﾝﾌｷﾝ", lambda: r.randint(10, 900) * 100),
              ("ﾆﾎﾝﾈﾝｷﾝｷｺｳ", lambda: r.randint(50, 4000) * 10),
              ("ﾄｳｶｲｶｻｲﾎｹﾝ(ｶ", lambda: r.randint(10, 500) * 1000),
              ("ﾀﾅｶ ﾋﾛｼ", lambda: r.choice([30000, 55000, 100000, 12000])),
              ("ｽｽﾞｷ ﾐｷ", lambda: r.randint(1, 40) * 1000),
              ("ｶ)ｵﾌｲｽｻﾌﾟﾗｲｾﾝﾀ- ﾍﾝｷﾝ", lambda: r.randint(500, 60000)),
              ("ｺｳｾｲﾛｳﾄﾞｳｼﾖｳ ｼﾞﾖｾｲｷﾝ", lambda: r.randint(20, 90) * 10000),
              ("ﾄｳｷﾖｳﾄｼﾕｾﾞｲｷﾖｸ", lambda: r.randint(1, 99) * 100),
              ("ｶﾌﾞﾇｼﾊｲﾄｳｷﾝ", lambda: r.randint(1, 300) * 100)]
        cn = [("", lambda: r.randint(100, 90000)),
              ("上海清洁用品有限公司", lambda: r.randint(100, 200000)),
              ("国家税务总局上海市税务局", lambda: r.randint(1000, 900000)),
              (r.choice(CN_PEOPLE), lambda: r.randint(10, 500) * 10000)]
        for (y, m) in ((2026, 10), (2026, 11)):
            n = r.randint(8, 16)
            for k in range(n):
                d = D(y, m, r.randint(1, eom(y, m).day))
                if r.random() < 0.75:
                    payer, f = r.choice(jp)
                    d = prev_biz(d, "JPY")
                    cur = "JPY"
                else:
                    payer, f = r.choice(cn)
                    d = prev_biz(d, "CNY")
                    if d < D(y, m, 1):
                        d = next_biz(D(y, m, 8), "CNY")
                    cur = "CNY"
                kind = "noncust"
                e = Event(d, [], payer, cur, [], f(), kind, {"interest"} if payer in ("ﾖｷﾝﾘｿｸ", "") else set())
                e.on_account = 0
                self.noncust.append(e)
                self.events.append(e)

    # ------------------------------------------------------- finishing
    def finish(self):
        r = self.rng
        # keep only deposits within October and November, business days
        evs = [e for e in self.events if e.date < DEC1]
        for e in evs:
            if not is_biz(e.date, e.cur):
                e.date = prev_biz(e.date, e.cur)
        evs.sort(key=lambda e: (e.date, e.seq))
        # open amounts as the world runs
        open_amt = {}
        inv_by_num = {}
        for c in self.custs:
            for i in c.invs:
                open_amt[i.num] = i.amount
                inv_by_num[i.num] = i
        self.inv_by_num = inv_by_num
        paid_before = set()
        self.deposits = []
        for e in evs:
            ok = True
            for inv, amt in e.lines:
                if open_amt[inv.num] - amt < 0 and inv.amount > 0:
                    ok = False
            if not ok:
                continue       # planning collision (should be rare); drop the deposit
            for inv, amt in e.lines:
                open_amt[inv.num] -= amt
            if e.date < OCT1:
                for inv, amt in e.lines:
                    paid_before.add(inv.num)
                continue
            self.deposits.append(e)
        self.paid_before = {n for n in paid_before if open_amt[n] == 0}
        # refs: 照会番号 increasing over the two months; CCB serials
        zref = r.randint(1000, 60000)
        cref = r.randint(100, 900)
        for e in self.deposits:
            if e.cur == "JPY":
                zref += r.randint(1, 4)
                e.ref = "%06d" % zref
            else:
                cref += r.randint(1, 3)
                e.ref = "%s%05d" % (e.date.strftime("%Y%m%d"), cref)
        self.annotate()

    def annotate(self):
        """Truth details that need the whole book: ties, subsets, alternatives."""
        open_amt = {n: i.amount for n, i in self.inv_by_num.items()}
        for n in self.paid_before:
            open_amt[n] = 0
        by_cust = defaultdict(list)
        for c in self.custs:
            for i in c.invs:
                by_cust[c.code].append(i)
        cls = defaultdict(list)
        for n, i in self.inv_by_num.items():
            cls[(i.cust, i.amount, i.due)].append(i)
        for e in self.deposits:
            used = {inv.num for inv, _ in e.lines}
            # invoices visible to the program at this deposit: imported and issued by the date
            visible = [i for cc in e.custs for i in by_cust[cc]
                       if i.num not in self.paid_before and open_amt[i.num] != 0]
            issued = [i for i in visible if i.issue <= e.date]
            future = [i for i in visible if i.issue > e.date and i.issue < (NOV1 if e.date < NOV1 else DEC1)]
            cleared_total = sum(a for _, a in e.lines)
            if future and any(i.amount in (e.amount, cleared_total) for i in future):
                e.tags.add("future_inv")
            elif future and e.kind == "prepay":
                e.tags.add("future_inv")
            # same-amount ties (different due date)
            if e.lines:
                for inv, a in e.lines:
                    if a == inv.amount and any(o.num not in used and o.amount == inv.amount
                                                and open_amt[o.num] == o.amount and o.due != inv.due
                                                for o in issued):
                        e.tags.add("tie")
            # alternatives: swap an invoice for a same-customer, same-amount, same-due one
            alts = []
            pools = []
            if e.lines:
                options = []
                for inv, a in e.lines:
                    opts = [inv.num]
                    if a == inv.amount:
                        for o in cls[(inv.cust, inv.amount, inv.due)]:
                            if o.num != inv.num and o.num not in used and o.issue <= e.date \
                                    and o.num not in self.paid_before:
                                opts.append(o.num)
                    options.append(opts)
                    # the whole class, for a judge that swaps any number of lines
                    pools.append(sorted({o.num for o in cls[(inv.cust, inv.amount, inv.due)]
                                         if o.issue <= e.date and o.num not in self.paid_before}
                                        | {inv.num}) if a == inv.amount else [inv.num])
                combos = [[]]
                for opts in options:
                    combos = [cmb + [o] for cmb in combos for o in opts][:64]
                seen = {tuple(sorted(used))}
                for cmb in combos:
                    t = tuple(sorted(cmb))
                    if len(set(t)) == len(t) and t not in seen:
                        seen.add(t)
                        alts.append(list(cmb))   # positional: k-th replaces truth line k
            for fa in getattr(e, "fixed_alts", []):
                if sorted(fa) not in [sorted(x) for x in alts]:
                    alts.append(fa)
            e.alternatives = alts[:32]
            e.swap_pools = pools if any(len(p) > 1 for p in pools) else []
            e.sum_pools = self.sum_pools(e, by_cust, open_amt)
            # subset coincidences among the open, issued invoices of the customer
            if e.lines and len(e.custs) == 1 and e.kind not in ("partial",):
                items = [open_amt[i.num] for i in issued if open_amt[i.num] > 0]
                if 10 <= len(items) <= 40:
                    n_ways = count_subsets(items, cleared_total, 2 + len(alts))
                    if n_ways > 1 + len(alts):
                        e.tags.add("subset")
                        if e.kind in ("multi", "exact"):
                            e.kind = "subset"
            if e.kind in ("exact", "multi") and "tie" in e.tags:
                e.kind = "tie"
            if e.payer_tags if hasattr(e, "payer_tags") else False:
                pass
            for inv, a in e.lines:
                open_amt[inv.num] -= a
        for e in self.deposits:
            cs = [self.cust_by_code(cc) for cc in e.custs]
            for c in cs:
                for t in c.payer_tags:
                    if t == "spelled_form" and e.payer == c.payer:
                        e.tags.add("spelled_form")
                    elif t in ("branch", "owner", "same_reading", "payer_no") and e.payer == c.payer:
                        e.tags.add(t)
            if e.kind not in e.tags:
                pass

    def sum_pools(self, e, by_cust, open_amt):
        """The truth's invoices paid in full, per customer and due date, with
        every invoice of that due date open in full at the deposit: another
        subset of one due date with the same total is a coin toss that the
        bank data cannot settle (a batch payer leaving a random few disputed)."""
        totals = defaultdict(int)
        part = set()   # paid in part: a fixed line, never swapped
        for inv, a in e.lines:
            if a == inv.amount and open_amt[inv.num] == inv.amount:
                totals[(inv.cust, inv.due)] += a
            else:
                part.add(inv.num)
        out = []
        for (cu, due), tot in sorted(totals.items()):
            pool = {o.num: o.amount for o in by_cust[cu]
                    if o.due == due and o.issue <= e.date and o.num not in self.paid_before
                    and open_amt[o.num] == o.amount and o.num not in part}
            if len(pool) > 1:
                out.append({"due": due.isoformat(), "total": tot, "pool": pool})
        return out

    def cust_by_code(self, code):
        if not hasattr(self, "_cmap"):
            self._cmap = {c.code: c for c in self.custs}
        return self._cmap[code]

    # ------------------------------------------------------------ output
    def write(self, out):
        os.makedirs(out, exist_ok=True)
        r = random.Random("write-%s-%d" % (self.world, self.seed))
        files = {}
        # customers
        rows = ["code,name,kana,currency,terms,credit_limit,sales_rep,phone,email,address,parent,rep_kana"]
        for c in self.custs:
            rows.append(",".join(csvq(x) for x in [
                c.code, c.name, c.kana, c.cur, c.terms,
                str(r.choice([3000000, 5000000, 10000000, 20000000])) if c.cur == "JPY" else "500000.00",
                c.sales_rep, "03-%04d-%04d" % (r.randint(1000, 9999), r.randint(0, 9999)),
                "ap@%s.example" % c.code.lower(), c.extra.get("addr", ""), c.parent, c.rep_kana]))
        with open(os.path.join(out, "customers.csv"), "w", encoding="utf-8-sig", newline="") as f:
            f.write("\r\n".join(rows) + "\r\n")
        files["customers"] = "customers.csv"
        # invoices
        allinv = [i for c in self.custs for i in c.invs]
        hist = [i for i in allinv if i.issue < OCT1 and i.num not in self.paid_before]
        m1 = [i for i in allinv if OCT1 <= i.issue < NOV1]
        m2 = [i for i in allinv if NOV1 <= i.issue < DEC1]
        enc = "utf-8" if self.world == "wholesale" else "utf-8"
        for name, lst in (("history-invoices.csv", hist), ("month1-invoices.csv", m1),
                          ("month2-invoices.csv", m2)):
            self.write_invoices(os.path.join(out, name), lst, r, enc)
        files["invoices"] = {"history": "history-invoices.csv", "month1": "month1-invoices.csv",
                             "month2": "month2-invoices.csv"}
        files["bank"] = {}
        files["truth"] = {}
        stats = {}
        for mi, (lo, hi) in ((1, (OCT1, NOV1)), (2, (NOV1, DEC1))):
            deps = [e for e in self.deposits if lo <= e.date < hi]
            jp = [e for e in deps if e.cur == "JPY"]
            cn = [e for e in deps if e.cur == "CNY"]
            fl = []
            if jp:
                fn = "month%d-furikomi.dat" % mi
                write_zengin(os.path.join(out, fn), jp, r)
                fl.append(fn)
            if cn:
                fn = "month%d-ccb.csv" % mi
                write_ccb(os.path.join(out, fn), cn, r, lo)
                fl.append(fn)
            files["bank"]["month%d" % mi] = fl
            truth = [self.truth(e) for e in deps]
            fn = "month%d-truth.json" % mi
            with open(os.path.join(out, fn), "w", encoding="utf-8") as f:
                json.dump({"world": self.world, "seed": self.seed, "month": mi,
                           "deposits": truth}, f, ensure_ascii=False, indent=1)
            files["truth"]["month%d" % mi] = fn
            kinds = defaultdict(int)
            for e in deps:
                kinds[e.kind] += 1
            stats["month%d" % mi] = {"deposits": len(deps), "kinds": dict(sorted(kinds.items()))}
        old = [i for i in allinv if i.due < OCT1 and i.issue >= HIST0]
        old_open = [i for i in old if i.num not in self.paid_before]
        stats["old_invoices_due_before_oct"] = len(old)
        stats["old_still_open_on_oct1"] = len(old_open)
        stats["invoices"] = {"history": len(hist), "month1": len(m1), "month2": len(m2)}
        stats["customers"] = len(self.custs)
        with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
            json.dump({"world": self.world, "seed": self.seed, "files": files, "stats": stats,
                       "today": {"month1": "2026-10-31", "month2": "2026-11-30"}},
                      f, ensure_ascii=False, indent=1)
        return stats

    def write_invoices(self, path, lst, r, enc):
        lst = sorted(lst, key=lambda i: (i.issue, i.num))
        with_due = all(i.write_due for i in lst) or not lst
        cols = ["number", "customer", "issue_date"] + (["due_date"] if with_due else []) + \
            ["amount", "currency", "tax", "memo"]
        rows = [",".join(cols)]
        for i in lst:
            vals = [i.num, i.cust, i.issue.isoformat()]
            if with_due:
                vals.append(i.due.isoformat())
            vals += [fmt_invoice_amount(i.amount, i.cur, r), i.cur, fmt_minor(i.tax, i.cur), i.memo]
            rows.append(",".join(csvq(v) for v in vals))
        with open(path, "w", encoding=enc, newline="") as f:
            f.write("\r\n".join(rows) + "\r\n")

    def truth(self, e):
        cur = e.cur
        lines = []
        cleared_total = sum(a for _, a in e.lines)
        on_acc = getattr(e, "on_account", 0)
        fee = cleared_total + on_acc - e.amount
        if fee < 0:
            on_acc += -fee
            fee = 0
        # fee/deduction part is carried by the largest positive line
        fee_line = None
        if fee and e.lines:
            fee_line = max(range(len(e.lines)), key=lambda k: e.lines[k][1])
        for k, (inv, a) in enumerate(e.lines):
            lines.append({"invoice": inv.num, "customer": inv.cust,
                          "cleared": fmt_minor(a, cur),
                          "fee": fmt_minor(fee if k == fee_line else 0, cur)})
        return {"ref": e.ref, "date": e.date.isoformat(), "currency": cur,
                "amount": fmt_minor(e.amount, cur), "payer": e.payer,
                "kind": e.kind, "tags": sorted(e.tags - {e.kind}),
                "customers": sorted(set(e.custs)), "lines": lines,
                "fee": fmt_minor(fee, cur), "on_account": fmt_minor(on_acc, cur),
                "on_account_customer": e.on_account_cust if on_acc else "",
                "deductions": {k: fmt_minor(v, cur) for k, v in e.deductions.items() if v},
                "alternatives": getattr(e, "alternatives", []),
                "swap_pools": getattr(e, "swap_pools", []),
                "sum_pools": getattr(e, "sum_pools", []), "edi": e.edi}


def count_subsets(items, target, cap):
    """Number of index subsets of items summing to target, capped at cap (bitsets)."""
    from math import gcd
    if cap > 6:
        return 0
    g = target
    for a in items:
        g = gcd(g, a)
    g = g or 1
    items = [a // g for a in items if a // g <= target // g]
    target //= g
    mask = (1 << (target + 1)) - 1
    # ge[j]: bit s set when s is reachable in at least j ways (ge[0] = everything)
    ge = [mask, 1] + [0] * (cap - 1)
    for a in items:
        sh = [mask] + [(x << a) & mask for x in ge[1:]]
        new = [mask]
        for j in range(1, cap + 1):
            v = 0
            for i in range(0, j + 1):
                v |= ge[i] & sh[j - i]
            new.append(v)
        ge = new
    for j in range(cap, 0, -1):
        if ge[j] >> target & 1:
            return j
    return 0


def csvq(s):
    s = str(s)
    if any(ch in s for ch in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


# ------------------------------------------------------------ bank files
def wareki(d):
    return "%02d%02d%02d" % (d.year - 2018, d.month, d.day)


def fld_n(v, n):
    s = "%0*d" % (n, v)
    if len(s) != n:
        raise ValueError("numeric field overflow %r/%d" % (v, n))
    return s.encode("ascii")


def fld_c(s, n):
    b = cut_bytes(s, n).encode("cp932")
    if len(b) > n:
        raise ValueError("field too long %r" % s)
    return b + b" " * (n - len(b))


def write_zengin(path, deps, r):
    """振込入金通知, one header/trailer group per booking day, CRLF after each record."""
    recs = []
    byday = defaultdict(list)
    for e in deps:
        byday[e.date].append(e)
    for d in sorted(byday):
        h = (b"1" + b"01" + b"0" + wareki(d).encode() + wareki(d).encode() + wareki(d).encode()
             + fld_n(9, 4) + fld_c("ﾐﾂｲｽﾐﾄﾓ", 15) + fld_n(215, 3) + fld_c("ｶﾝﾀﾞ", 15)
             + b"1" + fld_n(4417823, 7) + fld_c("ｶ)ﾄｳﾖｳｼｽﾃﾑｻ-ﾋﾞｽ", 40) + b" " * 93)
        recs.append(h)
        total = 0
        for e in byday[d]:
            hv = zlib.crc32(e.payer.encode("utf-8"))
            bank, branches = JP_BANKS[hv % len(JP_BANKS)]
            br = branches[(hv >> 8) % len(branches)]
            payer_code = 0
            vd = e.date
            if r.random() < 0.03:
                vd = prev_biz(e.date - DAY)
            rec = (b"2" + e.ref.encode() + wareki(d).encode() + wareki(vd).encode()
                   + fld_n(e.amount, 10) + fld_n(0, 10) + fld_n(payer_code, 10)
                   + fld_c(e.payer, 48) + fld_c(bank, 15) + fld_c(br, 15) + b"0"
                   + fld_c(e.edi, 20) + b" " * 52)
            assert len(rec) == 200, (len(rec), e.payer)
            recs.append(rec)
            total += e.amount
        t = b"8" + fld_n(len(byday[d]), 6) + fld_n(total, 12) + fld_n(0, 6) + fld_n(0, 12) + b" " * 163
        recs.append(t)
    recs.append(b"9" + b" " * 199)
    for x in recs:
        assert len(x) == 200
    with open(path, "wb") as f:
        f.write(b"".join(x + b"\r\n" for x in recs))


def write_ccb(path, deps, r, month_start):
    acct = "31050161420900004417"
    owner = "东洋系统服务（上海）有限公司"
    rows = []
    rows.append("中国建设银行单位客户账户明细")
    rows.append("账号," + acct)
    rows.append("账户名称," + owner)
    last = max(e.date for e in deps)
    rows.append("起止日期,%s,%s" % (month_start.isoformat(), last.isoformat()))
    hdr = ["账号", "账户名称", "交易时间", "借方发生额（支取）", "贷方发生额（收入）", "余额", "币种",
           "对方户名", "对方账号", "对方开户机构", "记账日期", "摘要", "备注", "账户明细编号-交易流水号"]
    rows.append(",".join(hdr))
    bal = r.randint(200000, 900000) * 100
    items = [(e.date, 0, e) for e in deps]
    # a few debits (fees, payroll) that must not be imported
    for k in range(r.randint(2, 5)):
        d = next_biz(month_start + dt.timedelta(days=r.randint(8, 25)), "CNY")
        items.append((d, 1, -r.randint(5, 30000) * 100))
    items.sort(key=lambda x: (x[0], x[1]))
    nserial = 0
    for d, _, e in items:
        nserial += 1
        t = "%s %02d:%02d:%02d" % (d.isoformat(), r.randint(8, 17), r.randint(0, 59), r.randint(0, 59))
        if not isinstance(e, int):
            bal += e.amount
            payer = e.payer
            bank = r.choice(CN_BANKS) + r.choice(["上海分行", "苏州分行", "深圳分行", "宁波分行"])
            memo = r.choice(["货款", "货款", "转账", "往来款", "付货款"])
            note = e.edi or ""
            ref = e.ref
            vals = [acct, owner, t, "", "{:,.2f}".format(e.amount / 100), "{:,.2f}".format(bal / 100),
                    "人民币", payer, "62%017d" % r.randint(0, 10 ** 17 - 1) if payer else "", bank if payer else "",
                    d.strftime("%Y%m%d"), memo if payer else "结息", note, ref]
        else:
            bal += e
            vals = [acct, owner, t, "{:,.2f}".format(-e / 100), "", "{:,.2f}".format(bal / 100), "人民币",
                    r.choice(["上海某物业管理有限公司", "", "员工工资"]), "", "", d.strftime("%Y%m%d"),
                    r.choice(["手续费", "代发工资", "支付房租"]), "", "D%s%05d" % (d.strftime("%Y%m%d"), nserial)]
        rows.append(",".join(csvq(v) for v in vals))
    rows.append("合计,,,,,,,,,,,,,")
    with open(path, "w", encoding="gb18030", newline="") as f:
        f.write("\r\n".join(rows) + "\r\n")


def generate(world, seed, out):
    w = World(world, seed)
    w.gen()
    return w.write(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--world", required=True, choices=["office", "heavy", "wholesale"])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    st = generate(a.world, a.seed, a.out)
    print(json.dumps(st, ensure_ascii=False))


if __name__ == "__main__":
    import sys
    sys.modules["world"] = sys.modules["__main__"]   # wholesale.py imports us by name
    main()
