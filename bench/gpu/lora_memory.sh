#!/usr/bin/env bash
# The LoRA step table on a CUDA device (called by bench/gpu/run.sh after the CUDA build): peak
# allocated memory (the caching allocator's) and tokens/s of Qwen2.5-0.5B- and Llama-3.2-1B-shaped
# models with random weights, each memory feature on and off, beside anvil's estimate.
#   bench/gpu/lora_memory.sh BUILD_DIR OUT_DIR
set -u
build=${1:-build-cuda}
out=${2:-${OUT:-.}}
bin=$build/bench/lm_lora_step
[ -x "$bin" ] || { echo "lora_memory: $bin was not built"; exit 1; }
# bf16 autocast, as one trains on a GPU; stops at the caller's deadline (ANVIL_GPU_DEADLINE).
t=$(( ${ANVIL_GPU_DEADLINE:-$(( $(date +%s) + 240 ))} - $(date +%s) - 5 ))
[ "$t" -lt 20 ] && t=20
timeout "$t" "$bin" --device cuda --precision bf16 --batch 4 --seq 2048 --steps 4 \
  --r 16 --targets all-linear --shapes qwen2.5-0.5b,llama-3.2-1b \
  --json "$out/lora_cuda_bf16.jsonl" 2>&1 | tee "$out/lora_cuda_bf16.txt"
