// Intents: the things a user can ask the "natural language -> program" model for. Each intent
// knows how to phrase a request in English, how to sample sensible operands, the register-machine
// program that answers it, and an independent C++ reference that says what the answer must be.
//
// Curriculum levels: 1 arithmetic and moves, 2 conditionals and loops, 3 memory and arrays,
// 4 functions, stack and recursion, 5 algorithms. Level 0 is reserved for intents that only exist
// in an annotated program library (see nl_library.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "anvil/core/rng.h"

namespace anvil::datagen {

constexpr int kMaxOperands = 4;
constexpr int kNumLevels = 5;

// Draws operand_count operands from ranges that keep the program fast and the answer meaningful.
using OperandSampler = std::vector<int64_t> (*)(Rng& rng);
// Computes the expected output list from the operands, without the register machine.
using ReferenceFn = std::vector<int64_t> (*)(const std::vector<int64_t>& operands);

struct IntentSpec {
  std::string name;   // snake_case label, e.g. "factorial"
  int level = 0;      // curriculum level 1..5
  int operand_count;  // 0..kMaxOperands
  // >= 5 English phrasings; "{k}" is replaced by operand k (decimal, '-' for negatives).
  std::vector<std::string> phrasings;
  // Program body in the ISA (isa.h): reads operand k from register r(k+1), emits with `out`.
  std::string body;
  OperandSampler sample;
  ReferenceFn reference;
};

// All built-in intents, grouped by level (built once, immutable).
const std::vector<IntentSpec>& intent_table();

// The intent called `name`, or nullptr.
const IntentSpec* find_intent(std::string_view name);

// "mov r1, <op0>\n" ... for each operand, followed by the body.
std::string instantiate_program(const IntentSpec& intent, const std::vector<int64_t>& operands);

// The phrasing with "{k}" replaced by operands[k]. Throws anvil::Error on a placeholder whose
// index has no operand.
std::string render_phrasing(std::string_view phrasing, const std::vector<int64_t>& operands);

// `text` as people also type it: "please" in front (10%, not before a question) or else at the
// end (10%; neither where the text says "please" already), a closing "?" or "." where none is
// (25%), the first letter capitalised (30%). Words and numbers are kept, so the operands stay in
// order. Draws the same number of values from `rng` whatever it changes.
std::string vary_surface(std::string text, Rng& rng);

// Appends the decimal form of `value` to `out` (no locale, no iostreams).
void append_int(std::string& out, int64_t value);

}  // namespace anvil::datagen
