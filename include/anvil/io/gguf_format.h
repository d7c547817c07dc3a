// Constants shared by the GGUF reader and writer: the header framing, the reader's limits (those of
// ggml's gguf.cpp), the metadata value-type table and the ggml tensor-type table (code <-> name <->
// block size <-> bytes per block). Byte-level description in docs/formats.md §2.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>

namespace anvil::io {

// Bytes 0..4 of a file.
inline constexpr std::string_view kGgufMagic = "GGUF";
// The version anvil writes; the reader also takes 2 (same layout) and rejects 0, 1 and > 3.
inline constexpr uint32_t kGgufVersion = 3;
// Tensor data alignment when the file has no "general.alignment" key.
inline constexpr uint32_t kGgufDefaultAlignment = 32;
inline constexpr std::string_view kGgufAlignmentKey = "general.alignment";
// Written as u32 whenever any tensor is quantized (GGML_QNT_VERSION).
inline constexpr std::string_view kGgufQuantizationVersionKey = "general.quantization_version";
inline constexpr uint32_t kGgufQuantizationVersion = 2;
// Reader limits, as ggml's: string bytes, array elements, tensor name bytes, tensor dims.
inline constexpr uint64_t kGgufMaxStringLength = uint64_t{1} << 30;
inline constexpr uint64_t kGgufMaxArrayCount = uint64_t{1} << 30;
inline constexpr size_t kGgufMaxTensorNameLength = 63;  // GGML_MAX_NAME - 1
inline constexpr size_t kGgufMaxKeyLength = 65535;
inline constexpr int kGgufMaxDims = 4;

// Metadata value types. The numeric value is the on-disk u32 code.
enum class GgufValueType : uint32_t {
  kUint8 = 0,
  kInt8 = 1,
  kUint16 = 2,
  kInt16 = 3,
  kUint32 = 4,
  kInt32 = 5,
  kFloat32 = 6,
  kBool = 7,
  kString = 8,
  kArray = 9,
  kUint64 = 10,
  kInt64 = 11,
  kFloat64 = 12,
};
inline constexpr uint32_t kGgufValueTypeCount = 13;

struct GgufValueTypeInfo {
  GgufValueType type;
  std::string_view name;  // as gguf-py spells it
  size_t size;            // bytes of one value; 0 for STRING and ARRAY (variable)
};

// Indexed by code.
inline constexpr GgufValueTypeInfo kGgufValueTypeTable[] = {
    {GgufValueType::kUint8, "UINT8", 1},     {GgufValueType::kInt8, "INT8", 1},
    {GgufValueType::kUint16, "UINT16", 2},   {GgufValueType::kInt16, "INT16", 2},
    {GgufValueType::kUint32, "UINT32", 4},   {GgufValueType::kInt32, "INT32", 4},
    {GgufValueType::kFloat32, "FLOAT32", 4}, {GgufValueType::kBool, "BOOL", 1},
    {GgufValueType::kString, "STRING", 0},   {GgufValueType::kArray, "ARRAY", 0},
    {GgufValueType::kUint64, "UINT64", 8},   {GgufValueType::kInt64, "INT64", 8},
    {GgufValueType::kFloat64, "FLOAT64", 8},
};

namespace gguf_detail {
constexpr bool value_table_is_indexed_by_code() {
  for (size_t i = 0; i < std::size(kGgufValueTypeTable); ++i)
    if (static_cast<size_t>(kGgufValueTypeTable[i].type) != i) return false;
  return true;
}
}  // namespace gguf_detail
static_assert(std::size(kGgufValueTypeTable) == kGgufValueTypeCount);
static_assert(gguf_detail::value_table_is_indexed_by_code());

// The info for a raw code, or nullopt if it is not a value type.
constexpr std::optional<GgufValueTypeInfo> gguf_value_type_info(uint32_t code) {
  if (code >= kGgufValueTypeCount) return std::nullopt;
  return kGgufValueTypeTable[code];
}
constexpr std::string_view gguf_value_type_name(GgufValueType t) {
  return kGgufValueTypeTable[static_cast<uint32_t>(t)].name;
}

// The ggml tensor types anvil reads and writes. The numeric value is the on-disk ggml_type code
// (include/ggml.h); the others (Q4_1, Q5_*, IQ*, ...) are rejected by the reader as unsupported.
enum class GgmlType : uint32_t {
  kF32 = 0,
  kF16 = 1,
  kQ4_0 = 2,
  kQ8_0 = 8,
  kQ4_K = 12,
  kQ6_K = 14,
  kBF16 = 30,
};
inline constexpr size_t kGgmlTypeCount = 7;

struct GgmlTypeInfo {
  GgmlType type;
  std::string_view name;  // ggml_type_name spelling
  uint32_t block_size;    // elements per block; ne[0] must be a multiple of it
  uint32_t type_size;     // bytes per block
};

inline constexpr GgmlTypeInfo kGgmlTypeTable[] = {
    {GgmlType::kF32, "f32", 1, 4},       {GgmlType::kF16, "f16", 1, 2},
    {GgmlType::kQ4_0, "q4_0", 32, 18},   {GgmlType::kQ8_0, "q8_0", 32, 34},
    {GgmlType::kQ4_K, "q4_K", 256, 144}, {GgmlType::kQ6_K, "q6_K", 256, 210},
    {GgmlType::kBF16, "bf16", 1, 2},
};

// Block sizes from ggml-common.h, so the table cannot drift from the block structs.
inline constexpr uint32_t kQK4_0 = 32;       // Q4_0: fp16 d + 16 bytes of nibbles
inline constexpr uint32_t kQK8_0 = 32;       // Q8_0: fp16 d + 32 int8
inline constexpr uint32_t kQK_K = 256;       // K-quants super-block
inline constexpr uint32_t kKScaleSize = 12;  // Q4_K packed 6-bit scales and mins

namespace gguf_detail {
constexpr bool ggml_table_is_consistent() {
  for (size_t i = 0; i < std::size(kGgmlTypeTable); ++i) {
    for (size_t j = i + 1; j < std::size(kGgmlTypeTable); ++j)
      if (kGgmlTypeTable[i].type == kGgmlTypeTable[j].type) return false;
    if (kGgmlTypeTable[i].block_size == 0 || kGgmlTypeTable[i].type_size == 0) return false;
  }
  return true;
}
constexpr const GgmlTypeInfo& ggml_entry(GgmlType t) {
  for (const auto& e : kGgmlTypeTable)
    if (e.type == t) return e;
  return kGgmlTypeTable[0];  // unreachable for a valid enum value (checked below)
}
}  // namespace gguf_detail
static_assert(std::size(kGgmlTypeTable) == kGgmlTypeCount);
static_assert(gguf_detail::ggml_table_is_consistent());
static_assert(gguf_detail::ggml_entry(GgmlType::kQ4_0).type_size == 2 + kQK4_0 / 2);
static_assert(gguf_detail::ggml_entry(GgmlType::kQ8_0).type_size == 2 + kQK8_0);
static_assert(gguf_detail::ggml_entry(GgmlType::kQ4_K).type_size ==
              2 * 2 + kKScaleSize + kQK_K / 2);
static_assert(gguf_detail::ggml_entry(GgmlType::kQ6_K).type_size ==
              kQK_K / 2 + kQK_K / 4 + kQK_K / 16 + 2);
static_assert(gguf_detail::ggml_entry(GgmlType::kBF16).type_size == 2);

// The info for a raw ggml_type code, or nullopt if anvil does not support it.
constexpr std::optional<GgmlTypeInfo> ggml_type_info(uint32_t code) {
  for (const auto& e : kGgmlTypeTable)
    if (static_cast<uint32_t>(e.type) == code) return e;
  return std::nullopt;
}
constexpr const GgmlTypeInfo& ggml_type_info(GgmlType t) { return gguf_detail::ggml_entry(t); }
constexpr std::string_view ggml_type_name(GgmlType t) { return ggml_type_info(t).name; }

// llama_ftype values for "general.file_type" (a numbering of its own; docs/formats.md §2.6).
enum class LlamaFileType : uint32_t {
  kAllF32 = 0,
  kMostlyF16 = 1,
  kMostlyQ4_0 = 2,
  kMostlyQ8_0 = 7,
  kMostlyQ4_K_M = 15,
  kMostlyBF16 = 32,
};

// align(x) = x rounded up to a multiple of `alignment` (> 0).
constexpr uint64_t gguf_align(uint64_t x, uint64_t alignment) {
  return x + (alignment - x % alignment) % alignment;
}

}  // namespace anvil::io
