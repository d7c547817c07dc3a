// `anvil export onnx` on inputs it must refuse: a folder that holds no model, a path that does not
// exist, and models that fail to load after being recognised. Each exits non-zero with an error
// naming the path, writes no file and leaves an existing .onnx (and its card) untouched.
#include <gtest/gtest.h>

#include <filesystem>

#include "anvil/core/fs.h"
#include "anvil/io/safetensors.h"
#include "support/run_cli.h"

namespace anvil::interop {
namespace {

using testing::read_text;
using testing::run_anvil;
using testing::TempDir;
using testing::write_text;

TEST(OnnxExport, FolderWithoutAModelIsAUsageErrorAndWritesNothing) {
  TempDir dir("onnx_export");
  ensure_directory(dir / "notes");
  write_text(dir / "notes/readme.txt", "not a model");
  const auto r = run_anvil("export onnx --model notes -o out.onnx", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("notes: not a model anvil can export to ONNX"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("config.json"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "out.onnx"));
  EXPECT_FALSE(std::filesystem::exists(dir / "out.README.md"));
}

TEST(OnnxExport, MissingPathAndSafetensorsWithoutAnvilMetadataAreRefused) {
  TempDir dir("onnx_export");
  auto r = run_anvil("export onnx --model nowhere -o out.onnx", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("nowhere: no such file or folder"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("given with --model"), std::string::npos) << r.output;
  // A safetensors file from elsewhere: tensors but no anvil.model metadata.
  ensure_directory(dir / "foreign");
  io::write_safetensors(dir / "foreign/model.safetensors",
                        {{"w", io::DType::kF32, {1}, std::string(4, '\0')}});
  r = run_anvil("export onnx --model foreign -o out.onnx", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("not a model anvil can export to ONNX"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "out.onnx"));
}

TEST(OnnxExport, FailedExportLeavesTheExistingFileUntouched) {
  TempDir dir("onnx_export");
  write_text(dir / "good.onnx", "previous good export");
  write_text(dir / "good.README.md", "previous card");
  // Recognised as a classifier (anvil.model metadata), but the metadata is not a model config.
  ensure_directory(dir / "broken_classifier");
  io::write_safetensors(dir / "broken_classifier/model.safetensors",
                        {{"w", io::DType::kF32, {1}, std::string(4, '\0')}},
                        {{"anvil.model", "{not json"}, {"anvil.intents", "[]"}});
  auto r = run_anvil("export onnx --model broken_classifier -o good.onnx", dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("broken_classifier/model.safetensors"), std::string::npos) << r.output;
  // Recognised as a language model (config.json), but the config is not one.
  ensure_directory(dir / "broken_lm");
  write_text(dir / "broken_lm/config.json", "{\"architectures\": [\"LlamaForCausalLM\"]}");
  r = run_anvil("export onnx --model broken_lm -o good.onnx", dir.path());
  EXPECT_NE(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("broken_lm"), std::string::npos) << r.output;
  EXPECT_EQ(read_text(dir / "good.onnx"), "previous good export");
  EXPECT_EQ(read_text(dir / "good.README.md"), "previous card");
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos)
        << "temporary file left behind: " << e.path();
}

TEST(OnnxExport, OutputThatIsAFolderIsAUsageError) {
  TempDir dir("onnx_export");
  ensure_directory(dir / "out");
  const auto r = run_anvil("export onnx --model anything -o out", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("output path out is a folder"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("-o FILE.onnx"), std::string::npos) << r.output;  // the CLI's hint
}

}  // namespace
}  // namespace anvil::interop
