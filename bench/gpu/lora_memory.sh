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
for precision in bf16 fp32; do
  timeout 240 "$bin" --device cuda --precision "$precision" --batch 4 --seq 2048 --steps 4 \
    --r 16 --targets all-linear --shapes qwen2.5-0.5b,llama-3.2-1b \
    --json "$out/lora_cuda_$precision.jsonl" 2>&1 | tee "$out/lora_cuda_$precision.txt"
done
