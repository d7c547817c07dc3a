// GGUF tensor encodings: conversion between float32 and each ggml type anvil writes (F32, F16,
// BF16, Q8_0, Q4_0, Q4_K, Q6_K), bit-for-bit as ggml's reference (`_ref`) quantizers, which
// llama-quantize uses when no importance matrix is given; and the Q4_K_M per-tensor type mix as
// llama.cpp's quantizer picks it. Algorithms: docs/formats.md §2.4-2.5.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "anvil/io/gguf_format.h"

namespace anvil::io {

// IEEE binary16 from float32: round to nearest even, subnormals kept, overflow to inf, NaN quiet.
uint16_t fp32_to_fp16(float x);
float fp16_to_fp32(uint16_t h);
// bfloat16: the top 16 bits rounded to nearest even; NaN forced quiet (| 0x40).
uint16_t fp32_to_bf16(float x);
float bf16_to_fp32(uint16_t h);
// ggml's nearest_int: round half to even via the 1.5 * 2^23 trick. REQUIRES |x| <= 4194303.
int ggml_nearest_int(float x);

// Encodes `n` floats (a whole tensor or row, contiguous, ne0-fastest) as `type`. Blocks never
// straddle rows because ne0 must be a multiple of the block size, so a tensor is quantized in one
// call. Throws anvil::Error if n is not a multiple of the block size, or (quantized types) if an
// input is NaN or infinite, naming its index.
std::string gguf_quantize(GgmlType type, const float* x, size_t n);
inline std::string gguf_quantize(GgmlType type, const std::vector<float>& x) {
  return gguf_quantize(type, x.data(), x.size());
}

// Decodes `bytes` (a whole number of blocks of `type`) to floats, as ggml's to_float does.
// Throws anvil::Error if the byte count is not a multiple of the block byte size.
std::vector<float> gguf_dequantize(GgmlType type, std::string_view bytes);

// The Q4_K_M mix, for a llama-architecture model (llama.cpp `llama_tensor_get_type` with
// ftype MOSTLY_Q4_K_M, no imatrix, not 70B, no experts). Tensors are given in file order:
//   - tensors with < 2 dims, names not ending in "weight", or "*_norm.weight": kept as F32;
//   - output.weight, and token_embd.weight when there is no output.weight (tied): Q6_K
//     (Q8_0 if ne0 % 256 != 0);
//   - attn_v.weight and ffn_down: Q6_K for layers where use_more_bits(i, n) holds
//     (i < n/8 || i >= 7n/8 || (i - n/8) % 3 == 2), counting each kind in file order; else Q4_K;
//   - everything else: Q4_K.
// Fallback when ne0 is not a multiple of 256: Q6_K -> Q8_0 as llama.cpp; Q4_K -> llama.cpp picks
// Q5_0, which anvil does not implement, so Q8_0 (the reason says so); F16 if ne0 % 32 != 0 too.
struct GgufTensorShape {
  std::string name;
  std::vector<uint64_t> dims;  // ggml order, dims[0] = ne0
};
struct GgufTypeChoice {
  GgmlType type = GgmlType::kF32;
  std::string reason;  // why, e.g. "attn_v layer 0 of 4: use_more_bits -> q6_K"
};
std::vector<GgufTypeChoice> choose_q4_k_m_types(const std::vector<GgufTensorShape>& tensors);

}  // namespace anvil::io
