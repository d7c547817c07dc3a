// Tests for the safetensors reader and writer: round trips, golden bytes from the reference crate's
// own tests and from the spec, every corruption the reference reader rejects, and an independent
// check of our files by a tiny Python reader (json + struct).
#include "anvil/io/safetensors.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "anvil/core/error.h"

namespace anvil::io {
namespace {

std::string le_u64(uint64_t n) {
  std::string out;
  for (int i = 0; i < 8; ++i) out += static_cast<char>((n >> (8 * i)) & 0xFF);
  return out;
}

// A file made of a length prefix, `header` verbatim (no padding) and `data`.
std::string make_file(const std::string& header, const std::string& data) {
  return le_u64(header.size()) + header + data;
}

template <typename T>
std::string bytes_of(std::initializer_list<T> values) {
  std::string out;
  for (T v : values) out.append(reinterpret_cast<const char*>(&v), sizeof(T));
  return out;
}

std::string from_byte_list(std::initializer_list<int> values) {
  std::string out;
  for (int v : values) out += static_cast<char>(v);
  return out;
}

// Parses `bytes` as "model.safetensors" and expects an anvil::Error containing every `parts`.
void expect_rejected(const std::string& bytes, std::initializer_list<std::string> parts) {
  try {
    parse_safetensors(bytes, "model.safetensors");
    FAIL() << "expected an error containing '" << *parts.begin() << "'";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind("model.safetensors: ", 0), 0u) << message;
    for (const std::string& part : parts) {
      EXPECT_NE(message.find(part), std::string::npos) << "'" << part << "' not in: " << message;
    }
  }
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::path(testing::TempDir()) / name).string();
}

// ---------------------------------------------------------------------------------------------
// Dtype table

TEST(SafetensorsFormat, DtypeNamesAndBitsFollowTheSpec) {
  EXPECT_EQ(dtype_name(DType::kBF16), "BF16");
  EXPECT_EQ(dtype_name(DType::kF8E4M3Fnuz), "F8_E4M3FNUZ");
  EXPECT_EQ(dtype_bits(DType::kF4), 4);
  EXPECT_EQ(dtype_bits(DType::kF6E3M2), 6);
  EXPECT_EQ(dtype_bits(DType::kBool), 8);
  EXPECT_EQ(dtype_bits(DType::kC64), 64);
  EXPECT_EQ(dtype_from_name("F32"), DType::kF32);
  EXPECT_EQ(dtype_from_name("f32"), std::nullopt);
  for (const DTypeInfo& info : kDTypeTable) EXPECT_EQ(dtype_from_name(info.name), info.dtype);
}

// ---------------------------------------------------------------------------------------------
// Round trips

TEST(Safetensors, RoundTripsEveryDtypeScalarAndZeroSizeShapes) {
  std::vector<TensorData> tensors;
  int index = 0;
  for (const DTypeInfo& info : kDTypeTable) {
    // 8 elements is a whole number of bytes for every dtype, sub-byte ones included.
    std::vector<int64_t> shape = {2, 4};
    std::string bytes(tensor_byte_size(info.dtype, shape), '\0');
    for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7 + index);
    tensors.push_back({"t." + std::string(info.name), info.dtype, shape, bytes});
    ++index;
  }
  tensors.push_back({"scalar", DType::kF64, {}, bytes_of<double>({3.25})});
  tensors.push_back({"empty.rows", DType::kF32, {0, 3}, ""});
  tensors.push_back({"empty.cols", DType::kI64, {2, 0}, ""});
  tensors.push_back({"empty.1d", DType::kU8, {0}, ""});
  const std::map<std::string, std::string> metadata = {{"format", "pt"}, {"step", "12"}};

  const std::string path = temp_path("round_trip.safetensors");
  write_safetensors(path, tensors, metadata);
  const SafetensorsFile file = read_safetensors(path);

  EXPECT_EQ(file.metadata, metadata);
  ASSERT_EQ(file.tensors.size(), tensors.size());
  for (const TensorData& want : tensors) {
    const TensorData* got = file.find(want.name);
    ASSERT_NE(got, nullptr) << want.name;
    EXPECT_EQ(got->dtype, want.dtype) << want.name;
    EXPECT_EQ(got->shape, want.shape) << want.name;
    EXPECT_EQ(got->bytes, want.bytes) << want.name;
  }
  EXPECT_EQ(file.find("missing"), nullptr);
  std::filesystem::remove(path);
}

