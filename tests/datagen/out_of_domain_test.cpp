// Out-of-domain requests: deterministic per seed, every category present in the evaluation split
// and no blanks in the training split, specialist prompts of the two splits from disjoint
// specialists, near-misses that really lack numbers or carry too many, and training negatives in
// datagen files that the record loader reads back.
#include "anvil/datagen/out_of_domain.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "anvil/core/error.h"
#include "anvil/core/utf8.h"
#include "anvil/data/intent_record.h"
#include "anvil/data/number_spans.h"
#include "anvil/datagen/generator.h"
#include "anvil/datagen/intents.h"
#include "anvil/datagen/specialist.h"
#include "support/run_cli.h"

namespace anvil::datagen {
namespace {

TEST(OutOfDomain, SameSeedSameRequestsOtherSeedOtherRequests) {
  auto a = generate_out_of_domain({300, 5, OodSplit::kEvaluation});
  auto b = generate_out_of_domain({300, 5, OodSplit::kEvaluation});
  auto c = generate_out_of_domain({300, 6, OodSplit::kEvaluation});
  ASSERT_EQ(a.size(), 300u);
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].text, b[i].text);
    same += a[i].text == c[i].text;
  }
  EXPECT_LT(same, 40u);  // only blanks can coincide
}

TEST(OutOfDomain, EvaluationHasEveryCategoryTrainingHasNoBlanks) {
  std::map<OodCategory, int> eval, train;
  for (const auto& r : generate_out_of_domain({2000, 1, OodSplit::kEvaluation})) ++eval[r.category];
  for (const auto& r : generate_out_of_domain({2000, 1, OodSplit::kTraining})) {
    ++train[r.category];
    EXPECT_FALSE(r.text.empty());
    EXPECT_TRUE(is_valid_utf8(r.text)) << r.text;
  }
  ASSERT_EQ(eval.size(), static_cast<size_t>(kOodCategories));
  for (const auto& [category, n] : eval) EXPECT_GT(n, 300) << ood_category_name(category);
  EXPECT_EQ(train.count(OodCategory::kBlank), 0u);
  EXPECT_GT(train[OodCategory::kSpecialist], 450);
}

TEST(OutOfDomain, SpecialistPromptsOfTheTwoSplitsComeFromDisjointSpecialists) {
  std::set<std::string> train, eval;
  for (const auto& r : generate_out_of_domain({3000, 2, OodSplit::kTraining}))
    if (r.category == OodCategory::kSpecialist) train.insert(r.source);
  for (const auto& r : generate_out_of_domain({3000, 2, OodSplit::kEvaluation}))
    if (r.category == OodCategory::kSpecialist) eval.insert(r.source);
  EXPECT_GE(train.size(), 10u);
  EXPECT_GE(eval.size(), 10u);
  for (const auto& name : eval) EXPECT_EQ(train.count(name), 0u) << name;
  // The 33 tasks in table order: the even-numbered 17 train, the odd-numbered 16 evaluate; no
  // auxiliary drill (no request looks like one).
  std::set<std::string> even, odd;
  for (const auto& spec : specialist_table()) {
    if (spec.auxiliary) continue;
    (even.size() == odd.size() ? even : odd).insert(spec.name);
  }
  EXPECT_EQ(even.size(), 17u);
  EXPECT_EQ(train, even);
  EXPECT_EQ(eval, odd);
}

TEST(OutOfDomain, NearMissesLackNumbersOrCarryTooMany) {
  for (const auto& r : generate_out_of_domain({2000, 3, OodSplit::kEvaluation})) {
    const auto numbers = data::find_numbers(r.text, 64).size();
    if (r.category == OodCategory::kNoNumbers) {
      const IntentSpec* spec = find_intent(r.source);
      ASSERT_NE(spec, nullptr) << r.source;
      EXPECT_LT(static_cast<int>(numbers), spec->operand_count) << r.text;
    } else if (r.category == OodCategory::kTooManyNumbers) {
      EXPECT_GT(numbers, 4u) << r.text;
    }
  }
}

TEST(OutOfDomain, DatagenNegativesAreNoneRecordsTheLoaderReads) {
  anvil::testing::TempDir dir("ood");
  DatagenOptions o;
  o.n = 2000;
  o.seed = 9;
  o.negatives = 0.2;
  o.output = dir / "with.jsonl";
  auto report = generate_dataset(o);
  auto records = data::load_intent_records(o.output);
  int64_t none = 0;
  for (const auto& r : records) {
    if (r.intent != kNoIntent) continue;
    ++none;
    EXPECT_EQ(r.operand_count, 0);
    EXPECT_TRUE(r.program.empty());
  }
  EXPECT_EQ(none, report.negatives);
  EXPECT_NEAR(static_cast<double>(none) / 2000, 0.2, 0.03);
  o.negatives = 0;
  o.output = dir / "without.jsonl";
  EXPECT_EQ(generate_dataset(o).negatives, 0);
  for (const auto& r : data::load_intent_records(o.output)) EXPECT_NE(r.intent, kNoIntent);
  o.negatives = 0.9;
  EXPECT_THROW(o.validate(), Error);
}

}  // namespace
}  // namespace anvil::datagen
