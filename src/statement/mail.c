/* mail: composing with GMime and handing over to sendmail -t (see mail.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gmime/gmime.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "i18n.h"
#include "mail.h"
#include "xalloc.h"

#define MTA_OUTPUT_MAX 2048 /* bytes of the command's error output kept */

static gpointer
init_gmime(gpointer unused)
{
	(void)unused;
	g_mime_init();
	return NULL;
}

static void
mail_init(void)
{
	static GOnce once = G_ONCE_INIT;

	g_once(&once, init_gmime, NULL);
}

/* local@domain: one @, both sides there, no spaces, controls or the
 * characters that separate addresses, a domain of non-empty labels. */
static bool
addr_spec_ok(const char *a)
{
	const char *at = strchr(a, '@');

	if (!at || at == a || !at[1] || strchr(at + 1, '@'))
		return false;
	for (const char *p = a; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f || strchr("<>()[],;:\"\\", *p))
			return false;
	return at[1] != '.' && a[strlen(a) - 1] != '.' && !strstr(at, "..");
}

/* The address as written in text: between < and > when there are, else
 * all of it, without surrounding blanks (malloc'd). */
static char *
written_addr(const char *text)
{
	const char *lt = strrchr(text, '<'), *b = lt ? lt + 1 : text;
	const char *e = lt && strchr(lt, '>') ? strchr(lt, '>') : b + strlen(b);

	while (b < e && (*b == ' ' || *b == '\t'))
		b++;
	while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return xstrndup(b, (size_t)(e - b));
}

/* The one mailbox in text, parsed by GMime; NULL when text is not exactly
 * one good address, as written (GMime mends some mistakes silently). */
static InternetAddressMailbox *
parse_one(const char *text)
{
	InternetAddressList *list = internet_address_list_parse(NULL, text);
	char *written = written_addr(text);
	InternetAddress *ia;
	InternetAddressMailbox *mb = NULL;
	const char *addr;

	if (list && internet_address_list_length(list) == 1) {
		ia = internet_address_list_get_address(list, 0);
		addr = INTERNET_ADDRESS_IS_MAILBOX(ia)
			       ? internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia))
			       : NULL;
		if (addr && strcmp(addr, written) == 0 && addr_spec_ok(addr))
			mb = g_object_ref(INTERNET_ADDRESS_MAILBOX(ia));
	}
	if (list)
		g_object_unref(list);
	free(written);
	return mb;
}

/* Each comma-separated part of text as a mailbox appended to list (may be
 * NULL: only checked); name is given to bare addresses. */
static enum ur_status
add_addresses(InternetAddressList *list, const char *text, const char *name, struct ur_err *err)
{
	char *copy = xstrdup(text ? text : ""), *part, *save = NULL;
	InternetAddressMailbox *mb;
	const char *had;
	enum ur_status rc = UR_OK;
	int n = 0;

	mail_init();
	for (const char *p = copy; *p; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f) {
			free(copy);
			return ur_fail(err, UR_INPUT, _("'%s' is not an e-mail address"), text);
		}
	for (part = strtok_r(copy, ",", &save); part && rc == UR_OK;
	     part = strtok_r(NULL, ",", &save)) {
		part += strspn(part, " \t");
		if (!(mb = parse_one(part))) {
			rc = ur_fail(err, UR_INPUT, _("'%s' is not an e-mail address"), part);
			break;
		}
		n++;
		had = internet_address_get_name(INTERNET_ADDRESS(mb));
		if (list && name && *name && (!had || !*had))
			internet_address_set_name(INTERNET_ADDRESS(mb), name);
		if (list)
			internet_address_list_add(list, INTERNET_ADDRESS(mb));
		g_object_unref(mb);
	}
	if (rc == UR_OK && !n)
		rc = ur_fail(err, UR_INPUT, _("'%s' is not an e-mail address"), text ? text : "");
	free(copy);
	return rc;
}

enum ur_status
mail_address_check(const char *text, struct ur_err *err)
{
	return add_addresses(NULL, text, NULL, err);
}

static GMimeObject *
text_part(const char *body)
{
	GMimeTextPart *t = g_mime_text_part_new_with_subtype("plain");

	g_mime_text_part_set_text(t, body);
	g_mime_text_part_set_charset(t, "utf-8");
	g_mime_part_set_content_encoding(
		GMIME_PART(t),
		g_mime_part_get_best_content_encoding(GMIME_PART(t), GMIME_ENCODING_CONSTRAINT_7BIT));
	return GMIME_OBJECT(t);
}

static GMimeObject *
file_part(const struct mail_msg *m)
{
	const char *slash = strchr(m->file_type, '/');
	char *type = xstrndup(m->file_type, slash ? (size_t)(slash - m->file_type) : 0);
	GMimePart *p = g_mime_part_new_with_type(type, slash ? slash + 1 : "octet-stream");
	GMimeStream *s = g_mime_stream_mem_new_with_buffer(m->file, m->file_len);
	GMimeDataWrapper *w = g_mime_data_wrapper_new_with_stream(s, GMIME_CONTENT_ENCODING_DEFAULT);

	g_mime_part_set_content(p, w);
	g_mime_part_set_filename(p, m->file_name);
	g_mime_part_set_content_encoding(p, GMIME_CONTENT_ENCODING_BASE64);
	g_object_unref(w);
	g_object_unref(s);
	free(type);
	return GMIME_OBJECT(p);
}

/* A new Message-ID at the domain of our (checked) address. */
static char *
new_message_id(const char *from)
{
	const char *at = strrchr(from, '@');
	char *domain = xstrndup(at + 1, strcspn(at + 1, ">, \t"));
	char *id = g_mime_utils_generate_message_id(domain);

	free(domain);
	return id;
}

