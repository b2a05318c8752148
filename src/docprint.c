/* docprint: statement PDFs and lp (see docprint.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "date.h"
#include "docprint.h"
#include "i18n.h"
#include "pdf.h"

enum ur_status
docprint_statement_pdf(const struct statement *s, const struct company *c, const char *path,
		       int *pages, struct ur_err *err)
{
	struct pdf *p;

	if (pdf_open(path, &p, err) != UR_OK)
		return err->status;
	pdf_statement(p, s, c);
	if (pages)
		*pages = pdf_pages(p);
	return pdf_close(p, err);
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

/* The child: output into fd, input from /dev/null, then lp. */
static void
run_lp(int fd, const char *path, const char *printer)
{
	int null = open("/dev/null", O_RDONLY);

	if (null >= 0)
		dup2(null, STDIN_FILENO);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	if (printer && *printer)
		execlp("lp", "lp", "-d", printer, "--", path, (char *)NULL);
	else
		execlp("lp", "lp", "--", path, (char *)NULL);
	_exit(127);
}

enum ur_status
docprint_lp(const char *path, const char *printer, struct strbuf *job, struct ur_err *err)
{
	char out[512];
	int fd[2], status = 0;
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	if (pipe(fd) != 0)
		return ur_fail(err, UR_FAIL, _("cannot run lp: %s; the PDF is saved as %s"),
			       strerror(errno), path);
	if ((pid = fork()) < 0) {
		close(fd[0]);
		close(fd[1]);
		return ur_fail(err, UR_FAIL, _("cannot run lp: %s; the PDF is saved as %s"),
			       strerror(errno), path);
	}
	if (pid == 0) {
		close(fd[0]);
		run_lp(fd[1], path, printer);
	}
	close(fd[1]);
	while (len + 1 < sizeof out && (n = read(fd[0], out + len, sizeof out - 1 - len)) > 0)
		len += (size_t)n;
	out[len] = '\0';
	close(fd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	out[strcspn(out, "\n")] = '\0';
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && !*out)
		return ur_fail(err, UR_FAIL,
			       _("cannot print: lp (CUPS) is not installed; the PDF is saved as %s"),
			       path);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return ur_fail(err, UR_FAIL, _("cannot print %s: %s; the PDF is saved as %s"), path,
			       *out ? out : _("lp failed"), path);
	sb_reset(job);
	sb_adds(job, out);
	return UR_OK;
}
