// IntentRecord: one example of the intent classifier's training data, as the data generator writes
// it, one JSON object per line:
//   {"text":"compute factorial of 5","intent":"factorial","level":5,"operand_count":1,
//    "operands":[5,0,0,0],"program":"mov r1, 5\n...",
//    "test_cases":[{"inputs":[5],"output":[120]},{"inputs":[3],"output":[6]}]}
// Parsing is strict and every error reads `path:LINE: problem`.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace anvil::data {

inline constexpr int kIntentMaxOperands = 4;

struct TestCase {
  std::vector<int64_t> inputs;
  std::vector<int64_t> output;
};

struct IntentRecord {
  std::string text;                                    // required, non-empty, valid UTF-8
  std::string intent;                                  // required
  int level = 0;                                       // optional, default 0
  int operand_count = 0;                               // required, 0..kIntentMaxOperands
  std::array<int64_t, kIntentMaxOperands> operands{};  // required, exactly 4 integers
  std::string program;                                 // optional, default ""
  std::vector<TestCase> test_cases;                    // optional, default empty
};

// Parses one line. `path` and `line_no` only label errors. Optional fields may also be null.
// Unknown fields are ignored. Throws anvil::Error "path:LINE: problem" on invalid JSON (e.g. a
// truncated line), a non-object, a missing required field, a wrong type, invalid UTF-8 (naming
// the field) or an out-of-range operand_count. Reuses a per-thread parser.
IntentRecord parse_intent_record(std::string_view json_line, const std::string& path,
                                 size_t line_no);

struct LoadOptions {
  bool skip_errors = false;         // false: the first bad line throws; true: skip and count it
  size_t max_records = 0;           // stop after this many records; 0 = no limit
  size_t max_reported_errors = 10;  // how many messages LoadReport::first_errors keeps
};

struct LoadReport {
  size_t loaded = 0;
  size_t skipped = 0;                     // bad lines skipped (skip_errors only)
  std::vector<std::string> first_errors;  // the first max_reported_errors messages
};

// Loads every record of the JSONL file at `path` (blank lines ignored). Fills `report` if given,
// even when it then throws for an empty result. Throws anvil::Error if the file cannot be read,
// on the first bad line unless options.skip_errors, and when no record at all was loaded
// ("PATH contains no records ...").
std::vector<IntentRecord> load_intent_records(const std::string& path,
                                              const LoadOptions& options = {},
                                              LoadReport* report = nullptr);

}  // namespace anvil::data
