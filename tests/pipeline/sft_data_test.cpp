// SFT packing: segments, positions, prompt masking, and the prompt loss weight (prompt tokens
// weighted, each segment's first token never trained, the completion-only path unchanged), and
// the token that ends completions.
#include "anvil/pipeline/sft_data.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "anvil/core/error.h"
#include "anvil/datagen/calculator.h"
#include "anvil/tokenize/bpe_trainer.h"
#include "anvil/tokenize/pretokenizer.h"
#include "support/tiny_lm.h"

namespace anvil::pipeline {
namespace {

std::vector<std::vector<const Tokenized*>> one_row(const Tokenized& a, const Tokenized& b) {
  return {{&a, &b}};
}

TEST(SftData, PackedRowMasksPromptsAndRestartsPositions) {
  Tokenized a{{10, 11, 12, 13, 2}, 3}, b{{20, 21, 2}, 1};
  auto pb = make_packed_batch(one_row(a, b), 10, /*pad_id=*/0);
  EXPECT_FALSE(pb.weights.defined());
  EXPECT_EQ(pb.tokens, 8);
  std::vector<int64_t> labels(pb.labels.data_ptr<int64_t>(), pb.labels.data_ptr<int64_t>() + 10);
  EXPECT_EQ(labels, (std::vector<int64_t>{-100, -100, -100, 13, 2, -100, 21, 2, -100, -100}));
  std::vector<int64_t> pos(pb.positions.data_ptr<int64_t>(), pb.positions.data_ptr<int64_t>() + 10);
  EXPECT_EQ(pos, (std::vector<int64_t>{0, 1, 2, 3, 4, 0, 1, 2, 0, 0}));
  std::vector<int64_t> seg(pb.segments.data_ptr<int64_t>(), pb.segments.data_ptr<int64_t>() + 10);
  EXPECT_EQ(seg, (std::vector<int64_t>{0, 0, 0, 0, 0, 1, 1, 1, -1, -1}));
}

TEST(SftData, PromptLossWeightTrainsPromptTokensButNotSegmentStarts) {
  Tokenized a{{10, 11, 12, 13, 2}, 3}, b{{20, 21, 2}, 1};
  auto pb = make_packed_batch(one_row(a, b), 10, 0, 0.25);
  ASSERT_TRUE(pb.weights.defined());
  std::vector<int64_t> labels(pb.labels.data_ptr<int64_t>(), pb.labels.data_ptr<int64_t>() + 10);
  EXPECT_EQ(labels, (std::vector<int64_t>{-100, 11, 12, 13, 2, -100, 21, 2, -100, -100}));
  std::vector<float> w(pb.weights.data_ptr<float>(), pb.weights.data_ptr<float>() + 10);
  EXPECT_EQ(w, (std::vector<float>{0, 0.25f, 0.25f, 1, 1, 0, 1, 1, 0, 0}));
}

// Completions end with anvil's <|endoftext|> where the tokenizer has one (anvil's, Qwen2's), else
// with the model's own eos_token_id (Llama 3's <|end_of_text|>), if it is a token at all.
TEST(SftData, EosIsEndOfTextElseTheModelsOwnEndToken) {
  const auto ours = testing::tiny_tokenizer({"<|endoftext|>", "<|pad|>"});
  EXPECT_EQ(sft_eos_id(ours, 1), ours.token_id("<|endoftext|>"));
  const auto llama3 = testing::tiny_tokenizer({"<|begin_of_text|>", "<|end_of_text|>"});
  const int64_t end = llama3.token_id("<|end_of_text|>");
  ASSERT_GE(end, 0);
  EXPECT_EQ(llama3.token_id("<|endoftext|>"), -1);
  EXPECT_EQ(sft_eos_id(llama3, end), end);
  EXPECT_EQ(sft_eos_id(llama3, -1), -1);
  EXPECT_EQ(sft_eos_id(llama3, llama3.vocab_size()), -1);
}

TEST(SftData, PromptLossWeightOutOfRangeIsAnError) {
  Tokenized a{{10, 11, 2}, 1};
  EXPECT_THROW(make_packed_batch({{&a}}, 4, 0, 1.5), Error);
  EXPECT_THROW(make_packed_batch({{&a}}, 4, 0, -0.1), Error);
}

// A completion with calculator steps is tokenized as generation will produce it: the ids up to
// each "<<expression=" are what the model writes, the calculator's answer to that text, encoded on
// its own, is the next ids, and the rest follows; the ids still decode to the completion.
TEST(SftData, CompletionIdsAreTheIdsGenerationFeedsCalculatorResultsAs) {
  const std::string completion =
      "ledger: <<round(400.50+53.25-7.00,2)=446.75>>\nbank: <<weekday(2024-03-07)=Thursday>>\n"
      "{\"street\":\"400 Greenwood\"}\n[confidence: 0.97]";
  // cl100k's pre-tokenizer, as the specialist recipes use, with merges learnt from the text.
  tokenize::BpeTrainOptions o;
  o.vocab_size = 300;
  o.special_tokens = {"<|endoftext|>", "<|pad|>"};
  o.pattern = tokenize::kCl100kPattern;
  o.threads = 1;
  const std::vector<std::string_view> texts(20, completion);
  const auto tok = tokenize::train_bpe(tokenize::count_words(texts, o.pattern, 1), o);
  std::vector<int64_t> ids;
  encode_completion(tok, completion, ids);
  EXPECT_EQ(tok.decode(ids), completion);
  // Replay: walk the ids; wherever the decoded text so far asks the calculator, the next ids must
  // be exactly its answer, encoded alone.
  std::vector<int64_t> so_far;
  int fed = 0;
  for (size_t i = 0; i < ids.size();) {
    const std::string answer = datagen::calculator_completion(tok.decode(so_far));
    if (answer.empty()) {
      so_far.push_back(ids[i++]);
      continue;
    }
    const auto want = tok.encode_text(answer);
    ASSERT_LE(i + want.size(), ids.size());
    EXPECT_EQ(std::vector<int64_t>(ids.begin() + static_cast<int64_t>(i),
                                   ids.begin() + static_cast<int64_t>(i + want.size())),
              want)
        << answer;
    so_far.insert(so_far.end(), want.begin(), want.end());
    i += want.size();
    ++fed;
  }
  EXPECT_EQ(fed, 2);
  // Encoding the whole text at once would not give those ids ("=Thursday" is one piece of the
  // pre-tokenizer): the pieces are what make training match generation.
  EXPECT_NE(tok.encode(completion), ids);
}

}  // namespace
}  // namespace anvil::pipeline
