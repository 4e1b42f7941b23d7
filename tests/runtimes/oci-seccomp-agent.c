// SPDX-License-Identifier: GPL-2.0
/*
 * Seccomp agent for an OCI runtime's listenerPath
 *
 * An OCI runtime whose container configuration sends syscalls to
 * SCMP_ACT_NOTIFY and sets linux.seccomp.listenerPath connects to the
 * unix socket at that path and sends one message. The message is the
 * container process state as JSON, with the listener fds attached as
 * SCM_RIGHTS in the order of its "fds" array ("seccompFd" is the seccomp
 * listener). This program listens on that socket and reads that one
 * message, because crun and runc keep the connection open afterwards and
 * a read until end of file would never return. It prints the state and
 * then replies to the container's notifications until no task uses the
 * container's filter any more.
 *
 * The reply to a notification depends on its string argument: the path of
 * mkdir, mkdirat, mknod and mknodat, the name of sethostname. Each -r
 * ARG=POLICY rule sets the reply for one argument; a call that matches no
 * rule gets CONTINUE. One trace line per notification goes to stdout,
 * written before the reply is sent, so that in a log shared with the
 * outer listeners' traces the agent's line comes first.
 *
 *	oci-seccomp-agent -s /tmp/agent.sock -r /dev/shm/x=errno:ENOSPC
 *
 * Exit status: 0 after the listener is released, 1 on an error, 2 on
 * invalid usage.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <linux/audit.h>
#include <linux/seccomp.h>

#define ARRAY_SIZE(x) (sizeof(x) / sizeof(*(x)))

#define EXIT_USAGE		2

/*
 * Size of the buffer for the state message. The messages of crun 1.8.1 and
 * runc 1.1.5 in these tests were under 1 KiB.
 */
#define MAX_MESSAGE		65536
/* Maximum number of fds accepted with the state message. */
#define MAX_FDS			8
#define MAX_RULES		16
/* Maximum length of a string argument read from the container. */
#define MAX_ARG			256
#define MAX_JSON_DEPTH		16

#if defined(__x86_64__)
#define NATIVE_AUDIT_ARCH	AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define NATIVE_AUDIT_ARCH	AUDIT_ARCH_AARCH64
#endif

enum reply_kind {
	REPLY_CONTINUE,
	REPLY_ERRNO,
	REPLY_VALUE,
};

struct rule {
	const char *arg;
	enum reply_kind kind;
	long long value;	/* the errno or the return value */
};

/* The fields of the container process state that the agent uses. */
struct process_state {
	char oci_version[64];
	long long pid;
	char metadata[256];
	char id[256];
	char status[32];
	char bundle[PATH_MAX];
	char fd_names[MAX_FDS][32];
	int nr_fd_names;
};

static const struct {
	const char *name;
	int value;
} errno_names[] = {
	{ "EPERM", EPERM }, { "ENOENT", ENOENT }, { "EIO", EIO },
	{ "EACCES", EACCES }, { "EBUSY", EBUSY }, { "EEXIST", EEXIST },
	{ "EXDEV", EXDEV }, { "ENODEV", ENODEV }, { "ENOTDIR", ENOTDIR },
	{ "EINVAL", EINVAL }, { "ENOSPC", ENOSPC }, { "EROFS", EROFS },
	{ "ENOSYS", ENOSYS }, { "EDQUOT", EDQUOT },
};

static struct rule rules[MAX_RULES];
static int nr_rules;
static const char *socket_path;
static const char *label = "agent";
static int accept_timeout = 120;

