// GGUF writer/reader: the byte-exact header from docs/formats.md §2.1, round trips of every
// metadata value type and tensor type, alignment and padding (including after the last tensor),
// and the writer refusing what ggml cannot read.
#include <gtest/gtest.h>

#include <filesystem>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "gguf_test_util.h"
#include "support/run_cli.h"

namespace anvil::io {
namespace {

using testing::sample_gguf;

std::string hex(std::string_view s) {
  static const char* k = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    if (!out.empty()) out += ' ';
    out += k[c >> 4];
    out += k[c & 15];
  }
  return out;
}

TEST(GgufFormat, HeaderMatchesFormatsDocHexExample) {
  // docs/formats.md §2.1: 2 tensors, 1 KV, first KV general.architecture = "llama".
  GgufFile f;
  f.set("general.architecture", GgufValue::str("llama"));
  f.tensors.push_back({"a", GgmlType::kF32, {1}, std::string(4, '\0')});
  f.tensors.push_back({"b", GgmlType::kF32, {1}, std::string(4, '\0')});
  const std::string bytes = serialize_gguf(f);
  const std::string expected =
      "47 47 55 46 03 00 00 00 02 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00 "
      "14 00 00 00 00 00 00 00 " +
      hex("general.architecture") + " 08 00 00 00 05 00 00 00 00 00 00 00 " + hex("llama");
  EXPECT_EQ(hex(bytes.substr(0, 24 + 8 + 20 + 4 + 8 + 5)), expected);
}

TEST(GgufFormat, TensorInfosAndDataLayout) {
  GgufFile f;
  f.tensors.push_back({"x", GgmlType::kF32, {3}, std::string(12, '\x01')});
  f.tensors.push_back({"y", GgmlType::kF16, {2, 3}, std::string(12, '\x02')});
  const std::string b = serialize_gguf(f);
  // header 24 | "x": 8+1 name, 4 n_dims, 8 dim, 4 type, 8 offset = 33 | "y": 9+4+16+4+8 = 41.
  size_t p = 24;
  EXPECT_EQ(testing::get_u64(b, p), 1u);
  EXPECT_EQ(b[p + 8], 'x');
  EXPECT_EQ(testing::get_u64(b, p + 13), 3u);
  EXPECT_EQ(testing::get_u64(b, p + 25), 0u);  // offset of x
  p += 33;
  EXPECT_EQ(testing::get_u64(b, p + 13), 2u);
  EXPECT_EQ(testing::get_u64(b, p + 21), 3u);
  EXPECT_EQ(static_cast<uint8_t>(b[p + 29]), 1);  // type F16
  EXPECT_EQ(testing::get_u64(b, p + 33), 32u);    // x's 12 bytes padded to 32
  p += 41;                                        // 98 -> data at 128
  ASSERT_EQ(b.size(), 128u + 32 + 32) << "the last tensor is padded to the alignment too";
  EXPECT_EQ(b.substr(p, 128 - p), std::string(128 - p, '\0'));
  EXPECT_EQ(b.substr(128, 12), std::string(12, '\x01'));
  EXPECT_EQ(b.substr(140, 20), std::string(20, '\0'));
  EXPECT_EQ(b.substr(160, 12), std::string(12, '\x02'));
  EXPECT_EQ(b.substr(172), std::string(20, '\0'));
}

TEST(GgufFormat, RoundTripsEveryValueTypeAndTensorType) {
  const GgufFile f = sample_gguf();
  const GgufFile g = parse_gguf(serialize_gguf(f), "mem");
  EXPECT_EQ(g.version, 3u);
  ASSERT_EQ(g.metadata.size(), f.metadata.size());
  for (size_t i = 0; i < f.metadata.size(); ++i) {
    EXPECT_EQ(g.metadata[i].key, f.metadata[i].key);
    EXPECT_EQ(g.metadata[i].value.type(), f.metadata[i].value.type()) << f.metadata[i].key;
    EXPECT_TRUE(g.metadata[i].value == f.metadata[i].value) << f.metadata[i].key;
  }
  ASSERT_EQ(g.tensors.size(), f.tensors.size());
  for (size_t i = 0; i < f.tensors.size(); ++i) {
    EXPECT_EQ(g.tensors[i].name, f.tensors[i].name);
    EXPECT_EQ(g.tensors[i].type, f.tensors[i].type);
    EXPECT_EQ(g.tensors[i].dims, f.tensors[i].dims);
    EXPECT_EQ(g.tensors[i].bytes, f.tensors[i].bytes) << f.tensors[i].name;
  }
  EXPECT_EQ(serialize_gguf(g), serialize_gguf(f));
  EXPECT_EQ(g.find("test.u32")->as_u32(), 4000000000u);
  EXPECT_EQ(g.find("test.strings")->as_string_array()[0], "\xc4\xa0the");
  EXPECT_THROW(g.find("test.u32")->as_i32(), Error);
}

TEST(GgufFormat, HonoursGeneralAlignment) {
  for (uint32_t a : {8u, 64u, 4096u}) {
    GgufFile f = sample_gguf();
    f.set("general.alignment", GgufValue::u32(a));
    const std::string b = serialize_gguf(f);
    const GgufFile g = parse_gguf(b, "mem");
    EXPECT_EQ(g.alignment(), a);
    EXPECT_EQ(b.size() % a, 0u) << "file ends on the alignment after the last tensor";
    EXPECT_EQ(g.tensors.back().bytes, f.tensors.back().bytes);
  }
}

TEST(GgufFormat, WriterRefusesWhatGgmlCannotRead) {
  auto refuses = [](const GgufFile& f, const std::string& needle) {
    try {
      serialize_gguf(f);
      ADD_FAILURE() << "accepted; expected error containing: " << needle;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    }
  };
  GgufFile dup;
  dup.metadata.push_back({"a.b", GgufValue::u8(1)});
  dup.metadata.push_back({"a.b", GgufValue::u8(2)});
  refuses(dup, "duplicate key 'a.b'");
  GgufFile empty_key;
  empty_key.set("", GgufValue::u8(1));
  refuses(empty_key, "key is empty");
  GgufFile nested;
  nested.set("a", GgufValue::array(GgufValueType::kArray, {}));
  refuses(nested, "arrays of arrays");
  GgufFile mixed;
  mixed.set("a", GgufValue::array(GgufValueType::kInt32, {GgufValue::u32(1)}));
  refuses(mixed, "element 0 is UINT32, array holds INT32");
  GgufFile align_type;
  align_type.set("general.alignment", GgufValue::u64(32));
  refuses(align_type, "must be UINT32");
  GgufFile align_value;
  align_value.set("general.alignment", GgufValue::u32(48));
  refuses(align_value, "power of two");
  GgufFile block;
  block.tensors.push_back({"w", GgmlType::kQ8_0, {16, 2}, std::string(34, '\0')});
  refuses(block, "not a multiple of the q8_0 block size 32");
  GgufFile size;
  size.tensors.push_back({"w", GgmlType::kF32, {2, 2}, std::string(12, '\0')});
  refuses(size, "12 bytes of data, expected 16");
  GgufFile names;
  names.tensors.push_back({"w", GgmlType::kF32, {1}, std::string(4, '\0')});
  names.tensors.push_back({"w", GgmlType::kF32, {1}, std::string(4, '\0')});
  refuses(names, "duplicate tensor name");
  GgufFile long_name;
  long_name.tensors.push_back({std::string(64, 'n'), GgmlType::kF32, {1}, std::string(4, '\0')});
  refuses(long_name, "at most 63");
  GgufFile dims;
  dims.tensors.push_back({"w", GgmlType::kF32, {1, 1, 1, 1, 1}, std::string(4, '\0')});
  refuses(dims, "5 dims");
}

TEST(GgufFormat, WriteIsAtomicAndLeavesGoodFileOnError) {
  anvil::testing::TempDir dir("gguf");
  const std::string path = dir / "m.gguf";
  write_gguf(path, sample_gguf());
  const std::string good = read_file(path);
  GgufFile bad = sample_gguf();
  bad.tensors[0].bytes.pop_back();
  EXPECT_THROW(write_gguf(path, bad), Error);
  EXPECT_EQ(read_file(path), good);
  EXPECT_EQ(read_gguf(path).tensors.size(), 7u);
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    EXPECT_EQ(e.path().filename(), "m.gguf") << "no temp files left behind";
}

}  // namespace
}  // namespace anvil::io
