// GGUF files written by anvil, read back by two independent parsers from npm:
// @huggingface/gguf (typed metadata, tensor infos, data offset) and hyllama (which also rejects
// truncated headers). Runs tests/io/gguf_external_read.mjs. Skipped only when node/npm are
// missing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../tokenize/real_text_corpus.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "gguf_test_util.h"
#include "support/npm_packages.h"
#include "support/run_cli.h"

namespace anvil::io {
namespace {

using nlohmann::json;

class GgufExternal : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto setup = anvil::testing::ensure_npm_packages("gguf-npm");
    skip_reason_ = setup.skip_reason;
    ASSERT_EQ(setup.error, "");
  }
  void SetUp() override {
    if (!skip_reason_.empty()) GTEST_SKIP() << skip_reason_;
  }

  static json read_external(const std::string& path) {
    const auto r = anvil::testing::run_command(
        "node '" ANVIL_SOURCE_DIR "/tests/io/gguf_external_read.mjs' '" +
        anvil::testing::npm_cache_dir() + "' '" + path + "' 2>/dev/null");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return json::parse(r.output);
  }

  static inline std::string skip_reason_;
};

// What a JS reader prints for `v` (see gguf_external_read.mjs): 64-bit integers as strings.
json expected_json(const GgufValue& v) {
  return std::visit(
      [](const auto& x) -> json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, GgufArray>) {
          json a = json::array();
          for (const auto& item : x.items) a.push_back(expected_json(item));
          return a;
        } else if constexpr (std::is_same_v<T, uint64_t> || std::is_same_v<T, int64_t>) {
          return std::to_string(x);
        } else if constexpr (std::is_same_v<T, float>) {
          return static_cast<double>(x);
        } else {
          return x;
        }
      },
      v.storage());
}

void expect_tensor_infos(const json& infos, const GgufFile& f, const std::string& reader) {
  ASSERT_EQ(infos.size(), f.tensors.size()) << reader;
  uint64_t offset = 0;
  for (size_t i = 0; i < f.tensors.size(); ++i) {
    const auto& t = f.tensors[i];
    EXPECT_EQ(infos[i]["name"], t.name) << reader;
    EXPECT_EQ(infos[i]["type"], static_cast<uint32_t>(t.type)) << reader << " " << t.name;
    json shape = json::array();
    for (uint64_t d : t.dims) shape.push_back(std::to_string(d));
    EXPECT_EQ(infos[i]["shape"], shape) << reader << " " << t.name;
    EXPECT_EQ(infos[i]["offset"], std::to_string(offset)) << reader << " " << t.name;
    offset += gguf_align(t.bytes.size(), f.alignment());
  }
}

TEST_F(GgufExternal, BothReadersSeeAnvilsMetadataAndTensorInfos) {
  anvil::testing::TempDir dir("gguf_ext");
  for (uint32_t alignment : {32u, 64u}) {
    GgufFile f = testing::sample_gguf();
    if (alignment != 32) f.set("general.alignment", GgufValue::u32(alignment));
    const std::string path = dir / ("m" + std::to_string(alignment) + ".gguf");
    write_gguf(path, f);
    const json got = read_external(path);
    SCOPED_TRACE(got.dump().substr(0, 2000));

    const json& hf = got["hf"];
    ASSERT_FALSE(hf.contains("error")) << hf["error"];
    EXPECT_EQ(hf["version"], 3);
    ASSERT_EQ(hf["metadata"].size(), f.metadata.size());
    for (const auto& kv : f.metadata) {
      const json& m = hf["metadata"][kv.key];
      EXPECT_EQ(m["type"], static_cast<uint32_t>(kv.value.type())) << kv.key;
      EXPECT_EQ(m["value"], expected_json(kv.value)) << kv.key;
      if (kv.value.type() == GgufValueType::kArray) {
        EXPECT_EQ(m["subType"], static_cast<uint32_t>(kv.value.as_array().element_type)) << kv.key;
      }
    }
    expect_tensor_infos(hf["tensorInfos"], f, "@huggingface/gguf");
    // The data section starts where anvil put it: the header rounded up to the alignment.
    const std::string bytes = read_file(path);
    uint64_t data_bytes = 0;
    for (const auto& t : f.tensors) data_bytes += gguf_align(t.bytes.size(), alignment);
    EXPECT_EQ(hf["tensorDataOffset"], std::to_string(bytes.size() - data_bytes));
    EXPECT_EQ((bytes.size() - data_bytes) % alignment, 0u);

    const json& hy = got["hyllama"];
    ASSERT_FALSE(hy.contains("error")) << hy["error"];
    EXPECT_EQ(hy["version"], 3);
    ASSERT_EQ(hy["metadata"].size(), f.metadata.size());
    for (const auto& kv : f.metadata)
      EXPECT_EQ(hy["metadata"][kv.key], expected_json(kv.value)) << kv.key;
    expect_tensor_infos(hy["tensorInfos"], f, "hyllama");
  }
}

TEST_F(GgufExternal, TruncatedHeaderIsRejectedByHyllamaAndAnvil) {
  anvil::testing::TempDir dir("gguf_ext");
  const std::string bytes = serialize_gguf(testing::sample_gguf());
  const size_t cut = bytes.find("blk.0.q6_k") + 4;  // inside the last tensor info
  const std::string path = dir / "cut.gguf";
  write_file_atomic(path, bytes.substr(0, cut));
  const json got = read_external(path);
  EXPECT_TRUE(got["hyllama"].contains("error")) << got.dump().substr(0, 500);
  EXPECT_THROW(read_gguf(path), Error);
}

}  // namespace
}  // namespace anvil::io
