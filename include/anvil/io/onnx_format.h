// ONNX protobuf constants shared by the writer (src/io/onnx_writer.cpp) and the tests' reader,
// after docs/formats.md §5 (onnx/onnx.in.proto): field keys of the messages anvil writes, the
// tensor element types, and the IR version / opset pair anvil targets (ONNX 1.12: opset 17 needs
// IR version 8).
#pragma once

#include <cstdint>

#include "anvil/core/protobuf_encoder.h"

namespace anvil::io::onnx {

inline constexpr int64_t kIrVersion = 8;
inline constexpr int64_t kOpsetVersion = 17;

// TensorProto.DataType
enum class DataType : int32_t { kFloat = 1, kInt32 = 6, kInt64 = 7, kBool = 9 };

namespace key {
constexpr uint32_t varint(uint32_t field) { return proto_key(field, WireType::kVarint); }
constexpr uint32_t bytes(uint32_t field) { return proto_key(field, WireType::kLengthDelimited); }
constexpr uint32_t fixed32(uint32_t field) { return proto_key(field, WireType::kFixed32); }

// ModelProto
inline constexpr uint32_t kModelIrVersion = varint(1);
inline constexpr uint32_t kModelProducerName = bytes(2);
inline constexpr uint32_t kModelProducerVersion = bytes(3);
inline constexpr uint32_t kModelDocString = bytes(6);
inline constexpr uint32_t kModelGraph = bytes(7);
inline constexpr uint32_t kModelOpsetImport = bytes(8);
inline constexpr uint32_t kModelMetadataProps = bytes(14);
// OperatorSetIdProto
inline constexpr uint32_t kOpsetDomain = bytes(1);
inline constexpr uint32_t kOpsetVersion = varint(2);
// StringStringEntryProto
inline constexpr uint32_t kEntryKey = bytes(1);
inline constexpr uint32_t kEntryValue = bytes(2);
// GraphProto
inline constexpr uint32_t kGraphNode = bytes(1);
inline constexpr uint32_t kGraphName = bytes(2);
inline constexpr uint32_t kGraphInitializer = bytes(5);
inline constexpr uint32_t kGraphDocString = bytes(10);
inline constexpr uint32_t kGraphInput = bytes(11);
inline constexpr uint32_t kGraphOutput = bytes(12);
// NodeProto
inline constexpr uint32_t kNodeInput = bytes(1);
inline constexpr uint32_t kNodeOutput = bytes(2);
inline constexpr uint32_t kNodeName = bytes(3);
inline constexpr uint32_t kNodeOpType = bytes(4);
inline constexpr uint32_t kNodeAttribute = bytes(5);
// AttributeProto
inline constexpr uint32_t kAttrName = bytes(1);
inline constexpr uint32_t kAttrFloat = fixed32(2);
inline constexpr uint32_t kAttrInt = varint(3);
inline constexpr uint32_t kAttrString = bytes(4);
inline constexpr uint32_t kAttrInts = varint(8);  // repeated, unpacked (proto2)
inline constexpr uint32_t kAttrType = varint(20);
// ValueInfoProto -> TypeProto -> TypeProto.Tensor -> TensorShapeProto -> Dimension
inline constexpr uint32_t kValueInfoName = bytes(1);
inline constexpr uint32_t kValueInfoType = bytes(2);
inline constexpr uint32_t kTypeTensorType = bytes(1);
inline constexpr uint32_t kTensorTypeElemType = varint(1);
inline constexpr uint32_t kTensorTypeShape = bytes(2);
inline constexpr uint32_t kShapeDim = bytes(1);
inline constexpr uint32_t kDimValue = varint(1);
inline constexpr uint32_t kDimParam = bytes(2);
// TensorProto
inline constexpr uint32_t kTensorDims = varint(1);  // repeated, unpacked (proto2)
inline constexpr uint32_t kTensorDataType = varint(2);
inline constexpr uint32_t kTensorName = bytes(8);
inline constexpr uint32_t kTensorRawData = bytes(9);
}  // namespace key

// AttributeProto.AttributeType
enum class AttributeType : int32_t { kFloat = 1, kInt = 2, kString = 3, kInts = 7 };

static_assert(key::kModelGraph == 0x3A && key::kAttrType == 0xA0 && key::kAttrFloat == 0x15 &&
              key::kTensorRawData == 0x4A && key::kModelMetadataProps == 0x72);

}  // namespace anvil::io::onnx
