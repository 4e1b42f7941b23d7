# Shared settings and helpers for the scripts in this directory.
# Sourced, not run: the caller sets "set -eu -o pipefail" first.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
# Downloads and the compiler cache live outside the repository so that
# removing build/ or cloning again does not download or compile again.
CACHE_DIR=${NESTED_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/seccomp-nested}

BASE_PACKAGE=linux-source-7.3
BASE_SUITE=trixie-backports
TOOLS_SUITE=trixie
DEBIAN_MIRROR=http://deb.debian.org/debian
DEBIAN_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

# The development tree: the base commit plus one commit per patch.
TREE=$BUILD_DIR/linux
BASE_TAG=base
CONFIG_FRAGMENT=$ROOT/config/seccomp-test.config
PATCH_DIR=$ROOT/patches

JOBS=$(($(nproc) + 1))

log() {
	printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

die() {
	printf 'error: %s\n' "$*" >&2
	exit 1
}

# Print how long a step took, given the $SECONDS value at its start.
elapsed() {
	local start=$1
	local secs=$((SECONDS - start))

	printf '%dm%02ds' $((secs / 60)) $((secs % 60))
}

# Identity used for commits in the tree and for Signed-off-by: lines.
# config/series-identity contains one line "Name <email>", and
# SERIES_IDENTITY in the environment overrides it.
series_identity() {
	local ident=${SERIES_IDENTITY:-}

	if [ -z "$ident" ]; then
		ident=$(grep -v '^#' "$ROOT/config/series-identity" | head -n 1)
	fi
	case $ident in
	*' <'*'>') printf '%s\n' "$ident" ;;
	*) die "invalid series identity '$ident': expected 'Name <email>' in config/series-identity or SERIES_IDENTITY" ;;
	esac
}

# Run git in directory $1 with the series identity as author and committer.
git_as_author() {
	local dir=$1 ident name email

	shift
	ident=$(series_identity)
	name=${ident% <*}
	email=${ident##* <}
	email=${email%>}
	git -C "$dir" -c user.name="$name" -c user.email="$email" \
		-c core.autocrlf=false "$@"
}

# Write the export of the commits above $BASE_TAG in git tree $1 into
# directory $2.  The options keep two exports of the same commits
# byte-identical: no commit ids, no version signature, a fixed
# cover-letter date.  To: (maintainers) and Cc: (everyone else) come from
# the tree's scripts/get_maintainer.pl, so that "git send-email" needs no
# further options.
format_series() {
	local dir=$1 out=$2
	local count date line address
	local options=(-c core.abbrev=12 format-patch --quiet --zero-commit
		--no-signature --base="$BASE_TAG" --cover-letter
		--cover-from-description=subject --encode-email-headers)
	local recipients=()

	mkdir -p "$out"
	count=$(git -C "$dir" rev-list --count "$BASE_TAG"..HEAD)
	if [ "$count" -eq 0 ]; then
		return 0
	fi
	git_as_author "$dir" "${options[@]}" -o "$out" "$BASE_TAG"..HEAD
	while IFS= read -r line; do
		address=${line% (*}
		case $line in
		*'(maintainer:'*) recipients+=("--to=$address") ;;
		*) recipients+=("--cc=$address") ;;
		esac
	done < <(cd "$dir" && scripts/get_maintainer.pl --no-git --no-git-fallback \
		"$out"/0*.patch 2> /dev/null)
	rm -f "$out"/*.patch
	git_as_author "$dir" "${options[@]}" "${recipients[@]}" -o "$out" "$BASE_TAG"..HEAD
	# git stamps the cover letter with the current time, so use the date of
	# the newest patch so that an unchanged series exports unchanged.
	date=$(git -C "$dir" log -1 --format=%aD HEAD)
	sed -i "s/^Date: .*/Date: $date/" "$out/0000-cover-letter.patch"
}

# Print one hash of all files in directory $1 that look like patches.
series_hash() {
	local dir=$1

	(cd "$dir" && find . -maxdepth 1 -name '*.patch' -print0 | sort -z |
		xargs -0 -r cat) | sha256sum | cut -d ' ' -f 1
}

# List the patch files of the series in order, without the cover letter.
series_patches() {
	find "$PATCH_DIR" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]-*.patch' \
		! -name '0000-*' | sort
}

# Print the version of the base package recorded by scripts/fetch-base.
base_version() {
	cat "$CACHE_DIR/base/version" 2>/dev/null || echo unknown
}
