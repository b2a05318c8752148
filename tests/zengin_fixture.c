/* zengin_fixture: building Zengin deposit records and files (see the header). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "zengin_fixture.h"

#define REC ZENGIN_RECORD_LEN

void
zfix_init(struct zfix_rec *r, char kind)
{
	memset(r->b, ' ', REC);
	r->b[0] = kind;
}

/* N field at 1-based pos: zero-padded; ZFIX_BLANK leaves spaces. */
void
zfix_put_n(struct zfix_rec *r, int pos, int len, long long v)
{
	char tmp[32];

	if (v < 0)
		return;
	snprintf(tmp, sizeof tmp, "%0*lld", len, v);
	memcpy(r->b + pos - 1, tmp, (size_t)len);
}

/* C field (or raw text) at pos: the bytes of s, the rest left as spaces. */
void
zfix_put_c(struct zfix_rec *r, int pos, const char *s)
{
	if (s)
		memcpy(r->b + pos - 1, s, strlen(s));
}

/* Header: kind "01" or "03", 作成日 = 勘定日 = made (和暦 YYMMDD). */
void
zfix_header(struct zfix_rec *r, const char *kind, const char *made, const char *account)
{
	zfix_init(r, '1');
	zfix_put_c(r, 2, kind);
	zfix_put_c(r, 4, "0");
	zfix_put_c(r, 5, made);
	zfix_put_c(r, 11, made);
	zfix_put_c(r, 17, made);
	zfix_put_c(r, 23, "0001");
	zfix_put_c(r, 27, K_MIZUHO);
	zfix_put_c(r, 42, "001");
	zfix_put_c(r, 45, K_HONTEN);
	if (!strcmp(kind, "03")) {
		zfix_put_c(r, 60, "0001");
		zfix_put_c(r, 64, account);
		zfix_put_c(r, 74, K_OURS);
		zfix_put_c(r, 114, "1");
		zfix_put_c(r, 115, "1");
		zfix_put_n(r, 116, 14, 5000000);
	} else {
		zfix_put_c(r, 60, "1");
		zfix_put_c(r, 61, account);
		zfix_put_c(r, 68, K_OURS);
	}
}


void
zfix_transfer(struct zfix_rec *r, const struct zfix_tx *t, bool format_b)
{
	zfix_init(r, '2');
	zfix_put_c(r, 2, t->ref);
	zfix_put_c(r, 8, t->book);
	zfix_put_c(r, 14, t->value);
	zfix_put_n(r, 20, 10, t->amount);
	zfix_put_n(r, 30, 10, t->other);
	zfix_put_n(r, 40, 10, t->code);
	zfix_put_c(r, 50, t->name);
	zfix_put_c(r, 98, t->rbank);
	zfix_put_c(r, 113, t->rbranch);
	zfix_put_c(r, 128, t->cancel);
	if (!format_b) {
		zfix_put_c(r, 129, t->edi);
		return;
	}
	zfix_put_n(r, 129, 12, t->amount2);
	zfix_put_n(r, 141, 12, 0);
	zfix_put_c(r, 153, t->edi);
}

void
zfix_transfer_trailer(struct zfix_rec *r, long long n, long long sum, long long cn, long long csum)
{
	zfix_init(r, '8');
	zfix_put_n(r, 2, 6, n);
	zfix_put_n(r, 8, 12, sum);
	zfix_put_n(r, 20, 6, cn);
	zfix_put_n(r, 26, 12, csum);
}


void
zfix_statement(struct zfix_rec *r, const struct zfix_st *s)
{
	zfix_init(r, '2');
	zfix_put_c(r, 2, s->ref);
	zfix_put_c(r, 10, s->book);
	zfix_put_c(r, 16, s->value);
	zfix_put_n(r, 22, 1, s->dir);
	zfix_put_n(r, 23, 2, s->type);
	zfix_put_n(r, 25, 12, s->amount);
	zfix_put_n(r, 37, 12, 0);
	zfix_put_n(r, 61, 1, 0);
	zfix_put_n(r, 62, 7, 0);
	zfix_put_n(r, 69, 3, 0);
	zfix_put_n(r, 72, 10, s->code);
	zfix_put_c(r, 82, s->name);
	zfix_put_c(r, 130, s->rbank);
	zfix_put_c(r, 145, s->rbranch);
	zfix_put_c(r, 160, s->memo);
	zfix_put_c(r, 180, s->edi);
}

void
zfix_statement_trailer(struct zfix_rec *r, long long in, long long in_sum, long long out,
		  long long out_sum, long long records)
{
	zfix_init(r, '8');
	zfix_put_n(r, 2, 6, in);
	zfix_put_n(r, 8, 13, in_sum);
	zfix_put_n(r, 21, 6, out);
	zfix_put_n(r, 27, 13, out_sum);
	zfix_put_c(r, 40, "1");
	zfix_put_n(r, 41, 14, 5000000 + in_sum - out_sum);
	zfix_put_n(r, 55, 7, records);
}

void
zfix_end(struct zfix_rec *r)
{
	zfix_init(r, '9');
}

/* The n records, each followed by sep (the last one only when final). */
void
zfix_join(struct strbuf *sb, const struct zfix_rec *rs, int n, const char *sep, bool final)
{
	sb_reset(sb);
	for (int i = 0; i < n; i++) {
		sb_add(sb, rs[i].b, REC);
		if (i < n - 1 || final)
			sb_adds(sb, sep);
	}
}
