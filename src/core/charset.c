/* charset: character set names and (streaming) conversion to UTF-8 with
 * iconv; detection lives in charset_detect.c. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

struct charset_name {
	const char *alias;     /* upper case, without '-' and '_' */
	const char *canonical; /* what charset_canonical returns */
	const char *iconv;     /* iconv name; NULL for UTF-8 (validated here) */
};

static const struct charset_name names[] = {
	{"UTF8", "UTF-8", NULL},
	{"CP932", "CP932", "CP932"},
	{"SHIFTJIS", "CP932", "CP932"},
	{"SJIS", "CP932", "CP932"},
	{"MS932", "CP932", "CP932"},
	{"WINDOWS31J", "CP932", "CP932"},
	{"GB18030", "GB18030", "GB18030"},
	{"GBK", "GB18030", "GB18030"},
	{"GB2312", "GB18030", "GB18030"},
	{"CP936", "GB18030", "GB18030"},
	{"SHIFTJISSTRICT", "SHIFT_JIS-STRICT", "SHIFT_JIS"},
	{"GBKSTRICT", "GBK-STRICT", "GBK"},
};

#define CARRY_MAX 8

enum step { STEP_OK, STEP_BAD, STEP_SHORT };

struct charset_conv {
	const char *name;    /* canonical name, for messages */
	iconv_t cd;          /* (iconv_t)-1 for UTF-8 input */
	size_t pos;          /* absolute offset of the first unconverted byte */
	size_t lines;        /* newlines before pos */
	bool bom_pending;    /* the first character has not been emitted yet */
	bool failed;
	size_t carry_len;
	char carry[CARRY_MAX]; /* unfinished character from the previous chunk */
};

static const struct charset_name *
lookup(const char *name)
{
	char key[32];
	size_t i, k = 0;

	if (!name)
		return NULL;
	for (i = 0; name[i]; i++) {
		char ch = name[i];

		if (ch == '-' || ch == '_')
			continue;
		if (k + 1 >= sizeof(key))
			return NULL;
		key[k++] = (ch >= 'a' && ch <= 'z') ? (char)(ch - 'a' + 'A') : ch;
	}
	key[k] = '\0';
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(key, names[i].alias) == 0)
			return &names[i];
	return NULL;
}

const char *
charset_canonical(const char *name)
{
	const struct charset_name *cs = lookup(name);

	return cs ? cs->canonical : NULL;
}

struct charset_conv *
charset_conv_open(const char *enc, struct ur_err *err)
{
	const struct charset_name *cs = lookup(enc);
	struct charset_conv *c;
	iconv_t cd = (iconv_t)-1;

	if (!cs) {
		ur_fail(err, UR_USAGE,
			_("unknown character set \"%s\" (use UTF-8, CP932, GB18030, "
			  "SHIFT_JIS-STRICT or GBK-STRICT)"), enc ? enc : "");
		return NULL;
	}
	if (cs->iconv) {
		cd = iconv_open("UTF-8", cs->iconv);
		if (cd == (iconv_t)-1) {
			ur_fail(err, UR_FAIL, _("cannot convert from %s: %s"),
				cs->canonical, strerror(errno));
			return NULL;
		}
	}
	c = xcalloc(1, sizeof(*c));
	c->name = cs->canonical;
	c->cd = cd;
	c->bom_pending = true;
	return c;
}

void
charset_conv_close(struct charset_conv *c)
{
	if (!c)
		return;
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	free(c);
}

size_t
charset_conv_offset(const struct charset_conv *c)
{
	return c->pos;
}

/* Append converted text, dropping a byte order mark at the very start.
 * Each call holds whole characters, so the first one is never split. */
static void
emit(struct charset_conv *c, struct strbuf *out, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (c->bom_pending) {
		c->bom_pending = false;
		if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3;
			n -= 3;
		}
	}
	sb_add(out, s, n);
}

/* Validate UTF-8 input, emitting the valid whole characters. */
static enum step
step_utf8(struct charset_conv *c, const char *in, size_t n, size_t *used, struct strbuf *out)
{
	size_t bad;

	if (utf8_valid(in, n, &bad)) {
		emit(c, out, in, n);
		*used = n;
		return STEP_OK;
	}
	emit(c, out, in, bad);
	*used = bad;
	return utf8_truncated(in + bad, n - bad) ? STEP_SHORT : STEP_BAD;
}