TEST(Safetensors, ReadTensorsComeInDescendingDtypeThenNameOrder) {
  std::vector<TensorData> tensors = {
      {"z", DType::kU8, {1}, "\x01"},
      {"b", DType::kF32, {1}, bytes_of<float>({1.0f})},
      {"a", DType::kF32, {1}, bytes_of<float>({2.0f})},
      {"m", DType::kI64, {1}, bytes_of<int64_t>({3})},
  };
  const SafetensorsFile file = parse_safetensors(serialize_safetensors(tensors), "mem");
  ASSERT_EQ(file.tensors.size(), 4u);
  EXPECT_EQ(file.tensors[0].name, "m");
  EXPECT_EQ(file.tensors[1].name, "a");
  EXPECT_EQ(file.tensors[2].name, "b");
  EXPECT_EQ(file.tensors[3].name, "z");
}

TEST(Safetensors, NamesAndMetadataWithEscapesRoundTrip) {
  std::vector<TensorData> tensors = {{"quote\" back\\slash\ttab\x01 é", DType::kU8, {2}, "ab"}};
  const std::map<std::string, std::string> metadata = {{"k\"", "line\nbreak"}};
  const SafetensorsFile file = parse_safetensors(serialize_safetensors(tensors, metadata), "mem");
  EXPECT_EQ(file.metadata, metadata);
  ASSERT_EQ(file.tensors.size(), 1u);
  EXPECT_EQ(file.tensors[0].name, tensors[0].name);
}

// ---------------------------------------------------------------------------------------------
// Golden bytes

TEST(Safetensors, ParsesTheFormatDocTestVector) {
  // docs/formats.md §1.4 / tensor.rs: 3C 00 00 00 00 00 00 00 + 60-byte header + 16 data bytes.
  const std::string header = R"({"test":{"dtype":"I32","shape":[2,2],"data_offsets":[0,16]}})";
  ASSERT_EQ(header.size(), 60u);
  const std::string bytes = from_byte_list({0x3C, 0, 0, 0, 0, 0, 0, 0}) + header +
                            from_byte_list({1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0});
  const SafetensorsFile file = parse_safetensors(bytes, "vector");
  EXPECT_TRUE(file.metadata.empty());
  ASSERT_EQ(file.tensors.size(), 1u);
  EXPECT_EQ(file.tensors[0].name, "test");
  EXPECT_EQ(file.tensors[0].dtype, DType::kI32);
  EXPECT_EQ(file.tensors[0].shape, (std::vector<int64_t>{2, 2}));
  EXPECT_EQ(file.tensors[0].bytes, bytes_of<int32_t>({1, 2, 3, 4}));
}

TEST(Safetensors, WriterMatchesReferenceCrateSerializationTest) {
  // safetensors tensor.rs `test_serialization`: attn.0 F32 [1, 2, 3] = 0..5.
  std::vector<TensorData> tensors = {
      {"attn.0", DType::kF32, {1, 2, 3}, bytes_of<float>({0, 1, 2, 3, 4, 5})}};
  const std::string expected =
      from_byte_list({64, 0,  0,   0,   0,   0,   0,   0,   123, 34,  97,  116, 116, 110, 46,  48,
                      34, 58, 123, 34,  100, 116, 121, 112, 101, 34,  58,  34,  70,  51,  50,  34,
                      44, 34, 115, 104, 97,  112, 101, 34,  58,  91,  49,  44,  50,  44,  51,  93,
                      44, 34, 100, 97,  116, 97,  95,  111, 102, 102, 115, 101, 116, 115, 34,  58,
                      91, 48, 44,  50,  52,  93,  125, 125, 0,   0,   0,   0,   0,   0,   128, 63,
                      0,  0,  0,   64,  0,   0,   64,  64,  0,   0,   128, 64,  0,   0,   160, 64});
  EXPECT_EQ(serialize_safetensors(tensors), expected);
}

