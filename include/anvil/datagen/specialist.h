// Specialists: synthetic task generators for specialist language models (invoice processing,
// date normalization, SQL generation...). Each one invents facts, writes a realistic request or
// document containing them (several prompt templates and document layouts), and computes the
// exact structured answer from the facts, so every answer is right by construction. Each also
// declares the answer's fields and how to compare them, which is its validator
// (specialist_validator.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace anvil::datagen {

namespace fake {
class Faker;
}

// How a response field is compared after normalization (see specialist_validator.h).
enum class FieldKind {
  kText,        // string: case, surrounding space, inner runs of space and a final '.' ignored
  kExact,       // string: compared exactly after trimming (codes, ids, SQL keywords kept)
  kNumber,      // number (or numeric string), compared after rounding to 4 decimals
  kBool,        // true/false
  kSet,         // array, order ignored; partial credit by F1 over normalized elements
  kList,        // array, order matters; partial credit by matching positions
  kJson,        // any value, deep-normalized (object key order ignored), all or nothing
  kConfidence,  // number in [0,1], right within 0.1
  kUnscored,    // present in every response (e.g. a worked equation) but not scored
};

struct FieldRule {
  const char* name;
  FieldKind kind;
};

// One earlier exchange of a multi-turn example.
struct Turn {
  std::string user;
  std::string assistant;
};

// What a generator fills in. Buffers are reused across calls.
struct Example {
  std::string prompt;    // the full request, document included (multi-turn: the last user turn)
  std::string response;  // canonical JSON answer
  // Worked steps written before the answer, one per line: calculator calls "<<expr=result>>"
  // (datagen/calculator.h) for what the answer computes; empty for most specialists.
  std::string work;
  double confidence = 1.0;    // calibrated confidence of the answer, [0, 1]
  std::vector<Turn> history;  // earlier turns (context_protocol), usually empty
  int template_id = 0;        // which prompt template was used
  int layout_id = 0;          // which document layout was used

  void clear() {
    prompt.clear();
    response.clear();
    work.clear();
    confidence = 1.0;
    history.clear();
    template_id = 0;
    layout_id = 0;
  }
};

using GenerateFn = void (*)(fake::Faker& faker, Example* example);

struct SpecialistSpec {
  std::string name;               // snake_case, e.g. "invoice_processing"
  std::string description;        // one line, for `anvil datagen --list`
  std::vector<FieldRule> fields;  // the response's top-level fields, in canonical order
  GenerateFn generate;
  // A skill mixed into recipes to help the others (copy_drill), not a task of its own: scored and
  // listed, but left out of an evaluation's "overall".
  bool auxiliary = false;
};

// Every built-in specialist, in a fixed order (built once, immutable).
const std::vector<SpecialistSpec>& specialist_table();

// The specialist called `name`, or nullptr.
const SpecialistSpec* find_specialist(std::string_view name);

// A specialist of a data mix and its share: weight K gives it K records for every one record of
// a specialist of weight 1.
struct WeightedSpecialist {
  const SpecialistSpec* spec = nullptr;
  int64_t weight = 1;
};

// "all", one name, or a comma-separated list, where "name*K" (K = 1..1000) weights a name ->
// specs in table order for "all", else in the order given. Throws a usage error naming an unknown
// specialist (with a suggestion) or a bad weight.
std::vector<WeightedSpecialist> select_weighted_specialists(std::string_view names);

// The specialists of select_weighted_specialists, without their weights (which specialists a
// mix holds, not how many records of each).
std::vector<const SpecialistSpec*> select_specialists(std::string_view names);

// One cycle of a weighted mix, interleaved: record i of a dataset is of cycle[i % cycle.size()].
// {a, b*3} -> a b b b is spread as a b b b ... by rounds: (a b) (b) (b).
std::vector<const SpecialistSpec*> mix_cycle(const std::vector<WeightedSpecialist>& mix);

}  // namespace anvil::datagen
