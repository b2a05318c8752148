#!/usr/bin/env python3
"""Score urikake's auto-matching on independently generated worlds.

    score.py --world office|heavy|wholesale [--seeds 1-5] [--verbose] [--tap]
             [--bin PATH] [--keep DIR] [--statements]

Per seed: fresh database; customers, history + month-1 invoices, month-1 bank
files; `match --auto`; every customer deposit is auto-correct, wrong or held;
held ones are looked up with `match show --deposit REF --json` (top-1/top-3);
then a simulated clerk undoes wrong auto-matches and confirms everything by the
truth; then month 2 the same way.  Exit 0 unless a tooling error.
"""
import argparse
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import world as worldgen  # noqa: E402

INV_RE = re.compile(r"\b[A-Z]\d{4}-\d{5}\b")


class ToolError(Exception):
    pass


class Runner:
    def __init__(self, binary, db, today):
        self.binary = binary
        self.db = db
        self.today = today

    def run(self, *args, check=False):
        env = dict(os.environ)
        env["URIKAKE_TODAY"] = self.today
        env["URIKAKE_USER"] = "indep-clerk"
        env.setdefault("LANG", "C.UTF-8")
        env["LANGUAGE"] = "en"
        cmd = [self.binary, "--db", self.db, "--lang", "en"] + list(args)
        for attempt in range(5):
            if not os.path.exists(self.binary):
                time.sleep(30)   # being rebuilt by someone else
                continue
            try:
                p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                   timeout=600)
            except (FileNotFoundError, PermissionError, OSError):
                time.sleep(30)
                continue
            if p.returncode in (126, 127) or (p.returncode < 0 and attempt < 4):
                time.sleep(30)
                continue
            out = p.stdout.decode("utf-8", "replace")
            err = p.stderr.decode("utf-8", "replace")
            if check and p.returncode != 0:
                raise ToolError("%s -> exit %d: %s" % (" ".join(args), p.returncode, err.strip()[:300]))
            return p.returncode, out, err
        raise ToolError("binary %s not runnable" % self.binary)


def parse_money(s, cur):
    s = str(s).replace(",", "").strip().lstrip("'")
    if not s:
        return 0
    neg = s.startswith("-") or s.startswith("△")
    s = s.lstrip("-△")
    if cur == "CNY":
        if "." in s:
            a, b = s.split(".")
            v = int(a or 0) * 100 + int((b + "00")[:2])
        else:
            v = int(s) * 100
    else:
        v = int(s.split(".")[0])
    return -v if neg else v


def read_allocs(r):
    rc, out, err = r.run("export", "allocations", "--format", "csv", check=True)
    rows = list(csv.DictReader(io.StringIO(out)))
    return rows


def truth_sets(t):
    """The acceptable invoice sets of a truth record."""
    base = [l["invoice"] for l in t["lines"]]
    sets = [frozenset(base)]
    for alt in t.get("alternatives", []):
        sets.append(frozenset(alt))
    return sets


def swapped(t, inv_set):
    """A genuine coin toss: inv_set is the truth with any of its invoices paid
    in full swapped for others of the same customer, amount and due date
    (t["swap_pools"]: per truth line, its class's open invoices). The listed
    alternatives stop at 64 combinations; this does not."""
    pools = t.get("swap_pools") or []
    if len(pools) != len(t["lines"]) or len(inv_set) != len(pools):
        return False
    need = defaultdict(int)
    for p in pools:
        need[frozenset(p)] += 1
    covered = set()
    for pool, n in need.items():
        got = [i for i in inv_set if i in pool]
        if len(got) != n:
            return False
        covered.update(got)
    return covered == set(inv_set)


def sum_swapped(t, cleared):
    """A wider coin toss, counted apart: the proposal pays in full, in place of
    the truth's invoices of one due date, others of that due date with the same
    total (t["sum_pools"]); the invoices it pays outside the pools are the
    truth's own."""
    pools = t.get("sum_pools") or []
    if not pools or cleared is None:
        return False
    cur = t["currency"]
    owner = {n: k for k, p in enumerate(pools) for n in p["pool"]}
    fixed = {l["invoice"]: parse_money(l["cleared"], cur) for l in t["lines"]
             if l["invoice"] not in owner}
    got = [0] * len(pools)
    for n, c in cleared.items():
        k = owner.get(n)
        if k is None:
            if fixed.get(n) != parse_money(c, cur):
                return False   # another invoice, or a fixed line paid otherwise
            continue
        amount = pools[k]["pool"][n]
        if parse_money(c, cur) != amount:
            return False
        got[k] += amount
    return set(fixed) <= set(cleared) and got == [p["total"] for p in pools]


