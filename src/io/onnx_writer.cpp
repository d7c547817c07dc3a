// OnnxGraph (the in-memory builder) and its serialization to ONNX protobuf bytes.
#include <torch/torch.h>

#include <cstring>
#include <limits>

#include "anvil/core/error.h"
#include "anvil/core/protobuf_encoder.h"
#include "anvil/io/onnx.h"

namespace anvil::io {

namespace k = onnx::key;

// ---------------------------------------------------------------- attributes
OnnxAttribute onnx_int(std::string name, int64_t value) {
  OnnxAttribute a;
  a.name = std::move(name);
  a.type = onnx::AttributeType::kInt;
  a.i = value;
  return a;
}

OnnxAttribute onnx_float(std::string name, float value) {
  OnnxAttribute a;
  a.name = std::move(name);
  a.type = onnx::AttributeType::kFloat;
  a.f = value;
  return a;
}

OnnxAttribute onnx_ints(std::string name, std::vector<int64_t> values) {
  OnnxAttribute a;
  a.name = std::move(name);
  a.type = onnx::AttributeType::kInts;
  a.ints = std::move(values);
  return a;
}

OnnxAttribute onnx_string(std::string name, std::string value) {
  OnnxAttribute a;
  a.name = std::move(name);
  a.type = onnx::AttributeType::kString;
  a.s = std::move(value);
  return a;
}

// ---------------------------------------------------------------- graph builder
void OnnxGraph::add_input(std::string name, onnx::DataType type, std::vector<OnnxDim> shape) {
  inputs_.push_back({std::move(name), type, std::move(shape)});
}

void OnnxGraph::add_output(std::string name, onnx::DataType type, std::vector<OnnxDim> shape) {
  outputs_.push_back({std::move(name), type, std::move(shape)});
}

std::string OnnxGraph::initializer(const std::string& name, const torch::Tensor& tensor) {
  if (!names_.insert(name).second) throw Error("onnx: initializer '" + name + "' is added twice");
  OnnxInitializer init;
  init.name = name;
  init.dims = tensor.sizes().vec();
  auto t = tensor.detach().to(torch::kCPU).contiguous();
  switch (t.scalar_type()) {
    case torch::kFloat32:
      init.type = onnx::DataType::kFloat;
      break;
    case torch::kInt64:
      init.type = onnx::DataType::kInt64;
      break;
    case torch::kBool:
      init.type = onnx::DataType::kBool;  // one byte per element, as torch stores it
      break;
    default:
      throw Error("onnx: initializer '" + name + "' has dtype " +
                  std::string(c10::toString(t.scalar_type())) +
                  "; only float32, int64 and bool are written");
  }
  init.raw.assign(static_cast<const char*>(t.data_ptr()), t.nbytes());
  initializer_bytes_ += static_cast<int64_t>(init.raw.size());
  initializers_.push_back(std::move(init));
  return name;
}

std::string OnnxGraph::constant(const std::string& key, const torch::Tensor& value) {
  auto it = constants_.find(key);
  if (it != constants_.end()) return it->second;
  const std::string name = "const_" + std::to_string(constants_.size());
  initializer(name, value);
  return constants_[key] = name;
}

std::string OnnxGraph::ints(const std::vector<int64_t>& values) {
  std::string key = "ints";
  for (int64_t v : values) key += ":" + std::to_string(v);
  return constant(key, torch::tensor(values, torch::kInt64));
}

std::string OnnxGraph::float_scalar(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, 4);  // the exact value, -0.0 and all
  return constant("float:" + std::to_string(bits), torch::scalar_tensor(value, torch::kFloat32));
}

std::string OnnxGraph::int_scalar(int64_t value) {
  return constant("int:" + std::to_string(value), torch::scalar_tensor(value, torch::kInt64));
}

std::string OnnxGraph::node(const std::string& op_type, std::vector<std::string> inputs,
                            std::vector<OnnxAttribute> attributes, std::string output) {
  if (output.empty()) output = op_type + "_" + std::to_string(next_id_++);
  nodes_.push_back({op_type, std::move(inputs), {output}, std::move(attributes)});
  return output;
}

