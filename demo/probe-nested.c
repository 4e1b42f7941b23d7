// SPDX-License-Identifier: GPL-2.0
/*
 * Report whether the running kernel accepts
 * SECCOMP_FILTER_FLAG_ALLOW_NESTED_LISTENERS together with
 * SECCOMP_FILTER_FLAG_NEW_LISTENER.
 *
 * Exit status: 0 when it does, 3 when the kernel rejects the flag with
 * EINVAL (no nested listeners), 1 on any other error.
 */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SECCOMP_FILTER_FLAG_ALLOW_NESTED_LISTENERS
#define SECCOMP_FILTER_FLAG_ALLOW_NESTED_LISTENERS (1UL << 6)
#endif

/* Install an allow-all filter with @flags in a child; return its errno or 0. */
static int try_flags(unsigned long flags)
{
	struct sock_filter allow = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	struct sock_fprog prog = { .len = 1, .filter = &allow };
	int status;
	pid_t pid;

	pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(1);
	}
	if (pid == 0) {
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
			_exit(200);
		if (syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog) < 0)
			_exit(errno);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
		fprintf(stderr, "probe child for flags %#lx did not exit normally\n", flags);
		exit(1);
	}
	if (WEXITSTATUS(status) == 200) {
		fprintf(stderr, "prctl(PR_SET_NO_NEW_PRIVS) failed in the probe child\n");
		exit(1);
	}
	return WEXITSTATUS(status);
}

int main(void)
{
	unsigned long nested = SECCOMP_FILTER_FLAG_NEW_LISTENER |
			       SECCOMP_FILTER_FLAG_ALLOW_NESTED_LISTENERS;
	struct utsname uts;
	int err;

	if (uname(&uts) == 0)
		printf("kernel: %s %s\n", uts.release, uts.version);

	err = try_flags(SECCOMP_FILTER_FLAG_NEW_LISTENER);
	if (err) {
		printf("NEW_LISTENER: rejected: %s; this kernel has no seccomp user notification\n",
		       strerror(err));
		return 1;
	}
	printf("NEW_LISTENER: accepted\n");

	err = try_flags(nested);
	if (err == EINVAL) {
		printf("NEW_LISTENER | ALLOW_NESTED_LISTENERS: rejected with EINVAL: this kernel lacks nested listeners\n");
		return 3;
	}
	if (err) {
		printf("NEW_LISTENER | ALLOW_NESTED_LISTENERS: failed: %s\n", strerror(err));
		return 1;
	}
	printf("NEW_LISTENER | ALLOW_NESTED_LISTENERS: accepted: this kernel has nested listeners\n");
	return 0;
}
