// Internal to the GGUF quantizers: per-type block encoders/decoders and shared scalar helpers.
// Each encoder takes k floats (k a multiple of its block size) and writes k/block blocks.
#pragma once

#include <cstddef>
#include <cstdint>

namespace anvil::io::quant {

// Little-endian fp16 load/store into block bytes.
inline void store_fp16(uint8_t* p, uint16_t h) {
  p[0] = static_cast<uint8_t>(h & 0xff);
  p[1] = static_cast<uint8_t>(h >> 8);
}
inline uint16_t load_fp16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }

void quantize_q8_0(const float* x, uint8_t* out, size_t k);
void dequantize_q8_0(const uint8_t* in, float* y, size_t k);
void quantize_q4_0(const float* x, uint8_t* out, size_t k);
void dequantize_q4_0(const uint8_t* in, float* y, size_t k);
void quantize_q4_k(const float* x, uint8_t* out, size_t k);
void dequantize_q4_k(const uint8_t* in, float* y, size_t k);
void quantize_q6_k(const float* x, uint8_t* out, size_t k);
void dequantize_q6_k(const uint8_t* in, float* y, size_t k);

}  // namespace anvil::io::quant