static void __attribute__((format(printf, 1, 2))) print_err(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "oci-seccomp-agent: error: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void print_usage(FILE *stream)
{
	fputs("usage: oci-seccomp-agent -s SOCKET [-r ARG=POLICY]... [-l LABEL] [-t SECONDS]\n"
	      "\n"
	      "Listen on the unix socket SOCKET for the seccomp listener that an OCI\n"
	      "runtime sends to linux.seccomp.listenerPath, print the container\n"
	      "process state, and answer the container's notifications until the\n"
	      "listener is released.\n"
	      "\n"
	      "  -s SOCKET      path of the unix socket to create\n"
	      "  -r ARG=POLICY  reply POLICY to a call whose string argument is ARG\n"
	      "                 (the path of mkdir, mkdirat, mknod or mknodat, the\n"
	      "                 name of sethostname); calls without a rule continue\n"
	      "                 POLICY: continue, errno:NAME, errno:NUMBER or value:N\n"
	      "  -l LABEL       name printed at the start of each trace line\n"
	      "                 (default \"agent\")\n"
	      "  -t SECONDS     time to wait for the runtime to connect (default 120)\n"
	      "  -h             print this help and exit\n", stream);
}

static int errno_by_name(const char *name)
{
	char *end;
	long value;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(errno_names); i++)
		if (!strcmp(errno_names[i].name, name))
			return errno_names[i].value;
	errno = 0;
	value = strtol(name, &end, 10);
	if (errno || end == name || *end || value < 1 || value > 4095)
		return -1;
	return value;
}

static const char *errno_name(int value)
{
	static char buf[16];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(errno_names); i++)
		if (errno_names[i].value == value)
			return errno_names[i].name;
	snprintf(buf, sizeof(buf), "%d", value);
	return buf;
}

/* Parse "ARG=POLICY" into @rule. Return false if it is invalid. */
static bool parse_rule(char *text, struct rule *rule)
{
	char *policy = strrchr(text, '=');
	char *end;

	if (!policy || policy == text)
		return false;
	*policy++ = '\0';
	rule->arg = text;
	if (!strcmp(policy, "continue")) {
		rule->kind = REPLY_CONTINUE;
		return true;
	}
	if (!strncmp(policy, "errno:", 6)) {
		rule->kind = REPLY_ERRNO;
		rule->value = errno_by_name(policy + 6);
		return rule->value > 0;
	}
	if (!strncmp(policy, "value:", 6)) {
		rule->kind = REPLY_VALUE;
		errno = 0;
		rule->value = strtoll(policy + 6, &end, 10);
		return !errno && end != policy + 6 && !*end && rule->value >= 0;
	}
	return false;
}

static void parse_options(int argc, char **argv)
{
	char *end;
	int opt;

	while ((opt = getopt(argc, argv, "s:r:l:t:h")) != -1) {
		switch (opt) {
		case 's':
			socket_path = optarg;
			break;
		case 'r':
			if (nr_rules == MAX_RULES) {
				print_err("too many rules: at most %d", MAX_RULES);
				exit(EXIT_USAGE);
			}
			if (!parse_rule(optarg, &rules[nr_rules])) {
				print_err("invalid rule '%s': expected ARG=continue, ARG=errno:NAME or ARG=value:N",
					  optarg);
				exit(EXIT_USAGE);
			}
			nr_rules++;
			break;
		case 'l':
			label = optarg;
			break;
		case 't':
			errno = 0;
			accept_timeout = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || accept_timeout < 1) {
				print_err("invalid timeout '%s': expected whole seconds, 1 or more",
					  optarg);
				exit(EXIT_USAGE);
			}
			break;
		case 'h':
			print_usage(stdout);
			exit(0);
		default:
			print_usage(stderr);
			exit(EXIT_USAGE);
		}
	}
	if (!socket_path || optind != argc) {
		print_usage(stderr);
		exit(EXIT_USAGE);
	}
}

/*
 * A small JSON reader, enough for the state message: it walks the whole
 * document and stores the few fields that struct process_state names.
 */
struct json_reader {
	const char *pos;
	const char *end;
	struct process_state *state;
};

static void json_skip_space(struct json_reader *reader)
{
	while (reader->pos < reader->end &&
	       strchr(" \t\r\n", *reader->pos))
		reader->pos++;
}

/*
 * Read a string at the reader's position into @buf (truncated to @size);
 * characters written as \u escapes become '?'. Return false on a syntax
 * error.
 */
