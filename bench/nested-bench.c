// SPDX-License-Identifier: GPL-2.0
/*
 * Measure the cost of seccomp filters and of user-notification listeners,
 * nested listeners (SECCOMP_FILTER_FLAG_ALLOW_NESTED_LISTENERS) included.
 *
 * Each measurement runs in a freshly forked workload process, because a
 * filter cannot be removed. The workload installs its filters, then for
 * each repeat makes a warm-up of 1% of the calls (at least 1) and times
 * a loop of raw syscall(__NR_getppid, ARG) calls with CLOCK_MONOTONIC. It
 * reports nanoseconds per call, and checks the result of every call.
 * getppid is the benchmark syscall because neither the C library nor this
 * program makes it on its own. ARG is passed explicitly so that filters
 * can test args[0].
 *
 * Groups:
 *   common  filter results other than SECCOMP_RET_USER_NOTIF. It times
 *           no filter, 1 and 8 constant ALLOW filters (decided by the
 *           kernel's action cache bitmap), and 1 and 8 ALLOW filters that
 *           load args[0], so that BPF runs on every call. It also times 8
 *           filters whose strictest result is SECCOMP_RET_ERRNO (EPERM).
 *   notify  one listener without nesting, served by a supervisor process
 *           that replies SECCOMP_USER_NOTIF_FLAG_CONTINUE or the value 0.
 *           The time per call is a full round trip to the supervisor.
 *   nested  1 to 8 listeners, each installed with NEW_LISTENER |
 *           ALLOW_NESTED_LISTENERS and served by its own supervisor that
 *           replies CONTINUE, so each call makes one round trip per
 *           listener. Skipped when the kernel rejects the flag (EINVAL).
 *
 * The parent forks the supervisors before the workload installs anything,
 * and the workload passes each listener fd to its supervisor over a
 * socketpair (SCM_RIGHTS), so no supervisor is under any filter. A
 * supervisor blocks in poll(), receives and replies to each notification,
 * and on POLLHUP (the workload has exited) sends the parent the number of
 * notifications it served. The parent checks that every listener was
 * notified once per call. Supervisors use the default wake-up mode, not
 * SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP.
 *
 * With -f the workload and the supervisors run as SCHED_FIFO tasks of
 * priority 1 (this needs CAP_SYS_NICE). A woken task of the same priority
 * then never preempts the running one, so on one CPU a round trip to a
 * listener is exactly two context switches. Under SCHED_OTHER the
 * scheduler sometimes preempts a supervisor between its reply and its next
 * poll(), which adds switches that vary with the number of runnable tasks,
 * and so with the depth.
 *
 * Output on stdout, two lines per measurement and repeat (1-based):
 *   result GROUP NAME REPEAT NS_PER_CALL
 *   switches GROUP NAME REPEAT SWITCHES_PER_CALL
 * The second counts the context switches of the whole system during the
 * timed calls ("ctxt" in /proc/stat), or is missing if /proc/stat cannot
 * be read.
 * and for a group that the kernel cannot run:
 *   skip GROUP REASON
 * Progress and errors go to stderr. Exit status: 0 when every measurement
 * ran, 1 on any failure (wrong syscall result, a child that failed or
 * died, a timeout), 2 on invalid usage.
 *
 * Every wait is bounded, and all waiting blocks in poll() or nanosleep()
 * rather than spinning, so one CPU is enough for the round trips.
 */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>

#ifndef SECCOMP_FILTER_FLAG_ALLOW_NESTED_LISTENERS
#define SECCOMP_FILTER_FLAG_ALLOW_NESTED_LISTENERS	(1UL << 6)
#endif

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* The benchmark syscall. */
#define BENCH_NR		__NR_getppid
/* args[0] of the calls in the common group. */
#define PLAIN_ARG		0UL
/* Value that the argument-dependent ALLOW filters compare args[0] to. */
#define UNUSED_ARG		0x0badf00dU
/*
 * args[0] of the calls in the notify and nested groups. The listener
 * filters return SECCOMP_RET_USER_NOTIF only for getppid with this value.
 */
#define NOTIFY_ARG		0x5ecc0e57U

/* Maximum number of listeners in one chain of linked listeners. */
#define MAX_LISTENERS		8
/* Number of filters in the common group's 8-filter measurements. */
#define MANY_FILTERS		8