TEST(Safetensors, WriterMatchesReferenceCrateEmptyTests) {
  // tensor.rs `test_empty`: "{}" padded to 8; then with metadata {"framework": "pt"}.
  EXPECT_EQ(serialize_safetensors({}), from_byte_list({8, 0, 0, 0, 0, 0, 0, 0}) + "{}      ");
  EXPECT_EQ(serialize_safetensors({}, {{"framework", "pt"}}),
            from_byte_list({40, 0, 0, 0, 0, 0, 0, 0}) + R"({"__metadata__":{"framework":"pt"}})" +
                "     ");
  EXPECT_TRUE(parse_safetensors(serialize_safetensors({}), "empty").tensors.empty());
}

TEST(Safetensors, WriterBytesMatchTheSpecByHand) {
  // Sorted by descending dtype (I64 > F32 > U8), offsets back to back, __metadata__ first,
  // 193-byte JSON padded with 7 spaces to 200.
  std::vector<TensorData> tensors = {
      {"cc", DType::kU8, {3}, "\x01\x02\x03"},
      {"b", DType::kF32, {2}, bytes_of<float>({1.0f, 2.0f})},
      {"a", DType::kI64, {}, bytes_of<int64_t>({7})},
  };
  const std::string json = R"({"__metadata__":{"format":"pt"},)"
                           R"("a":{"dtype":"I64","shape":[],"data_offsets":[0,8]},)"
                           R"("b":{"dtype":"F32","shape":[2],"data_offsets":[8,16]},)"
                           R"("cc":{"dtype":"U8","shape":[3],"data_offsets":[16,19]}})";
  ASSERT_EQ(json.size(), 193u);
  const std::string expected = from_byte_list({200, 0, 0, 0, 0, 0, 0, 0}) + json +
                               std::string(7, ' ') +
                               from_byte_list({7, 0, 0, 0, 0, 0, 0, 0,           // a = 7
                                               0, 0, 0x80, 0x3F, 0, 0, 0, 0x40,  // b = 1, 2
                                               1, 2, 3});                        // cc
  EXPECT_EQ(serialize_safetensors(tensors, {{"format", "pt"}}), expected);
}

TEST(Safetensors, WriterEscapesStringsLikeSerdeJson) {
  const std::string bytes = serialize_safetensors({{"q\"b\\\n\x01\x7fé", DType::kU8, {0}, ""}});
  EXPECT_NE(bytes.find(R"({"q\"b\\\n\u0001)"
                       "\x7fé"
                       R"(":{"dtype")"),
            std::string::npos)
      << bytes.substr(8);
}

// ---------------------------------------------------------------------------------------------
// Writer validation

TEST(SafetensorsWriter, RejectsByteCountThatDoesNotMatchShape) {
  std::vector<TensorData> tensors = {{"w", DType::kF32, {2, 2}, std::string(12, '\0')}};
  try {
    serialize_safetensors(tensors);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("tensor 'w': F32 [2, 2] needs 16 bytes but 12"),
              std::string::npos)
        << e.what();
  }
}

TEST(SafetensorsWriter, RejectsDuplicateReservedAndNegativeShapes) {
  EXPECT_THROW(serialize_safetensors({{"a", DType::kU8, {1}, "x"}, {"a", DType::kU8, {1}, "y"}}),
               Error);
  EXPECT_THROW(serialize_safetensors({{"__metadata__", DType::kU8, {1}, "x"}}), Error);
  EXPECT_THROW(serialize_safetensors({{"n", DType::kU8, {-1}, ""}}), Error);
  EXPECT_THROW(serialize_safetensors({{"bad\xff", DType::kU8, {1}, "x"}}), Error);
  EXPECT_THROW(serialize_safetensors({{"f4", DType::kF4, {3}, "xx"}}), Error);  // 12 bits
}

