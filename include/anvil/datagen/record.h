// One line of a datagen JSONL dataset and its JSON form. Keys are written in exactly this order:
//   {"text":..., "intent":..., "level":..., "operand_count":..., "operands":[4 ints],
//    "program":..., "test_cases":[{"inputs":[...],"output":[...]}, ...]}
#pragma once

#include "anvil/core/json_string.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace anvil::datagen {

struct TestCase {
  std::vector<int64_t> inputs;  // the operands (operand_count values, unpadded)
  std::vector<int64_t> output;  // what the program prints for them
};

struct Record {
  std::string text;    // the natural-language request
  std::string intent;  // intent label
  int level = 0;       // curriculum level 1..5; 0 for library-only intents
  int operand_count = 0;
  std::array<int64_t, 4> operands{};  // padded with 0
  std::string program;                // the instantiated program (operands baked in)
  std::vector<TestCase> test_cases;   // [0] is the record's own operands
};

// The record as one JSON object, no trailing newline.
std::string record_to_json(const Record& record);

// Appends the JSON object to `out` (reuses its capacity; what the generator calls).
void append_record_json(const Record& record, std::string* out);

// JSON string literals: the shared core escaper (anvil/core/json_string.h).
using anvil::append_json_string;

}  // namespace anvil::datagen