#define DEFAULT_REPEATS		5
#define DEFAULT_COMMON_CALLS	100000UL
#define DEFAULT_NOTIFY_CALLS	10000UL
#define MAX_CALLS		1000000000UL
#define MAX_REPEATS		1000U

/*
 * Timeouts, which only turn a hang into a failure. A repeat may take
 * REPEAT_TIMEOUT_MS plus CALL_TIMEOUT_MS per syscall and per round trip to
 * a supervisor. In a one-vCPU guest under plain QEMU TCG on a 2-core host,
 * nested-8 measured about 0.9 ms per call, against the 9 ms allowed. The
 * setup timeout bounds forking, installing filters, passing fds and
 * exiting. A supervisor that gets no notification for REPEAT_TIMEOUT_MS
 * gives up.
 */
#define SETUP_TIMEOUT_MS	30000LL
#define REPEAT_TIMEOUT_MS	60000LL
#define CALL_TIMEOUT_MS		1LL

/* Exit status of the probe child when the kernel rejects the flag. */
#define PROBE_EXIT_EINVAL	3

#define NSEC_PER_SEC		1000000000LL
#define NSEC_PER_MSEC		1000000LL

/*
 * Offsets of the low and high 32-bit halves of args[0], because classic
 * BPF loads 32 bits at a time.
 */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ARG0_LO_OFFSET	offsetof(struct seccomp_data, args[0])
#define ARG0_HI_OFFSET	(offsetof(struct seccomp_data, args[0]) + 4)
#else
#define ARG0_LO_OFFSET	(offsetof(struct seccomp_data, args[0]) + 4)
#define ARG0_HI_OFFSET	offsetof(struct seccomp_data, args[0])
#endif

/* ALLOW for everything, which the action cache turns into a bitmap hit. */
static const struct sock_filter allow_cached_insns[] = {
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
};

/*
 * ALLOW on both branches of a test on args[0]. The action cache cannot
 * emulate a load of args, so BPF runs on every call.
 */
static const struct sock_filter allow_uncached_insns[] = {
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG0_LO_OFFSET),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, UNUSED_ARG, 0, 1),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
};

/* ERRNO(EPERM) for the benchmark syscall, ALLOW for everything else. */
static const struct sock_filter errno_insns[] = {
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, BENCH_NR, 0, 1),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
};

/* USER_NOTIF for the benchmark syscall with args[0] == NOTIFY_ARG. */
static const struct sock_filter notify_insns[] = {
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, BENCH_NR, 0, 5),
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG0_LO_OFFSET),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NOTIFY_ARG, 0, 3),
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG0_HI_OFFSET),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 1),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
};

enum group {
	GROUP_COMMON = 1 << 0,
	GROUP_NOTIFY = 1 << 1,
	GROUP_NESTED = 1 << 2,
};

/*
 * Filters of one measurement, installed in this order: the ERRNO filters
 * (outermost), the argument-dependent ALLOW filters, the constant ALLOW
 * filters, then the listeners from the outermost to the innermost.
 */
struct measurement {
	const char *group;
	char name[32];
	unsigned int errno_filters;
	unsigned int uncached_filters;
	unsigned int cached_filters;
	unsigned int listeners;
	unsigned long listener_flags;
	/* Flags of every supervisor's reply. Without CONTINUE the reply is val 0. */
	unsigned int reply_flags;
	unsigned long calls;
};

/* Processes and parent-side fds of one running measurement. */
struct children {
	pid_t workload;
	int results;
	unsigned int supervisors;
	pid_t supervisor[MAX_LISTENERS];
	int socket[MAX_LISTENERS];
};

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
}

/* Convert an absolute CLOCK_MONOTONIC deadline to a poll() timeout. */
static int remaining_ms(long long deadline)
{
	long long left = deadline - now_ns();

	if (left <= 0)
		return 0;
	left = (left + NSEC_PER_MSEC - 1) / NSEC_PER_MSEC;
	return left > INT32_MAX ? INT32_MAX : (int)left;
}

/*
 * Wait until fd has one of the events or hangs up. Return the revents,
 * or -1 with errno set (ETIMEDOUT when the deadline passed).
 */
static int wait_fd(int fd, short events, long long deadline)
{
	struct pollfd pfd = { .fd = fd, .events = events };
	int ready;

	for (;;) {
		ready = poll(&pfd, 1, remaining_ms(deadline));
		if (ready > 0)
			return pfd.revents;
		if (ready == 0) {
			errno = ETIMEDOUT;
			return -1;
		}
		if (errno != EINTR)
			return -1;
	}
}

