// Tests for intent records: a full record, defaults, every malformed line (each message must say
// `file:LINE` and the problem), and loading with strict and skip modes.
#include "anvil/data/intent_record.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "anvil/core/error.h"

namespace anvil::data {
namespace {

constexpr const char* kGoodLine =
    R"({"text":"compute factorial of 5","intent":"factorial","level":5,"operand_count":1,)"
    R"("operands":[5,0,0,0],"program":"mov r1, 5\nhalt",)"
    R"("test_cases":[{"inputs":[5],"output":[120]},{"inputs":[3],"output":[6]}]})";

std::string write_temp(const std::string& name, const std::string& content) {
  const std::string path = (std::filesystem::path(testing::TempDir()) / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// Parses `line` as line 7 of data.jsonl; expects an error "data.jsonl:7: ..." containing `problem`.
void expect_bad(const std::string& line, const std::string& problem) {
  try {
    parse_intent_record(line, "data.jsonl", 7);
    FAIL() << "accepted: " << line;
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind("data.jsonl:7: ", 0), 0u) << message;
    EXPECT_NE(message.find(problem), std::string::npos)
        << "'" << problem << "' not in: " << message;
  }
}

// A valid minimal record with field `key` set to the raw JSON `value`, or removed if `value` is "".
std::string with_field(const std::string& key, const std::string& value) {
  std::vector<std::pair<std::string, std::string>> fields = {{"text", "\"add 2 and 3\""},
                                                             {"intent", "\"add\""},
                                                             {"operand_count", "2"},
                                                             {"operands", "[2,3,0,0]"}};
  auto it =
      std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == key; });
  if (it != fields.end()) fields.erase(it);
  if (!value.empty()) fields.emplace_back(key, value);
  std::string line = "{";
  for (const auto& [k, v] : fields) line += (line.size() > 1 ? "," : "") + ("\"" + k + "\":" + v);
  return line + "}";
}

TEST(IntentRecord, ParsesEveryField) {
  const IntentRecord r = parse_intent_record(kGoodLine, "data.jsonl", 1);
  EXPECT_EQ(r.text, "compute factorial of 5");
  EXPECT_EQ(r.intent, "factorial");
  EXPECT_EQ(r.level, 5);
  EXPECT_EQ(r.operand_count, 1);
  EXPECT_EQ(r.operands, (std::array<int64_t, 4>{5, 0, 0, 0}));
  EXPECT_EQ(r.program, "mov r1, 5\nhalt");
  ASSERT_EQ(r.test_cases.size(), 2u);
  EXPECT_EQ(r.test_cases[0].inputs, std::vector<int64_t>{5});
  EXPECT_EQ(r.test_cases[0].output, std::vector<int64_t>{120});
  EXPECT_EQ(r.test_cases[1].output, std::vector<int64_t>{6});
}

TEST(IntentRecord, OptionalFieldsDefaultWhenAbsentOrNull) {
  const IntentRecord r = parse_intent_record(with_field("level", ""), "d", 1);
  EXPECT_EQ(r.level, 0);
  EXPECT_EQ(r.program, "");
  EXPECT_TRUE(r.test_cases.empty());
  const IntentRecord n = parse_intent_record(
      R"({"text":"t","intent":"i","operand_count":0,"operands":[0,0,0,0],"level":null,)"
      R"("program":null,"test_cases":null,"unknown":{"x":[1]}})",
      "d", 1);
  EXPECT_EQ(n.level, 0);
  EXPECT_EQ(n.operands, (std::array<int64_t, 4>{0, 0, 0, 0}));
}

TEST(IntentRecord, KeepsUtf8TextAndLargeOperands) {
  const IntentRecord r =
      parse_intent_record(R"({"text":"négatif \u00e9","intent":"neg","operand_count":4,)"
                          R"("operands":[-9223372036854775808,9223372036854775807,-1,0]})",
                          "d", 1);
  EXPECT_EQ(r.text, "négatif é");
  EXPECT_EQ(r.operands[0], INT64_MIN);
  EXPECT_EQ(r.operands[1], INT64_MAX);
}

TEST(IntentRecordErrors, TruncatedLine) {
  expect_bad(std::string(kGoodLine).substr(0, 60), "invalid JSON (truncated or malformed line)");
}

TEST(IntentRecordErrors, InvalidJson) {
  expect_bad(R"({"text": compute})", "invalid JSON");
  expect_bad(R"({"text":"a",})", "invalid JSON");
}

TEST(IntentRecordErrors, NotAnObject) {
  expect_bad("[1,2,3]", "expected a JSON object, found an array of 3 values");
  expect_bad("\"text\"", "expected a JSON object, found a string \"text\"");
}

TEST(IntentRecordErrors, MissingEachRequiredField) {
  for (const char* key : {"text", "intent", "operand_count", "operands"}) {
    SCOPED_TRACE(key);
    expect_bad(with_field(key, ""), "missing required field '" + std::string(key) + "'");
  }
}

TEST(IntentRecordErrors, WrongTypes) {
  expect_bad(with_field("text", "42"), "field 'text' must be a string (found the number 42)");
  expect_bad(with_field("text", "\"\""), "field 'text' must be a non-empty string");
  expect_bad(with_field("intent", "[\"add\"]"), "field 'intent' must be a string (found an array");
  expect_bad(with_field("operand_count", "\"2\""),
             "field 'operand_count' must be an integer (found a string \"2\")");
  expect_bad(with_field("operand_count", "2.0"),
             "field 'operand_count' must be an integer (found the number 2.0)");
  expect_bad(with_field("level", "true"), "field 'level' must be an integer (found true)");
  expect_bad(with_field("program", "{}"), "field 'program' must be a string (found an object)");
  expect_bad(with_field("test_cases", "{}"), "field 'test_cases' must be an array of objects");
  expect_bad(with_field("test_cases", "[{\"inputs\":[1]}]"),
             "missing required field 'test_cases[0].output'");
  expect_bad(with_field("test_cases", "[{\"inputs\":[1,\"x\"],\"output\":[]}]"),
             "field 'test_cases[0].inputs' must be an array of integers (found a string \"x\" at "
             "index 1)");
}

TEST(IntentRecordErrors, OperandsOfLengthThree) {
  expect_bad(with_field("operands", "[1,2,3]"),
             "field 'operands' must be an array of 4 integers (found an array of 3 values)");
  expect_bad(with_field("operands", "7"),
             "field 'operands' must be an array of 4 integers (found the number 7)");
}

TEST(IntentRecordErrors, NonIntegerOperand) {
  expect_bad(with_field("operands", "[1,2.5,3,4]"),
             "field 'operands' must be an array of 4 integers (found the number 2.5 at index 1)");
  expect_bad(with_field("operands", "[1,2,3,9223372036854775808]"), "at index 3");
}

TEST(IntentRecordErrors, InvalidUtf8InText) {
  expect_bad(
      "{\"text\":\"bad \xff byte\",\"intent\":\"x\",\"operand_count\":0,"
      "\"operands\":[0,0,0,0]}",
      "invalid UTF-8 in 'text' at column 14");
  expect_bad(
      "{\"text\":\"ok\",\"intent\":\"x\",\"operand_count\":0,\"operands\":[0,0,0,0],"
      "\"program\":\"\xc3\"}",
      "invalid UTF-8 in 'program'");
}

TEST(IntentRecordErrors, OperandCountOutOfRange) {
  expect_bad(with_field("operand_count", "7"), "field 'operand_count' is 7, outside 0..4");
  expect_bad(with_field("operand_count", "-1"), "field 'operand_count' is -1, outside 0..4");
}

// ---------------------------------------------------------------------------------------------
// Loading a file

const std::string kMixedFile = std::string(kGoodLine) + "\n" +          // line 1
                               "\n" +                                   // line 2 (blank)
                               R"({"text":"x","intent":"y"})" + "\n" +  // line 3: missing fields
                               kGoodLine + "\r\n" +                     // line 4
                               "[]\n" +                                 // line 5: not an object
                               kGoodLine;                               // line 6, no newline

TEST(LoadIntentRecords, StrictModeThrowsAtFirstBadLineWithItsTrueNumber) {
  const std::string path = write_temp("mixed_strict.jsonl", kMixedFile);
  try {
    load_intent_records(path);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(path + ":3: missing required field 'operand_count'"),
              std::string::npos)
        << e.what();
  }
}

