// Out-of-domain requests: the five categories and their mixture per split.
#include "anvil/datagen/out_of_domain.h"

#include <array>

#include "anvil/core/error.h"
#include "anvil/core/rng.h"
#include "anvil/datagen/intents.h"
#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_generator.h"
#include "anvil/datagen/specialist_record.h"

namespace anvil::datagen {
namespace {

constexpr int64_t kMaxOperandsInAnyIntent = 4;

std::string random_word(Rng& rng, const std::string& alphabet, int64_t min_len, int64_t max_len) {
  std::string w;
  const int64_t len = rng.uniform_int(min_len, max_len);
  for (int64_t i = 0; i < len; ++i)
    w += alphabet[static_cast<size_t>(rng.uniform_int(0, static_cast<int64_t>(alphabet.size()) - 1))];
  return w;
}

// Code points of a script as UTF-8 (Cyrillic, Greek, CJK, Hangul).
std::string random_script_text(Rng& rng) {
  static const std::array<std::pair<uint32_t, uint32_t>, 4> kRanges = {
      {{0x430, 0x44F}, {0x3B1, 0x3C9}, {0x4E00, 0x4FFF}, {0xAC00, 0xAD00}}};
  const auto& [lo, hi] = kRanges[static_cast<size_t>(rng.uniform_int(0, kRanges.size() - 1))];
  std::string s;
  const int64_t chars = rng.uniform_int(1, 40);
  for (int64_t i = 0; i < chars; ++i) {
    const auto cp = static_cast<uint32_t>(rng.uniform_int(lo, hi));
    if (rng.bernoulli(0.15)) s += ' ';
    if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
    } else {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

std::string random_text(Rng& rng) {
  static const std::string kLower = "abcdefghijklmnopqrstuvwxyz";
  static const std::string kBase64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  switch (rng.uniform_int(0, 3)) {
    case 0: {  // gibberish words
      std::string s;
      const int64_t words = rng.uniform_int(1, 12);
      for (int64_t i = 0; i < words; ++i) s += (i ? " " : "") + random_word(rng, kLower, 2, 9);
      return s;
    }
    case 1: {  // printable ASCII noise
      std::string s;
      const int64_t len = rng.uniform_int(1, 200);
      for (int64_t i = 0; i < len; ++i) s += static_cast<char>(rng.uniform_int(0x20, 0x7E));
      return s;
    }
    case 2:  // base64, now and then tens of kilobytes of it
      return random_word(rng, kBase64, 4, rng.bernoulli(0.02) ? 30000 : 600);
    default:
      return random_script_text(rng);
  }
}

std::string blank(Rng& rng) {
  static const std::vector<std::string> kBlank = {"", " ", "\t", "\n", "   ", " \t \n ", "\r\n"};
  return rng.choice(kBlank);
}

// The 33 tasks' specialists, in table order: what requests to a specialist look like (auxiliary
// drills added to the table leave the out-of-domain records as they were).
const std::vector<const SpecialistSpec*>& task_specialists() {
  static const std::vector<const SpecialistSpec*> kTasks = [] {
    std::vector<const SpecialistSpec*> v;
    for (const SpecialistSpec& spec : specialist_table())
      if (!spec.auxiliary) v.push_back(&spec);
    return v;
  }();
  return kTasks;
}

std::string specialist_prompt(OodSplit split, Rng& rng, std::string* source) {
  const auto& tasks = task_specialists();
  // Training draws even-numbered specialists (17 of the 33), evaluation the odd-numbered ones.
  const bool evaluation = split == OodSplit::kEvaluation;
  const int64_t count = (static_cast<int64_t>(tasks.size()) + (evaluation ? 0 : 1)) / 2;
  const int64_t index = 2 * rng.uniform_int(0, count - 1) + (evaluation ? 1 : 0);
  Example example;
  const SpecialistSpec& spec = *tasks[static_cast<size_t>(index)];
  *source = spec.name;
  generate_specialist_example(spec, rng.next_u64(), 0, &example);
  return example.prompt;
}

const IntentSpec& intent_with_operands(Rng& rng) {
  static const std::vector<const IntentSpec*> kWithOperands = [] {
    std::vector<const IntentSpec*> v;
    for (const auto& spec : intent_table())
      if (spec.operand_count > 0) v.push_back(&spec);
    return v;
  }();
  return *rng.choice(kWithOperands);
}

// A phrasing whose operands are replaced by a vague filler: "compute factorial of a number".
std::string no_numbers(Rng& rng, std::string* source) {
  static const std::vector<std::string> kFillers = {"", "a number", "it", "some value",
                                                    "the number", "that", "x", "them"};
  const IntentSpec& spec = intent_with_operands(rng);
  *source = spec.name;
  const std::string& phrasing = rng.choice(spec.phrasings);
  std::string s;
  for (size_t i = 0; i < phrasing.size(); ++i) {
    if (phrasing[i] == '{') {
      const size_t close = phrasing.find('}', i);
      if (close != std::string::npos) {
        s += rng.choice(kFillers);
        i = close;
        continue;
      }
    }
    s += phrasing[i];
  }
  // Collapse the double spaces an empty filler leaves.
  std::string out;
  for (char c : s)
    if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // Typed as the in-domain requests are (generator.cpp), so case and "please" tell nothing.
  return vary_surface(out.empty() ? spec.name : out, rng);
}

// A filled phrasing followed by enough extra numbers that no intent takes them all.
std::string too_many_numbers(Rng& rng, std::string* source) {
  static const std::vector<std::string> kJoins = {" and ", ", ", " then ", " plus ", " with "};
  const IntentSpec& spec = intent_with_operands(rng);
  *source = spec.name;
  std::string s = render_phrasing(rng.choice(spec.phrasings), spec.sample(rng));
  const int64_t extra = kMaxOperandsInAnyIntent + 1 - spec.operand_count + rng.uniform_int(0, 3);
  for (int64_t i = 0; i < extra; ++i) s += rng.choice(kJoins) + std::to_string(rng.uniform_int(-50, 999));
  return vary_surface(std::move(s), rng);
}

}  // namespace

const char* ood_category_name(OodCategory category) {
  switch (category) {
    case OodCategory::kRandomText:
      return "random_text";
    case OodCategory::kBlank:
      return "blank";
    case OodCategory::kSpecialist:
      return "specialist";
    case OodCategory::kNoNumbers:
      return "no_numbers";
    case OodCategory::kTooManyNumbers:
      return "too_many_numbers";
  }
  return "?";
}

OodRequest sample_out_of_domain(OodSplit split, Rng& rng) {
  OodRequest r;
  if (split == OodSplit::kEvaluation) {
    r.category = static_cast<OodCategory>(rng.uniform_int(0, kOodCategories - 1));
  } else {  // training: 30% random text, 30% specialist prompts, 20% each near-miss, no blanks
    const double u = rng.uniform();
    r.category = u < 0.3   ? OodCategory::kRandomText
                 : u < 0.6 ? OodCategory::kSpecialist
                 : u < 0.8 ? OodCategory::kNoNumbers
                           : OodCategory::kTooManyNumbers;
  }
  switch (r.category) {
    case OodCategory::kRandomText:
      r.text = random_text(rng);
      break;
    case OodCategory::kBlank:
      r.text = blank(rng);
      break;
    case OodCategory::kSpecialist:
      r.text = specialist_prompt(split, rng, &r.source);
      break;
    case OodCategory::kNoNumbers:
      r.text = no_numbers(rng, &r.source);
      break;
    case OodCategory::kTooManyNumbers:
      r.text = too_many_numbers(rng, &r.source);
      break;
  }
  return r;
}

std::vector<OodRequest> generate_out_of_domain(const OodOptions& options) {
  if (options.n < 0) throw usage_error("out-of-domain set: n must be >= 0, got " + std::to_string(options.n));
  Rng rng(options.seed);
  std::vector<OodRequest> out;
  out.reserve(static_cast<size_t>(options.n));
  for (int64_t i = 0; i < options.n; ++i) {
    Rng item = rng.fork(static_cast<uint64_t>(i));
    out.push_back(sample_out_of_domain(options.split, item));
  }
  return out;
}

}  // namespace anvil::datagen