/*
 * Read exactly len bytes before the deadline. Return len, 0 on end of
 * file before the first byte, or -1 with errno set (EPIPE on end of file
 * in the middle).
 */
static ssize_t read_full(int fd, void *buf, size_t len, long long deadline)
{
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		if (wait_fd(fd, POLLIN, deadline) < 0)
			return -1;
		n = read(fd, (char *)buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0) {
			if (done == 0)
				return 0;
			errno = EPIPE;
			return -1;
		}
		done += n;
	}
	return done;
}

static int install_filter(const struct sock_filter *insns, size_t count,
			  unsigned long flags)
{
	struct sock_fprog prog = {
		.len = (unsigned short)count,
		.filter = (struct sock_filter *)insns,
	};

	return syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog);
}

static int send_fd(int sock, int fd)
{
	char byte = 0;
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	union {
		struct cmsghdr header;
		char buf[CMSG_SPACE(sizeof(int))];
	} control;
	struct msghdr msg = {
		.msg_iov = &iov,
		.msg_iovlen = 1,
		.msg_control = control.buf,
		.msg_controllen = sizeof(control.buf),
	};
	struct cmsghdr *cmsg;

	memset(&control, 0, sizeof(control));
	cmsg = CMSG_FIRSTHDR(&msg);
	cmsg->cmsg_level = SOL_SOCKET;
	cmsg->cmsg_type = SCM_RIGHTS;
	cmsg->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));

	if (sendmsg(sock, &msg, MSG_NOSIGNAL) != 1)
		return -1;
	return 0;
}

/* Return the fd received over sock, or -1 with a message on stderr. */
static int receive_fd(int sock, long long deadline)
{
	char byte;
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	union {
		struct cmsghdr header;
		char buf[CMSG_SPACE(sizeof(int))];
	} control;
	struct msghdr msg = {
		.msg_iov = &iov,
		.msg_iovlen = 1,
		.msg_control = control.buf,
		.msg_controllen = sizeof(control.buf),
	};
	struct cmsghdr *cmsg;
	ssize_t n;
	int fd;

	if (wait_fd(sock, POLLIN, deadline) < 0) {
		if (errno == ETIMEDOUT)
			warnx("supervisor: timed out waiting for the listener fd");
		else
			warn("supervisor: waiting for the listener fd");
		return -1;
	}
	n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
	if (n < 0) {
		warn("supervisor: receiving the listener fd");
		return -1;
	}
	cmsg = CMSG_FIRSTHDR(&msg);
	if (n == 0 || !cmsg || cmsg->cmsg_level != SOL_SOCKET ||
	    cmsg->cmsg_type != SCM_RIGHTS ||
	    cmsg->cmsg_len != CMSG_LEN(sizeof(int))) {
		warnx("supervisor: the workload sent no listener fd");
		return -1;
	}
	memcpy(&fd, CMSG_DATA(cmsg), sizeof(int));
	return fd;
}

/* Receive and reply to one notification, and count it in *served. */
static int handle_notification(int listener, unsigned int reply_flags,
			       uint64_t *served)
{
	struct seccomp_notif req;
	struct seccomp_notif_resp resp;

	/* SECCOMP_IOCTL_NOTIF_RECV rejects a request that is not zeroed. */
	memset(&req, 0, sizeof(req));
	if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &req) < 0) {
		/* ENOENT: the task left the syscall (signal or exit) after poll(). */
		if (errno == ENOENT || errno == EINTR)
			return 0;
		warn("supervisor: SECCOMP_IOCTL_NOTIF_RECV");
		return -1;
	}
	if (req.data.nr != BENCH_NR || req.data.args[0] != NOTIFY_ARG) {
		warnx("supervisor: unexpected notification: syscall %d, args[0] %#llx",
		      req.data.nr, (unsigned long long)req.data.args[0]);
		return -1;
	}

	memset(&resp, 0, sizeof(resp));
	resp.id = req.id;
	resp.flags = reply_flags;
	if (ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &resp) < 0) {
		/* ENOENT: the task left the syscall (signal or exit) after RECV. */
		if (errno == ENOENT)
			return 0;
		warn("supervisor: SECCOMP_IOCTL_NOTIF_SEND");
		return -1;
	}
	(*served)++;
	return 0;
}

