/* outfile: whole-or-nothing files through a temporary file and a rename
 * (see outfile.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "outfile.h"
#include "strbuf.h"
#include "xalloc.h"

#define OUTFILE_TRIES 100
#define OUTFILE_BUFSZ (64 * 1024)

enum ur_status
outfile_check(const char *path, unsigned flags, struct ur_err *err)
{
	struct stat sb;

	if (lstat(path, &sb) != 0)
		return errno == ENOENT ? UR_OK
				       : ur_fail(err, UR_FAIL, _("cannot create %s: %s"), path,
						 strerror(errno));
	if (S_ISLNK(sb.st_mode) && !(flags & OUTFILE_REPLACE))
		return ur_fail(err, UR_INPUT, _("%s is a symbolic link; not writing through it"),
			       path);
	if (S_ISREG(sb.st_mode) && !(flags & OUTFILE_REPLACE))
		return ur_fail(err, UR_INPUT, _("%s already exists; not overwriting it"), path);
	if (!S_ISREG(sb.st_mode) && !S_ISLNK(sb.st_mode))
		return ur_fail(err, UR_INPUT, _("%s is not a regular file; not writing to it"),
			       path);
	return UR_OK;
}

/* Six letters and digits that differ between tries, processes and runs. */
static void
random_suffix(char *out)
{
	static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	static unsigned counter;
	struct timespec ts;
	uint64_t x;

	clock_gettime(CLOCK_REALTIME, &ts);
	x = (uint64_t)ts.tv_nsec * 2654435761u ^ (uint64_t)getpid() << 20 ^ ++counter * 40503u;
	for (int i = 0; i < 6; i++, x /= 36)
		out[i] = digits[x % 36];
	out[6] = '\0';
}