static bool json_read_string(struct json_reader *reader, char *buf, size_t size)
{
	size_t len = 0;
	char c;

	if (reader->pos >= reader->end || *reader->pos != '"')
		return false;
	reader->pos++;
	while (reader->pos < reader->end && *reader->pos != '"') {
		c = *reader->pos++;
		if (c == '\\') {
			if (reader->pos >= reader->end)
				return false;
			c = *reader->pos++;
			switch (c) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'u':
				if (reader->end - reader->pos < 4)
					return false;
				reader->pos += 4;
				c = '?';
				break;
			default:
				break;
			}
		}
		if (len + 1 < size)
			buf[len++] = c;
	}
	if (reader->pos >= reader->end)
		return false;
	reader->pos++;
	if (size)
		buf[len] = '\0';
	return true;
}

/* Copy @src into @dst of @size bytes, truncated if it is longer. */
static void copy_string(char *dst, size_t size, const char *src)
{
	size_t len = strnlen(src, size - 1);

	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* Store the string @value if @path names a field of the state. */
static void json_store_string(struct process_state *state, const char *path,
			      const char *value)
{
	struct {
		const char *path;
		char *field;
		size_t size;
	} fields[] = {
		{ "ociVersion", state->oci_version, sizeof(state->oci_version) },
		{ "metadata", state->metadata, sizeof(state->metadata) },
		{ "state.id", state->id, sizeof(state->id) },
		{ "state.status", state->status, sizeof(state->status) },
		{ "state.bundle", state->bundle, sizeof(state->bundle) },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(fields); i++) {
		if (!strcmp(path, fields[i].path)) {
			copy_string(fields[i].field, fields[i].size, value);
			return;
		}
	}
	if (!strcmp(path, "fds[]") && state->nr_fd_names < MAX_FDS) {
		copy_string(state->fd_names[state->nr_fd_names],
			    sizeof(state->fd_names[0]), value);
		state->nr_fd_names++;
	}
}

static bool json_read_value(struct json_reader *reader, const char *path,
			    int depth);

static bool json_read_object(struct json_reader *reader, const char *path,
			     int depth)
{
	char key[128], child[256];

	reader->pos++;
	json_skip_space(reader);
	if (reader->pos < reader->end && *reader->pos == '}') {
		reader->pos++;
		return true;
	}
	for (;;) {
		json_skip_space(reader);
		if (!json_read_string(reader, key, sizeof(key)))
			return false;
		json_skip_space(reader);
		if (reader->pos >= reader->end || *reader->pos != ':')
			return false;
		reader->pos++;
		snprintf(child, sizeof(child), "%s%s%s", path, *path ? "." : "",
			 key);
		if (!json_read_value(reader, child, depth + 1))
			return false;
		json_skip_space(reader);
		if (reader->pos >= reader->end)
			return false;
		if (*reader->pos == '}') {
			reader->pos++;
			return true;
		}
		if (*reader->pos != ',')
			return false;
		reader->pos++;
	}
}

static bool json_read_array(struct json_reader *reader, const char *path,
			    int depth)
{
	char child[256];

	snprintf(child, sizeof(child), "%s[]", path);
	reader->pos++;
	json_skip_space(reader);
	if (reader->pos < reader->end && *reader->pos == ']') {
		reader->pos++;
		return true;
	}
	for (;;) {
		if (!json_read_value(reader, child, depth + 1))
			return false;
		json_skip_space(reader);
		if (reader->pos >= reader->end)
			return false;
		if (*reader->pos == ']') {
			reader->pos++;
			return true;
		}
		if (*reader->pos != ',')
			return false;
		reader->pos++;
	}
}

static bool json_read_value(struct json_reader *reader, const char *path,
			    int depth)
{
	char text[PATH_MAX];
	const char *start;

	if (depth > MAX_JSON_DEPTH)
		return false;
	json_skip_space(reader);
	if (reader->pos >= reader->end)
		return false;

	switch (*reader->pos) {
	case '{':
		return json_read_object(reader, path, depth);
	case '[':
		return json_read_array(reader, path, depth);
	case '"':
		if (!json_read_string(reader, text, sizeof(text)))
			return false;
		json_store_string(reader->state, path, text);
		return true;
	default:
		/* A number, true, false or null. */
		start = reader->pos;
		while (reader->pos < reader->end &&
		       !strchr(",}] \t\r\n", *reader->pos))
			reader->pos++;
		if (reader->pos == start)
			return false;
		if (!strcmp(path, "pid"))
			reader->state->pid = strtoll(start, NULL, 10);
		return true;
	}
}

static bool parse_state(const char *message, size_t len,
			struct process_state *state)
{
	struct json_reader reader = {
		.pos = message,
		.end = message + len,
		.state = state,
	};

	memset(state, 0, sizeof(*state));
	state->pid = -1;
	if (!json_read_value(&reader, "", 0))
		return false;
	json_skip_space(&reader);
	return reader.pos == reader.end;
}

/* Create the listening socket at socket_path. Return its fd or -1. */
static int listen_on_socket(void)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int sock;

	if (strlen(socket_path) >= sizeof(addr.sun_path)) {
		print_err("socket path '%s' is too long: at most %zu bytes",
			  socket_path, sizeof(addr.sun_path) - 1);
		return -1;
	}
	strcpy(addr.sun_path, socket_path);

	sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (sock < 0) {
		print_err("socket(AF_UNIX) failed: %s", strerror(errno));
		return -1;
	}
	if (bind(sock, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		print_err("cannot bind to %s: %s", socket_path, strerror(errno));
		close(sock);
		return -1;
	}
	if (listen(sock, 1) < 0) {
		print_err("listen on %s failed: %s", socket_path, strerror(errno));
		close(sock);
		return -1;
	}
	return sock;
}

/*
 * Wait for the runtime's connection and read its one message and its fds.
 * Return the length of the message, or -1 on an error.
 */
static ssize_t receive_state(int sock, char *message, size_t size, int *fds,
			     int *nr_fds)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * MAX_FDS)];
		struct cmsghdr align;
	} control;
	struct iovec iov = { .iov_base = message, .iov_len = size - 1 };
	struct msghdr msg = {
		.msg_iov = &iov,
		.msg_iovlen = 1,
		.msg_control = control.buf,
		.msg_controllen = sizeof(control.buf),
	};
	struct pollfd pfd = { .fd = sock, .events = POLLIN };
	struct cmsghdr *cmsg;
	ssize_t len;
	int conn, ret;

	ret = poll(&pfd, 1, accept_timeout * 1000);
	if (ret == 0) {
		print_err("no runtime connected to %s within %d s; check linux.seccomp.listenerPath in the container configuration",
			  socket_path, accept_timeout);
		return -1;
	}
	if (ret < 0) {
		print_err("poll on %s failed: %s", socket_path, strerror(errno));
		return -1;
	}
	conn = accept4(sock, NULL, NULL, SOCK_CLOEXEC);
	if (conn < 0) {
		print_err("accept on %s failed: %s", socket_path, strerror(errno));
		return -1;
	}

	/* The runtime keeps the connection open, so read once. */
	len = recvmsg(conn, &msg, MSG_CMSG_CLOEXEC);
	if (len < 0) {
		print_err("recvmsg on %s failed: %s", socket_path, strerror(errno));
		close(conn);
		return -1;
	}
	message[len] = '\0';
	if (len == 0) {
		print_err("the runtime closed the connection on %s without sending the container state",
			  socket_path);
		close(conn);
		return -1;
	}
	if (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) {
		print_err("the state message on %s was truncated (flags 0x%x): more than %zu bytes or %d fds",
			  socket_path, msg.msg_flags, size - 1, MAX_FDS);
		close(conn);
		return -1;
	}

	*nr_fds = 0;
	for (cmsg = CMSG_FIRSTHDR(&msg); cmsg; cmsg = CMSG_NXTHDR(&msg, cmsg)) {
		if (cmsg->cmsg_level != SOL_SOCKET ||
		    cmsg->cmsg_type != SCM_RIGHTS)
			continue;
		*nr_fds = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		memcpy(fds, CMSG_DATA(cmsg), *nr_fds * sizeof(int));
	}
	close(conn);
	return len;
}