TEST(SafetensorsWriter, RejectsHeaderOverTheLimit) {
  const std::map<std::string, std::string> metadata = {
      {"big", std::string(kSafetensorsMaxHeaderSize, 'n')}};
  try {
    serialize_safetensors({}, metadata);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("HeaderTooLarge"), std::string::npos);
  }
}

TEST(SafetensorsWriter, WriteReportsThePath) {
  try {
    write_safetensors(temp_path("never.safetensors"), {{"w", DType::kF32, {1}, "x"}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("never.safetensors"), std::string::npos) << e.what();
  }
}

// ---------------------------------------------------------------------------------------------
// Reader: accepted edge cases

TEST(SafetensorsReader, AcceptsWhitespaceUnknownFieldsAndNullMetadata) {
  const std::string header =
      " \t\n{\"__metadata__\":null,\"x\":{\"extra\":[1,2],\"dtype\":\"U8\",\"shape\":[2],"
      "\"data_offsets\":[0,2]}}\r\n  ";
  const SafetensorsFile file = parse_safetensors(make_file(header, "hi"), "m");
  ASSERT_EQ(file.tensors.size(), 1u);
  EXPECT_EQ(file.tensors[0].bytes, "hi");
}

TEST(SafetensorsReader, AcceptsZeroSizeTensorsSharingAnOffset) {
  const std::string header = R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},)"
                             R"("b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                             R"("c":{"dtype":"F32","shape":[3,0],"data_offsets":[4,4]}})";
  const SafetensorsFile file = parse_safetensors(make_file(header, "abcd"), "m");
  EXPECT_EQ(file.tensors.size(), 3u);
}

TEST(SafetensorsReader, ReadMissingFileNamesThePath) {
  EXPECT_THROW(read_safetensors(temp_path("does_not_exist.safetensors")), Error);
}

// ---------------------------------------------------------------------------------------------
// Reader: every corruption, in the reference check order

TEST(SafetensorsCorruption, ShortFile) {
  expect_rejected("\x01\x02\x03", {"3 bytes", "HeaderTooSmall"});
}

TEST(SafetensorsCorruption, HeaderTooLarge) {
  expect_rejected(le_u64(100'000'001) + "{}", {"100000001", "HeaderTooLarge"});
  expect_rejected(le_u64(~uint64_t{0}), {"HeaderTooLarge"});
}

TEST(SafetensorsCorruption, HeaderLengthPastEndOfFile) {
  expect_rejected(le_u64(100) + "{}",
                  {"header length 100", "file is 10 bytes", "InvalidHeaderLength"});
}

TEST(SafetensorsCorruption, InvalidUtf8InHeader) {
  expect_rejected(make_file("{\"a\xff\":1}", ""), {"not valid UTF-8 at byte 11", "InvalidHeader"});
  expect_rejected(make_file("{\"\xed\xa0\x80\":1}", ""), {"UTF-8"});  // surrogate
}

TEST(SafetensorsCorruption, InvalidJson) {
  expect_rejected(make_file(R"({"a":{"dtype":"F32")", ""),
                  {"not valid JSON", "InvalidHeaderDeserialization"});
  expect_rejected(make_file("{}x", ""), {"not valid JSON"});
  expect_rejected(make_file("[]", ""), {"must be a JSON object"});
  expect_rejected(make_file(std::string("{}\0\0", 4), ""), {"control byte 0x00 at byte 10"});
  expect_rejected(make_file("{\"a\tb\":1}", ""), {"control byte 0x09 at byte 11"});
}

TEST(SafetensorsCorruption, BadDtype) {
  expect_rejected(make_file(R"({"w":{"dtype":"F33","shape":[1],"data_offsets":[0,4]}})", "abcd"),
                  {"tensor 'w'", "unknown dtype \"F33\"", "InvalidHeaderDeserialization"});
}