/* Create path's temporary file: DIR/.NAME.XXXXXX, never following a link. */
static enum ur_status
create_temp(struct outfile *f, mode_t mode, struct ur_err *err)
{
	const char *slash = strrchr(f->path, '/');
	size_t dirlen = slash ? (size_t)(slash - f->path) + 1 : 0;
	struct strbuf sb;
	char suffix[8];

	sb_init(&sb);
	for (int i = 0; i < OUTFILE_TRIES; i++) {
		random_suffix(suffix);
		sb_reset(&sb);
		sb_add(&sb, f->path, dirlen);
		sb_addf(&sb, ".%s.%s", f->path + dirlen, suffix);
		f->fd = open(sb.buf, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
		if (f->fd >= 0 || errno != EEXIST)
			break;
	}
	if (f->fd < 0) {
		ur_fail(err, UR_FAIL, _("cannot create %s: %s"), f->path, strerror(errno));
		sb_free(&sb);
		return UR_FAIL;
	}
	f->tmp = sb_detach(&sb);
	sb_free(&sb);
	return UR_OK;
}

enum ur_status
outfile_open(struct outfile *f, const char *path, mode_t mode, unsigned flags,
	     struct ur_err *err)
{
	enum ur_status rc;

	memset(f, 0, sizeof *f);
	f->fd = -1;
	if ((rc = outfile_check(path, flags, err)) != UR_OK)
		return rc;
	f->path = xstrdup(path);
	f->flags = flags;
	if ((rc = create_temp(f, mode, err)) != UR_OK) {
		free(f->path);
		f->path = NULL;
		return rc;
	}
	if (flags & OUTFILE_BY_NAME) {
		/* closed at once: closing it later would drop the other
		 * library's POSIX locks on the file */
		close(f->fd);
		f->fd = -1;
	}
	return UR_OK;
}

const char *
outfile_temp(const struct outfile *f)
{
	return f->tmp;
}

enum ur_status
outfile_status(const struct outfile *f, struct ur_err *err)
{
	if (!f->error)
		return UR_OK;
	return ur_fail(err, UR_FAIL, _("cannot write %s: %s"), f->path, strerror(f->error));
}

/* Write all n bytes to the file, each write(2) checked. */
static void
write_all(struct outfile *f, const char *p, size_t n)
{
	ssize_t w;

	while (n && !f->error) {
		if (f->fd < 0)
			f->error = EBADF;
		else if ((w = write(f->fd, p, n)) >= 0) {
			p += w;
			n -= (size_t)w;
		} else if (errno != EINTR) {
			f->error = errno;
		}
	}
}

static void
flush_pending(struct outfile *f)
{
	write_all(f, f->pending.buf, f->pending.len);
	sb_reset(&f->pending);
}

enum ur_status
outfile_write(struct outfile *f, const void *buf, size_t n, struct ur_err *err)
{
	if (f->error)
		return outfile_status(f, err);
	if (f->pending.len + n < OUTFILE_BUFSZ) {
		sb_add(&f->pending, buf, n);
		return UR_OK;
	}
	flush_pending(f);
	write_all(f, buf, n);
	return outfile_status(f, err);
}

enum ur_status
outfile_close(struct outfile *f, struct ur_err *err)
{
	if (f->closed || f->error)
		return outfile_status(f, err);
	flush_pending(f);
	if (!f->error && !(f->flags & OUTFILE_BATCH)) {
		if (f->fd < 0 && (f->fd = open(f->tmp, O_RDONLY | O_CLOEXEC)) < 0)
			f->error = errno;
		else if (fsync(f->fd) != 0)
			f->error = errno;
	}
	if (f->fd >= 0 && close(f->fd) != 0 && !f->error)
		f->error = errno;
	f->fd = -1;
	f->closed = !f->error;
	return outfile_status(f, err);
}

/* The directory part of path, malloc'd. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
}

/* Flush everything written to path's file system to the disk at once: a
 * batch's files in one go instead of one fsync each. */
static enum ur_status
sync_fs(const char *path, struct ur_err *err)
{
	char *dir = dir_of(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc = 0;

#if HAVE_SYNCFS
	rc = fd < 0 || syncfs(fd) != 0 ? -1 : 0;
#else
	sync();
#endif
	if (rc != 0)
		ur_fail(err, UR_FAIL, _("cannot write %s: %s"), dir, strerror(errno));
	if (fd >= 0)
		close(fd);
	free(dir);
	return rc == 0 ? UR_OK : UR_FAIL;
}

/* Make the renames in path's directory durable. Best effort: some file
 * systems cannot sync a directory, and the files are in place either way. */
static void
sync_dir(const char *path)
{
	char *dir = dir_of(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Rename without replacing: renameat2 where the file system has it, else
 * a hard link (which fails on an existing name) and an unlink. */
static int
rename_new(const char *from, const char *to)
{
#if HAVE_RENAMEAT2
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
#endif
	if (link(from, to) != 0)
		return -1;
	unlink(from);
	return 0;
}

/* Rename the closed temporary file to the target. */
static enum ur_status
place(struct outfile *f, struct ur_err *err)
{
	int e;

	if ((f->flags & OUTFILE_REPLACE ? rename(f->tmp, f->path)
					 : rename_new(f->tmp, f->path)) == 0) {
		free(f->tmp);
		f->tmp = NULL;
		return UR_OK;
	}
	e = errno;
	if (e == EEXIST)
		return ur_fail(err, UR_INPUT, _("%s already exists; not overwriting it"), f->path);
	return ur_fail(err, UR_FAIL, _("cannot write %s: %s"), f->path, strerror(e));
}

enum ur_status
outfile_commit(struct outfile *f, struct ur_err *err)
{
	enum ur_status rc = outfile_close(f, err);

	if (rc == UR_OK && (rc = place(f, err)) == UR_OK)
		sync_dir(f->path);
	outfile_abort(f);
	return rc;
}

enum ur_status
outfile_commit_all(struct outfile *f, size_t n, struct ur_err *err)
{
	enum ur_status rc = UR_OK;
	size_t i, placed = 0;

	for (i = 0; i < n && rc == UR_OK; i++)
		rc = outfile_close(&f[i], err);
	if (rc == UR_OK && n)
		rc = sync_fs(f[0].path, err);
	for (i = 0; i < n && rc == UR_OK; i++)
		if ((rc = place(&f[i], err)) == UR_OK)
			placed++;
	if (placed)
		sync_dir(f[0].path);
	for (i = 0; i < n; i++)
		outfile_abort(&f[i]);
	return rc;
}

void
outfile_abort(struct outfile *f)
{
	if (f->tmp && f->fd >= 0)
		close(f->fd);
	if (f->tmp)
		unlink(f->tmp);
	free(f->tmp);
	free(f->path);
	sb_free(&f->pending);
	f->tmp = f->path = NULL;
	f->fd = -1;
}

enum ur_status
outfile_put(const char *path, const void *buf, size_t n, mode_t mode, unsigned flags,
	    struct ur_err *err)
{
	struct outfile f;
	enum ur_status rc;

	if ((rc = outfile_open(&f, path, mode, flags, err)) != UR_OK)
		return rc;
	if ((rc = outfile_write(&f, buf, n, err)) != UR_OK) {
		outfile_abort(&f);
		return rc;
	}
	return outfile_commit(&f, err);
}
