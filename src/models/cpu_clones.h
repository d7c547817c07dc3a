// ANVIL_CPU_CLONES: compile a plain-C++ loop for AVX-512, AVX2+FMA and baseline x86-64 and pick the
// version at load time by the CPU (GCC target_clones); elsewhere (clang, other architectures) the
// loop is compiled once. Not a public header.
#pragma once

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define ANVIL_CPU_CLONES \
  __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define ANVIL_CPU_CLONES
#endif
