// Test support for the GGUF tests: a small valid file covering every value type and tensor type,
// and little-endian byte patching helpers.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "anvil/io/gguf.h"
#include "anvil/io/gguf_quant.h"

namespace anvil::io::testing {

inline std::vector<float> ramp(size_t n, float scale = 0.01f) {
  std::vector<float> x(n);
  for (size_t i = 0; i < n; ++i) x[i] = scale * static_cast<float>((i * 37) % 101) - 0.4f;
  return x;
}

// Metadata of every value type (incl. arrays of strings, ints, floats, bools) and one tensor of
// every supported ggml type, in a deliberately mixed order.
inline GgufFile sample_gguf() {
  GgufFile f;
  f.set("general.architecture", GgufValue::str("llama"));
  f.set("test.u8", GgufValue::u8(200));
  f.set("test.i8", GgufValue::i8(-100));
  f.set("test.u16", GgufValue::u16(60000));
  f.set("test.i16", GgufValue::i16(-30000));
  f.set("test.u32", GgufValue::u32(4000000000u));
  f.set("test.i32", GgufValue::i32(-2000000000));
  f.set("test.f32", GgufValue::f32(0.15625f));
  f.set("test.bool_true", GgufValue::boolean(true));
  f.set("test.bool_false", GgufValue::boolean(false));
  f.set("test.string", GgufValue::str("h\xc3\xa9llo \xe2\x80\x94 \"quoted\"\n"));
  f.set("test.empty_string", GgufValue::str(""));
  f.set("test.u64", GgufValue::u64(18000000000000000000ull));
  f.set("test.i64", GgufValue::i64(-9000000000000000000ll));
  f.set("test.f64", GgufValue::f64(-2.5e-300));
  f.set("test.strings", GgufValue::string_array({"\xc4\xa0the", "a b", "", "[PAD0]"}));
  f.set("test.i32s", GgufValue::i32_array({1, -2, 3}));
  f.set("test.f32s", GgufValue::f32_array({0.5f, -1.25f}));
  f.set("test.u8s", GgufValue::array(GgufValueType::kUint8, {GgufValue::u8(1), GgufValue::u8(2)}));
  f.set("test.bools", GgufValue::array(GgufValueType::kBool,
                                       {GgufValue::boolean(true), GgufValue::boolean(false)}));
  f.set("test.empty_array", GgufValue::array(GgufValueType::kInt32, {}));
  f.set("test.u64s", GgufValue::array(GgufValueType::kUint64, {GgufValue::u64(7)}));
  const std::vector<float> x = ramp(512);
  auto add = [&](const std::string& name, GgmlType t, std::vector<uint64_t> dims) {
    const size_t n = static_cast<size_t>(gguf_num_elements(dims));
    f.tensors.push_back({name, t, dims, gguf_quantize(t, x.data(), n)});
  };
  add("blk.0.f32", GgmlType::kF32, {3, 5});  // 60 bytes: not a multiple of 32
  add("blk.0.f16", GgmlType::kF16, {7});
  add("blk.0.bf16", GgmlType::kBF16, {4, 2, 1, 3});
  add("blk.0.q8_0", GgmlType::kQ8_0, {64, 3});
  add("blk.0.q4_0", GgmlType::kQ4_0, {32, 2});
  add("blk.0.q4_k", GgmlType::kQ4_K, {256, 2});
  add("blk.0.q6_k", GgmlType::kQ6_K, {256});
  return f;
}

inline void put_u32(std::string& b, size_t at, uint32_t v) { std::memcpy(&b[at], &v, 4); }
inline void put_u64(std::string& b, size_t at, uint64_t v) { std::memcpy(&b[at], &v, 8); }
inline uint64_t get_u64(const std::string& b, size_t at) {
  uint64_t v;
  std::memcpy(&v, &b[at], 8);
  return v;
}

}  // namespace anvil::io::testing
