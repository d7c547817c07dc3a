# Sourced by scripts/setup.d hooks: npm_cache_install LABEL PKG@VERSION... installs the packages
# that are missing (or at another version) into ${ANVIL_NPM_CACHE:-$HOME/.cache/anvil/npm}, a
# folder outside the source tree that tests look in. Idempotent and offline once installed;
# without node/npm it says so and returns 0 (the tests then skip with a message).
# Optional, set by the caller: NPM_CACHE_SUBDIR installs into a folder of its own under the cache
# (for packages that need different npm flags); NPM_CACHE_FLAGS adds npm install flags.
npm_cache_install() {
  local label="$1"; shift
  local dir="${ANVIL_NPM_CACHE:-$HOME/.cache/anvil/npm}${NPM_CACHE_SUBDIR:+/$NPM_CACHE_SUBDIR}"
  if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "setup.d/$label: node/npm not found; the tests that need these packages will be skipped"
    return 0
  fi
  local missing=() spec name version manifest
  for spec in "$@"; do
    name="${spec%@*}"
    version="${spec##*@}"
    manifest="$dir/node_modules/$name/package.json"
    if [ ! -f "$manifest" ] || ! grep -q "\"version\": *\"$version\"" "$manifest"; then
      missing+=("$spec")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"name":"anvil-npm-cache","private":true}' > "$dir/package.json"
  echo "setup.d/$label: installing ${missing[*]} into $dir"
  # shellcheck disable=SC2086 # NPM_CACHE_FLAGS is a list of flags
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error ${NPM_CACHE_FLAGS:-} \
    "${missing[@]}" 2>&1 \
    | grep -v 'Unknown user config' || true
  for spec in "${missing[@]}"; do
    name="${spec%@*}"
    if [ ! -f "$dir/node_modules/$name/package.json" ]; then
      echo "setup.d/$label: $name failed to install" >&2
      return 1
    fi
  done
}
