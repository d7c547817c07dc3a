// Tests for regex pre-tokenization: GPT-2 and cl100k splits (docs/formats.md §3.3), exact coverage
// of any input including invalid UTF-8, and errors for bad patterns.
#include "anvil/tokenize/pretokenizer.h"

#include <gtest/gtest.h>

#include "anvil/core/error.h"
#include "anvil/core/rng.h"

namespace anvil::tokenize {
namespace {

std::vector<std::string> split(const std::string& pattern, std::string_view text) {
  RegexSplitter splitter(pattern);
  RegexSplitter::Scratch scratch(splitter);
  std::vector<std::string_view> pieces;
  splitter.split(text, scratch, pieces);
  return std::vector<std::string>(pieces.begin(), pieces.end());
}

using Pieces = std::vector<std::string>;

TEST(RegexSplitter, SplitsLikeGpt2) {
  EXPECT_EQ(split(kGpt2Pattern, "Hello world! It's  fine\n\n"),
            (Pieces{"Hello", " world", "!", " It", "'s", " ", " fine", "\n\n"}));
  EXPECT_EQ(split(kGpt2Pattern, "x   y"), (Pieces{"x", "  ", " y"}));  // \s+(?!\S) leaves one
  EXPECT_EQ(split(kGpt2Pattern, "12345 caf\xC3\xA9"), (Pieces{"12345", " caf\xC3\xA9"}));
  EXPECT_EQ(split(kGpt2Pattern, "DON'T"),
            (Pieces{"DON", "'", "T"}));  // contractions are lowercase only
}

TEST(RegexSplitter, SplitsLikeCl100k) {
  EXPECT_EQ(split(kCl100kPattern, "DON'T 12345"), (Pieces{"DON", "'T", " ", "123", "45"}));
  EXPECT_EQ(split(kCl100kPattern, "(hello)\n\n  x"), (Pieces{"(hello", ")\n\n", " ", " x"}));
}

TEST(RegexSplitter, PiecesCoverAnyBytesExactly) {
  Rng rng(7);
  RegexSplitter splitter(kGpt2Pattern);
  RegexSplitter::Scratch scratch(splitter);
  std::vector<std::string_view> pieces;
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const int64_t n = rng.uniform_int(0, 64);
    for (int64_t i = 0; i < n; ++i) text.push_back(static_cast<char>(rng.uniform_int(0, 255)));
    splitter.split(text, scratch, pieces);
    std::string joined;
    for (auto p : pieces) {
      EXPECT_FALSE(p.empty());
      joined.append(p);
    }
    EXPECT_EQ(joined, text);
  }
  // Invalid UTF-8 never matches, so it lands in gap pieces between matches.
  EXPECT_EQ(split(kGpt2Pattern, "ab\xFF\xFE cd"), (Pieces{"ab", "\xFF\xFE", " cd"}));
}

TEST(RegexSplitter, RejectsABadPatternWithItsOffset) {
  try {
    RegexSplitter bad("abc(");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("invalid pre-tokenizer regex at offset 4"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(pattern_by_name("bert"), Error);
  EXPECT_EQ(pattern_by_name("gpt2"), kGpt2Pattern);
}

}  // namespace
}  // namespace anvil::tokenize
