// Tests for BpeTokenizer encoding and decoding: merge order, exact round trips of any bytes, added
// tokens, the long-piece path against GPT-2's reference loop, sessions and batches, and the
// Tokenizer interface shared with the ByteTokenizer.
#include "anvil/tokenize/bpe_tokenizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "anvil/core/error.h"
#include "anvil/core/rng.h"
#include "anvil/tokenize/bpe_trainer.h"
#include "anvil/tokenize/byte_level.h"
#include "anvil/tokenize/byte_tokenizer.h"

namespace anvil::tokenize {
namespace {

using Merges = std::vector<std::pair<std::string, std::string>>;

// The 256 byte chars in code-point order, then one token per merge.
BpeTokenizer make_tokenizer(const Merges& merges, std::vector<AddedToken> added = {},
                            BpeConfig config = {}) {
  std::vector<std::pair<uint32_t, std::string>> chars;
  for (int b = 0; b < 256; ++b)
    chars.emplace_back(byte_to_code_point(static_cast<uint8_t>(b)),
                       bytes_to_byte_chars(std::string(1, static_cast<char>(b))));
  std::sort(chars.begin(), chars.end());
  std::vector<std::string> vocab;
  for (auto& c : chars) vocab.push_back(c.second);
  for (const auto& [a, b] : merges)
    if (std::find(vocab.begin(), vocab.end(), a + b) == vocab.end()) vocab.push_back(a + b);
  return BpeTokenizer(std::move(vocab), merges, std::move(added), std::move(config));
}

std::vector<std::string> tokens_of(const BpeTokenizer& tok, std::string_view text) {
  std::vector<std::string> out;
  for (int64_t id : tok.encode(text)) out.push_back(tok.token(id));
  return out;
}

std::string random_bytes(Rng& rng, int64_t max_len) {
  std::string s;
  const int64_t n = rng.uniform_int(0, max_len);
  for (int64_t i = 0; i < n; ++i) s.push_back(static_cast<char>(rng.uniform_int(0, 255)));
  return s;
}

TEST(BpeTokenizer, MergesApplyInRankOrder) {
  auto a = make_tokenizer({{"l", "l"}, {"h", "e"}, {"e", "l"}});
  EXPECT_EQ(tokens_of(a, "hello"), (std::vector<std::string>{"he", "ll", "o"}));
  auto b = make_tokenizer({{"e", "l"}, {"h", "e"}, {"l", "l"}});
  EXPECT_EQ(tokens_of(b, "hello"), (std::vector<std::string>{"h", "el", "l", "o"}));
  // Pre-tokenization keeps merges inside a piece: " hello" and "hello" are separate words.
  auto c = make_tokenizer({{"\xC4\xA0", "h"}, {"h", "e"}});
  EXPECT_EQ(tokens_of(c, "he he"), (std::vector<std::string>{"he", "\xC4\xA0h", "e"}));
}

TEST(BpeTokenizer, DecodeInvertsEncodeForAnyBytes) {
  Rng rng(1);
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) texts.push_back(random_bytes(rng, 80));
  texts.push_back(std::string("\0\x01\x7f\xc3\x28\xed\xa0\x80 caf\xc3\xa9\r\n\t", 17));
  auto trained = train_bpe(count_words({texts.begin(), texts.end()}, kGpt2Pattern), [] {
    BpeTrainOptions o;
    o.vocab_size = 400;
    o.min_frequency = 1;
    return o;
  }());
  BpeConfig cl100k;
  cl100k.pattern = kCl100kPattern;
  auto plain = make_tokenizer({{"a", "b"}}, {}, cl100k);
  for (const auto& t : texts) {
    EXPECT_EQ(trained.decode(trained.encode(t)), t);
    EXPECT_EQ(plain.decode(plain.encode(t)), t);
  }
}

TEST(BpeTokenizer, AddedTokensAreSplitOutBeforeMerging) {
  auto tok = make_tokenizer({{"a", "b"}}, {AddedToken{257, "<|endoftext|>"}});
  const auto ids = tok.encode("ab<|endoftext|>ab<|endoftext|");
  ASSERT_EQ(ids.size(), 3u + 12u);  // "ab", special, "ab", then "<|endoftext|" byte by byte...
  EXPECT_EQ(ids[1], 257);
  EXPECT_EQ(tok.decode(ids), "ab<|endoftext|>ab<|endoftext|");
  EXPECT_EQ(tok.vocab_size(), 258);
  // lstrip/rstrip take the whitespace around the match.
  AddedToken mask{257, "<mask>"};
  mask.lstrip = mask.rstrip = true;
  auto strip = make_tokenizer({{"a", "b"}}, {mask});
  EXPECT_EQ(tokens_of(strip, "ab  <mask> ab"), (std::vector<std::string>{"ab", "<mask>", "ab"}));
}

// GPT-2's encoder.py loop: take the lowest-ranked pair, merge all its occurrences left to right.
std::vector<std::string> reference_bpe(
    const std::string& word, const std::map<std::pair<std::string, std::string>, size_t>& ranks) {
  std::vector<std::string> w;
  for (char c : word) w.emplace_back(1, c);
  for (;;) {
    size_t best = SIZE_MAX;
    std::pair<std::string, std::string> bigram;
    for (size_t i = 0; i + 1 < w.size(); ++i) {
      auto it = ranks.find({w[i], w[i + 1]});
      if (it != ranks.end() && it->second < best) best = it->second, bigram = it->first;
    }
    if (best == SIZE_MAX) break;
    std::vector<std::string> merged;
    for (size_t i = 0; i < w.size();) {
      if (i + 1 < w.size() && w[i] == bigram.first && w[i + 1] == bigram.second) {
        merged.push_back(w[i] + w[i + 1]);
        i += 2;
      } else {
        merged.push_back(w[i++]);
      }
    }
    w = std::move(merged);
  }
  return w;
}

TEST(BpeTokenizer, ShortAndLongPiecesMatchGpt2ReferenceLoop) {
  Rng rng(3);
  auto word = [&](int64_t len) {
    std::string s;
    for (int64_t i = 0; i < len; ++i) s.push_back("abc"[rng.uniform_int(0, 2)]);
    return s;
  };
  std::vector<std::string> corpus;
  for (int i = 0; i < 2000; ++i) corpus.push_back(word(rng.uniform_int(1, 12)));
  BpeTrainOptions o;
  o.vocab_size = 256 + 120;
  o.min_frequency = 1;
  auto tok = train_bpe(count_words({corpus.begin(), corpus.end()}, kGpt2Pattern), o);
  std::map<std::pair<std::string, std::string>, size_t> ranks;
  for (size_t r = 0; r < tok.merges().size(); ++r)
    ranks[{tok.token(tok.merges()[r].first), tok.token(tok.merges()[r].second)}] = r;
  ASSERT_GT(ranks.size(), 50u);
  for (int64_t len : {1, 2, 7, 40, 95, 96, 97, 300, 2000}) {  // both sides of the heap cutoff
    const std::string w = word(len);
    EXPECT_EQ(tokens_of(tok, w), reference_bpe(w, ranks)) << "length " << len;
  }
}

TEST(BpeTokenizer, SessionsAndBatchesGiveTheSameIdsAsEncode) {
  auto tok = make_tokenizer({{"t", "h"}, {"th", "e"}, {"\xC4\xA0", "the"}});
  std::vector<std::string> texts;
  Rng rng(5);
  for (int i = 0; i < 100; ++i) texts.push_back("the theme of the " + random_bytes(rng, 20));
  std::vector<std::string_view> views(texts.begin(), texts.end());
  const auto batch = tok.encode_batch(views, 2);
  BpeTokenizer::Session session(tok);
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(batch[i], tok.encode(texts[i]));
    std::vector<int64_t> ids;
    session.encode_append(texts[i], ids);
    EXPECT_EQ(ids, batch[i]);
  }
}

