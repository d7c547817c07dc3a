// Tests for BPE training: Hugging Face's own trainer test as golden values, GPT-2's id order,
// vocab size and min_frequency limits, determinism across thread counts, JSONL input errors.
#include "anvil/tokenize/bpe_trainer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/core/rng.h"
#include "anvil/tokenize/tokenizer_json.h"
#include "support/run_cli.h"

namespace anvil::tokenize {
namespace {

// huggingface/tokenizers models/bpe/trainer.rs `test_train`: the same word counts and
// min_frequency 2 give merges 're', 'are', 'is' with the same ids.
TEST(BpeTrainer, MatchesHuggingFaceTrainerGoldenValues) {
  const std::vector<std::pair<std::string, int64_t>> counts = {
      {"roses", 1}, {"are", 2}, {"red", 1}, {"voilets", 1}, {"blue", 1}, {"BERT", 1},
      {"is", 2},    {"big", 1}, {"and", 1}, {"so", 1},      {"GPT-2", 1}};
  std::set<char> chars;
  for (const auto& [w, n] : counts) chars.insert(w.begin(), w.end());
  std::vector<std::string> id_to_token;
  for (char c : chars) id_to_token.emplace_back(1, c);  // code-point order
  std::vector<TrainWord> words;
  for (const auto& [w, n] : counts) {
    TrainWord tw;
    tw.count = n;
    for (char c : w)
      tw.symbols.push_back(static_cast<int32_t>(
          std::find(id_to_token.begin(), id_to_token.end(), std::string(1, c)) -
          id_to_token.begin()));
    words.push_back(tw);
  }
  ASSERT_EQ(id_to_token.size(), 22u);
  const auto merges = learn_merges(words, id_to_token, 30000, 2);
  ASSERT_EQ(merges.size(), 3u);
  EXPECT_EQ((std::vector<int32_t>{merges[0].left, merges[0].right, merges[0].id}),
            (std::vector<int32_t>{17, 11, 22}));  // 'r' + 'e' -> 're'
  EXPECT_EQ((std::vector<int32_t>{merges[1].left, merges[1].right, merges[1].id}),
            (std::vector<int32_t>{8, 22, 23}));  // 'a' + 're' -> 'are'
  EXPECT_EQ((std::vector<int32_t>{merges[2].left, merges[2].right, merges[2].id}),
            (std::vector<int32_t>{13, 18, 24}));  // 'i' + 's' -> 'is'
  EXPECT_EQ(id_to_token[22], "re");
  EXPECT_EQ(id_to_token[23], "are");
  EXPECT_EQ(id_to_token[24], "is");
}

TEST(BpeTrainer, TiesGoToTheSmallestPair) {
  // "ab" and "cd" both occur twice: (a, b) has the smaller ids and is merged first.
  std::vector<std::string> id_to_token = {"a", "b", "c", "d"};
  std::vector<TrainWord> words = {{{2, 3}, 2}, {{0, 1}, 2}};
  const auto merges = learn_merges(words, id_to_token, 100, 0);
  ASSERT_EQ(merges.size(), 2u);
  EXPECT_EQ(id_to_token[merges[0].id], "ab");
  EXPECT_EQ(id_to_token[merges[1].id], "cd");
}

std::vector<std::string> sample_texts() {
  Rng rng(11);
  const std::vector<std::string> words = {"the",   "tokenizer", "merges", "pairs", "of",
                                          "bytes", "déjà",      "vu",     "42",    "2024",
                                          "\n",    "  ",        "x+y"};
  std::vector<std::string> texts;
  for (int d = 0; d < 400; ++d) {
    std::string t;
    for (int i = 0; i < 30; ++i) t += (i ? " " : "") + rng.choice(words);
    texts.push_back(t);
  }
  return texts;
}

TEST(BpeTrainer, AssignsSpecialsThenByteCharsInGpt2Order) {
  auto texts = sample_texts();
  BpeTrainOptions o;
  o.vocab_size = 300;
  o.special_tokens = {"<|endoftext|>", "<pad>"};
  auto tok = train_bpe(count_words({texts.begin(), texts.end()}, o.pattern), o);
  EXPECT_EQ(tok.vocab_size(), 300);
  EXPECT_EQ(tok.token(0), "<|endoftext|>");
  EXPECT_EQ(tok.token(1), "<pad>");
  EXPECT_EQ(tok.token(2), "!");  // 0x21: the first byte char by code point
  EXPECT_EQ(tok.token(2 + 93), "~");
  EXPECT_EQ(tok.token(2 + 94), "\xC2\xA1");   // '¡' follows '~'
  EXPECT_EQ(tok.token(2 + 255), "\xC5\x83");  // U+0143 ('Ń', byte 0xAD) is last
  ASSERT_EQ(tok.added_tokens().size(), 2u);
  EXPECT_EQ(tok.encode("<pad> the"), (std::vector<int64_t>{1, tok.token_id("\xC4\xA0the")}));
  for (const auto& t : texts) EXPECT_EQ(tok.decode(tok.encode(t)), t);
}

TEST(BpeTrainer, StopsAtMinFrequency) {
  std::vector<std::string> texts = {"aaa bbb", "aaa"};
  BpeTrainOptions o;
  o.vocab_size = 1000;
  o.min_frequency = 2;  // "aa" (count 2x2 = 4) merges; pairs seen once do not
  auto tok = train_bpe(count_words({texts.begin(), texts.end()}, o.pattern), o);
  EXPECT_GE(tok.token_id("aa"), 0);
  EXPECT_EQ(tok.token_id("\xC4\xA0"
                         "b"),
            -1);
  EXPECT_LT(tok.vocab_size(), 1000);
}

TEST(BpeTrainer, IsDeterministicAcrossRunsAndThreadCounts) {
  auto texts = sample_texts();
  std::vector<std::string_view> views(texts.begin(), texts.end());
  BpeTrainOptions o;
  o.vocab_size = 320;
  o.min_frequency = 1;
  const std::string one = to_tokenizer_json(train_bpe(count_words(views, o.pattern, 1), o));
  const std::string two = to_tokenizer_json(train_bpe(count_words(views, o.pattern, 2), o));
  const std::string again = to_tokenizer_json(train_bpe(count_words(views, o.pattern, 2), o));
  EXPECT_EQ(one, two);
  EXPECT_EQ(one, again);
}

// space_apart: no merge joins the space before a word to it, so a word after a space encodes as
// the space token followed by exactly the word's own tokens (what a JSON answer holds after a
// quote); runs of spaces still merge. Without it the same corpus learns " Ridge" as one token.
TEST(BpeTrainer, SpaceApartKeepsTheSpaceBeforeAWordItsOwnToken) {
  const std::vector<std::string> texts = {
      "7766 Ridge Rd, Kingston Falls", "\"street\":\"Ridge Rd\"", "12 Ridge Rd    and Kingston",
      "Ridge Ridge Ridge Kingston Kingston", "    indented    text   Rd Rd Rd"};
  std::vector<std::string_view> views(texts.begin(), texts.end());
  BpeTrainOptions o;
  o.vocab_size = 400;
  o.min_frequency = 1;
  o.pattern = kCl100kPattern;
  const auto plain = train_bpe(count_words(views, o.pattern, 1), o);
  o.space_apart = true;
  const auto apart = train_bpe(count_words(views, o.pattern, 1), o);
  const std::string space = "\xC4\xA0";  // the byte-level character of ' '
  EXPECT_GE(plain.token_id(space + "Ridge"), 0);
  EXPECT_EQ(apart.token_id(space + "Ridge"), -1);
  for (const auto& [l, r] : apart.merges()) {
    const std::string left = apart.token(l), right = apart.token(r);
    if (left == space) EXPECT_EQ(right.rfind(space, 0), 0u) << "merge " << left << " + " << right;
  }
  EXPECT_GE(apart.token_id(space + space), 0) << "runs of spaces still merge";
  for (const std::string word : {"Ridge", "Kingston", "Rd", "Falls", "Zorvath"}) {
    auto after_space = apart.encode("x " + word);
    const auto alone = apart.encode(word);
    ASSERT_GE(after_space.size(), 2u);
    EXPECT_EQ(after_space[1], apart.token_id(space)) << word;
    EXPECT_EQ(std::vector<int64_t>(after_space.begin() + 2, after_space.end()), alone) << word;
  }
}

TEST(BpeTrainer, CountsWordsOfAJsonlField) {
  testing::TempDir dir("bpetrain");
  write_file_atomic(dir / "ok.jsonl", "{\"text\": \"hi there\"}\n\n{\"text\": \"hi\", \"n\": 1}\n");
  auto counts = count_words_jsonl(dir / "ok.jsonl", "text", kGpt2Pattern, 2);
  EXPECT_EQ(counts.at("hi"), 2);
  EXPECT_EQ(counts.at(" there"), 1);
  write_file_atomic(dir / "bad.jsonl", "{\"text\": \"a\"}\n{\"body\": \"b\"}\n");
  try {
    count_words_jsonl(dir / "bad.jsonl", "text", kGpt2Pattern, 1);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), (dir / "bad.jsonl") + ":2: expected a string field \"text\"");
  }
}

TEST(BpeTrainOptions, ValidateNamesTheBadField) {
  BpeTrainOptions o;
  o.vocab_size = 100;
  try {
    o.validate();
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUsage);
    EXPECT_NE(std::string(e.what()).find("vocab_size = 100 is too small"), std::string::npos);
  }
  o.vocab_size = 1000;
  o.special_tokens = {"<s>", "<s>"};
  EXPECT_THROW(o.validate(), Error);
}

}  // namespace
}  // namespace anvil::tokenize