def acceptable(t, inv_set):
    return frozenset(inv_set) in truth_sets(t) or swapped(t, inv_set)


def judge(t, inv_set, cust_set):
    if not t["customers"]:
        return False
    if set(t["customers"]) != set(cust_set):
        return False
    return acceptable(t, inv_set)


class MonthScore:
    def __init__(self):
        self.n = 0
        self.auto_ok = 0
        self.wrong = 0
        self.held = 0
        self.top1 = 0
        self.top3 = 0
        self.top3_sum = 0
        self.topk_known = 0
        self.topk_src = set()
        self.noncust = 0
        self.noncust_wrong = 0
        self.confirm_fail = 0
        self.confirm_ok = 0
        self.fail_reasons = defaultdict(int)
        self.kinds = defaultdict(lambda: [0, 0, 0, 0, 0, 0, 0])  # n ok wrong held top1 top3 known
        self.wrong_list = []
        self.leftover_auto = 0
        self.leftover_wrong = 0
        self.import_errors = []

    def add(self, o):
        for k in ("n", "auto_ok", "wrong", "held", "top1", "top3", "top3_sum", "topk_known", "noncust",
                  "noncust_wrong", "confirm_fail", "confirm_ok", "leftover_auto", "leftover_wrong"):
            setattr(self, k, getattr(self, k) + getattr(o, k))
        self.topk_src |= o.topk_src
        for k, v in o.fail_reasons.items():
            self.fail_reasons[k] += v
        for k, v in o.kinds.items():
            for i in range(len(v)):
                self.kinds[k][i] += v[i]
        self.wrong_list += o.wrong_list
        self.import_errors += o.import_errors


def pct(a, b):
    return "%.1f%%" % (100.0 * a / b) if b else "-"


