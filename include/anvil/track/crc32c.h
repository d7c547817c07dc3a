// CRC-32C (Castagnoli) and the masked form TFRecord framing uses (docs/formats.md §4.2):
// reflected polynomial 0x82F63B78, init and final xor 0xFFFFFFFF; mask(c) = rotr(c, 15) +
// kCrcMaskDelta.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace anvil::track {

inline constexpr uint32_t kCrcMaskDelta = 0xA282EAD8u;

// CRC of `n` bytes continuing from `crc` (the CRC of the bytes before; 0 for none).
uint32_t crc32c_extend(uint32_t crc, const void* data, size_t n);
inline uint32_t crc32c(std::string_view bytes) {
  return crc32c_extend(0, bytes.data(), bytes.size());
}

inline uint32_t mask_crc(uint32_t crc) { return ((crc >> 15) | (crc << 17)) + kCrcMaskDelta; }
inline uint32_t unmask_crc(uint32_t masked) {
  const uint32_t rot = masked - kCrcMaskDelta;
  return (rot >> 17) | (rot << 15);
}

}  // namespace anvil::track
