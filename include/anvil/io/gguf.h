// GGUF v3: read and write the llama.cpp / ggml model file format without LibTorch. The writer lays
// files out as ggml expects (tensor data in tensor-info order, each tensor padded to the alignment,
// including the last). The reader is strict: every read is bounded and overflow-checked, it
// rejects what ggml's gguf.cpp rejects, and its errors name the file, the byte offset and what was
// expected. Format notes: docs/formats.md §2. Quantization: anvil/io/gguf_quant.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "anvil/io/gguf_format.h"

namespace anvil::io {

class GgufValue;

// An ARRAY value: elements all of `element_type`, which is never kArray (ggml rejects nesting).
struct GgufArray {
  GgufValueType element_type = GgufValueType::kUint8;
  std::vector<GgufValue> items;
};
bool operator==(const GgufArray& a, const GgufArray& b);

// One metadata value of any GGUF type. The variant's alternative index equals the on-disk type
// code, so type() is exact (a u32 is never confused with an i32 or u64 — llama.cpp checks types).
class GgufValue {
 public:
  using Storage = std::variant<uint8_t, int8_t, uint16_t, int16_t, uint32_t, int32_t, float, bool,
                               std::string, GgufArray, uint64_t, int64_t, double>;

  GgufValue() = default;
  explicit GgufValue(Storage v) : v_(std::move(v)) {}

  static GgufValue u8(uint8_t x) { return GgufValue(Storage(std::in_place_index<0>, x)); }
  static GgufValue i8(int8_t x) { return GgufValue(Storage(std::in_place_index<1>, x)); }
  static GgufValue u16(uint16_t x) { return GgufValue(Storage(std::in_place_index<2>, x)); }
  static GgufValue i16(int16_t x) { return GgufValue(Storage(std::in_place_index<3>, x)); }
  static GgufValue u32(uint32_t x) { return GgufValue(Storage(std::in_place_index<4>, x)); }
  static GgufValue i32(int32_t x) { return GgufValue(Storage(std::in_place_index<5>, x)); }
  static GgufValue f32(float x) { return GgufValue(Storage(std::in_place_index<6>, x)); }
  static GgufValue boolean(bool x) { return GgufValue(Storage(std::in_place_index<7>, x)); }
  static GgufValue str(std::string x) {
    return GgufValue(Storage(std::in_place_index<8>, std::move(x)));
  }
  static GgufValue array(GgufValueType element_type, std::vector<GgufValue> items) {
    return GgufValue(Storage(std::in_place_index<9>, GgufArray{element_type, std::move(items)}));
  }
  static GgufValue u64(uint64_t x) { return GgufValue(Storage(std::in_place_index<10>, x)); }
  static GgufValue i64(int64_t x) { return GgufValue(Storage(std::in_place_index<11>, x)); }
  static GgufValue f64(double x) { return GgufValue(Storage(std::in_place_index<12>, x)); }
  // Common arrays (tokenizer tokens/merges, token types, scores).
  static GgufValue string_array(const std::vector<std::string>& items);
  static GgufValue i32_array(const std::vector<int32_t>& items);
  static GgufValue u32_array(const std::vector<uint32_t>& items);
  static GgufValue f32_array(const std::vector<float>& items);

  GgufValueType type() const { return static_cast<GgufValueType>(v_.index()); }
  const Storage& storage() const { return v_; }

  // Typed access; throws anvil::Error "expected UINT32, found INT32" on a type mismatch.
  uint32_t as_u32() const;
  int32_t as_i32() const;
  uint64_t as_u64() const;
  float as_f32() const;
  bool as_bool() const;
  const std::string& as_string() const;
  const GgufArray& as_array() const;
  std::vector<std::string> as_string_array() const;

  bool operator==(const GgufValue& o) const;
  bool operator!=(const GgufValue& o) const { return !(*this == o); }

 private:
  Storage v_;
};

struct GgufKv {
  std::string key;
  GgufValue value;
};

// One tensor. `dims` are in ggml order: dims[0] = ne[0], the contiguous (fastest-varying) one, so
// a row-major [rows, cols] tensor has dims {cols, rows}. `bytes` holds the tensor's raw data
// (ggml_nbytes of it, no padding), owned.
struct GgufTensor {
  std::string name;
  GgmlType type = GgmlType::kF32;
  std::vector<uint64_t> dims;
  std::string bytes;
};

// A whole file. Metadata and tensors keep file order.
struct GgufFile {
  uint32_t version = kGgufVersion;
  std::vector<GgufKv> metadata;
  std::vector<GgufTensor> tensors;

  // The value stored under `key`, or nullptr. Linear search.
  const GgufValue* find(std::string_view key) const;
  const GgufTensor* find_tensor(std::string_view name) const;
  // Sets `key` (replacing an existing value in place, else appending).
  void set(const std::string& key, GgufValue value);
  // general.alignment if present (validated), else 32.
  uint32_t alignment() const;
};

// Elements of a tensor with these ggml dims; throws anvil::Error on overflow past int64.
uint64_t gguf_num_elements(const std::vector<uint64_t>& dims);
// ggml_nbytes: (ne0 / block) * type_size * ne1 * ne2 * ne3. Throws anvil::Error if ne0 is not a
// multiple of the type's block size, or on overflow.
uint64_t gguf_tensor_byte_size(GgmlType type, const std::vector<uint64_t>& dims);
// "[4096, 32000]", for messages.
std::string format_gguf_dims(const std::vector<uint64_t>& dims);

// The complete file for `file` (version is always written as 3). Throws anvil::Error — before
// producing anything — on: an empty, non-ASCII or over-long key; a duplicate key; a nested array
// or array items of the wrong type; general.alignment not a UINT32 power of two that is a multiple
// of 8; a duplicate, empty or > 63-byte tensor name; 0 or > 4 dims; ne0 not a multiple of the
// block size; a bytes size that does not match type and dims.
std::string serialize_gguf(const GgufFile& file);

// serialize_gguf, written atomically to `path` (see write_file_atomic).
void write_gguf(const std::string& path, const GgufFile& file);

// Parses and validates a whole file held in `bytes`; `origin` (usually the path) starts every
// error message, e.g. "model.gguf: offset 0: invalid magic 'GGUX', expected 'GGUF'". Copies tensor
// data out. Rejects: bad magic; version 0, 1, > 3 or byte-swapped; truncation anywhere (including
// the last tensor's alignment padding, which ggml also requires); negative counts; strings over
// 1 GiB or past EOF; arrays over 2^30 elements or of arrays; unknown value types; bool bytes other
// than 0/1; empty or duplicate keys; a bad general.alignment; tensor names empty, > 63 bytes or
// duplicated; > 4 dims; element-count overflow; unsupported ggml types; ne0 not a multiple of the
// block size; and any tensor offset other than the running sum of aligned sizes.
GgufFile parse_gguf(std::string_view bytes, const std::string& origin);

// Reads and parses the file at `path`.
GgufFile read_gguf(const std::string& path);

}  // namespace anvil::io