/*
 * Serve the listener that arrives over sock until the workload exits,
 * then send the number of notifications served back over sock.
 */
static int serve_listener(int sock, unsigned int reply_flags)
{
	uint64_t served = 0;
	int listener, revents, ret = 0;

	listener = receive_fd(sock, now_ns() + SETUP_TIMEOUT_MS * NSEC_PER_MSEC);
	if (listener < 0)
		return -1;

	for (;;) {
		revents = wait_fd(listener, POLLIN,
				  now_ns() + REPEAT_TIMEOUT_MS * NSEC_PER_MSEC);
		if (revents < 0 && errno == ETIMEDOUT) {
			warnx("supervisor: no notification for %lld s after %llu served",
			      REPEAT_TIMEOUT_MS / 1000, (unsigned long long)served);
			ret = -1;
			break;
		}
		if (revents < 0) {
			warn("supervisor: waiting for a notification");
			ret = -1;
			break;
		}
		if (revents & POLLIN) {
			if (handle_notification(listener, reply_flags, &served)) {
				ret = -1;
				break;
			}
			continue;
		}
		/* POLLHUP: no task uses the filter any more. */
		break;
	}
	close(listener);

	if (write(sock, &served, sizeof(served)) != sizeof(served)) {
		warn("supervisor: sending the notification count");
		ret = -1;
	}
	return ret;
}

/* Make count benchmark syscalls and check that each returns as expected. */
static int call_many(unsigned long count, unsigned long arg,
		     long expected, int expected_errno)
{
	unsigned long i;
	long ret;

	for (i = 0; i < count; i++) {
		ret = syscall(BENCH_NR, arg);
		if (ret == expected && (ret != -1 || errno == expected_errno))
			continue;

		if (ret == -1)
			warn("workload: call %lu: getppid failed", i + 1);
		else
			warnx("workload: call %lu: getppid returned %ld", i + 1, ret);
		if (expected == -1)
			warnx("workload: expected -1 with errno %d (%s)",
			      expected_errno, strerror(expected_errno));
		else
			warnx("workload: expected %ld", expected);
		return -1;
	}
	return 0;
}

static int install_filters(const struct measurement *m, const int *sockets)
{
	unsigned int i;
	int fd;

	for (i = 0; i < m->errno_filters; i++) {
		if (install_filter(errno_insns, ARRAY_SIZE(errno_insns), 0)) {
			warn("workload: installing the ERRNO filter");
			return -1;
		}
	}
	for (i = 0; i < m->uncached_filters; i++) {
		if (install_filter(allow_uncached_insns,
				   ARRAY_SIZE(allow_uncached_insns), 0)) {
			warn("workload: installing argument-dependent ALLOW filter %u",
			     i + 1);
			return -1;
		}
	}
	for (i = 0; i < m->cached_filters; i++) {
		if (install_filter(allow_cached_insns,
				   ARRAY_SIZE(allow_cached_insns), 0)) {
			warn("workload: installing constant ALLOW filter %u", i + 1);
			return -1;
		}
	}
	for (i = 0; i < m->listeners; i++) {
		fd = install_filter(notify_insns, ARRAY_SIZE(notify_insns),
				    m->listener_flags);
		if (fd < 0) {
			warn("workload: installing listener %u of %u with flags %#lx",
			     i + 1, m->listeners, m->listener_flags);
			return -1;
		}
		if (send_fd(sockets[i], fd)) {
			warn("workload: sending listener %u to its supervisor", i + 1);
			close(fd);
			return -1;
		}
		close(fd);
		close(sockets[i]);
	}
	return 0;
}

/*
 * Return the number of context switches since boot ("ctxt" in /proc/stat),
 * or -1 if it cannot be read.
 */
static long long read_context_switches(void)
{
	long long switches = -1;
	char line[256];
	FILE *stat;

	stat = fopen("/proc/stat", "re");
	if (!stat)
		return -1;
	while (fgets(line, sizeof(line), stat)) {
		if (sscanf(line, "ctxt %lld", &switches) == 1)
			break;
	}
	fclose(stat);
	return switches;
}

/* Result of one repeat, sent from the workload to the parent. */
struct repeat_result {
	double ns_per_call;
	/* Negative when /proc/stat could not be read. */
	double switches_per_call;
};

/*
 * Install the filters of m, then for each repeat time the calls and write
 * a struct repeat_result to results.
 */
