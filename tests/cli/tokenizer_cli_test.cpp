// End-to-end tests of `anvil tokenizer`: help for each subcommand, train -> info -> encode ->
// decode on a tiny JSONL file (exact bytes back), and the usage errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <sstream>

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

  // A special token spelled in the text is plain text unless --parse-special asks for its id.
  const std::string eos_id = [&] {
    auto ids = run_anvil("tokenizer encode -t tok.json --parse-special '<|endoftext|>'", dir.path());
    EXPECT_EQ(ids.exit_code, 0) << ids.output;
    return ids.output.substr(0, ids.output.find_first_of(" \n"));
  }();
  auto plain = run_anvil("tokenizer encode -t tok.json 'a<|endoftext|>b'", dir.path());
  ASSERT_EQ(plain.exit_code, 0) << plain.output;
  std::istringstream words(plain.output);
  std::vector<std::string> ids{std::istream_iterator<std::string>(words), {}};
  EXPECT_GT(ids.size(), 3u) << plain.output;
  EXPECT_EQ(std::count(ids.begin(), ids.end(), eos_id), 0) << plain.output << " vs id " << eos_id;
  auto parsed = run_anvil("tokenizer encode -t tok.json --parse-special 'a<|endoftext|>b'",
                          dir.path());
  EXPECT_NE(parsed.output.find(" " + eos_id + " "), std::string::npos) << parsed.output;
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