/*
 * Read the NUL-terminated string (or @len bytes if @len >= 0) at @addr in
 * the memory of task @pid into @buf. The pid may belong to another task by
 * now, so the notification must still be valid after /proc/PID/mem is open.
 */
static bool read_string_arg(int listener, const struct seccomp_notif *req,
			    unsigned long long addr, long long len, char *buf,
			    size_t size)
{
	char mem_path[64];
	size_t want = size - 1;
	ssize_t got;
	int mem;

	if (len >= 0 && (size_t)len < want)
		want = len;
	snprintf(mem_path, sizeof(mem_path), "/proc/%u/mem", req->pid);
	mem = open(mem_path, O_RDONLY | O_CLOEXEC);
	if (mem < 0)
		return false;
	if (ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &req->id) < 0) {
		close(mem);
		return false;
	}
	got = pread(mem, buf, want, addr);
	close(mem);
	if (got < 0)
		return false;
	buf[got] = '\0';
	/* Without a length the string ends at its NUL. */
	buf[strnlen(buf, got)] = '\0';
	return true;
}

/* Format the call of @req into @text and its string argument into @arg. */
static void describe_call(int listener, const struct seccomp_notif *req,
			  char *text, size_t size, char *arg, size_t arg_size)
{
	const unsigned long long *args = req->data.args;
	const char *name = NULL;
	unsigned long long addr = 0;
	long long len = -1;
	bool at = false;

	arg[0] = '\0';
	if (req->data.arch == NATIVE_AUDIT_ARCH) {
		switch (req->data.nr) {
#ifdef __NR_mkdir
		case __NR_mkdir:
			name = "mkdir";
			addr = args[0];
			break;
#endif
		case __NR_mkdirat:
			name = "mkdirat";
			at = true;
			addr = args[1];
			break;
#ifdef __NR_mknod
		case __NR_mknod:
			name = "mknod";
			addr = args[0];
			break;
#endif
		case __NR_mknodat:
			name = "mknodat";
			at = true;
			addr = args[1];
			break;
		case __NR_sethostname:
			name = "sethostname";
			addr = args[0];
			len = args[1];
			break;
		}
	}
	if (!name) {
		snprintf(text, size, "syscall %d (audit arch 0x%x)",
			 req->data.nr, req->data.arch);
		return;
	}
	if (!read_string_arg(listener, req, addr, len, arg, arg_size))
		snprintf(arg, arg_size, "?");

	if (at && (int)args[0] == AT_FDCWD)
		snprintf(text, size, "%s(AT_FDCWD, \"%s\", ...)", name, arg);
	else if (at)
		snprintf(text, size, "%s(%d, \"%s\", ...)", name, (int)args[0],
			 arg);
	else
		snprintf(text, size, "%s(\"%s\", ...)", name, arg);
}

