// End-to-end tests of the specialist commands: `anvil datagen --list / --specialist / --validate`
// and `anvil curate`, including their error paths (exit codes and file:line messages).
#include <gtest/gtest.h>

#include <filesystem>

#include "support/run_cli.h"

namespace anvil::testing {
namespace {

TEST(SpecialistCli, HelpAndList) {
  EXPECT_EQ(run_anvil("curate --help").exit_code, 0);
  const auto help = run_anvil("datagen --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.output.find("--specialist"), std::string::npos) << help.output;
  const auto list = run_anvil("datagen --list");
  EXPECT_EQ(list.exit_code, 0) << list.output;
  EXPECT_NE(list.output.find("36 specialists"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("copy_drill"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("copy_repeat"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("compare_drill"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("confidence_calibration"), std::string::npos);
}

TEST(SpecialistCli, AWeightedMixGivesEachItsShareAndABadWeightExitsWithTheEntry) {
  TempDir dir("spec-weights");
  const auto gen =
      run_anvil("datagen --specialist 'spam_detection,copy_repeat*2' -n 30 -o w.jsonl", dir.path());
  ASSERT_EQ(gen.exit_code, 0) << gen.output;
  const std::string text = read_text(dir / "w.jsonl");
  size_t repeats = 0;
  for (size_t p = text.find("\"specialist\":\"copy_repeat\""); p != std::string::npos;
       p = text.find("\"specialist\":\"copy_repeat\"", p + 1))
    ++repeats;
  EXPECT_EQ(repeats, 20u);
  const auto bad =
      run_anvil("datagen --specialist 'spam_detection,copy_repeat*0' -n 5 -o b.jsonl", dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.output.find("'copy_repeat*0' must be a whole number from 1 to 1000"),
            std::string::npos)
      << bad.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "b.jsonl"));
}

TEST(SpecialistCli, GenerateValidateCurate) {
  TempDir dir("spec-cli");
  auto gen =
      run_anvil("datagen --specialist all -n 330 --seed 3 --threads 2 -o s.jsonl", dir.path());
  ASSERT_EQ(gen.exit_code, 0) << gen.output;
  auto again =
      run_anvil("datagen --specialist all -n 330 --seed 3 --threads 1 -o t.jsonl", dir.path());
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(read_text(dir / "s.jsonl"), read_text(dir / "t.jsonl"));

  auto check = run_anvil("datagen --validate s.jsonl", dir.path());
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_NE(check.output.find("OK: 330/330 records valid"), std::string::npos) << check.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "s.jsonl.lengths.png"));

  // Append an exact copy of line 1: curate removes it and says so.
  const std::string text = read_text(dir / "s.jsonl");
  write_text(dir / "d.jsonl", text + text.substr(0, text.find('\n') + 1));
  auto cur = run_anvil("curate d.jsonl -o c.jsonl --max-per-specialist 5", dir.path());
  EXPECT_EQ(cur.exit_code, 0) << cur.output;
  EXPECT_NE(cur.output.find("removed 1 exact_duplicate"), std::string::npos) << cur.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "c.jsonl.report.json"));

  auto chat = run_anvil("datagen --specialist context_protocol -n 5 --format messages -o m.jsonl",
                        dir.path());
  EXPECT_EQ(chat.exit_code, 0) << chat.output;
  EXPECT_NE(read_text(dir / "m.jsonl").find("\"messages\":["), std::string::npos);
}

TEST(SpecialistCli, ErrorsNameTheProblem) {
  TempDir dir("spec-cli");
  auto unknown = run_anvil("datagen --specialist invoice_procesing -n 1 -o x.jsonl", dir.path());
  EXPECT_EQ(unknown.exit_code, 2) << unknown.output;
  EXPECT_NE(unknown.output.find("did you mean 'invoice_processing'"), std::string::npos)
      << unknown.output;
  write_text(dir / "bad.jsonl", "{\"specialist\":\"json_repair\"}\n");
  auto bad = run_anvil("datagen --validate bad.jsonl", dir.path());
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_NE(bad.output.find("bad.jsonl:1:"), std::string::npos) << bad.output;
  auto cur = run_anvil("curate bad.jsonl -o out.jsonl", dir.path());
  EXPECT_EQ(cur.exit_code, 1) << cur.output;
  EXPECT_NE(cur.output.find("bad.jsonl:1: missing key 'prompt'"), std::string::npos) << cur.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "out.jsonl"));
}

}  // namespace
}  // namespace anvil::testing
