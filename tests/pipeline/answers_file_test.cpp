// The answers file of `anvil eval --answers`: every line is JSON a strict reader accepts, also when
// the model wrote bytes that are not UTF-8 (a byte-level model that stopped inside a character),
// which used to abort the evaluation after every answer had been generated.
#include "anvil/pipeline/answers_file.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/run_cli.h"

namespace anvil::pipeline {
namespace {

AnswerOutcome outcome(const std::string& answer, double stated) {
  AnswerOutcome o;
  o.specialist = "compare_drill";
  o.answer = answer;
  o.reference = R"({"same":["yes"]})";
  o.score = 0.5;
  o.stated = stated;
  o.log_prob = -0.25;
  return o;
}

TEST(AnswersFile, BytesThatAreNotUtf8AreWrittenAsTheReplacementCharacter) {
  // A lead byte whose continuation is missing, and a continuation byte with no lead.
  const auto line = answer_json_line(outcome("caf\xC3 \x98ok", 0.9), std::nullopt);
  const auto j = nlohmann::json::parse(line);  // throws on invalid UTF-8
  EXPECT_EQ(j["answer"], "caf\xEF\xBF\xBD \xEF\xBF\xBDok");
  EXPECT_EQ(j["reference"], R"({"same":["yes"]})");
  EXPECT_DOUBLE_EQ(j["score"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(j["stated_confidence"].get<double>(), 0.9);
  EXPECT_NEAR(j["answer_probability"].get<double>(), std::exp(-0.25), 1e-12);
  EXPECT_FALSE(j.contains("served_confidence"));  // no calibration given

  // Generation that stopped inside a character leaves its first bytes at the very end.
  const auto cut = nlohmann::json::parse(answer_json_line(outcome("caf\xC3", -1), std::nullopt));
  EXPECT_EQ(cut["answer"], "caf\xEF\xBF\xBD");
}

TEST(AnswersFile, OneStrictJsonLinePerAnswerAndNullWhereNoConfidenceWasWritten) {
  testing::TempDir dir("answers-file");
  const std::string path = dir / "answers.jsonl";
  write_answers_file(path, {outcome("fine", 0.5), outcome("\xFF\xFE", -1), outcome("", -1)},
                     std::nullopt);
  std::istringstream lines(testing::read_text(path));
  std::vector<nlohmann::json> rows;
  for (std::string l; std::getline(lines, l);) rows.push_back(nlohmann::json::parse(l));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]["answer"], "fine");
  EXPECT_EQ(rows[1]["answer"], "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(rows[1]["stated_confidence"].is_null());
  EXPECT_EQ(rows[2]["answer"], "");
}

}  // namespace
}  // namespace anvil::pipeline
