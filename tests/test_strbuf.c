/* Unit tests for strbuf: formatting, detaching and reading whole files. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "tap.h"

static void
write_file(const char *path, const char *bytes, size_t n)
{
	FILE *f = fopen(path, "wb");

	fwrite(bytes, 1, n, f);
	fclose(f);
}

static void
test_read_file(const char *dir)
{
	struct strbuf sb, path;
	char *s;

	sb_init(&path);
	sb_addf(&path, "%s/strbuf.txt", dir);
	write_file(path.buf, "a\0b\n", 4);
	sb_init(&sb);
	sb_adds(&sb, "x");
	tap_ok(sb_read_file(&sb, path.buf), "read_file: a file reads");
	tap_is_int((long long)sb.len, 5, "read_file: appends every byte, NUL included");
	tap_ok(memcmp(sb.buf, "xa\0b\n", 6) == 0, "read_file: bytes and terminator");
	sb_reset(&sb);
	errno = 0;
	tap_ok(!sb_read_file(&sb, "/nonexistent/urikake"), "read_file: missing file fails");
	tap_is_int(errno, ENOENT, "read_file: missing file says ENOENT");
	tap_ok(!sb_read_file(&sb, dir), "read_file: a directory fails");
	tap_is_int(errno, EISDIR, "read_file: a directory says EISDIR");
	s = sb_slurp(path.buf);
	tap_ok(s && s[0] == 'a' && s[1] == '\0', "slurp: whole file, NUL-terminated");
	free(s);
	tap_ok(sb_slurp("/nonexistent/urikake") == NULL, "slurp: missing file is NULL");
	sb_free(&sb);
	sb_free(&path);
}

TAP_SUITE(strbuf)
{
	struct strbuf sb;
	char *s;

	sb_init(&sb);
	sb_addf(&sb, "%s-%d", "INV", 42);
	sb_addc(&sb, '!');
	tap_is_str(sb.buf, "INV-42!", "addf and addc append");
	sb_fit(&sb);
	tap_ok(sb.cap == sb.len + 1 && !strcmp(sb.buf, "INV-42!"), "fit: to the text and its NUL");
	s = sb_detach(&sb);
	tap_is_str(s, "INV-42!", "detach hands over the string");
	tap_ok(sb.buf == NULL && sb.len == 0, "detach leaves the buffer empty");
	free(s);
	sb_addc(&sb, '?');
	sb_fit(&sb);
	sb_addc(&sb, '!');
	tap_is_str(sb.buf, "?!", "a fitted buffer grows again");
	sb_free(&sb);
	test_read_file(tap_tmpdir());
}
