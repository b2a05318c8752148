"""The `wholesale` world: customers billed per closing period (締め請求).

Each delivery is a slip (one invoice row, 赤伝 returns as negative rows);
at the closing date the customer gets a 合計請求書 whose tax is computed on the
period total, so what arrives is a few yen off the sum of the slips.  On top:
安全協力会費, early-payment discounts, 相殺, dropped yen, 抹零 for CNY,
net-bank fees, renamed payers, holding companies and payment agents paying
for several customers.  Imported by world.py.
"""
import datetime as dt
from collections import defaultdict

import world as W
from world import D, DAY, OCT1, DEC1, Cust, Event, bank_kana, cut_bytes, eom

CLOSE_TERMS = [("EOM/+1/EOM", 40), ("20/+1/10", 25), ("25/+1/EOM", 15), ("15/+0/EOM", 10),
               ("EOM/+2/10", 10)]
AGENTS = ["ｶ)ｼﾞﾔﾊﾟﾝﾍﾟｲﾒﾝﾄｻ-ﾋﾞｽ", "ｻｸﾗｼﾕｳﾉｳﾀﾞｲｺｳ(ｶ", "ｲﾂｶﾂｹﾂｻｲｾﾝﾀ-(ｶ)ﾄｳｷﾖｳ"]
ODD_NET_FEE = 145


def close_of(terms):
    return terms.split("/")[0]


