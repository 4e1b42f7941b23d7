# Jobs of the nested seccomp listener series.  Each job is one script in
# scripts/; see README.md.

# make run CMD='...' runs that command in the VM instead of the sample;
# make run ARGS='...' runs the sample with those options.
CMD ?=
ARGS ?=
export CMD ARGS

.PHONY: run check check-base debug-check bisect-check bench bench-smoke tree export status deps clean

run:
	scripts/run

check:
	scripts/check

check-base:
	scripts/check --base

debug-check:
	scripts/check --debug

bisect-check:
	scripts/bisect-check

bench:
	scripts/bench

bench-smoke:
	scripts/bench --smoke

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
