/* scenario: a generated two-month receivables world for measuring the
 * matcher — customers with realistic kana payer names in the conventions
 * of research §2, invoices, and bank deposits (fees, combined, partial and
 * over-payments, parents paying for subsidiaries, virtual accounts, EDI
 * invoice numbers, identical monthly amounts, non-customer money), each
 * deposit with its true allocation, and the customer master's payer links
 * (paying parent, representative) where an office would have recorded
 * them. Deterministic for a seed. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_TESTS_MATCH_SCENARIO_H
#define UR_TESTS_MATCH_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#define SC_MAX_LINES 8

struct sc_customer {
	char code[16];
	char name[160];  /* 株式会社ヤマダショウジ */
	char kana[160];  /* the reading, full-width: ヤマダショウジ */
	char acct[16];   /* virtual account number, "" if none */
	char parent[16]; /* code of the customer paying for it (請求先), "" if unknown */
	char rep_kana[64]; /* representative's name (代表者カナ), "" if unknown */
	int64_t id;      /* database id, once inserted */
};

struct sc_invoice {
	char number[24];
	int cust;
	int month;       /* 1 or 2 */
	int32_t issue, due;
	int64_t amount;
};

struct sc_line {
	int inv;
	int64_t cleared; /* fee included */
	int64_t fee;
};

enum sc_kind { SC_EXACT, SC_FEE, SC_COMBINED, SC_PARTIAL, SC_OVER, SC_STRANGER };

struct sc_deposit {
	char ref[16];
	int month;
	int32_t date;
	int64_t amount;
	char payer[256];  /* as the bank sends it (half-width kana) */
	char code[12];    /* 振込依頼人コード, "" if none */
	char bank[40], branch[40];
	char edi[24];
	char acct[16];
	enum sc_kind kind;
	int cust;         /* -1: not a customer's money */
	int nlines;
	struct sc_line line[SC_MAX_LINES];
	int64_t on_account;
};

struct scenario {
	struct sc_customer *cust;
	int ncust;
	struct sc_invoice *inv;
	int ninv;
	struct sc_deposit *dep;
	int ndep;
};

/** Generate ncust customers and two months of invoices and deposits. */
void scenario_generate(struct scenario *s, int ncust, uint64_t seed);
/** Free what scenario_generate allocated. */
void scenario_free(struct scenario *s);
/** Half-width bank form of a full-width katakana text (small kana made
 *  large, ー as '-'); out must hold 3 × the input. */
void scenario_halfwidth(const char *in, char *out, size_t cap);

#endif