def slips_for(w, c, start, end, mean_n):
    """Delivery slips between start and end (inclusive) for one period."""
    r = w.rng
    days = (end - start).days + 1
    n = max(3, int(r.gauss(mean_n, mean_n * 0.25)))
    out = []
    for k in range(n):
        issue = start + dt.timedelta(days=r.randrange(days))
        if c.cur == "CNY":
            base = int(r.lognormvariate(0, 0.9) * 4000 * 100)
            base = max(20000, base // 100 * 100 if r.random() < 0.5 else base)
            amt = base
            tax = int(round(base * 13 / 113))
            if r.random() < 0.05:
                amt = -max(5000, amt // 5 // 100 * 100)
                tax = -int(round(-amt * 13 / 113))
            memo = "退货" if amt < 0 else "送货单"
        else:
            base = max(300, int(r.lognormvariate(0, 0.9) * c.extra["slip_size"]) // 10 * 10)
            if r.random() < 0.05:
                base = -max(200, base // r.choice([2, 3, 5]) // 10 * 10)
            tax = int(base / 10 + (0.5 if base > 0 else -0.5))   # per-slip rounding, half away
            amt = base + tax
            memo = ("返品 赤伝 %s" % issue.strftime("%m/%d")) if amt < 0 else ("納品書 %s" % issue.strftime("%m/%d"))
        inv = w.mk_inv(c, issue, amt, tax, memo, kind="slip",
                       prefix="R" if amt < 0 else "D", write_due=False)
        inv.extra_base = base
        out.append(inv)
    return out


def make_closing_customer(w, r, cur="JPY", terms=None):
    c = Cust("TK%04d" % (5001 + len(w.custs) * 3 + r.randint(0, 2)))
    if cur == "CNY":
        w.set_cn_identity(c)
        c.terms = terms or r.choice(["EOM/+1/EOM", "EOM/+2/EOM"])
    else:
        w.set_jp_identity(c, form=r.choices(["kk", "yk", "gk", "kojin"], [75, 18, 3, 4])[0])
        c.terms = terms or r.choices([t for t, _ in CLOSE_TERMS], [p for _, p in CLOSE_TERMS])[0]
    c.arche = "closing"
    w.habits(c, 0.05, 0.0)
    if c.late_kind == "behind":
        c.late_kind, c.late = "late", 3
    x = r.random()
    c.extra["slips_mean"] = 14 if x < 0.55 else (30 if x < 0.88 else r.choice([55, 75, 95]))
    c.extra["slip_size"] = r.choice([8000, 15000, 25000, 40000])
    c.extra["habit"] = r.choices(["bill", "period", "slipsum"], [65, 25, 10])[0]
    c.extra["kyoryoku"] = r.random() < 0.10
    c.extra["early"] = r.random() < 0.05 and not c.extra["kyoryoku"]
    c.extra["offset"] = r.random() < 0.08
    c.extra["roundoff"] = r.choice([10, 100]) if r.random() < 0.06 else 0
    if cur == "JPY" and r.random() < 0.06:
        c.fee = ("flat", ODD_NET_FEE)
    # payer differs from the master: a new trade name, a branch
    y = r.random()
    if y < 0.05:
        new = w.jp_name("kk")[1][1]
        c.payer = cut_bytes("ｶ)" + bank_kana(new), 48)
        c.payer_tags = ["renamed"]
    elif y < 0.09 and cur == "JPY":
        b = r.choice(W.BRANCH)
        c.payer = cut_bytes(c.payer + " " + bank_kana(b[1]), 48)
        c.payer_tags = c.payer_tags + ["branch"]
    elif cur == "CNY" and y < 0.12:
        c.payer = c.extra["city"] + c.extra["word"] + "集团有限公司"
        c.payer_tags = ["renamed"]
    w.custs.append(c)
    return c


def plan_closing(w, c, group=None):
    """Slips and payment events for one closing customer."""
    r = w.rng
    close = close_of(c.terms)
    closes = W.closing_dates(close, D(2026, 3, 1), D(2026, 11, 30))
    prev = D(2026, 2, 28) if close == "EOM" else D(2026, 2, int(close))
    periods = []
    for cd in closes:
        sl = slips_for(w, c, prev + DAY, cd, c.extra["slips_mean"])
        periods.append((cd, sl))
        prev = cd
    # the running period (after the last closing, to the end of November)
    if prev < D(2026, 11, 30):
        slips_for(w, c, prev + DAY, D(2026, 11, 30), c.extra["slips_mean"] * (D(2026, 11, 30) - prev).days / 30.0)
    c.invs.sort(key=lambda i: (i.issue, i.num))
    events = []
    carry = []          # [inv, remaining] left open from earlier periods
    skipped = 0
    for cd, sl in periods:
        due = W.due_from_terms(c.terms, cd)
        date = w.pay_date(c, due)
        early = False
        if c.extra["early"] and group is None:
            date = W.next_biz(cd + dt.timedelta(days=r.randint(5, 10)), c.cur)
            early = True
        if date >= DEC1:
            break
        in_world = date >= OCT1
        if group is None and r.random() < 0.035 and not skipped:
            carry += [[i, i.amount] for i in sl]
            skipped = 1
            continue
        base_total = sum(i.extra_base for i in sl)
        if c.cur == "JPY":
            T = base_total + int(base_total * 0.1)      # tax once on the period total
        else:
            T = sum(i.amount for i in sl)
        S = sum(i.amount for i in sl)
        habit = c.extra["habit"] if group is None else "period"
        if skipped:
            habit = "bill"
        lines = [[i, i.amount] for i in sl]
        tags = set()
        kind = "closing"
        pay = T if habit != "slipsum" else S
        if T != S and habit != "slipsum":
            tags.add("taxdiff")
        if carry and habit == "bill":
            pay += sum(a for _, a in carry)
            lines = carry + lines
            kind = "closing_two" if skipped else "closing_carry"
            carry = []
        skipped = 0
        if any(i.amount < 0 for i, _ in lines):
            tags.add("credit")
        ded = {}
        if group is None and in_world and r.random() < 0.03:
            # partial: a round sum, oldest slips first (returns netted as they come)
            part = int(pay * r.choice([0.4, 0.5, 0.6])) // 10000 * 10000
            if 0 < part < pay:
                rest = part
                new = []
                for inv, a in sorted(lines, key=lambda x: (x[0].issue, x[0].num)):
                    if a < 0:
                        new.append([inv, a])
                        rest -= a
                        continue
                    if rest <= 0:
                        carry.append([inv, a])
                        continue
                    p = min(a, rest)
                    new.append([inv, p])
                    rest -= p
                    if p < a:
                        carry.append([inv, a - p])
                if rest == 0:
                    lines = new
                    ev = Event(date, [c.code], c.payer, c.cur, lines, part, "partial", tags)
                    events.append(ev)
                    continue
                carry = []
        if group is None:
            if c.extra["kyoryoku"]:
                ded["kyoryoku_1pct"] = int(round(T * 0.01))
                kind = "discount"
            if early:
                ded["early_discount"] = int(T * 0.02)
                kind = "early"
            if c.extra["offset"] and r.random() < 0.35:
                ded["offset"] = r.randint(5, 400) * 1100 if c.cur == "JPY" else r.randint(10, 500) * 1000
                if ded["offset"] >= pay // 2:
                    ded.pop("offset")
                else:
                    kind = "offset"
            if c.cur == "CNY":
                net = pay - sum(ded.values())
                mode = r.random()
                drop = net % 100 if mode < 0.6 else net % 1000
                if drop:
                    ded["moling"] = drop
                    kind = "moling"
            elif c.extra["roundoff"]:
                net = pay - sum(ded.values())
                if net % c.extra["roundoff"]:
                    ded["rounding"] = net % c.extra["roundoff"]
                    kind = "rounding" if kind in ("closing", "closing_carry", "closing_two") else kind
            fee = w.fee_for(c, pay - sum(ded.values()))
            if fee:
                ded["bank_fee"] = fee
                tags.add("fee")
                if fee not in W.STD_FEES:
                    tags.add("fee_odd")
        amount = pay - sum(ded.values())
        ev = Event(date, [c.code], c.payer, c.cur, lines, amount, kind, tags, ded)
        ev.group = group
        ev.period_total = T
        ev.close = cd
        events.append(ev)
    return events


def build(w):
    r = w.rng
    # office-type customers carrying the common kinds
    w.build_general_customers(70, 0.0, 0.12, 0.05,
                              {"fixed": 30, "fixed2": 5, "project": 45, "small": 15, "mixed": 5})
    for c in w.custs:
        w.gen_general_invoices(c)
        w.plan_general(c, heavy=False)
    # plain closing customers (JPY and CNY)
    solo = [make_closing_customer(w, r) for _ in range(190)]
    solo += [make_closing_customer(w, r, "CNY") for _ in range(16)]
    for c in solo:
        w.events += plan_closing(w, c)
    # holding companies: in the master with nothing open; one pays for its subsidiaries
    group_events = defaultdict(list)
    for k in range(3):
        h = Cust("TK%04d" % (8001 + k * 7))
        form, body = w.jp_name("kk")
        # a holding company's name
        h.name = "株式会社" + body[0].rstrip("商事工業建設") + "ホールディングス"
        h.kana = body[1] + "ホールディングス"
        h.payer = cut_bytes("ｶ)" + bank_kana(h.kana), 48)
        h.arche = "holding"
        h.terms = "EOM/+1/EOM"
        w.habits(h, 0, 0)
        h.late, h.late_kind = 0, "punctual"
        w.custs.append(h)
        pays = k < 2
        for j in range(r.randint(2, 4)):
            c = make_closing_customer(w, r, terms="EOM/+1/EOM")
            c.parent = h.code
            c.extra["habit"] = "period"
            if pays:
                c.late, c.late_kind, c.holiday = 0, "punctual", "prev"
                for e in plan_closing(w, c, group=h.code):
                    group_events[(h.code, h.payer, "holding")].append(e)
            else:
                w.events += plan_closing(w, c)
    # payment agents (not in the master) paying for unrelated customers
    for k, agent in enumerate(AGENTS[:2]):
        for j in range(r.randint(2, 4)):
            c = make_closing_customer(w, r, terms="EOM/+1/EOM")
            c.late, c.late_kind, c.holiday = 0, "punctual", "prev"
            for e in plan_closing(w, c, group="AG%d" % k):
                group_events[("AG%d" % k, agent, "agent")].append(e)
    for (gid, payer, kind), evs in group_events.items():
        byd = defaultdict(list)
        for e in evs:
            byd[e.close].append(e)
        for _, es in sorted(byd.items()):
            d = min(e.date for e in es)
            lines = [l for e in es for l in e.lines]
            amount = sum(e.period_total for e in es)
            ded = {}
            tags = {"multi_customer"}
            if kind == "agent":
                ded["bank_fee"] = 660 if amount >= 30000 else 440
                tags.add("fee")
            if any(i.amount < 0 for i, _ in lines):
                tags.add("credit")
            if sum(a for _, a in lines) != amount:
                tags.add("taxdiff")
            custs = sorted({e.custs[0] for e in es})
            ev = Event(d, custs, payer, "JPY", lines, amount - sum(ded.values()), kind, tags, ded,
                       edi=("SH%08d" % r.randint(0, 10 ** 8 - 1)) if kind == "agent" else "")
            w.events.append(ev)
