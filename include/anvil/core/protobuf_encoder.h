// Minimal protocol-buffers encoder for the few messages anvil writes by hand (TensorBoard events,
// ONNX models): varints, little-endian fixed-width fields, length-delimited submessages and packed
// doubles. A field's key is (field number << 3) | wire type (proto_key), written as a varint.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace anvil {

enum class WireType : uint32_t { kVarint = 0, kFixed64 = 1, kLengthDelimited = 2, kFixed32 = 5 };

constexpr uint32_t proto_key(uint32_t field, WireType type) {
  return (field << 3) | static_cast<uint32_t>(type);
}

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

  void field_varint(uint32_t key, uint64_t v) {
    varint(key);
    varint(v);
  }
  void field_double(uint32_t key, double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, 8);
    varint(key);
    fixed64(bits);
  }
  void field_float(uint32_t key, float v) {
    uint32_t bits;
    std::memcpy(&bits, &v, 4);
    varint(key);
    fixed32(bits);
  }
  void field_bytes(uint32_t key, std::string_view bytes) {
    varint(key);
    varint(bytes.size());
    out_.append(bytes.data(), bytes.size());
  }
  void field_packed_doubles(uint32_t key, const std::vector<double>& values) {
    varint(key);
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

}  // namespace anvil
