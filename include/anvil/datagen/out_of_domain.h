// Requests the intent classifier must not answer: random text, blank requests, prompts written
// for the specialist language models, and near-misses (a known request with its numbers taken
// out, or with more numbers than any intent takes). The pipeline trains a "none" class on one
// seeded draw (DatagenOptions::negatives) and measures abstention on another that training never
// sees: a different seed, and specialist prompts only from specialists held out of training.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace anvil {
class Rng;
}

namespace anvil::datagen {

// The label of training negatives; not an intent, it has no program.
inline constexpr const char* kNoIntent = "none";

enum class OodCategory { kRandomText, kBlank, kSpecialist, kNoNumbers, kTooManyNumbers };
inline constexpr int kOodCategories = 5;

// "random_text", "blank", "specialist", "no_numbers", "too_many_numbers".
const char* ood_category_name(OodCategory category);

struct OodRequest {
  std::string text;
  OodCategory category = OodCategory::kRandomText;
  std::string source;  // the specialist or intent it was made from ("" for random and blank)
};

// Which half of the out-of-domain distribution a draw comes from.
enum class OodSplit {
  kTraining,    // no blank requests (the classifier never sees them); even-numbered specialists
  kEvaluation,  // every category in equal parts; odd-numbered (held-out) specialists
};

struct OodOptions {
  int64_t n = 2000;
  uint64_t seed = 4242;
  OodSplit split = OodSplit::kEvaluation;
};

// `options.n` requests; the same options give the same requests.
std::vector<OodRequest> generate_out_of_domain(const OodOptions& options);

// One request of `split` drawn from `rng` (what generate_out_of_domain does n times).
OodRequest sample_out_of_domain(OodSplit split, Rng& rng);

}  // namespace anvil::datagen