static int run_workload(const struct measurement *m, unsigned int repeats,
			const int *sockets, int results, pid_t parent)
{
	unsigned long arg = m->listeners ? NOTIFY_ARG : PLAIN_ARG;
	unsigned long warmup = m->calls / 100 ? m->calls / 100 : 1;
	long expected = parent;
	int expected_errno = 0;
	long long start, finish, switches_before, switches_after;
	struct repeat_result result;
	unsigned int repeat;

	if (m->errno_filters) {
		expected = -1;
		expected_errno = EPERM;
	} else if (m->listeners && !(m->reply_flags & SECCOMP_USER_NOTIF_FLAG_CONTINUE)) {
		expected = 0;
	}

	if (install_filters(m, sockets))
		return -1;

	for (repeat = 1; repeat <= repeats; repeat++) {
		if (call_many(warmup, arg, expected, expected_errno))
			return -1;

		switches_before = read_context_switches();
		start = now_ns();
		if (call_many(m->calls, arg, expected, expected_errno))
			return -1;
		finish = now_ns();
		switches_after = read_context_switches();

		result.ns_per_call = (double)(finish - start) / m->calls;
		result.switches_per_call = -1;
		if (switches_before >= 0 && switches_after >= 0)
			result.switches_per_call =
				(double)(switches_after - switches_before) / m->calls;
		if (write(results, &result, sizeof(result)) != sizeof(result)) {
			warn("workload: writing the result of repeat %u", repeat);
			return -1;
		}
	}
	return 0;
}

/*
 * Wait for pid to exit until the deadline, sleeping between checks.
 * Return 1 when reaped, 0 on timeout, -1 on error.
 */
static int reap_until(pid_t pid, int *status, long long deadline)
{
	const struct timespec pause = { .tv_nsec = NSEC_PER_MSEC };
	pid_t ret;

	for (;;) {
		ret = waitpid(pid, status, WNOHANG);
		if (ret == pid)
			return 1;
		if (ret < 0 && errno != EINTR) {
			warn("waitpid %d", pid);
			return -1;
		}
		if (now_ns() >= deadline)
			return 0;
		nanosleep(&pause, NULL);
	}
}

/*
 * Reap pid, killing it with SIGKILL if it has not exited by the deadline.
 * Return 0 if it exited with status 0, -1 otherwise.
 */
static int reap_child(pid_t pid, const char *role, long long deadline)
{
	int status, reaped;

	reaped = reap_until(pid, &status, deadline);
	if (reaped == 0) {
		warnx("%s (pid %d) did not exit in time, killing it with SIGKILL",
		      role, pid);
		kill(pid, SIGKILL);
		reaped = reap_until(pid, &status,
				    now_ns() + SETUP_TIMEOUT_MS * NSEC_PER_MSEC);
		if (reaped == 0)
			warnx("%s (pid %d) survived SIGKILL and is left running",
			      role, pid);
		return -1;
	}
	if (reaped < 0)
		return -1;

	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status))
		warnx("%s (pid %d) failed with exit status %d", role, pid,
		      WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		warnx("%s (pid %d) was killed by signal %s", role, pid,
		      strsignal(WTERMSIG(status)));
	return -1;
}

/* Set by -f: run the workload and the supervisors under SCHED_FIFO. */
static bool fifo_policy;

/*
 * Prepare a freshly forked workload or supervisor: it dies with the
 * parent, and with -f it switches to SCHED_FIFO. Return -1 on failure.
 */
static int setup_child(const char *role)
{
	const struct sched_param param = { .sched_priority = 1 };

	if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0))
		warn("%s: PR_SET_PDEATHSIG", role);
	if (fifo_policy && sched_setscheduler(0, SCHED_FIFO, &param)) {
		warn("%s: switching to SCHED_FIFO (-f needs CAP_SYS_NICE; run as root or without -f)",
		     role);
		return -1;
	}
	return 0;
}

