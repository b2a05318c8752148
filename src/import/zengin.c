/* zengin: the Zengin deposit parser's entry points and its framing —
 * cutting 200-byte records out of the input, chunk by chunk, with or
 * without CR/LF separators (the records themselves: zengin_rec.c). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "i18n.h"
#include "xalloc.h"
#include "zengin_priv.h"

#define CHUNK (64 * 1024)

enum ur_status
zengin_fail(struct zengin_parser *p, unsigned long recno, uint64_t off, const char *fmt, ...)
{
	char reason[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	return ur_fail(p->err, UR_INPUT, _("RECORD %lu (byte %llu): %s"), recno,
		       (unsigned long long)off, reason);
}

/* The current record has only p->have bytes before a line break (or the
 * end of the file). When it directly follows one whole record on the same
 * line, that record is the one too long. */
static enum ur_status
zg_bad_length(struct zengin_parser *p, bool at_eof)
{
	uint64_t end = p->rec_off + p->have;

	if (p->rec_off - p->line_start == REC && (!at_eof || p->line_start > 0))
		return zengin_fail(p, p->recno - 1, p->line_start,
				   _("record length is %llu bytes, not 200"),
				   (unsigned long long)(end - p->line_start));
	return zengin_fail(p, p->recno, p->rec_off, _("record length is %llu bytes, not 200"),
			   (unsigned long long)p->have);
}

/* Index of the first CR or LF among the n bytes at s, or n. */
static size_t
zg_first_break(const unsigned char *s, size_t n)
{
	const unsigned char *lf = memchr(s, '\n', n);
	const unsigned char *cr = memchr(s, '\r', lf ? (size_t)(lf - s) : n);

	return cr ? (size_t)(cr - s) : lf ? (size_t)(lf - s) : n;
}

/* Take the next piece of the file: records are cut out of it (copied only
 * when split across pieces), line breaks between records skipped. */
static enum ur_status
zg_feed(struct zengin_parser *p, const unsigned char *s, size_t n)
{
	enum ur_status st = UR_OK;

	while (n > 0 && st == UR_OK) {
		size_t take;

		if (p->have == 0) {
			size_t k = 0;

			while (k < n && (s[k] == '\r' || s[k] == '\n'))
				k++;
			s += k, n -= k, p->pos += k;
			if (k > 0) {
				p->line_start = p->pos;
				continue;
			}
			p->rec_off = p->pos;
			if (n >= REC && zg_first_break(s, REC) == REC) {
				s += REC, n -= REC, p->pos += REC;
				st = zengin_record(p, s - REC);
				continue;
			}
		}
		take = REC - p->have < n ? REC - p->have : n;
		if (zg_first_break(s, take) < take) {
			p->have += zg_first_break(s, take);
			return zg_bad_length(p, false);
		}
		memcpy(p->rec + p->have, s, take);
		p->have += take, s += take, n -= take, p->pos += take;
		if (p->have == REC) {
			p->have = 0;
			st = zengin_record(p, p->rec);
		}
	}
	return st;
}

/* The end of the file: no partial record (a DOS end-of-file mark ^Z after
 * the end record is allowed), and the end record seen. */
static enum ur_status
zg_finish(struct zengin_parser *p)
{
	if (p->have > 0 && !(p->have == 1 && p->rec[0] == 0x1A && p->state == ZG_END))
		return zg_bad_length(p, true);
	if (p->state == ZG_END)
		return UR_OK;
	if (p->sum.records == 0)
		return zengin_fail(p, p->recno, p->pos, _("the file has no records"));
	return zengin_fail(p, p->recno, p->pos, _("missing end record (データ区分 9)"));
}

static void
zg_init(struct zengin_parser *p, const struct zengin_opts *o, bank_deposit_fn fn, void *ctx,
	struct ur_err *err)
{
	memset(p, 0, sizeof *p);
	p->o = o;
	p->fn = fn;
	p->ctx = ctx;
	p->err = err;
	p->state = ZG_START;
	p->recno = 1;
	p->reiwa = date_from_ymd(2019, 5, 1);
	p->heisei = date_from_ymd(1989, 1, 8);
	ur_err_clear(err);
}

enum ur_status
zengin_parse_mem(const char *buf, size_t n, const struct zengin_opts *o, bank_deposit_fn fn,
		 void *ctx, struct zengin_summary *sum, struct ur_err *err)
{
	struct zengin_parser p;
	enum ur_status st;

	zg_init(&p, o, fn, ctx, err);
	st = zg_feed(&p, (const unsigned char *)buf, n);
	if (st == UR_OK)
		st = zg_finish(&p);
	if (sum)
		*sum = p.sum;
	return st;
}

enum ur_status
zengin_parse_fd(int fd, const struct zengin_opts *o, bank_deposit_fn fn, void *ctx,
		struct zengin_summary *sum, struct ur_err *err)
{
	struct zengin_parser p;
	unsigned char *chunk = xmalloc(CHUNK);
	enum ur_status st = UR_OK;
	ssize_t got;

	zg_init(&p, o, fn, ctx, err);
	while (st == UR_OK) {
		got = read(fd, chunk, CHUNK);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			st = ur_fail(err, UR_FAIL, _("cannot read the file: %s"), strerror(errno));
		else if (got == 0)
			break;
		else
			st = zg_feed(&p, chunk, (size_t)got);
	}
	if (st == UR_OK)
		st = zg_finish(&p);
	free(chunk);
	if (sum)
		*sum = p.sum;
	return st;
}

bool
zengin_sniff(const char *head, size_t n)
{
	const unsigned char *h = (const unsigned char *)head;

	if (n < 4)
		return false;
	/* EBCDIC "1011" / "1031": claim it, so that the parser explains. */
	if (h[0] == 0xF1 && h[1] == 0xF0 && (h[2] == 0xF1 || h[2] == 0xF3) && h[3] == 0xF1)
		return true;
	if (h[0] != '1' || h[1] != '0' || (h[2] != '1' && h[2] != '3') ||
	    (h[3] != '0' && h[3] != '1' && h[3] != ' '))
		return false;
	/* 作成日 and the period: digits or spaces */
	for (size_t i = 4; i < 22 && i < n; i++)
		if ((h[i] < '0' || h[i] > '9') && h[i] != ' ')
			return false;
	/* then a line break or the next record */
	return n <= REC || h[REC] == '\r' || h[REC] == '\n' || h[REC] == '2' || h[REC] == '8';
}
