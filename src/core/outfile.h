/* outfile: writing a file whole or not at all — the one way urikake
 * writes a document, an export or a backup. The bytes go to a hidden
 * temporary file beside the target (.NAME.XXXXXX), every write is
 * checked, and outfile_commit makes them durable (fsync) before renaming
 * the file into place: a full disk, an error or a kill -9 leave the
 * target as it was, never empty or cut short. An existing target is
 * refused unless OUTFILE_REPLACE; a symbolic link is never written
 * through (with OUTFILE_REPLACE the link itself is replaced). Prints
 * nothing. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_OUTFILE_H
#define UR_SRC_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "err.h"
#include "strbuf.h"

enum {
	OUTFILE_REPLACE = 1, /* an existing file or link at the path is replaced */
	OUTFILE_BY_NAME = 2, /* another library writes the temporary file by its name */
	OUTFILE_BATCH = 4,   /* one of many for outfile_commit_all, which syncs them */
};

struct outfile {
	char *path; /* the target */
	char *tmp;  /* the temporary file beside it */
	int fd;     /* its descriptor; -1 once closed (or with OUTFILE_BY_NAME) */
	unsigned flags;
	int error;  /* errno of the first failed write; 0 while none */
	bool closed;
	struct strbuf pending; /* bytes not yet written (cairo writes a few at a time) */
};

/** Whether path may be written with these flags: UR_INPUT (nothing
 *  written) for an existing file or a symbolic link without
 *  OUTFILE_REPLACE, and always for a directory, device or pipe. */
enum ur_status outfile_check(const char *path, unsigned flags, struct ur_err *err);
/** Check path, then create its temporary file with mode (umask applied). */
enum ur_status outfile_open(struct outfile *f, const char *path, mode_t mode, unsigned flags,
			    struct ur_err *err);
/** The temporary file's name (for OUTFILE_BY_NAME). */
const char *outfile_temp(const struct outfile *f);
/** Write all n bytes (buffered: a failure may show at a later write or at
 *  outfile_close); after one failure every later write fails too. The
 *  message names the target. err may be NULL. */
enum ur_status outfile_write(struct outfile *f, const void *buf, size_t n, struct ur_err *err);
/** UR_FAIL, naming the target and the reason, when a write has failed. */
enum ur_status outfile_status(const struct outfile *f, struct ur_err *err);
/** Flush the temporary file to the disk (fsync; with OUTFILE_BATCH that
 *  is left to outfile_commit_all) and close it; the target is still
 *  untouched. Idempotent. */
enum ur_status outfile_close(struct outfile *f, struct ur_err *err);
/** Close, then rename the temporary file to the target (not replacing an
 *  existing one unless OUTFILE_REPLACE). Releases f whatever happens: on
 *  failure the temporary file is removed and the target is as it was. */
enum ur_status outfile_commit(struct outfile *f, struct ur_err *err);
/** Commit n files of one directory together: close them, flush them to
 *  the disk at once (syncfs: one sync, not n), then rename each into
 *  place. Releases them all; at the first failure the rest are removed. */
enum ur_status outfile_commit_all(struct outfile *f, size_t n, struct ur_err *err);
/** Remove the temporary file and release f (no-op on a released or
 *  zeroed f). */
void outfile_abort(struct outfile *f);
/** The n bytes at buf as the file at path, whole or not at all. */
enum ur_status outfile_put(const char *path, const void *buf, size_t n, mode_t mode,
			   unsigned flags, struct ur_err *err);

#endif
