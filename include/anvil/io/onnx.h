// Building ONNX models in memory and serializing them (opset 17, IR version 8; see
// docs/formats.md §5 and onnx_format.h). OnnxGraph is a small builder: initializers from
// tensors, nodes whose outputs get fresh names, and typed graph inputs/outputs whose dimensions
// are fixed numbers or named (dynamic) axes. Exporters (src/interop/onnx_*.cpp) describe a
// model's forward pass with it; serialize_onnx writes the protobuf bytes.
#pragma once

#include <torch/types.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "anvil/io/onnx_format.h"

namespace anvil::io {

struct OnnxAttribute {
  std::string name;
  onnx::AttributeType type = onnx::AttributeType::kInt;
  int64_t i = 0;
  float f = 0;
  std::vector<int64_t> ints;
  std::string s;
};
OnnxAttribute onnx_int(std::string name, int64_t value);
OnnxAttribute onnx_float(std::string name, float value);
OnnxAttribute onnx_ints(std::string name, std::vector<int64_t> values);
OnnxAttribute onnx_string(std::string name, std::string value);

struct OnnxNode {
  std::string op_type;
  std::vector<std::string> inputs, outputs;
  std::vector<OnnxAttribute> attributes;
};

// One dimension of a graph input or output: a fixed size, or a named axis ("batch").
struct OnnxDim {
  int64_t value = 0;
  std::string param;  // non-empty: dynamic, shared by every dimension with the same name
  OnnxDim(int64_t v) : value(v) {}      // NOLINT: implicit, so shapes read {"batch", 4}
  OnnxDim(const char* p) : param(p) {}  // NOLINT
};

struct OnnxValueInfo {
  std::string name;
  onnx::DataType type = onnx::DataType::kFloat;
  std::vector<OnnxDim> shape;
};

struct OnnxInitializer {
  std::string name;
  onnx::DataType type = onnx::DataType::kFloat;
  std::vector<int64_t> dims;
  std::string raw;  // little-endian, row-major
};

class OnnxGraph {
 public:
  explicit OnnxGraph(std::string name) : name_(std::move(name)) {}

  void add_input(std::string name, onnx::DataType type, std::vector<OnnxDim> shape);
  void add_output(std::string name, onnx::DataType type, std::vector<OnnxDim> shape);

  // Stores `tensor` (float32, int64 or bool; any device, any layout) as an initializer; returns
  // `name`. Throws naming the tensor for other dtypes or a name already used.
  std::string initializer(const std::string& name, const torch::Tensor& tensor);
  // Small constants, each stored once per value: a 1-D int64 tensor, 0-d float32 and int64.
  std::string ints(const std::vector<int64_t>& values);
  std::string float_scalar(float value);
  std::string int_scalar(int64_t value);

  // Adds a node and returns its output, `output` if given, else a fresh name.
  std::string node(const std::string& op_type, std::vector<std::string> inputs,
                   std::vector<OnnxAttribute> attributes = {}, std::string output = "");

  const std::string& name() const { return name_; }
  const std::vector<OnnxNode>& nodes() const { return nodes_; }
  const std::vector<OnnxInitializer>& initializers() const { return initializers_; }
  const std::vector<OnnxValueInfo>& inputs() const { return inputs_; }
  const std::vector<OnnxValueInfo>& outputs() const { return outputs_; }
  int64_t initializer_bytes() const { return initializer_bytes_; }

 private:
  std::string constant(const std::string& key, const torch::Tensor& value);

  std::string name_;
  std::vector<OnnxNode> nodes_;
  std::vector<OnnxInitializer> initializers_;
  std::vector<OnnxValueInfo> inputs_, outputs_;
  std::map<std::string, std::string> constants_;  // value key -> initializer name
  std::set<std::string> names_;                   // every initializer name
  int64_t initializer_bytes_ = 0;
  int64_t next_id_ = 0;
};

struct OnnxModel {
  OnnxGraph graph{"main"};
  std::string producer_name = "anvil";
  std::string producer_version;
  std::string doc_string;
  std::map<std::string, std::string> metadata;  // metadata_props
};

// The ModelProto bytes (ir_version 8, default-domain opset 17). Throws if the model would pass
// protobuf's 2 GiB message limit (external data is not written).
std::string serialize_onnx(const OnnxModel& model);

}  // namespace anvil::io
