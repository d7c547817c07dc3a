#!/usr/bin/env bash
# Prints the CPU a benchmark runs on: its model, its cores and the vector and matrix flags that
# change LibTorch's speed (AVX2, AVX-512, AMX, their bf16 forms). The CPU benchmarks
# (bench/run_*.sh, serve/run.sh, crash/store8.sh) print it first, so no figure is read without the
# machine it came from: the same recipe took 13.6 minutes on one CPU and 26 on another.
model="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
[ -n "$model" ] || model="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "cpu: ${model:-unknown}, $(nproc) cores"
echo "cpu flags: $(grep -m1 '^flags' /proc/cpuinfo | grep -o 'avx[0-9a-z_]*\|amx[a-z_]*\|fma' \
  | sort -u | tr '\n' ' ')"