// ---------------------------------------------------------------- serialization
namespace {

std::string encode_attribute(const OnnxAttribute& a) {
  ProtoEncoder e;
  e.field_bytes(k::kAttrName, a.name);
  switch (a.type) {
    case onnx::AttributeType::kFloat:
      e.field_float(k::kAttrFloat, a.f);
      break;
    case onnx::AttributeType::kInt:
      e.field_varint(k::kAttrInt, static_cast<uint64_t>(a.i));
      break;
    case onnx::AttributeType::kString:
      e.field_bytes(k::kAttrString, a.s);
      break;
    case onnx::AttributeType::kInts:
      for (int64_t v : a.ints) e.field_varint(k::kAttrInts, static_cast<uint64_t>(v));
      break;
  }
  e.field_varint(k::kAttrType, static_cast<uint64_t>(a.type));
  return e.take();
}

std::string encode_node(const OnnxNode& n) {
  ProtoEncoder e;
  for (const auto& in : n.inputs) e.field_bytes(k::kNodeInput, in);
  for (const auto& out : n.outputs) e.field_bytes(k::kNodeOutput, out);
  e.field_bytes(k::kNodeName, n.outputs.empty() ? n.op_type : n.outputs[0]);
  e.field_bytes(k::kNodeOpType, n.op_type);
  for (const auto& a : n.attributes) e.field_bytes(k::kNodeAttribute, encode_attribute(a));
  return e.take();
}

std::string encode_value_info(const OnnxValueInfo& v) {
  ProtoEncoder shape;
  for (const auto& d : v.shape) {
    ProtoEncoder dim;
    if (d.param.empty()) {
      dim.field_varint(k::kDimValue, static_cast<uint64_t>(d.value));
    } else {
      dim.field_bytes(k::kDimParam, d.param);
    }
    shape.field_bytes(k::kShapeDim, dim.bytes());
  }
  ProtoEncoder tensor_type;
  tensor_type.field_varint(k::kTensorTypeElemType, static_cast<uint64_t>(v.type));
  tensor_type.field_bytes(k::kTensorTypeShape, shape.bytes());
  ProtoEncoder type;
  type.field_bytes(k::kTypeTensorType, tensor_type.bytes());
  ProtoEncoder e;
  e.field_bytes(k::kValueInfoName, v.name);
  e.field_bytes(k::kValueInfoType, type.bytes());
  return e.take();
}

void encode_initializer(const OnnxInitializer& t, ProtoEncoder* graph) {
  ProtoEncoder e;
  for (int64_t d : t.dims) e.field_varint(k::kTensorDims, static_cast<uint64_t>(d));
  e.field_varint(k::kTensorDataType, static_cast<uint64_t>(t.type));
  e.field_bytes(k::kTensorName, t.name);
  e.field_bytes(k::kTensorRawData, t.raw);
  graph->field_bytes(k::kGraphInitializer, e.bytes());
}

}  // namespace

std::string serialize_onnx(const OnnxModel& model) {
  const auto& g = model.graph;
  // Protobuf parsers refuse messages of 2 GiB or more; leave room for the graph around weights.
  constexpr int64_t kLimit = std::numeric_limits<int32_t>::max() - (64 << 20);
  if (g.initializer_bytes() > kLimit)
    throw Error("onnx: the weights take " + std::to_string(g.initializer_bytes()) +
                " bytes, past protobuf's 2 GiB limit for one file (external data is not "
                "supported); export a smaller model");
  ProtoEncoder graph;
  for (const auto& n : g.nodes()) graph.field_bytes(k::kGraphNode, encode_node(n));
  graph.field_bytes(k::kGraphName, g.name());
  for (const auto& t : g.initializers()) encode_initializer(t, &graph);
  for (const auto& v : g.inputs()) graph.field_bytes(k::kGraphInput, encode_value_info(v));
  for (const auto& v : g.outputs()) graph.field_bytes(k::kGraphOutput, encode_value_info(v));

  ProtoEncoder opset;
  opset.field_bytes(k::kOpsetDomain, "");
  opset.field_varint(k::kOpsetVersion, onnx::kOpsetVersion);

  ProtoEncoder m;
  m.field_varint(k::kModelIrVersion, onnx::kIrVersion);
  m.field_bytes(k::kModelProducerName, model.producer_name);
  if (!model.producer_version.empty())
    m.field_bytes(k::kModelProducerVersion, model.producer_version);
  if (!model.doc_string.empty()) m.field_bytes(k::kModelDocString, model.doc_string);
  m.field_bytes(k::kModelGraph, graph.bytes());
  m.field_bytes(k::kModelOpsetImport, opset.bytes());
  for (const auto& [key, value] : model.metadata) {
    ProtoEncoder entry;
    entry.field_bytes(k::kEntryKey, key);
    entry.field_bytes(k::kEntryValue, value);
    m.field_bytes(k::kModelMetadataProps, entry.bytes());
  }
  return m.take();
}

}  // namespace anvil::io
