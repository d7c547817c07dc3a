// SHA-256 (FIPS 180-4) for artifact fingerprints: incremental hasher, one-shot helpers and a
// streaming file hash. Digests are reported as 64 lowercase hex digits.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace anvil::track {

class Sha256 {
 public:
  Sha256();
  void update(const void* data, size_t n);
  void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
  // Finishes the hash; the hasher must not be updated afterwards.
  std::array<uint8_t, 32> digest();
  std::string hex_digest();

 private:
  void compress(const uint8_t* block);

  std::array<uint32_t, 8> h_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t length_ = 0;  // bytes hashed so far
};

std::string sha256_hex(std::string_view bytes);
// Streams the file in 1 MiB chunks. Throws anvil::Error naming `path` if it cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace anvil::track