TEST(BpeTokenizer, DecodeRejectsIdsOutsideTheVocab) {
  auto tok = make_tokenizer({});
  try {
    tok.decode({5, 256});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "decode: id 256 at position 1 is not a token (vocab size 256)");
  }
}

TEST(BpeTokenizer, ConstructorNamesTheBadEntry) {
  auto message = [](auto fn) {
    try {
      fn();
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message([] {
              make_tokenizer({{"a", "zz"}});
            }),
            "model.merges[0] ('a', 'zz'): 'zz' is not in the vocab");
  EXPECT_EQ(message([] {
              BpeTokenizer({"a", "b", "a"}, {}, {}, {});
            }),
            "model.vocab: token 'a' has two ids, 0 and 2");
  EXPECT_EQ(message([] {
              BpeTokenizer({"a", "b"}, {{"a", "b"}}, {}, {});
            }),
            "model.merges[0] ('a', 'b'): the merged token 'ab' is not in the vocab");
  EXPECT_EQ(message([] {
              make_tokenizer({}, {AddedToken{3, "<s>"}});
            }),
            "added_tokens[0] ('<s>'): duplicate id 3 (vocab token '$' has it)");
  EXPECT_EQ(message([] {
              make_tokenizer({}, {AddedToken{256, "<s>"}, AddedToken{256, "</s>"}});
            }),
            "added_tokens[1] ('</s>'): duplicate id 256 (used by another added token)");
}

TEST(ByteTokenizer, ImplementsTheTokenizerInterface) {
  ByteTokenizer bytes;
  const Tokenizer& tok = bytes;
  const std::string text("a\0\xff", 3);
  EXPECT_EQ(tok.encode(text), (std::vector<int64_t>{'a', 0, 255}));
  EXPECT_EQ(tok.decode(tok.encode(text)), text);
  EXPECT_EQ(tok.vocab_size(), 261);
  EXPECT_EQ(bytes.encode("abcdef", 2), (std::vector<int64_t>{'a', 'b'}));  // existing API kept
  int64_t padded[4];
  EXPECT_EQ(bytes.encode_padded("ab", padded, 4), 2u);
  EXPECT_EQ(padded[3], ByteTokenizer::kPad);
  EXPECT_EQ(tok.encode_batch({"x", "yz"}, 2),
            (std::vector<std::vector<int64_t>>{{'x'}, {'y', 'z'}}));
}

}  // namespace
}  // namespace anvil::tokenize