static const struct rule *find_rule(const char *arg)
{
	int i;

	for (i = 0; i < nr_rules; i++)
		if (!strcmp(rules[i].arg, arg))
			return &rules[i];
	return NULL;
}

/* Receive one notification, print its trace line and reply. */
static int handle_notification(int listener, struct seccomp_notif *req,
			       struct seccomp_notif_resp *resp,
			       const struct seccomp_notif_sizes *sizes)
{
	char text[MAX_ARG + 64], arg[MAX_ARG], outcome[64];
	const struct rule *rule;

	memset(req, 0, sizes->seccomp_notif);
	if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, req) < 0) {
		/* ENOENT: the task died or got a signal before the receive. */
		if (errno == ENOENT || errno == EINTR)
			return 0;
		print_err("SECCOMP_IOCTL_NOTIF_RECV failed: %s", strerror(errno));
		return -1;
	}

	describe_call(listener, req, text, sizeof(text), arg, sizeof(arg));
	rule = find_rule(arg);

	memset(resp, 0, sizes->seccomp_notif_resp);
	resp->id = req->id;
	if (!rule || rule->kind == REPLY_CONTINUE) {
		resp->flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
		snprintf(outcome, sizeof(outcome), "continue%s",
			 rule ? "" : " (no rule)");
	} else if (rule->kind == REPLY_ERRNO) {
		resp->error = -rule->value;
		snprintf(outcome, sizeof(outcome), "denied with %s",
			 errno_name(rule->value));
	} else {
		resp->val = rule->value;
		snprintf(outcome, sizeof(outcome), "emulated, returns %lld",
			 rule->value);
	}

	printf("  %s: pid %u: %s -> %s\n", label, req->pid, text, outcome);
	fflush(stdout);

	if (ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, resp) < 0) {
		/* ENOENT: the task died or a signal interrupted the call. */
		if (errno == ENOENT) {
			printf("  %s: pid %u: reply not delivered, the call was interrupted or its task died\n",
			       label, req->pid);
			fflush(stdout);
			return 0;
		}
		print_err("SECCOMP_IOCTL_NOTIF_SEND failed: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* Reply to notifications on @listener until no task uses its filter. */
static int serve_listener(int listener)
{
	struct seccomp_notif_sizes sizes;
	struct seccomp_notif_resp *resp;
	struct seccomp_notif *req;
	struct pollfd pfd = { .fd = listener, .events = POLLIN };
	int ret = 0;

	if (syscall(__NR_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes) < 0) {
		print_err("SECCOMP_GET_NOTIF_SIZES failed: %s", strerror(errno));
		return -1;
	}
	req = calloc(1, sizes.seccomp_notif);
	resp = calloc(1, sizes.seccomp_notif_resp);
	if (!req || !resp) {
		print_err("out of memory");
		ret = -1;
		goto out;
	}

	for (;;) {
		if (poll(&pfd, 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			print_err("poll on the listener failed: %s",
				  strerror(errno));
			ret = -1;
			break;
		}
		if (pfd.revents & POLLIN) {
			ret = handle_notification(listener, req, resp, &sizes);
			if (ret)
				break;
			continue;
		}
		/* POLLHUP: every task under the filter has exited. */
		if (pfd.revents & (POLLHUP | POLLERR | POLLNVAL))
			break;
	}
out:
	free(req);
	free(resp);
	return ret;
}

int main(int argc, char **argv)
{
	static char message[MAX_MESSAGE];
	struct process_state state;
	int fds[MAX_FDS], nr_fds = 0, listener = -1, sock, i, ret;
	ssize_t len;

	parse_options(argc, argv);
	setvbuf(stdout, NULL, _IOLBF, 0);

	sock = listen_on_socket();
	if (sock < 0)
		return 1;
	printf("%s: listening on %s\n", label, socket_path);

	len = receive_state(sock, message, sizeof(message), fds, &nr_fds);
	close(sock);
	unlink(socket_path);
	if (len < 0)
		return 1;
	if (!parse_state(message, len, &state)) {
		print_err("the state message is not valid JSON: %s", message);
		return 1;
	}
	if (nr_fds != state.nr_fd_names) {
		print_err("the state message names %d fds in \"fds\" but carries %d",
			  state.nr_fd_names, nr_fds);
		return 1;
	}
	for (i = 0; i < nr_fds; i++) {
		if (!strcmp(state.fd_names[i], "seccompFd"))
			listener = fds[i];
		else
			close(fds[i]);
	}
	if (listener < 0) {
		print_err("the state message carries no \"seccompFd\": %s",
			  message);
		return 1;
	}

	printf("%s: received seccompFd: ociVersion %s, pid %lld, metadata \"%s\", container \"%s\", status %s, bundle %s\n",
	       label, state.oci_version, state.pid, state.metadata, state.id,
	       state.status, state.bundle);

	ret = serve_listener(listener);
	close(listener);
	printf("%s: listener released%s\n", label, ret ? " after an error" : "");
	return ret ? 1 : 0;
}