TEST(SafetensorsCorruption, NegativeShape) {
  expect_rejected(make_file(R"({"w":{"dtype":"U8","shape":[-1],"data_offsets":[0,0]}})", ""),
                  {"tensor 'w': shape[0] must be a non-negative integer, found -1"});
}

TEST(SafetensorsCorruption, NonIntegerNumbers) {
  expect_rejected(make_file(R"({"w":{"dtype":"U8","shape":[1.0],"data_offsets":[0,1]}})", "x"),
                  {"shape[0]", "non-negative integer"});
  expect_rejected(make_file(R"({"w":{"dtype":"U8","shape":[1],"data_offsets":[0,1e0]}})", "x"),
                  {"data_offsets[1]"});
  expect_rejected(make_file(R"({"w":{"dtype":"U8","shape":[1],"data_offsets":[0]}})", "x"),
                  {"data_offsets must be an array [BEGIN, END]", "1 values"});
}

TEST(SafetensorsCorruption, NonStringMetadata) {
  expect_rejected(make_file(R"({"__metadata__":{"format":"pt","epoch":3}})", ""),
                  {"\"__metadata__\" value for key 'epoch' must be a string, found a number"});
}

TEST(SafetensorsCorruption, MissingField) {
  expect_rejected(make_file(R"({"w":{"dtype":"U8","shape":[1]}})", "x"),
                  {"tensor 'w': missing field 'data_offsets'"});
}

TEST(SafetensorsCorruption, DuplicateKeys) {
  expect_rejected(make_file(R"({"w":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},)"
                            R"("w":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}})",
                            "xy"),
                  {"duplicate key 'w'"});
  expect_rejected(
      make_file(R"({"w":{"dtype":"U8","dtype":"I8","shape":[1],"data_offsets":[0,1]}})", "x"),
      {"duplicate field 'dtype'"});
}

TEST(SafetensorsCorruption, FirstOffsetNotZero) {
  expect_rejected(make_file(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                            std::string(12, '\0')),
                  {"tensor 'w': data_offsets [4, 12] must begin at 0", "InvalidOffset"});
}

TEST(SafetensorsCorruption, OffsetsWithAHole) {
  expect_rejected(make_file(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                            R"("b":{"dtype":"F32","shape":[2],"data_offsets":[12,20]}})",
                            std::string(20, '\0')),
                  {"tensor 'b': data_offsets [12, 20] leave a hole of 4 bytes after tensor 'a'",
                   "InvalidOffset"});
}

TEST(SafetensorsCorruption, OffsetsOverlapping) {
  expect_rejected(
      make_file(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                std::string(12, '\0')),
      {"tensor 'b': data_offsets [4, 12] overlap tensor 'a', which ends at 8", "InvalidOffset"});
}

TEST(SafetensorsCorruption, OffsetsEndBeforeBegin) {
  expect_rejected(make_file(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                            R"("b":{"dtype":"F32","shape":[1],"data_offsets":[8,4]}})",
                            std::string(8, '\0')),
                  {"tensor 'b': data_offsets [8, 4] end before they begin"});
}

TEST(SafetensorsCorruption, ShapeOverflow) {
  expect_rejected(
      make_file(R"({"w":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,4]}})",
                "abcd"),
      {"tensor 'w'", "ValidationOverflow"});
}

TEST(SafetensorsCorruption, MisalignedSubByteTensor) {
  expect_rejected(make_file(R"({"w":{"dtype":"F4","shape":[3],"data_offsets":[0,2]}})", "ab"),
                  {"tensor 'w': F4 [3] holds 12 bits", "MisalignedSlice"});
}

TEST(SafetensorsCorruption, SizeMismatch) {
  expect_rejected(make_file(R"({"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,12]}})",
                            std::string(12, '\0')),
                  {"model.safetensors: tensor 'w': data_offsets [0, 12] hold 12 bytes but F32 "
                   "[2, 2] needs 16"});
}