static enum step
step_iconv(struct charset_conv *c, const char *in, size_t n, size_t *used, struct strbuf *out)
{
	char tmp[4096];
	char *ip = unconst(in);
	size_t left = n;

	for (;;) {
		char *op = tmp;
		size_t room = sizeof(tmp);
		size_t r = iconv(c->cd, &ip, &left, &op, &room);
		int e = errno;

		emit(c, out, tmp, (size_t)(op - tmp));
		*used = n - left;
		if (r != (size_t)-1 && left == 0)
			return STEP_OK;
		if (r == (size_t)-1 && e == EINVAL)
			return STEP_SHORT;
		if (r == (size_t)-1 && e != E2BIG)
			return STEP_BAD;
	}
}

static enum step
step(struct charset_conv *c, const char *in, size_t n, size_t *used, struct strbuf *out)
{
	if (c->cd == (iconv_t)-1)
		return step_utf8(c, in, n, used, out);
	return step_iconv(c, in, n, used, out);
}

/* Count the newlines of the n converted bytes at s and move pos past them. */
static void
advance(struct charset_conv *c, const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		c->lines++;
		p++;
	}
	c->pos += n;
}

static enum ur_status
fail_bad(struct charset_conv *c, unsigned char byte, struct ur_err *err)
{
	c->failed = true;
	return ur_fail(err, UR_INPUT,
		       _("invalid %s data at byte offset %zu (line %zu, byte 0x%02X)"),
		       c->name, c->pos, c->lines + 1, byte);
}

static enum ur_status
fail_short(struct charset_conv *c, struct ur_err *err)
{
	c->failed = true;
	return ur_fail(err, UR_INPUT,
		       _("incomplete %s character at end of input (byte offset %zu, line %zu)"),
		       c->name, c->pos, c->lines + 1);
}

/* Finish the character carried over from the previous chunk with the first
 * bytes of in; returns how many bytes of in that used. */
static enum ur_status
feed_carry(struct charset_conv *c, const char *in, size_t n, size_t *skip,
	   struct strbuf *out, struct ur_err *err)
{
	char tmp[CARRY_MAX + 16];
	size_t k = n < 16 ? n : 16, used, total = c->carry_len + k;
	enum step st;

	memcpy(tmp, c->carry, c->carry_len);
	memcpy(tmp + c->carry_len, in, k);
	st = step(c, tmp, total, &used, out);
	advance(c, tmp, used);
	if (st == STEP_BAD || (st == STEP_SHORT && used < c->carry_len && k < n))
		return fail_bad(c, (unsigned char)tmp[used], err);
	if (st == STEP_SHORT && used < c->carry_len) {
		if (total - used > CARRY_MAX)
			return fail_bad(c, (unsigned char)tmp[used], err);
		c->carry_len = total - used;
		memmove(c->carry, tmp + used, c->carry_len);
		*skip = n;
		return UR_OK;
	}
	*skip = used - c->carry_len;
	c->carry_len = 0;
	return UR_OK;
}

enum ur_status
charset_conv_feed(struct charset_conv *c, const char *in, size_t n, bool last,
		  struct strbuf *out, struct ur_err *err)
{
	size_t skip = 0, used;
	enum step st;

	if (c->failed)
		return ur_fail(err, UR_INPUT, _("conversion from %s already failed at byte offset %zu"),
			       c->name, c->pos);
	if (c->carry_len > 0 && n > 0 && feed_carry(c, in, n, &skip, out, err) != UR_OK)
		return UR_INPUT;
	in += skip;
	n -= skip;
	if (n > 0 && c->carry_len == 0) {
		st = step(c, in, n, &used, out);
		advance(c, in, used);
		if (st == STEP_BAD || (st == STEP_SHORT && n - used > CARRY_MAX))
			return fail_bad(c, (unsigned char)in[used], err);
		if (st == STEP_SHORT) {
			c->carry_len = n - used;
			memcpy(c->carry, in + used, c->carry_len);
		}
	}
	if (last && c->carry_len > 0)
		return fail_short(c, err);
	return UR_OK;
}

enum ur_status
charset_to_utf8(const char *enc, const char *in, size_t n, struct strbuf *out,
		size_t *bad_offset, struct ur_err *err)
{
	struct charset_conv *c = charset_conv_open(enc, err);
	size_t start = out->len;
	enum ur_status st;

	if (!c)
		return lookup(enc) ? UR_FAIL : UR_USAGE;
	st = charset_conv_feed(c, in, n, true, out, err);
	if (st != UR_OK) {
		if (bad_offset)
			*bad_offset = c->pos;
		out->len = start;
		out->buf[start] = '\0';
	}
	charset_conv_close(c);
	return st;
}