class Scorer:
    def __init__(self, args):
        self.args = args
        self.show_mode = None   # "json" | "text" | "none"

    def proposals(self, r, ref):
        """Ranked proposals as a list of (customers set, invoice set)."""
        if self.show_mode in (None, "json"):
            rc, out, err = r.run("match", "show", "--deposit", ref, "--json")
            if rc == 0:
                try:
                    obj = json.loads(out)
                    self.show_mode = "json"
                    res = []
                    for p in obj.get("proposals", []):
                        invs = frozenset(l["invoice"] for l in p.get("lines", []) if l.get("invoice"))
                        custs = set(p.get("customers") or [l.get("customer") for l in p.get("lines", [])])
                        cleared = {l["invoice"]: l.get("cleared", "") for l in p.get("lines", [])
                                   if l.get("invoice")}
                        res.append((custs, invs, cleared))
                    return res, "json"
                except (ValueError, KeyError, TypeError):
                    pass
            if self.show_mode is None and ("unknown option" in err or rc == 2):
                self.show_mode = "text"
            elif self.show_mode == "json":
                return None, "json"
        if self.show_mode == "text":
            rc, out, err = r.run("match", "show", "--deposit", ref)
            if rc != 0:
                return None, "text"
            res = []
            for line in out.splitlines():
                m = re.match(r"\s*(\d+)\.\s", line)
                if not m:
                    continue
                invs = frozenset(INV_RE.findall(line))
                res.append((None, invs, None))
            return res, "text"
        return None, "none"

    def confirm(self, r, t, ms):
        """The clerk books the truth; on refusal tries what a clerk would try next."""
        cur = t["currency"]
        variants = []
        has_neg = any(parse_money(l["cleared"], cur) < 0 for l in t["lines"])
        for alt in [None] + list(range(len(t.get("alternatives", [])))):
            variants.append((alt, False))
            if has_neg:
                variants.append((alt, "first"))  # credit slips listed first
                variants.append((alt, True))     # credit slips given without an amount
        first = None
        for k, (alt, bare_neg) in enumerate(variants):
            args = ["match", "confirm", "--deposit", t["ref"]]
            order = list(range(len(t["lines"])))
            if bare_neg == "first":
                order.sort(key=lambda j: parse_money(t["lines"][j]["cleared"], cur) >= 0)
            for j in order:
                l = t["lines"][j]
                num = l["invoice"] if alt is None else t["alternatives"][alt][j]
                if bare_neg is True and parse_money(l["cleared"], cur) < 0:
                    args += ["--invoice", num]
                else:
                    args += ["--invoice", "%s:%s" % (num, l["cleared"])]
            if parse_money(t["fee"], cur):
                # the deductions are the truth's: a discount or an offset is
                # booked knowingly, above the transfer-fee limit
                args += ["--fee", t["fee"], "--allow-large-fee"]
            if parse_money(t["on_account"], cur):
                args += ["--on-account", t["on_account"]]
                if not t["lines"]:
                    args += ["--customer", t["on_account_customer"] or t["customers"][0]]
            rc, out, err = r.run(*args)
            if rc == 0:
                ms.confirm_ok += 1
                if first is not None:
                    how = {"first": "credit slips listed first", True: "credit slips without amount",
                           False: "an alternative"}[bare_neg]
                    ms.fail_reasons["(accepted on retry: %s) %s" % (how, first)] += 1
                return True
            last = (err.strip().splitlines() or ["exit %d" % rc])[0]
            if first is None:
                first = self.reason(last, t)
                if self.args.verbose:
                    print("  confirm refused %s (%s): %s" % (t["ref"], t["kind"], last), file=sys.stderr)
        ms.confirm_fail += 1
        lastr = self.reason(last, t)
        ms.fail_reasons[first if lastr == first else "%s, then: %s" % (first, lastr)] += 1
        return False

    @staticmethod
    def reason(msg, t):
        reason = re.sub(r"\b[A-Z]\d{4}-\d{5}\b", "INV", msg)
        reason = re.sub(r"\d[\d,.]*", "N", reason)[:100]
        return "%s [%s]" % (reason, t["kind"])

    def month(self, r, wdir, man, mi, seed, before_rows):
        ms = MonthScore()
        for name in man["files"]["bank"]["month%d" % mi]:
            rc, out, err = r.run("import", "bank", os.path.join(wdir, name))
            if rc != 0:
                ms.import_errors.append("%s: exit %d %s" % (name, rc, err.strip()[:200]))
        with open(os.path.join(wdir, man["files"]["truth"]["month%d" % mi]), encoding="utf-8") as f:
            truth = json.load(f)["deposits"]
        rc, out, err = r.run("match", "--auto", "--json")
        if rc != 0:
            raise ToolError("match --auto exit %d: %s" % (rc, err.strip()[:300]))
        held_reason = {}
        try:
            obj = json.loads(out)
            for x in obj.get("results", []):
                held_reason[x.get("deposit")] = x.get("reason", "")
        except ValueError:
            for line in out.splitlines():
                try:
                    x = json.loads(line)
                    if "deposit" in x:
                        held_reason[x["deposit"]] = x.get("reason", "")
                except ValueError:
                    pass
        before = {(x["deposit_ref"], x["invoice"], x["at"], x["amount"]) for x in before_rows}
        rows = read_allocs(r)
        auto = defaultdict(lambda: {"inv": set(), "cust": set(), "rows": []})
        for x in rows:
            if x["kind"] != "auto":
                continue
            if (x["deposit_ref"], x["invoice"], x["at"], x["amount"]) in before:
                continue
            a = auto[x["deposit_ref"]]
            if x["invoice"]:
                a["inv"].add(x["invoice"])
            if x["customer"]:
                a["cust"].add(x["customer"])
            a["rows"].append(x)
        refs = {t["ref"] for t in truth}
        # leftovers from the previous month auto-matched in this run
        if getattr(self, "prev_truth", None):
            for ref, a in auto.items():
                if ref in refs:
                    continue
                pt = self.prev_truth.get(ref)
                if pt is None:
                    continue
                ms.leftover_auto += 1
                if not judge(pt, a["inv"], a["cust"]):
                    ms.leftover_wrong += 1
        wrong_refs = []
        held_refs = []
        for t in truth:
            tags = [t["kind"]] + ["+" + g for g in t["tags"]]
            a = auto.get(t["ref"])
            if not t["customers"]:
                ms.noncust += 1
                if a:
                    ms.noncust_wrong += 1
                    ms.wrong_list.append((seed, mi, t, a))
                    wrong_refs.append(t)
                for g in tags:
                    k = ms.kinds[g]
                    k[0] += 1
                    if a:
                        k[2] += 1
                    else:
                        k[3] += 1
                continue
            ms.n += 1
            if a:
                ok = judge(t, a["inv"], a["cust"])
                if not ok and not t["lines"]:   # prepayment: on account for the right customer
                    ok = not a["inv"] and a["cust"] == set(t["customers"])
                if ok:
                    ms.auto_ok += 1
                    res = 1
                else:
                    ms.wrong += 1
                    res = 2
                    ms.wrong_list.append((seed, mi, t, a))
                    wrong_refs.append(t)
            else:
                ms.held += 1
                res = 3
                held_refs.append(t)
            for g in tags:
                ms.kinds[g][0] += 1
                ms.kinds[g][res] += 1
            t["_res"] = res
        # proposals of held deposits
        for t in held_refs:
            props, src = self.proposals(r, t["ref"])
            tags = [t["kind"]] + ["+" + g for g in t["tags"]]
            if props is None:
                continue
            ms.topk_known += 1
            ms.topk_src.add(src)
            rank = None
            rank_sum = None
            for i, (custs, invs, cleared) in enumerate(props):
                if custs is not None and set(custs) != set(t["customers"]):
                    continue
                if acceptable(t, invs):
                    rank = i + 1
                    break
                if rank_sum is None and sum_swapped(t, cleared):
                    rank_sum = i + 1
            if rank is not None and (rank_sum is None or rank < rank_sum):
                rank_sum = rank
            if rank_sum is not None and rank_sum <= 3:
                ms.top3_sum += 1
            for g in tags:
                ms.kinds[g][6] += 1
            if os.environ.get("INDEP_HELD_LOG"):
                self.log_held(r, t, rank, mi)
            if rank == 1:
                ms.top1 += 1
                for g in tags:
                    ms.kinds[g][4] += 1
            if rank is not None and rank <= 3:
                ms.top3 += 1
                for g in tags:
                    ms.kinds[g][5] += 1
        # the clerk: undo wrong auto-matches, confirm the rest by the truth
        for t in wrong_refs:
            r.run("match", "undo", "--deposit", t["ref"])
        for t in held_refs + [x for x in wrong_refs if x["customers"]]:
            self.confirm(r, t, ms)
        self.prev_truth = {t["ref"]: t for t in truth}
        return ms

    def log_held(self, r, t, rank, mi):
        """INDEP_HELD_LOG=FILE: why each held deposit was held, for engineers."""
        out = r.run("match", "show", "--deposit", t["ref"], "--json")[1]
        try:
            j = json.loads(out if isinstance(out, str) else out.decode("utf-8", "replace"))
        except ValueError:
            return
        with open(os.environ["INDEP_HELD_LOG"], "a", encoding="utf-8") as f:
            f.write("m%d %s %s%s rank=%s hold=%s truth=%s\n" % (
                mi, t["ref"], t["kind"], "".join("+" + g for g in t["tags"]), rank, j.get("hold"),
                " ".join("%s:%s/%s" % (l["invoice"], l["cleared"], l["fee"]) for l in t["lines"][:6])))
            for pr in j.get("proposals", [])[:3]:
                f.write("    %s %s\n" % (pr.get("score"), pr.get("reason", "")[:300]))

    def issue_statements(self, r, wdir, man, upto):
        """--statements: what the office does at each closing date, before the
        payments arrive: print the 合計請求書 of the customers closing that day
        (`urikake statement CODE... -o DIR` run on that day).  Closing dates
        from 2026-08-01 up to upto that were not issued yet."""
        import datetime as dt
        with open(os.path.join(wdir, man["files"]["customers"]), encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        by_day = defaultdict(list)
        for row in rows[1:]:
            close = row[4].split("/")[0] if len(row) > 4 and "/" in row[4] else ""
            if not close:
                continue
            d = dt.date(2026, 8, 1)
            while d <= upto:
                nxt = d + dt.timedelta(days=1)
                eom = nxt.day == 1
                if (close == "EOM" and eom) or (close.isdigit() and
                                                 (d.day == int(close) or (eom and d.day < int(close)))):
                    by_day[d].append(row[0])
                d = nxt
        today = r.today
        for d in sorted(by_day):
            if d in self.issued_days:
                continue
            self.issued_days.add(d)
            out = tempfile.mkdtemp(prefix="stmts-", dir=os.path.dirname(r.db))
            r.today = d.isoformat()
            rc, o, err = r.run("statement", "--format", "txt", "-o", out, *by_day[d])
            if rc != 0:
                raise ToolError("statement on %s -> exit %d: %s" % (d, rc, err.strip()[:300]))
        r.today = today

    def seed(self, world, seed):
        tmp = tempfile.mkdtemp(prefix="indep-%s-%d-" % (world, seed))
        try:
            wdir = os.path.join(tmp, "world")
            worldgen.generate(world, seed, wdir)
            with open(os.path.join(wdir, "manifest.json"), encoding="utf-8") as f:
                man = json.load(f)
            db = os.path.join(tmp, "u.db")
            r = Runner(self.args.bin, db, man["today"]["month1"])
            r.run("init", check=True)
            errs = []
            for what, name in (("customers", man["files"]["customers"]),
                               ("invoices", man["files"]["invoices"]["history"]),
                               ("invoices", man["files"]["invoices"]["month1"])):
                rc, out, err = r.run("import", what, os.path.join(wdir, name))
                if rc != 0:
                    errs.append("%s: exit %d %s" % (name, rc, err.strip()[:200]))
            self.prev_truth = None
            self.issued_days = set()
            if self.args.statements:
                import datetime as dt
                self.issue_statements(r, wdir, man, dt.date.fromisoformat(man["today"]["month1"]))
            m1 = self.month(r, wdir, man, 1, seed, [])
            m1.import_errors = errs + m1.import_errors
            before = read_allocs(r)
            r.today = man["today"]["month2"]
            errs = []
            rc, out, err = r.run("import", "invoices", os.path.join(wdir, man["files"]["invoices"]["month2"]))
            if rc != 0:
                errs.append("month2 invoices: exit %d %s" % (rc, err.strip()[:200]))
            if self.args.statements:
                import datetime as dt
                self.issue_statements(r, wdir, man, dt.date.fromisoformat(man["today"]["month2"]))
            m2 = self.month(r, wdir, man, 2, seed, before)
            m2.import_errors = errs + m2.import_errors
            if self.args.keep:
                dst = os.path.join(self.args.keep, "%s-%d" % (world, seed))
                shutil.rmtree(dst, ignore_errors=True)
                shutil.copytree(tmp, dst)
            return m1, m2
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def line(world, label, ms):
    s = ("%s: %d deposits, auto-correct %d (%s), wrong %d, held %d, top-1 of held %s, "
         "top-3 of held %s" % (label, ms.n, ms.auto_ok, pct(ms.auto_ok, ms.n), ms.wrong, ms.held,
                               ("%d (%s)" % (ms.top1, pct(ms.top1, ms.topk_known))) if ms.topk_known else "unknown",
                               ("%d (%s)" % (ms.top3, pct(ms.top3, ms.topk_known))) if ms.topk_known else "unknown"))
    if ms.topk_known:
        s += " (%s counting same-total subsets of one due date as coin tosses)" % pct(ms.top3_sum, ms.topk_known)
    s += "; non-customer %d (auto-matched %d); clerk confirms %d ok, %d refused" % (
        ms.noncust, ms.noncust_wrong, ms.confirm_ok, ms.confirm_fail)
    if ms.leftover_auto:
        s += "; leftover previous-month deposits auto-matched %d (wrong %d)" % (ms.leftover_auto, ms.leftover_wrong)
    if ms.topk_src and ms.topk_src != {"json"}:
        s += " [top-k parsed from %s output]" % "/".join(sorted(ms.topk_src))
    return s


def kind_table(ms, out):
    out.append("    %-16s %5s %6s %5s %5s %5s %5s" % ("kind", "n", "auto", "wrong", "held", "top1", "top3"))
    keys = sorted(ms.kinds, key=lambda k: (k.startswith("+"), k))
    for k in keys:
        v = ms.kinds[k]
        known = v[6]
        out.append("    %-16s %5d %6d %5d %5d %5s %5s" % (
            k, v[0], v[1], v[2], v[3], (str(v[4]) if known else "?"), (str(v[5]) if known else "?")))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--world", action="append", choices=["office", "heavy", "wholesale"])
    ap.add_argument("--seeds", default="1-5")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--tap", action="store_true")
    ap.add_argument("--bin", default=os.environ.get("URIKAKE") or os.path.join(HERE, "..", "..", "urikake"))
    ap.add_argument("--keep", help="copy each seed's world and database here")
    ap.add_argument("--statements", action="store_true",
                    default=bool(os.environ.get("INDEP_STATEMENTS")),
                    help="issue the 合計請求書 at each closing date before the payments arrive "
                         "(as the office does; also INDEP_STATEMENTS=1)")
    a = ap.parse_args()
    a.bin = os.path.abspath(a.bin)
    worlds = a.world or ["office"]
    if "-" in a.seeds:
        lo, hi = a.seeds.split("-")
        seeds = list(range(int(lo), int(hi) + 1))
    else:
        seeds = [int(x) for x in a.seeds.split(",")]
    tap = []
    rc = 0
    for w in worlds:
        tot = {1: MonthScore(), 2: MonthScore()}
        for s in seeds:
            sc = Scorer(a)
            t0 = time.time()
            try:
                m1, m2 = sc.seed(w, s)
            except ToolError as e:
                print("TOOLING ERROR %s seed %d: %s" % (w, s, e), file=sys.stderr)
                rc = 1
                continue
            for mi, ms in ((1, m1), (2, m2)):
                print(line(w, "%s seed %d month %d" % (w, s, mi), ms) + ("  (%.1fs)" % (time.time() - t0) if mi == 2 else ""))
                for e in ms.import_errors:
                    print("  IMPORT ERROR: " + e)
                if a.verbose:
                    out = []
                    kind_table(ms, out)
                    print("\n".join(out))
                tot[mi].add(ms)
        for mi in (1, 2):
            ms = tot[mi]
            print(line(w, "indep %s month %d" % (w, mi), ms))
            out = []
            kind_table(ms, out)
            print("\n".join(out))
            if ms.fail_reasons:
                print("    confirm refusals (and retries that worked):")
                for k, v in sorted(ms.fail_reasons.items(), key=lambda kv: -kv[1]):
                    print("      %4d  %s" % (v, k))
            if a.verbose and ms.wrong_list:
                print("    wrong auto-matches:")
                for (seed, m, t, au) in ms.wrong_list:
                    print("      seed %d %s %s %s payer %s amount %s: truth %s %s%s; matched %s %s" % (
                        seed, t["ref"], t["date"], t["kind"] + "".join("+" + g for g in t["tags"]), t["payer"],
                        t["amount"], ",".join(t["customers"]) or "(no customer)",
                        " ".join("%s:%s" % (l["invoice"], l["cleared"]) for l in t["lines"]) or "-",
                        (" (+%d alternatives)" % len(t["alternatives"])) if t.get("alternatives") else "",
                        ",".join(sorted(au["cust"])),
                        " ".join("%s:%s/fee %s" % (x["invoice"] or "on-account", x["amount"], x["fee"]) for x in au["rows"])))
            tap.append((ms.wrong == 0 and ms.noncust_wrong == 0 and not ms.import_errors,
                        "%s month %d: 0 wrong auto-matches" % (w, mi), ms))
    if a.tap:
        print("1..%d" % len(tap))
        for i, (ok, name, ms) in enumerate(tap, 1):
            print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
            print("# wrong %d (+%d non-customer), auto-correct %s, held %d, top-1 of held %s, top-3 of held %s" % (
                ms.wrong, ms.noncust_wrong, pct(ms.auto_ok, ms.n), ms.held,
                pct(ms.top1, ms.topk_known) if ms.topk_known else "unknown",
                pct(ms.top3, ms.topk_known) if ms.topk_known else "unknown"))
    return rc


if __name__ == "__main__":
    sys.exit(main())
