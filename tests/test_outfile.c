/* Unit tests for outfile: a file appears whole at commit and not before,
 * an aborted one leaves nothing, existing files and symbolic links are
 * refused unless OUTFILE_REPLACE, which replaces a link and never writes
 * through it. (A full disk: tests/cli/faults.sh.) */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "netfs.h"
#include "outfile.h"
#include "strbuf.h"
#include "tap.h"

/* How many entries dir holds (. and .. aside). */
static int
entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)))
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	if (d)
		closedir(d);
	return n;
}

static char *
read_all(const char *path)
{
	char *s = sb_slurp(path);

	return s ? s : strdup("(none)");
}

static void
test_commit(const char *dir, const char *path)
{
	struct outfile f;
	struct ur_err err;
	struct stat sb;
	mode_t mask;
	char *s;

	ur_err_clear(&err);
	tap_ok(outfile_open(&f, path, 0640, 0, &err) == UR_OK, "open a new file");
	tap_ok(outfile_write(&f, "hello ", 6, &err) == UR_OK &&
		       outfile_write(&f, "world", 5, &err) == UR_OK,
	       "writes succeed");
	tap_ok(access(path, F_OK) != 0, "the target does not exist before the commit");
	tap_is_int(entries(dir), 1, "one temporary file meanwhile");
	tap_ok(strncmp(strrchr(outfile_temp(&f), '/'), "/.doc.txt.", 10) == 0,
	       "... hidden, beside the target: %s", outfile_temp(&f));
	tap_ok(outfile_commit(&f, &err) == UR_OK, "commit");
	tap_is_str(s = read_all(path), "hello world", "the file holds every byte");
	free(s);
	umask(mask = umask(0));
	tap_ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == (0640 & ~mask),
	       "the mode asked for, less the umask");
	tap_is_int(entries(dir), 1, "no temporary file left");
}

static void
test_refusals(const char *dir, const char *path, const char *link)
{
	struct outfile f;
	struct ur_err err;
	char *s;

	ur_err_clear(&err);
	tap_is_int(outfile_open(&f, path, 0644, 0, &err), UR_INPUT, "an existing file is refused");
	tap_ok(strstr(err.msg, "already exists") != NULL, "... saying so: %s", err.msg);
	tap_ok(symlink(path, link) == 0, "plant a link");
	ur_err_clear(&err);
	tap_is_int(outfile_open(&f, link, 0644, 0, &err), UR_INPUT, "a link is refused");
	tap_is_int(outfile_put(link, "evil", 4, 0644, OUTFILE_REPLACE, &err), UR_OK,
		   "OUTFILE_REPLACE writes at a link");
	tap_is_str(s = read_all(path), "hello world", "... never through it");
	free(s);
	tap_is_str(s = read_all(link), "evil", "... but replaces the link itself");
	free(s);
	ur_err_clear(&err);
	tap_is_int(outfile_open(&f, dir, 0644, OUTFILE_REPLACE, &err), UR_INPUT,
		   "a directory is refused, even with OUTFILE_REPLACE");
	tap_is_int(outfile_open(&f, "/dev/null", 0644, OUTFILE_REPLACE, &err), UR_INPUT,
		   "so is a device");
}

static void
test_abort(const char *dir, const char *path)
{
	struct outfile f;
	struct ur_err err;
	char *s, target[64];
	ssize_t n;

	ur_err_clear(&err);
	tap_ok(outfile_open(&f, path, 0644, OUTFILE_REPLACE, &err) == UR_OK,
	       "replacing an existing file");
	outfile_write(&f, "half", 4, &err);
	outfile_abort(&f);
	tap_is_str(s = read_all(path), "hello world", "an abort leaves the old file");
	free(s);
	tap_is_int(entries(dir), 2, "... and no temporary file");
	memset(&f, 0, sizeof f);
	outfile_abort(&f);
	tap_ok(fcntl(0, F_GETFD) != -1, "aborting a zeroed outfile closes no descriptor");
	unlink(path);
	tap_ok(outfile_open(&f, path, 0644, 0, &err) == UR_OK, "a new file");
	tap_ok(symlink("elsewhere", path) == 0, "... whose name another takes meanwhile");
	ur_err_clear(&err);
	tap_is_int(outfile_commit(&f, &err), UR_INPUT, "... is not put in its place");
	n = readlink(path, target, sizeof target - 1);
	target[n > 0 ? n : 0] = '\0';
	tap_is_str(target, "elsewhere", "... the other one stays");
	tap_is_int(entries(dir), 2, "... and the temporary file is gone");
}

static void
test_batch(const char *dir)
{
	struct outfile f[3];
	struct strbuf p[3];
	struct ur_err err;
	char *s;
	int i, ok = 1;

	ur_err_clear(&err);
	for (i = 0; i < 3; i++) {
		sb_init(&p[i]);
		sb_addf(&p[i], "%s/batch-%d.txt", dir, i);
		ok &= outfile_open(&f[i], p[i].buf, 0644, OUTFILE_BATCH, &err) == UR_OK &&
		      outfile_write(&f[i], "batch", 5, &err) == UR_OK &&
		      outfile_close(&f[i], &err) == UR_OK;
	}
	tap_ok(ok, "three files of a batch, written and closed");
	tap_ok(access(p[0].buf, F_OK) != 0, "... none in place yet");
	tap_ok(outfile_commit_all(f, 3, &err) == UR_OK, "commit them together");
	for (i = 0, ok = 1; i < 3; i++) {
		ok &= strcmp(s = read_all(p[i].buf), "batch") == 0;
		free(s);
		unlink(p[i].buf);
		sb_free(&p[i]);
	}
	tap_ok(ok, "... each whole in its place");
	tap_is_int(entries(dir), 0, "... and no temporary file left");
}

/* Network file systems by their statfs type; a local directory is none,
 * nor a file not created yet in it; the test override stands in. */
static void
test_netfs(const char *dir)
{
	char path[512];

	tap_is_str(netfs_name_of(0x6969), "nfs", "netfs: NFS by its type");
	tap_is_str(netfs_name_of(0xff534d42UL), "cifs", "netfs: a Windows share (CIFS)");
	tap_ok(netfs_name_of(0xef53) == NULL, "netfs: ext4 is local");
	tap_ok(netfs_name_of(0x01021994) == NULL, "netfs: tmpfs is local");
	snprintf(path, sizeof path, "%s/not-yet.db", dir);
	unsetenv("URIKAKE_TEST_FS_MAGIC");
	tap_ok(netfs_name(dir) == NULL && netfs_name(path) == NULL,
	       "netfs: the test directory, and a file not made yet in it, are local");
	setenv("URIKAKE_TEST_FS_MAGIC", "517b", 1);
	tap_is_str(netfs_name(path), "smb", "netfs: the test override stands in for statfs");
	unsetenv("URIKAKE_TEST_FS_MAGIC");
}

TAP_SUITE(outfile)
{
	struct strbuf dir, path, link;

	sb_init(&dir);
	sb_init(&path);
	sb_init(&link);
	sb_addf(&dir, "%s/outfile", tap_tmpdir());
	mkdir(dir.buf, 0700);
	sb_addf(&path, "%s/doc.txt", dir.buf);
	sb_addf(&link, "%s/link.txt", dir.buf);
	test_commit(dir.buf, path.buf);
	test_refusals(dir.buf, path.buf, link.buf);
	test_abort(dir.buf, path.buf);
	unlink(path.buf);
	unlink(link.buf);
	test_batch(dir.buf);
	test_netfs(dir.buf);
	rmdir(dir.buf);
	sb_free(&dir);
	sb_free(&path);
	sb_free(&link);
}
