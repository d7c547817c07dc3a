#!/usr/bin/env bash
# add_subdirectory test: a project that vendors anvil as a subfolder configures, gets only the
# library target (no CLI, tests, examples or benchmarks by default), and anvil's warning flags and
# source path do not leak into the parent's targets.   Usage: subproject_test.sh SOURCE_DIR
set -euo pipefail
src="$1"
tmp="$(mktemp -d /tmp/anvil-subproject-XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/app"
ln -s "$src" "$tmp/app/anvil"
cat >"$tmp/app/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.18)
project(app LANGUAGES CXX)
add_subdirectory(anvil)
add_executable(app main.cpp)
target_link_libraries(app PRIVATE anvil::anvil)
foreach(t anvil_cli anvil_tests lm_throughput example_tensors_xor)
  if(TARGET ${t})
    message(FATAL_ERROR "subproject build defines ${t}: only the library should be built by default")
  endif()
endforeach()
CMAKE
echo 'int main() { return 0; }' >"$tmp/app/main.cpp"
cmake -S "$tmp/app" -B "$tmp/build" -G Ninja >"$tmp/configure.log" 2>&1 || { cat "$tmp/configure.log"; exit 1; }
# The app's compile line: anvil's include paths and LibTorch's ABI define, no -Wall/-Wextra, no
# ANVIL_SOURCE_DIR.
line="$(grep -A8 'build CMakeFiles/app.dir/main.cpp.o' "$tmp/build/build.ninja" | sed '/^$/,$d')"
real="$(realpath "$src")"
grep -q -- "-I$real/include\|-I$tmp/app/anvil/include" <<<"$line" ||
  { echo "app does not get anvil's include directory: $line"; exit 1; }
if grep -q -- "-Wextra\|ANVIL_SOURCE_DIR" <<<"$line"; then
  echo "anvil's private flags leak into the parent project: $line"; exit 1
fi
echo "subproject test: only anvil::anvil defined, no private flags leak"
