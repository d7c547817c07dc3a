// TensorBoard event file constants shared by the writer and the test reader, after
// docs/formats.md §4: TFRecord framing (u64 LE length | u32 masked CRC of it | data | u32 masked
// CRC of data) around proto3 Event messages. Key bytes are (field << 3) | wire type.
#pragma once

#include <cstddef>
#include <cstdint>

#include "anvil/core/protobuf_encoder.h"

namespace anvil::track::tb {

inline constexpr size_t kLengthBytes = 8;
inline constexpr size_t kCrcBytes = 4;
inline constexpr size_t kHeaderBytes = kLengthBytes + kCrcBytes;  // length + its masked CRC
inline constexpr char kFileVersion[] = "brain.Event:2";
inline constexpr char kFileMarker[] = "tfevents";  // readers look for this in the basename

// Every key here fits in one byte.
constexpr uint8_t key(uint32_t field, WireType type) {
  return static_cast<uint8_t>(proto_key(field, type));
}

// Event
inline constexpr uint8_t kEventWallTime = key(1, WireType::kFixed64);             // double, 0x09
inline constexpr uint8_t kEventStep = key(2, WireType::kVarint);                  // int64, 0x10
inline constexpr uint8_t kEventFileVersion = key(3, WireType::kLengthDelimited);  // string, 0x1A
inline constexpr uint8_t kEventSummary = key(5, WireType::kLengthDelimited);      // Summary, 0x2A
// Summary
inline constexpr uint8_t kSummaryValue =
    key(1, WireType::kLengthDelimited);  // repeated Value, 0x0A
// Summary.Value
inline constexpr uint8_t kValueTag = key(1, WireType::kLengthDelimited);     // string, 0x0A
inline constexpr uint8_t kValueSimpleValue = key(2, WireType::kFixed32);     // float, 0x15
inline constexpr uint8_t kValueHisto = key(5, WireType::kLengthDelimited);   // HistogramProto, 0x2A
inline constexpr uint8_t kValueTensor = key(8, WireType::kLengthDelimited);  // TensorProto, 0x42
inline constexpr uint8_t kValueMetadata =
    key(9, WireType::kLengthDelimited);  // SummaryMetadata, 0x4A
// HistogramProto
inline constexpr uint8_t kHistoMin = key(1, WireType::kFixed64);         // 0x09
inline constexpr uint8_t kHistoMax = key(2, WireType::kFixed64);         // 0x11
inline constexpr uint8_t kHistoNum = key(3, WireType::kFixed64);         // 0x19
inline constexpr uint8_t kHistoSum = key(4, WireType::kFixed64);         // 0x21
inline constexpr uint8_t kHistoSumSquares = key(5, WireType::kFixed64);  // 0x29
inline constexpr uint8_t kHistoBucketLimit =
    key(6, WireType::kLengthDelimited);                                      // packed double, 0x32
inline constexpr uint8_t kHistoBucket = key(7, WireType::kLengthDelimited);  // packed double, 0x3A
// SummaryMetadata and its PluginData
inline constexpr uint8_t kMetadataPluginData = key(1, WireType::kLengthDelimited);  // 0x0A
inline constexpr uint8_t kPluginName = key(1, WireType::kLengthDelimited);          // 0x0A
// TensorProto
inline constexpr uint8_t kTensorDtype = key(1, WireType::kVarint);               // 0x08
inline constexpr uint8_t kTensorShape = key(2, WireType::kLengthDelimited);      // 0x12
inline constexpr uint8_t kTensorStringVal = key(8, WireType::kLengthDelimited);  // 0x42
inline constexpr uint64_t kDtypeString = 7;

static_assert(kEventWallTime == 0x09 && kEventStep == 0x10 && kEventFileVersion == 0x1A &&
              kEventSummary == 0x2A && kValueSimpleValue == 0x15 && kValueHisto == 0x2A &&
              kValueTensor == 0x42 && kValueMetadata == 0x4A && kHistoBucket == 0x3A &&
              kTensorStringVal == 0x42);

}  // namespace anvil::track::tb
