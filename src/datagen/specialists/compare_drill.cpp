// compare_drill: an auxiliary skill for confidence_calibration. A few pairs of values (extensions,
// quantities, bin codes, invented words) and, for each pair, whether the two are the same. The
// steps copy each pair as confidence_calibration's do ("compare: 4068 / 4086") and decide on the
// next line ("same: no"); half the pairs that differ are near misses (one character changed, two
// swapped), so only reading every character of both decides. confidence_calibration's count hangs
// on this one test, which its own records exercise once per answer; mixed in, the drill gives it
// a few thousand records of its own (docs/specialists.md, docs/specialist-quality.md).
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "For each pair, say whether the two values are the same.",
    "Are the two values of each pair identical?",
    "Compare the values pair by pair: same or not?",
};

const InstructionParts kParts = {
    {"Compare", "Check", "Tell me about", "Go through"},
    {"each pair", "the pairs below", "these pairs of values", "the two values on each line"},
    {"", "", "same or not", "yes or no", "pair by pair", "as JSON"},
};

// A value like those confidence_calibration's lists print: an extension, a quantity, a bin code
// or, now and then, an invented word.
std::string random_value(Faker& f) {
  const int64_t kind = f.integer(0, 9);
  if (kind < 4) return std::to_string(f.integer(1000, 9999));
  if (kind < 8) return std::to_string(f.integer(0, 500));
  if (kind == 8) return f.letters(1) + "-" + std::to_string(f.integer(1, 40));
  return f.coined_name(1, 3);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// `v` with one character replaced by another of its kind (digit, lower-case or capital letter),
// or two neighbours of one kind that differ swapped; its shape kept (the capitals, the bin code's
// dash, no number starting with a zero). `v` itself when the place drawn is the dash.
std::string near_miss(Faker& f, const std::string& v) {
  std::string w = v;
  const size_t at = static_cast<size_t>(f.integer(0, static_cast<int64_t>(v.size()) - 1));
  const bool leads = at == 0 || v[at - 1] == '-';  // the first digit of a number
  const bool has_next = at + 1 < v.size();
  const bool one_kind = has_next && ((is_digit(v[at]) && is_digit(v[at + 1])) ||
                                     (is_lower(v[at]) && is_lower(v[at + 1])));
  if (f.chance(0.5) && one_kind && v[at] != v[at + 1] && !(leads && v[at + 1] == '0')) {
    std::swap(w[at], w[at + 1]);
    return w;
  }
  const char c = v[at];
  if (is_digit(c)) {
    const char first = leads && has_next && is_digit(v[at + 1]) ? '1' : '0';
    while (w[at] == c) w[at] = static_cast<char>(f.integer(first, '9'));
  } else if (is_lower(c)) {
    while (w[at] == c) w[at] = static_cast<char>(f.integer('a', 'z'));
  } else if (is_upper(c)) {
    while (w[at] == c) w[at] = static_cast<char>(f.integer('A', 'Z'));
  }
  return w;
}

// The second value of a pair: the first (half the pairs), a near miss of it, or another value.
std::string partner(Faker& f, const std::string& v) {
  if (f.chance(0.5)) return v;
  std::string w = f.chance(0.5) ? near_miss(f, v) : v;
  while (w == v) w = random_value(f);
  return w;
}

std::string pair_line(int layout, const std::string& a, const std::string& b) {
  if (layout == 0) return a + " / " + b;
  if (layout == 1) return a + " vs " + b;
  return "\"" + a + "\" and \"" + b + "\"";
}

void generate(Faker& f, Example* ex) {
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  const int64_t pairs = f.integer(3, 6);
  std::string doc;
  std::vector<bool> same;
  for (int64_t i = 0; i < pairs; ++i) {
    const std::string a = random_value(f);
    const std::string b = partner(f, a);
    doc += pair_line(ex->layout_id, a, b) + "\n";
    ex->work += compare_step(a, b);
    same.push_back(a == b);
  }
  doc.pop_back();
  ex->work.pop_back();
  compose_prompt(f, ex, kInstructions, kParts, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("same").begin_array();
  for (bool s : same) j.str(s ? "yes" : "no");
  j.end_array();
  j.end_object();
}

}  // namespace

SpecialistSpec compare_drill_spec() {
  return {
      "compare_drill",
      "3-6 pairs of values (3 layouts) -> whether the two of each pair are the same (auxiliary)",
      {{"same", FieldKind::kList}},
      &generate,
      /*auxiliary=*/true};
}

}  // namespace anvil::datagen::specialists
