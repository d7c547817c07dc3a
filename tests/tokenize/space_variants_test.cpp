// space_variant_pairs: checked by brute force over decoded strings (every pair of ids whose texts
// are " x" and "x"), on a tokenizer trained on address-like text.
#include "anvil/tokenize/space_variants.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "anvil/tokenize/bpe_trainer.h"

namespace anvil::tokenize {
namespace {

TEST(SpaceVariants, PairEveryTokenWithTheSameTextWithoutItsLeadingSpace) {
  const std::vector<std::string> texts = {
      "7766 Ridge Rd, Kingston Falls", "{\"street\":\"Ridge Rd\",\"city\":\"Kingston\"}",
      "12 Ridge Rd and Kingston", "Ridge Ridge Ridge Kingston Kingston Falls", "Rd Rd Rd"};
  std::vector<std::string_view> views(texts.begin(), texts.end());
  BpeTrainOptions o;
  o.vocab_size = 400;
  o.min_frequency = 1;
  o.pattern = kCl100kPattern;
  o.special_tokens = {"<|endoftext|>"};
  const auto tok = train_bpe(count_words(views, o.pattern, 1), o);

  std::set<std::pair<int64_t, int64_t>> expected;
  std::map<std::string, int64_t> by_text;
  const auto n = static_cast<int64_t>(tok.vocab().size());
  for (int64_t id = 0; id < n; ++id) by_text[tok.decode({id})] = id;
  for (int64_t id = 0; id < n; ++id) {
    const std::string text = tok.decode({id});
    if (text.size() < 2 || text[0] != ' ' || tok.token(id) == "<|endoftext|>") continue;
    auto it = by_text.find(text.substr(1));
    if (it != by_text.end()) expected.insert({id, it->second});
  }
  std::set<std::pair<int64_t, int64_t>> got;
  for (const auto& p : space_variant_pairs(tok)) got.insert({p.spaced, p.bare});
  EXPECT_EQ(got, expected);
  EXPECT_TRUE(got.count({tok.token_id("\xC4\xA0Ridge"), tok.token_id("Ridge")}));
  EXPECT_TRUE(got.count({tok.token_id("\xC4\xA0Kingston"), tok.token_id("Kingston")}));
}

}  // namespace
}  // namespace anvil::tokenize
