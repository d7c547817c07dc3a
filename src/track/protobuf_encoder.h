// Minimal proto3 encoder for the few messages anvil writes by hand (TensorBoard events): varints,
// little-endian fixed-width fields, length-delimited submessages and packed doubles.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace anvil::track {

class ProtoEncoder {
 public:
  void varint(uint64_t v) {
    while (v >= 0x80) {
      out_ += static_cast<char>((v & 0x7F) | 0x80);
      v >>= 7;
    }
    out_ += static_cast<char>(v);
  }
  void fixed64(uint64_t v) {
    for (int i = 0; i < 8; ++i) out_ += static_cast<char>((v >> (8 * i)) & 0xFF);
  }
  void fixed32(uint32_t v) {
    for (int i = 0; i < 4; ++i) out_ += static_cast<char>((v >> (8 * i)) & 0xFF);
  }

  void field_varint(uint8_t key, uint64_t v) {
    out_ += static_cast<char>(key);
    varint(v);
  }
  void field_double(uint8_t key, double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, 8);
    out_ += static_cast<char>(key);
    fixed64(bits);
  }
  void field_float(uint8_t key, float v) {
    uint32_t bits;
    std::memcpy(&bits, &v, 4);
    out_ += static_cast<char>(key);
    fixed32(bits);
  }
  void field_bytes(uint8_t key, std::string_view bytes) {
    out_ += static_cast<char>(key);
    varint(bytes.size());
    out_.append(bytes.data(), bytes.size());
  }
  void field_packed_doubles(uint8_t key, const std::vector<double>& values) {
    out_ += static_cast<char>(key);
    varint(values.size() * 8);
    for (double v : values) {
      uint64_t bits;
      std::memcpy(&bits, &v, 8);
      fixed64(bits);
    }
  }

  const std::string& bytes() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace anvil::track