/* Fork one supervisor per listener, each with its own socketpair. */
static int start_supervisors(const struct measurement *m, struct children *c)
{
	unsigned int i, j;
	int pair[2];
	pid_t pid;

	for (i = 0; i < m->listeners; i++) {
		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair)) {
			warn("socketpair for supervisor %u", i + 1);
			return -1;
		}
		pid = fork();
		if (pid < 0) {
			warn("fork of supervisor %u", i + 1);
			close(pair[0]);
			close(pair[1]);
			return -1;
		}
		if (pid == 0) {
			if (setup_child("supervisor"))
				_exit(1);
			for (j = 0; j < i; j++)
				close(c->socket[j]);
			close(pair[0]);
			_exit(serve_listener(pair[1], m->reply_flags) ? 1 : 0);
		}
		close(pair[1]);
		c->supervisor[i] = pid;
		c->socket[i] = pair[0];
		c->supervisors = i + 1;
	}
	return 0;
}

static int start_workload(const struct measurement *m, unsigned int repeats,
			  struct children *c)
{
	pid_t parent = getpid();
	int pipe_fds[2];
	pid_t pid;

	if (pipe2(pipe_fds, O_CLOEXEC)) {
		warn("pipe for the results");
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		warn("fork of the workload");
		close(pipe_fds[0]);
		close(pipe_fds[1]);
		return -1;
	}
	if (pid == 0) {
		if (setup_child("workload"))
			_exit(1);
		close(pipe_fds[0]);
		_exit(run_workload(m, repeats, c->socket, pipe_fds[1], parent) ? 1 : 0);
	}
	close(pipe_fds[1]);
	c->workload = pid;
	c->results = pipe_fds[0];
	return 0;
}

/* Time allowed for one repeat of m, in nanoseconds. */
static long long repeat_timeout_ns(const struct measurement *m)
{
	long long calls = m->calls + m->calls / 100 + 1;

	return (REPEAT_TIMEOUT_MS + calls * (1 + m->listeners) * CALL_TIMEOUT_MS) *
	       NSEC_PER_MSEC;
}

/* Read one result per repeat from the workload and print it. */
static int collect_results(const struct measurement *m, unsigned int repeats,
			   struct children *c)
{
	struct repeat_result result;
	unsigned int repeat;
	ssize_t n;

	for (repeat = 1; repeat <= repeats; repeat++) {
		n = read_full(c->results, &result, sizeof(result),
			      now_ns() + repeat_timeout_ns(m));
		if (n < 0 && errno == ETIMEDOUT) {
			warnx("%s %s: timed out after %lld s waiting for the result of repeat %u",
			      m->group, m->name, repeat_timeout_ns(m) / NSEC_PER_SEC,
			      repeat);
			return -1;
		}
		if (n == 0) {
			warnx("%s %s: the workload exited after %u of %u repeats",
			      m->group, m->name, repeat - 1, repeats);
			return -1;
		}
		if (n < 0) {
			warn("%s %s: reading the result of repeat %u",
			     m->group, m->name, repeat);
			return -1;
		}
		printf("result %s %s %u %.1f\n", m->group, m->name, repeat,
		       result.ns_per_call);
		if (result.switches_per_call >= 0)
			printf("switches %s %s %u %.2f\n", m->group, m->name,
			       repeat, result.switches_per_call);
	}
	return 0;
}

/*
 * Reap the workload and the supervisors, killing them all first if the
 * measurement already failed. Check that every supervisor served one
 * notification per call. Close the parent's fds.
 */
static int finish_children(const struct measurement *m, unsigned int repeats,
			   struct children *c, int failed)
{
	uint64_t expected = (uint64_t)repeats *
			    (m->calls + (m->calls / 100 ? m->calls / 100 : 1));
	long long deadline;
	uint64_t served;
	unsigned int i;
	char role[64];
	ssize_t n;

	if (failed) {
		warnx("%s %s: killing the workload and the supervisors",
		      m->group, m->name);
		if (c->workload > 0)
			kill(c->workload, SIGKILL);
		for (i = 0; i < c->supervisors; i++)
			kill(c->supervisor[i], SIGKILL);
	}

	deadline = now_ns() + SETUP_TIMEOUT_MS * NSEC_PER_MSEC;
	if (c->workload > 0 && reap_child(c->workload, "workload", deadline) && !failed)
		failed = 1;
	if (c->results >= 0)
		close(c->results);

	for (i = 0; i < c->supervisors; i++) {
		snprintf(role, sizeof(role), "supervisor %u", i + 1);
		if (!failed) {
			n = read_full(c->socket[i], &served, sizeof(served), deadline);
			if (n != sizeof(served)) {
				warnx("%s %s: %s sent no notification count",
				      m->group, m->name, role);
				failed = 1;
			} else if (served != expected) {
				warnx("%s %s: %s served %llu notifications, expected %llu",
				      m->group, m->name, role,
				      (unsigned long long)served,
				      (unsigned long long)expected);
				failed = 1;
			}
		}
		close(c->socket[i]);
		if (reap_child(c->supervisor[i], role, deadline))
			failed = 1;
	}
	return failed;
}

