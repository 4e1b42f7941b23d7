// SPDX-License-Identifier: GPL-2.0
/*
 * Run a command under a seccomp listener that does not allow nested ones
 *
 * This program installs a filter that sends mkdir and mkdirat to user space,
 * with SECCOMP_FILTER_FLAG_NEW_LISTENER and no other flag, as any supervisor
 * written before SECCOMP_FILTER_FLAG_ALLOW_NESTED_LISTENERS does. It runs
 * COMMAND under that filter and replies to every notification with
 * SECCOMP_USER_NOTIF_FLAG_CONTINUE, printing one trace line for each to
 * stderr. A task under this filter that installs a filter with a listener
 * of its own gets EBUSY, with or without the nested listeners series.
 *
 *	plain-listener -- runc run -b bundle id
 *
 * Exit status: COMMAND's, or 1 when the listener cannot be set up.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#define ARRAY_SIZE(x) (sizeof(x) / sizeof(*(x)))

#if defined(__x86_64__)
#define NATIVE_AUDIT_ARCH	AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define NATIVE_AUDIT_ARCH	AUDIT_ARCH_AARCH64
#endif

/* How often the supervisor checks whether the command has exited, in ms. */
#define WAIT_INTERVAL_MS	100

static void __attribute__((format(printf, 1, 2))) print_err(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "plain-listener: error: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Install the filter. Return the listener fd, or -1 with errno set. */
static int install_listener(void)
{
	struct sock_filter filter[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NATIVE_AUDIT_ARCH, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
#ifdef __NR_mkdir
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_mkdir, 2, 0),
#else
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_mkdirat, 2, 0),
#endif
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_mkdirat, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
	};
	struct sock_fprog prog = {
		.len = ARRAY_SIZE(filter),
		.filter = filter,
	};

	return syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER,
		       SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
}

/* Reply to one notification with CONTINUE. */
static void continue_notification(int listener, struct seccomp_notif *req,
				  struct seccomp_notif_resp *resp,
				  const struct seccomp_notif_sizes *sizes)
{
	memset(req, 0, sizes->seccomp_notif);
	if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, req) < 0) {
		if (errno != ENOENT && errno != EINTR)
			print_err("SECCOMP_IOCTL_NOTIF_RECV failed: %s",
				  strerror(errno));
		return;
	}
	memset(resp, 0, sizes->seccomp_notif_resp);
	resp->id = req->id;
	resp->flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
	fprintf(stderr, "  plain listener: pid %u: syscall %d -> continue\n",
		req->pid, req->data.nr);
	if (ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, resp) < 0 &&
	    errno != ENOENT)
		print_err("SECCOMP_IOCTL_NOTIF_SEND failed: %s", strerror(errno));
}

int main(int argc, char **argv)
{
	struct seccomp_notif_sizes sizes;
	struct seccomp_notif_resp *resp;
	struct seccomp_notif *req;
	struct pollfd pfd = { .events = POLLIN };
	int listener, status;
	pid_t child;

	if (argc < 3 || strcmp(argv[1], "--")) {
		fprintf(stderr, "usage: plain-listener -- COMMAND [ARG]...\n");
		return 2;
	}
	if (syscall(__NR_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes) < 0) {
		print_err("SECCOMP_GET_NOTIF_SIZES failed: %s; the kernel needs CONFIG_SECCOMP_FILTER",
			  strerror(errno));
		return 1;
	}
	req = calloc(1, sizes.seccomp_notif);
	resp = calloc(1, sizes.seccomp_notif_resp);
	if (!req || !resp) {
		print_err("out of memory");
		return 1;
	}

	/* no_new_privs lets the filter be installed without CAP_SYS_ADMIN. */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
		print_err("prctl(PR_SET_NO_NEW_PRIVS) failed: %s", strerror(errno));
		return 1;
	}
	listener = install_listener();
	if (listener < 0) {
		print_err("cannot install a filter with SECCOMP_FILTER_FLAG_NEW_LISTENER: %s",
			  strerror(errno));
		return 1;
	}
	fprintf(stderr, "plain-listener: listener installed with SECCOMP_FILTER_FLAG_NEW_LISTENER only, for mkdir and mkdirat\n");

	/* The supervisor never makes mkdir, so the filter never stops it. */
	child = fork();
	if (child < 0) {
		print_err("fork failed: %s", strerror(errno));
		return 1;
	}
	if (child == 0) {
		close(listener);
		execvp(argv[2], argv + 2);
		print_err("cannot run %s: %s", argv[2], strerror(errno));
		_exit(errno == ENOENT ? 127 : 126);
	}

	pfd.fd = listener;
	for (;;) {
		if (waitpid(child, &status, WNOHANG) == child)
			break;
		if (poll(&pfd, 1, WAIT_INTERVAL_MS) > 0 && (pfd.revents & POLLIN))
			continue_notification(listener, req, resp, &sizes);
	}
	close(listener);

	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
