# Jobs of the nested seccomp listener series.  Each job is one script in
# scripts/; see README.md.

# make run CMD='...' runs that command in the VM instead of the default.
CMD ?=
export CMD

.PHONY: run check check-base tree export status deps clean

run:
	scripts/run "$$CMD"

check:
	scripts/check

check-base:
	scripts/check --base

tree:
	scripts/tree

export:
	scripts/export

status:
	scripts/series-status

deps:
	scripts/deps

clean:
	scripts/series-status
	rm -rf build