static int run_measurement(const struct measurement *m, unsigned int repeats)
{
	struct children c = { .workload = -1, .results = -1 };
	int failed;

	warnx("%s %s: %u x %lu calls", m->group, m->name, repeats, m->calls);
	/* Children must not inherit buffered output. */
	fflush(stdout);

	failed = start_supervisors(m, &c) || start_workload(m, repeats, &c);
	if (!failed)
		failed = collect_results(m, repeats, &c);
	failed = finish_children(m, repeats, &c, failed);
	if (failed)
		warnx("%s %s: measurement failed", m->group, m->name);
	return failed;
}

static int run_common(unsigned long calls, unsigned int repeats)
{
	const struct measurement table[] = {
		{ .name = "none" },
		{ .name = "allow-1-cached", .cached_filters = 1 },
		{ .name = "allow-8-cached", .cached_filters = MANY_FILTERS },
		{ .name = "allow-1-uncached", .uncached_filters = 1 },
		{ .name = "allow-8-uncached", .uncached_filters = MANY_FILTERS },
		{ .name = "errno-8", .errno_filters = 1,
		  .uncached_filters = MANY_FILTERS - 1 },
	};
	struct measurement m;
	unsigned int i;
	int failed = 0;

	for (i = 0; i < ARRAY_SIZE(table); i++) {
		m = table[i];
		m.group = "common";
		m.calls = calls;
		failed |= run_measurement(&m, repeats);
	}
	return failed;
}

static int run_notify(unsigned long calls, unsigned int repeats)
{
	const struct measurement table[] = {
		{ .name = "notify-continue",
		  .reply_flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE },
		{ .name = "notify-value" },
	};
	struct measurement m;
	unsigned int i;
	int failed = 0;

	for (i = 0; i < ARRAY_SIZE(table); i++) {
		m = table[i];
		m.group = "notify";
		m.listeners = 1;
		m.listener_flags = SECCOMP_FILTER_FLAG_NEW_LISTENER;
		m.calls = calls;
		failed |= run_measurement(&m, repeats);
	}
	return failed;
}

/*
 * Install a listener with ALLOW_NESTED_LISTENERS in a throwaway child.
 * Return 1 if the kernel accepts it, 0 if it rejects it with EINVAL, and
 * -1 on any other failure.
 */
static int probe_nested_listeners(void)
{
	int fd, status, reaped;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		warn("fork of the probe");
		return -1;
	}
	if (pid == 0) {
		fd = install_filter(notify_insns, ARRAY_SIZE(notify_insns),
				    SECCOMP_FILTER_FLAG_NEW_LISTENER |
				    SECCOMP_FILTER_FLAG_ALLOW_NESTED_LISTENERS);
		if (fd >= 0)
			_exit(0);
		if (errno == EINVAL)
			_exit(PROBE_EXIT_EINVAL);
		warn("probe: installing a listener with ALLOW_NESTED_LISTENERS");
		_exit(1);
	}

	reaped = reap_until(pid, &status,
			    now_ns() + SETUP_TIMEOUT_MS * NSEC_PER_MSEC);
	if (reaped == 0) {
		kill(pid, SIGKILL);
		reap_until(pid, &status, now_ns() + SETUP_TIMEOUT_MS * NSEC_PER_MSEC);
		warnx("probe (pid %d) timed out", pid);
		return -1;
	}
	if (reaped < 0)
		return -1;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 1;
	if (WIFEXITED(status) && WEXITSTATUS(status) == PROBE_EXIT_EINVAL)
		return 0;
	warnx("probe for SECCOMP_FILTER_FLAG_ALLOW_NESTED_LISTENERS failed");
	return -1;
}

