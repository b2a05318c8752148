/* docprint: statement and letter PDFs and lp (see docprint.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "date.h"
#include "docprint.h"
#include "i18n.h"
#include "outfile.h"
#include "pdf.h"
#include "xalloc.h"

void
docprint_draw(struct pdf *p, const struct statement *s, const struct dunning_letter *d,
	      const struct company *c)
{
	if (d)
		pdf_letter(p, d, c);
	else
		pdf_statement(p, s, c);
}

enum ur_status
docprint_pdf(const struct statement *s, const struct dunning_letter *d, const struct company *c,
	     const char *path, int *pages, struct ur_err *err)
{
	struct outfile file;
	struct pdf *p;

	if (outfile_open(&file, path, 0666, OUTFILE_REPLACE, err) != UR_OK)
		return err->status;
	if (pdf_open(&file, &p, err) != UR_OK) {
		outfile_abort(&file);
		return err->status;
	}
	docprint_draw(p, s, d, c);
	if (pages)
		*pages = pdf_pages(p);
	if (pdf_close(p, err) != UR_OK) {
		outfile_abort(&file);
		return err->status;
	}
	return outfile_commit(&file, err);
}

char *
docprint_file_name(const char *kind, const char *code, int32_t day)
{
	struct strbuf sb;
	char d[DATE_ISO_SIZE], *path;

	sb_init(&sb);
	sb_addf(&sb, "%s-", kind);
	for (const char *p = code; *p; p++)
		sb_addc(&sb, (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
				     (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ? *p : '_');
	date_format_iso(day, d);
	sb_addf(&sb, "-%s.pdf", d);
	path = sb_detach(&sb);
	sb_free(&sb);
	return path;
}

/* Start lp with its output into fd and no input; errno-style error or 0. */
static int
spawn_lp(pid_t *pid, int fd, const char *path, const char *printer)
{
	char *argv[6], *const *args = argv;
	posix_spawn_file_actions_t fa;
	extern char **environ;
	int n = 0, rc;

	argv[n++] = unconst("lp");
	if (printer && *printer) {
		argv[n++] = unconst("-d");
		argv[n++] = unconst(printer);
	}
	argv[n++] = unconst("--");
	argv[n++] = unconst(path);
	argv[n] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fd, STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, fd, STDERR_FILENO);
	rc = posix_spawnp(pid, "lp", &fa, NULL, args, environ);
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

enum ur_status
docprint_lp(const char *path, const char *printer, struct strbuf *job, struct ur_err *err)
{
	char out[512];
	int fd[2], status = 0, rc;
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	if (pipe(fd) != 0)
		return ur_fail(err, UR_FAIL, _("cannot run lp: %s; the PDF is saved as %s"),
			       strerror(errno), path);
	if ((rc = spawn_lp(&pid, fd[1], path, printer)) != 0) {
		close(fd[0]);
		close(fd[1]);
		if (rc == ENOENT)
			return ur_fail(err, UR_FAIL, _("cannot print: lp (CUPS) is not installed; "
						       "the PDF is saved as %s"), path);
		return ur_fail(err, UR_FAIL, _("cannot run lp: %s; the PDF is saved as %s"),
			       strerror(rc), path);
	}
	close(fd[1]);
	while (len + 1 < sizeof out && (n = read(fd[0], out + len, sizeof out - 1 - len)) > 0)
		len += (size_t)n;
	out[len] = '\0';
	close(fd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	out[strcspn(out, "\n")] = '\0';
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return ur_fail(err, UR_FAIL, _("cannot print %s: %s; the PDF is saved as %s"), path,
			       *out ? out : _("lp failed"), path);
	sb_reset(job);
	sb_adds(job, out);
	return UR_OK;
}