TEST(LoadIntentRecords, SkipModeCountsAndKeepsFirstErrors) {
  const std::string path = write_temp("mixed_skip.jsonl", kMixedFile);
  LoadReport report;
  const auto records = load_intent_records(path, {/*skip_errors=*/true}, &report);
  EXPECT_EQ(records.size(), 3u);
  EXPECT_EQ(report.loaded, 3u);
  EXPECT_EQ(report.skipped, 2u);
  ASSERT_EQ(report.first_errors.size(), 2u);
  EXPECT_NE(report.first_errors[0].find(":3: "), std::string::npos);
  EXPECT_NE(report.first_errors[1].find(":5: expected a JSON object"), std::string::npos);

  LoadOptions capped;
  capped.skip_errors = true;
  capped.max_reported_errors = 1;
  load_intent_records(path, capped, &report);
  EXPECT_EQ(report.skipped, 2u);
  EXPECT_EQ(report.first_errors.size(), 1u);
}

TEST(LoadIntentRecords, MaxRecordsStopsEarly) {
  const std::string path =
      write_temp("many.jsonl", std::string(kGoodLine) + "\n" + kGoodLine + "\n" + kGoodLine);
  LoadOptions options;
  options.max_records = 2;
  EXPECT_EQ(load_intent_records(path, options).size(), 2u);
}

TEST(LoadIntentRecords, EmptyDatasetIsAnError) {
  const std::string empty = write_temp("empty_records.jsonl", "\n\n");
  try {
    load_intent_records(empty);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(empty + " contains no records"), std::string::npos);
  }
  const std::string all_bad = write_temp("all_bad.jsonl", "{}\n[]\n");
  LoadReport report;
  try {
    load_intent_records(all_bad, {/*skip_errors=*/true}, &report);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("contains no records (2 bad lines skipped; first: "),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(report.skipped, 2u);
}

TEST(LoadIntentRecords, MissingFileNamesThePath) {
  EXPECT_THROW(load_intent_records("/nonexistent/records.jsonl"), Error);
}

}  // namespace
}  // namespace anvil::data
