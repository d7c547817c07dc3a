#!/usr/bin/env bash
# Install test: installs the build into a temporary prefix, configures and builds a consumer
# project (tests/install/consumer) against it with find_package(anvil), runs it; then packages the
# .deb with cpack and checks it holds the library, headers, CMake package, CLI and configs, and
# that the packaged CLI runs.   Usage: consumer_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1" src="$2"
tmp="$(mktemp -d /tmp/anvil-install-XXXXXX)"
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
for f in lib/libanvil.a include/anvil/anvil.h include/anvil/core/version.h \
         lib/cmake/anvil/anvilConfig.cmake lib/cmake/anvil/anvilTargets.cmake bin/anvil \
         share/anvil/configs/default.yaml; do
  [ -e "$tmp/prefix/$f" ] || { echo "install: $f missing from the prefix"; exit 1; }
done

cmake -S "$src/tests/install/consumer" -B "$tmp/consumer" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$tmp/prefix" >"$tmp/configure.log" 2>&1 || { cat "$tmp/configure.log"; exit 1; }
cmake --build "$tmp/consumer" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
mkdir -p "$tmp/out"
(cd "$tmp/out" && "$tmp/consumer/consumer")

(cd "$build" && cpack -G DEB -B "$tmp/deb" >/dev/null)
deb="$(ls "$tmp"/deb/anvil_*.deb)"
info="$(dpkg-deb -I "$deb")"  # whole output first: grep -q in a pipe would SIGPIPE it under pipefail
grep -q "Depends: libtorch-dev" <<<"$info" || { echo "deb: no Depends on libtorch-dev"; exit 1; }
contents="$(dpkg-deb -c "$deb")"
for f in ./usr/lib/libanvil.a ./usr/include/anvil/anvil.h ./usr/lib/cmake/anvil/anvilConfig.cmake \
         ./usr/bin/anvil ./usr/share/anvil/configs/specialist.yaml; do
  grep -q " $f\$" <<<"$contents" || { echo "deb: $f missing"; exit 1; }
done
dpkg-deb -x "$deb" "$tmp/debroot"
"$tmp/debroot/usr/bin/anvil" --version
echo "install test: prefix install, consumer build and run, .deb ($(du -h "$deb" | cut -f1)) all good"
