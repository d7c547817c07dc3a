// Scoring a model's answer against a specialist record: the output's JSON object (found inside
// whatever text the model wrote) is compared with the record's canonical response field by field,
// each field normalized according to its FieldKind. This is the evaluation used on trained
// specialists, and `anvil datagen --validate` checks every record's own response with it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "anvil/datagen/specialist.h"

namespace anvil::datagen {

struct FieldScore {
  std::string field;
  double score = 0;      // 1 = exact match after normalization; partial for kSet/kList
  std::string expected;  // normalized expected value (canonical JSON)
  std::string got;       // normalized output value, or "<missing>"
};

struct ValidationResult {
  bool parsed = false;  // the output held a JSON object
  std::string error;    // why it did not parse
  double score = 0;     // mean of field scores, 0 if not parsed
  std::vector<FieldScore> fields;
};

// Scores `output` (a model's text, or a bare JSON object) against `expected_response`.
// Throws anvil::Error if `expected_response` itself is not a JSON object with every declared
// field (a broken record, not a wrong answer).
ValidationResult score_output(const SpecialistSpec& spec, std::string_view expected_response,
                              std::string_view output);

// The first balanced {...} in `text` (strings and escapes respected), or "" if none.
std::string_view extract_json_object(std::string_view text);

// The specialist whose declared fields are exactly the top-level keys of the first JSON object in
// `output` (what a model answered as, whatever it was asked), or nullptr when the text holds no
// such object or no specialist (auxiliary ones aside) has those fields.
const SpecialistSpec* specialist_of_answer(std::string_view output);

// Checks a response against its spec: a JSON object with exactly the declared fields, in the
// declared order, each of a type its kind accepts. Returns "" or what is wrong.
std::string check_response_shape(const SpecialistSpec& spec, std::string_view response);

}  // namespace anvil::datagen