static int run_nested(unsigned long calls, unsigned int repeats)
{
	struct measurement m;
	unsigned int depth;
	int supported, failed = 0;

	supported = probe_nested_listeners();
	if (supported < 0)
		return 1;
	if (!supported) {
		printf("skip nested kernel lacks SECCOMP_FILTER_FLAG_ALLOW_NESTED_LISTENERS\n");
		warnx("nested group skipped: the kernel rejects %s with EINVAL",
		      "SECCOMP_FILTER_FLAG_ALLOW_NESTED_LISTENERS");
		return 0;
	}

	for (depth = 1; depth <= MAX_LISTENERS; depth++) {
		memset(&m, 0, sizeof(m));
		m.group = "nested";
		snprintf(m.name, sizeof(m.name), "nested-%u", depth);
		m.listeners = depth;
		m.listener_flags = SECCOMP_FILTER_FLAG_NEW_LISTENER |
				   SECCOMP_FILTER_FLAG_ALLOW_NESTED_LISTENERS;
		m.reply_flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
		m.calls = calls;
		failed |= run_measurement(&m, repeats);
	}
	return failed;
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: nested-bench [-f] [-n CALLS] [-r REPEATS] [GROUP...]\n"
		"Measure seccomp filter and listener costs in ns per syscall.\n"
		"  -f          run the workload and the supervisors as SCHED_FIFO\n"
		"              tasks of priority 1 (needs CAP_SYS_NICE)\n"
		"  -n CALLS    timed syscalls per repeat, 1 to %lu, in every group\n"
		"              (default: %lu for common, %lu for notify and nested)\n"
		"  -r REPEATS  repeats per measurement, 1 to %u (default: %u)\n"
		"  GROUP       common, notify or nested (default: all three);\n"
		"              groups run in this order whatever the order given\n",
		MAX_CALLS, DEFAULT_COMMON_CALLS, DEFAULT_NOTIFY_CALLS,
		MAX_REPEATS, DEFAULT_REPEATS);
}

/* Parse a decimal number from 1 to max, or return 0 if it is invalid. */
static unsigned long parse_count(const char *text, unsigned long max)
{
	unsigned long value;
	char *end;

	if (*text < '0' || *text > '9')
		return 0;
	errno = 0;
	value = strtoul(text, &end, 10);
	if (errno || *end || value > max)
		return 0;
	return value;
}

int main(int argc, char *argv[])
{
	unsigned long calls = 0, common_calls, notify_calls;
	unsigned int repeats = DEFAULT_REPEATS;
	unsigned int groups = 0;
	struct utsname uts;
	int opt, i, failed = 0;

	while ((opt = getopt(argc, argv, "fhn:r:")) != -1) {
		switch (opt) {
		case 'f':
			fifo_policy = true;
			break;
		case 'n':
			calls = parse_count(optarg, MAX_CALLS);
			if (!calls) {
				warnx("invalid -n %s: expected a number of calls from 1 to %lu",
				      optarg, MAX_CALLS);
				usage(stderr);
				return 2;
			}
			break;
		case 'r':
			repeats = parse_count(optarg, MAX_REPEATS);
			if (!repeats) {
				warnx("invalid -r %s: expected a number of repeats from 1 to %u",
				      optarg, MAX_REPEATS);
				usage(stderr);
				return 2;
			}
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	for (i = optind; i < argc; i++) {
		if (!strcmp(argv[i], "common")) {
			groups |= GROUP_COMMON;
		} else if (!strcmp(argv[i], "notify")) {
			groups |= GROUP_NOTIFY;
		} else if (!strcmp(argv[i], "nested")) {
			groups |= GROUP_NESTED;
		} else {
			warnx("invalid group '%s': expected common, notify or nested",
			      argv[i]);
			usage(stderr);
			return 2;
		}
	}
	if (!groups)
		groups = GROUP_COMMON | GROUP_NOTIFY | GROUP_NESTED;
	common_calls = calls ? calls : DEFAULT_COMMON_CALLS;
	notify_calls = calls ? calls : DEFAULT_NOTIFY_CALLS;

	setvbuf(stdout, NULL, _IOLBF, 0);

	/* Unprivileged filters need no_new_privs, and all children inherit it. */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		err(1, "PR_SET_NO_NEW_PRIVS");

	if (!uname(&uts))
		warnx("kernel %s %s", uts.release, uts.machine);

	if (groups & GROUP_COMMON)
		failed |= run_common(common_calls, repeats);
	if (groups & GROUP_NOTIFY)
		failed |= run_notify(notify_calls, repeats);
	if (groups & GROUP_NESTED)
		failed |= run_nested(notify_calls, repeats);

	if (failed)
		warnx("at least one measurement failed; see the messages above");
	return failed ? 1 : 0;
}
