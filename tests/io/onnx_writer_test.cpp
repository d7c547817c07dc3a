// The ONNX writer against bytes worked out by hand from onnx.in.proto's field numbers
// (docs/formats.md §5): keys, varint lengths, the two-byte AttributeProto.type key, negative
// int64 attributes, symbolic dimensions, raw little-endian initializers, and the builder's rules.
// ONNX Runtime reading real exports is checked in tests/interop/onnx_runtime_test.cpp.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "anvil/core/error.h"
#include "anvil/io/onnx.h"

namespace anvil::io {
namespace {

std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (int v : values) out += static_cast<char>(v);
  return out;
}

// ModelProto around `graph`: ir_version 8, producer "anvil", default-domain opset 17.
std::string model_around(const std::string& graph) {
  return bytes({0x08, 0x08}) + bytes({0x12, 0x05}) + "anvil" +
         bytes({0x3A, static_cast<int>(graph.size())}) + graph +
         bytes({0x42, 0x04, 0x0A, 0x00, 0x10, 0x11});
}

// ValueInfoProto `name`: float tensor of shape ["n"].
std::string value_info(char name) {
  return bytes({0x0A, 0x01, name}) + bytes({0x12, 0x0B}) +  // name, type (11 bytes)
         bytes({0x0A, 0x09}) +                              // TypeProto.tensor_type
         bytes({0x08, 0x01}) +                              // elem_type FLOAT
         bytes({0x12, 0x05, 0x0A, 0x03, 0x12, 0x01, 'n'});  // shape { dim { dim_param "n" } }
}

TEST(OnnxWriter, SoftmaxModelMatchesHandEncodedBytes) {
  OnnxModel m;
  m.graph = OnnxGraph("g");
  m.graph.add_input("x", onnx::DataType::kFloat, {"n"});
  m.graph.add_output("y", onnx::DataType::kFloat, {"n"});
  EXPECT_EQ(m.graph.node("Softmax", {"x"}, {onnx_int("axis", -1)}, "y"), "y");

  const std::string attribute = bytes({0x0A, 0x04}) + "axis" +  // name
                                bytes({0x18, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                       0x01}) +             // i = -1 as a 10-byte varint
                                bytes({0xA0, 0x01, 0x02});  // type (field 20) = INT
  ASSERT_EQ(attribute.size(), 20u);
  const std::string node = bytes({0x0A, 0x01, 'x', 0x12, 0x01, 'y', 0x1A, 0x01, 'y', 0x22, 0x07}) +
                           "Softmax" + bytes({0x2A, 0x14}) + attribute;
  const std::string graph = bytes({0x0A, static_cast<int>(node.size())}) + node +
                            bytes({0x12, 0x01, 'g'}) + bytes({0x5A, 0x10}) + value_info('x') +
                            bytes({0x62, 0x10}) + value_info('y');
  EXPECT_EQ(serialize_onnx(m), model_around(graph));
}

TEST(OnnxWriter, InitializerIsRawLittleEndianWithUnpackedDims) {
  OnnxModel m;
  m.graph = OnnxGraph("g");
  EXPECT_EQ(m.graph.initializer("w", torch::tensor({1.0f, -2.0f})), "w");
  const std::string tensor = bytes({0x08, 0x02, 0x10, 0x01, 0x42, 0x01, 'w', 0x4A, 0x08}) +
                             bytes({0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0});
  const std::string graph = bytes({0x12, 0x01, 'g', 0x2A, 0x11}) + tensor;
  EXPECT_EQ(serialize_onnx(m), model_around(graph));
  EXPECT_EQ(m.graph.initializer_bytes(), 8);
}

TEST(OnnxWriter, ConstantsAreStoredOncePerValue) {
  OnnxGraph g("g");
  const auto a = g.ints({0, 0, -1});
  EXPECT_EQ(g.ints({0, 0, -1}), a);
  EXPECT_NE(g.ints({0, -1}), a);
  EXPECT_EQ(g.float_scalar(0.5f), g.float_scalar(0.5f));
  EXPECT_NE(g.float_scalar(0.0f), g.float_scalar(-0.0f));
  const auto scalar = g.int_scalar(1);
  EXPECT_NE(g.ints({1}), scalar);  // 0-d and 1-D are different tensors
  ASSERT_EQ(g.initializers().size(), 7u);
  EXPECT_EQ(g.initializers()[5].dims, std::vector<int64_t>{});   // int_scalar(1)
  EXPECT_EQ(g.initializers()[6].dims, std::vector<int64_t>{1});  // ints({1})
  EXPECT_EQ(g.initializers()[5].type, onnx::DataType::kInt64);
}

TEST(OnnxWriter, RejectsDuplicateNamesAndUnsupportedDtypes) {
  OnnxGraph g("g");
  g.initializer("w", torch::zeros({2}));
  try {
    g.initializer("w", torch::zeros({2}));
    FAIL() << "a duplicate initializer name was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'w' is added twice"), std::string::npos) << e.what();
  }
  try {
    g.initializer("half", torch::zeros({2}, torch::kFloat16));
    FAIL() << "a float16 initializer was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'half' has dtype Half"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace anvil::io
