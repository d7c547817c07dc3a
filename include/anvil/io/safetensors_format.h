// Constants shared by the safetensors reader and writer: the header framing, the size limit and the
// dtype table (enum <-> exact string <-> bits per element). Byte-level description of the format,
// and of the reference implementation this follows, in docs/formats.md §1.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>

namespace anvil::io {

// Bytes 0..8 of a file: N, the header length, as u64 little-endian.
inline constexpr size_t kSafetensorsLengthBytes = 8;
// Readers reject and writers refuse headers longer than this (reference MAX_HEADER_SIZE).
inline constexpr uint64_t kSafetensorsMaxHeaderSize = 100'000'000;
// Writers pad the header JSON with spaces to a multiple of this, so the data starts 8-aligned.
inline constexpr size_t kSafetensorsHeaderAlignment = 8;
// Optional header key holding a flat string -> string map.
inline constexpr std::string_view kSafetensorsMetadataKey = "__metadata__";

// Element types, in the reference's "increasing alignment" order. The writer sorts tensors by
// descending position in this enum, so the order is part of the format: do not reorder.
enum class DType : uint8_t {
  kBool,
  kF4,
  kF6E2M3,
  kF6E3M2,
  kU8,
  kI8,
  kF8E5M2,
  kF8E4M3,
  kF8E8M0,
  kF8E4M3Fnuz,
  kF8E5M2Fnuz,
  kI16,
  kU16,
  kF16,
  kBF16,
  kI32,
  kU32,
  kF32,
  kC64,
  kF64,
  kI64,
  kU64,
};

struct DTypeInfo {
  DType dtype;
  std::string_view name;  // exact spelling in the header JSON
  int bits;               // per element; F4 and F6 are sub-byte
};

inline constexpr DTypeInfo kDTypeTable[] = {
    {DType::kBool, "BOOL", 8},
    {DType::kF4, "F4", 4},
    {DType::kF6E2M3, "F6_E2M3", 6},
    {DType::kF6E3M2, "F6_E3M2", 6},
    {DType::kU8, "U8", 8},
    {DType::kI8, "I8", 8},
    {DType::kF8E5M2, "F8_E5M2", 8},
    {DType::kF8E4M3, "F8_E4M3", 8},
    {DType::kF8E8M0, "F8_E8M0", 8},
    {DType::kF8E4M3Fnuz, "F8_E4M3FNUZ", 8},
    {DType::kF8E5M2Fnuz, "F8_E5M2FNUZ", 8},
    {DType::kI16, "I16", 16},
    {DType::kU16, "U16", 16},
    {DType::kF16, "F16", 16},
    {DType::kBF16, "BF16", 16},
    {DType::kI32, "I32", 32},
    {DType::kU32, "U32", 32},
    {DType::kF32, "F32", 32},
    {DType::kC64, "C64", 64},
    {DType::kF64, "F64", 64},
    {DType::kI64, "I64", 64},
    {DType::kU64, "U64", 64},
};

inline constexpr size_t kDTypeCount = static_cast<size_t>(DType::kU64) + 1;
static_assert(std::size(kDTypeTable) == kDTypeCount, "kDTypeTable must list every DType");

constexpr bool dtype_table_in_enum_order() {
  for (size_t i = 0; i < kDTypeCount; ++i) {
    if (static_cast<size_t>(kDTypeTable[i].dtype) != i) return false;
  }
  return true;
}
static_assert(dtype_table_in_enum_order(), "kDTypeTable rows must follow the DType enum order");

constexpr const DTypeInfo& dtype_info(DType dtype) {
  return kDTypeTable[static_cast<size_t>(dtype)];
}
constexpr std::string_view dtype_name(DType dtype) { return dtype_info(dtype).name; }
constexpr int dtype_bits(DType dtype) { return dtype_info(dtype).bits; }

// The dtype spelled exactly `name` (case-sensitive), or nullopt.
constexpr std::optional<DType> dtype_from_name(std::string_view name) {
  for (const DTypeInfo& info : kDTypeTable) {
    if (info.name == name) return info.dtype;
  }
  return std::nullopt;
}

}  // namespace anvil::io
