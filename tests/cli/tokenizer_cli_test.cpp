// End-to-end tests of `anvil tokenizer`: help for each subcommand, train -> info -> encode ->
// decode on a tiny JSONL file (exact bytes back), and the usage errors.
#include <gtest/gtest.h>

#include "support/run_cli.h"

namespace anvil::testing {
namespace {

TEST(TokenizerCli, HelpForEverySubcommand) {
  for (const char* cmd : {"encode", "decode", "train", "info"}) {
    auto h = run_anvil(std::string("tokenizer ") + cmd + " --help");
    EXPECT_EQ(h.exit_code, 0) << cmd << ": " << h.output;
  }
}

TEST(TokenizerCli, TrainInfoEncodeDecodeRoundTrip) {
  TempDir dir("tokcli");
  std::string jsonl;
  for (int i = 0; i < 50; ++i)
    jsonl +=
        "{\"text\": \"the quick brown fox jumps over the lazy dog " + std::to_string(i) + "\"}\n";
  write_text(dir / "train.jsonl", jsonl);
  auto t = run_anvil(
      "tokenizer train -q --input train.jsonl --vocab-size 300 --special "
      "'<|endoftext|>' -o tok.json",
      dir.path());
  ASSERT_EQ(t.exit_code, 0) << t.output;
  EXPECT_NE(t.output.find("wrote tok.json: "), std::string::npos) << t.output;
  auto info = run_anvil("tokenizer info -t tok.json", dir.path());
  EXPECT_EQ(info.exit_code, 0) << info.output;
  EXPECT_NE(info.output.find("<|endoftext|>"), std::string::npos) << info.output;

  write_text(dir / "input.bin", std::string("the lazy fox\x01\xff\n<|endoftext|>", 28));
  auto e = run_anvil("tokenizer encode -t tok.json -i input.bin > ids.txt", dir.path());
  ASSERT_EQ(e.exit_code, 0) << e.output;
  auto d = run_anvil("tokenizer decode -t tok.json < ids.txt > back.bin", dir.path());
  ASSERT_EQ(d.exit_code, 0) << d.output;
  EXPECT_EQ(read_text(dir / "back.bin"), read_text(dir / "input.bin"));
}

TEST(TokenizerCli, MistakesAreUsageErrors) {
  TempDir dir("tokcli-err");
  EXPECT_EQ(run_anvil("tokenizer").exit_code, 2);
  EXPECT_EQ(run_anvil("tokenizer encode hello").exit_code, 2);  // no tokenizer given
  auto p = run_anvil("tokenizer train --input x.jsonl --pattern bert", dir.path());
  EXPECT_EQ(p.exit_code, 2);
  EXPECT_NE(p.output.find("unknown pre-tokenizer pattern 'bert'"), std::string::npos) << p.output;
  auto missing = run_anvil("tokenizer info -t missing.json", dir.path());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.output.find("missing.json"), std::string::npos) << missing.output;
}

}  // namespace
}  // namespace anvil::testing