TEST(SafetensorsCorruption, TrailingBytes) {
  expect_rejected(
      make_file(R"({"w":{"dtype":"U8","shape":[2],"data_offsets":[0,2]}})", "abc"),
      {"buffer is 3 bytes", "tensors cover 2", "trailing bytes", "MetadataIncompleteBuffer"});
  expect_rejected(make_file("{}", "z"), {"trailing bytes"});
}

TEST(SafetensorsCorruption, TruncatedData) {
  expect_rejected(make_file(R"({"w":{"dtype":"U8","shape":[4],"data_offsets":[0,4]}})", "ab"),
                  {"tensors cover 4", "truncated", "MetadataIncompleteBuffer"});
}

// ---------------------------------------------------------------------------------------------
// Independent reader: Python's json + struct (no safetensors package needed)

constexpr const char* kPythonReader = R"PY(
import json, struct, sys
raw = open(sys.argv[1], "rb").read()
(n,) = struct.unpack("<Q", raw[:8])
assert n % 8 == 0, "header length %d not a multiple of 8" % n
header = json.loads(raw[8:8 + n].decode("utf-8"))
assert list(header)[0] == "__metadata__", list(header)
assert header.pop("__metadata__") == {"format": "pt"}
data = raw[8 + n:]
spans = sorted(tuple(t["data_offsets"]) for t in header.values())
pos = 0
for begin, end in spans:
    assert begin == pos, (begin, pos)
    pos = end
assert pos == len(data), (pos, len(data))
def values(name, fmt, dtype, shape):
    t = header[name]
    assert t["dtype"] == dtype and t["shape"] == shape, t
    begin, end = t["data_offsets"]
    count = (end - begin) // struct.calcsize(fmt)
    return list(struct.unpack("<%d%s" % (count, fmt), data[begin:end]))
assert values("w", "f", "F32", [2, 3]) == [0.5, -1.0, 2.25, 3.0, 4.0, -0.125], "w"
assert values("step", "q", "I64", []) == [-42], "step"
assert values("ids", "i", "I32", [4]) == [1, 2, 3, 2147483647], "ids"
assert values("half", "e", "F16", [2]) == [1.0, -2.0], "half"
assert values("none", "d", "F64", [0, 5]) == [], "none"
try:
    import numpy as np
    t = header["w"]
    arr = np.frombuffer(data[t["data_offsets"][0]:t["data_offsets"][1]], dtype="<f4").reshape(2, 3)
    assert arr[1, 2] == -0.125
except ImportError:
    pass
print("OK")
)PY";

TEST(Safetensors, IndependentPythonReaderAcceptsOurFile) {
  if (!std::filesystem::exists("/usr/bin/python3")) {
    GTEST_SKIP() << "/usr/bin/python3 not found: independent safetensors check skipped";
  }
  const std::string file = temp_path("python_check.safetensors");
  const std::string script = temp_path("python_check.py");
  std::vector<TensorData> tensors = {
      {"w", DType::kF32, {2, 3}, bytes_of<float>({0.5f, -1.0f, 2.25f, 3.0f, 4.0f, -0.125f})},
      {"step", DType::kI64, {}, bytes_of<int64_t>({-42})},
      {"ids", DType::kI32, {4}, bytes_of<int32_t>({1, 2, 3, 2147483647})},
      {"half", DType::kF16, {2}, from_byte_list({0x00, 0x3C, 0x00, 0xC0})},
      {"none", DType::kF64, {0, 5}, ""},
  };
  write_safetensors(file, tensors, {{"format", "pt"}});
  std::ofstream(script) << kPythonReader;

  // -I: isolated, so a stray module next to the script in the temp folder cannot shadow stdlib.
  const std::string command = "/usr/bin/python3 -I " + script + " " + file + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[512];
  while (size_t got = fread(buffer, 1, sizeof(buffer), pipe)) output.append(buffer, got);
  const int status = pclose(pipe);
  EXPECT_EQ(status, 0) << output;
  EXPECT_EQ(output, "OK\n");
  std::filesystem::remove(file);
  std::filesystem::remove(script);
}

}  // namespace
}  // namespace anvil::io