static void
write_message(GMimeMessage *msg, struct strbuf *out)
{
	GMimeStream *s = g_mime_stream_mem_new();
	GByteArray *bytes;

	g_mime_object_write_to_stream(GMIME_OBJECT(msg), NULL, s);
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(s));
	sb_reset(out);
	sb_add(out, (const char *)bytes->data, bytes->len);
	g_object_unref(s);
}

enum ur_status
mail_compose(const struct mail_msg *m, struct strbuf *out, char **message_id,
	     struct ur_err *err)
{
	GMimeMessage *msg;
	GMimeMultipart *mixed;
	GMimeObject *part;
	GDateTime *now;
	char *id;

	mail_init();
	msg = g_mime_message_new(TRUE);
	if (add_addresses(g_mime_message_get_from(msg), m->from, m->from_name, err) != UR_OK ||
	    add_addresses(g_mime_message_get_to(msg), m->to, m->to_name, err) != UR_OK) {
		g_object_unref(msg);
		return err->status;
	}
	g_mime_message_set_subject(msg, m->subject, "utf-8");
	now = g_date_time_new_now_local();
	g_mime_message_set_date(msg, now);
	g_date_time_unref(now);
	id = new_message_id(m->from);
	g_mime_message_set_message_id(msg, id);
	mixed = g_mime_multipart_new_with_subtype("mixed");
	part = text_part(m->body);
	g_mime_multipart_add(mixed, part);
	g_object_unref(part);
	part = file_part(m);
	g_mime_multipart_add(mixed, part);
	g_object_unref(part);
	g_mime_message_set_mime_part(msg, GMIME_OBJECT(mixed));
	g_object_unref(mixed);
	write_message(msg, out);
	g_object_unref(msg);
	*message_id = xstrdup(id);
	g_free(id);
	return UR_OK;
}

/* command split into words as a shell would (quotes, backslashes), with
 * no shell run; NULL (err set) when it cannot be. */
static char **
command_words(const char *command, struct ur_err *err)
{
	char **argv = NULL;
	GError *gerr = NULL;

	if (!command || !*command) {
		ur_fail(err, UR_INPUT, _("no mail command is set"));
		return NULL;
	}
	if (!g_shell_parse_argv(command, NULL, &argv, &gerr)) {
		ur_fail(err, UR_INPUT, _("mail command '%s': %s"), command, gerr->message);
		g_error_free(gerr);
		return NULL;
	}
	return argv;
}

enum ur_status
mail_command_check(const char *command, struct ur_err *err)
{
	char **argv = command_words(command, err);
	char *path;

	if (!argv)
		return err->status;
	path = g_find_program_in_path(argv[0]);
	if (!path)
		ur_fail(err, UR_INPUT, _("mail command '%s': %s not found"), command, argv[0]);
	g_free(path);
	g_strfreev(argv);
	return path ? UR_OK : UR_INPUT;
}

/* The message in an unnamed temporary file, read from its start: the
 * command reads it at its own pace while its output goes to a pipe. */
static int
message_file(const void *msg, size_t len)
{
	FILE *f = tmpfile();
	int fd;

	if (!f)
		return -1;
	if (fwrite(msg, 1, len, f) != len || fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return -1;
	}
	fd = dup(fileno(f));
	fclose(f);
	return fd;
}

/* Start argv with stdin from in and stdout and stderr into out. */
static int
spawn_mta(pid_t *pid, char **argv, int in, int out)
{
	posix_spawn_file_actions_t fa;
	extern char **environ;
	int rc;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in, STDIN_FILENO);
	posix_spawn_file_actions_adddup2(&fa, out, STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, out, STDERR_FILENO);
	rc = posix_spawnp(pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

/* All the child writes, the first MTA_OUTPUT_MAX bytes kept, trimmed. */
static void
read_output(int fd, struct strbuf *out)
{
	char buf[512];
	ssize_t n;

	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		if (out->len < MTA_OUTPUT_MAX)
			sb_add(out, buf, (size_t)n);
	}
	while (out->len && strchr(" \t\r\n", out->buf[out->len - 1]))
		out->buf[--out->len] = '\0';
}

static enum ur_status
run_mta(char **argv, const char *command, int in, struct ur_err *err)
{
	struct strbuf said;
	int pipefd[2], status = 0, rc;
	pid_t pid;

	if (pipe(pipefd) != 0)
		return ur_fail(err, UR_FAIL, _("cannot run the mail command: %s"), strerror(errno));
	if ((rc = spawn_mta(&pid, argv, in, pipefd[1])) != 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		return ur_fail(err, UR_FAIL, _("cannot run the mail command '%s': %s"), command,
			       strerror(rc));
	}
	close(pipefd[1]);
	sb_init(&said);
	read_output(pipefd[0], &said);
	close(pipefd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		rc = UR_OK;
	else if (WIFEXITED(status))
		rc = ur_fail(err, UR_FAIL, _("the mail command '%s' failed (exit status %d): %s"),
			     command, WEXITSTATUS(status), said.len ? said.buf : _("no message"));
	else
		rc = ur_fail(err, UR_FAIL, _("the mail command '%s' was killed (signal %d): %s"),
			     command, WTERMSIG(status), said.len ? said.buf : _("no message"));
	sb_free(&said);
	return rc;
}

enum ur_status
mail_send(const char *command, const void *msg, size_t len, struct ur_err *err)
{
	char **argv = command_words(command, err);
	enum ur_status rc;
	int in;

	if (!argv)
		return err->status;
	if ((in = message_file(msg, len)) < 0) {
		rc = ur_fail(err, UR_FAIL, _("cannot hand the message over: %s"), strerror(errno));
	} else {
		rc = run_mta(argv, command, in, err);
		close(in);
	}
	g_strfreev(argv);
	return rc;
}
