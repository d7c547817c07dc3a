# Builds bench/fuzz as an external project with clang (its sanitizers and libFuzzer cannot be mixed
# into the g++ build) and registers fuzz.Smoke, which runs every target for a few seconds. Skipped,
# with a message, when no clang with libFuzzer is installed (bash scripts/setup --tests installs it).
find_program(ANVIL_FUZZ_CXX NAMES clang++-14 clang++)
set(ANVIL_FUZZ_OK OFF)
if(ANVIL_FUZZ_CXX)
  execute_process(COMMAND ${ANVIL_FUZZ_CXX} -print-runtime-dir OUTPUT_VARIABLE rt_dir
                  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(EXISTS "${rt_dir}/libclang_rt.fuzzer-${CMAKE_SYSTEM_PROCESSOR}.a")
    set(ANVIL_FUZZ_OK ON)
  endif()
endif()
if(NOT ANVIL_FUZZ_OK)
  message(STATUS "fuzz targets: no clang with libFuzzer found; fuzz.Smoke is not registered")
  return()
endif()
include(ExternalProject)
ExternalProject_Add(anvil_fuzz
  SOURCE_DIR ${PROJECT_SOURCE_DIR}/bench/fuzz
  BINARY_DIR ${PROJECT_BINARY_DIR}/fuzz
  CMAKE_GENERATOR Ninja
  CMAKE_ARGS -DCMAKE_CXX_COMPILER=${ANVIL_FUZZ_CXX} -DCMAKE_BUILD_TYPE=RelWithDebInfo
  BUILD_ALWAYS ON
  INSTALL_COMMAND ""
  USES_TERMINAL_BUILD ON)
# 12 targets x 5 s, plus start-up: about a minute.
add_test(NAME fuzz.Smoke COMMAND ${CMAKE_COMMAND} -E env ANVIL_FUZZ_BUILD=${PROJECT_BINARY_DIR}/fuzz
                                 bash ${PROJECT_SOURCE_DIR}/bench/fuzz/run.sh 5)
set_tests_properties(fuzz.Smoke PROPERTIES TIMEOUT 300)
