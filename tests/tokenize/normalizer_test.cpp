// NFC normalization (tokenizer.json's {"type": "NFC"}, Qwen2): composed forms, canonical order of
// combining marks, ASCII and already-normalized text untouched, invalid UTF-8 bytes kept; and a
// tokenizer with the normalizer encodes decomposed text as the composed one.
#include "anvil/tokenize/normalizer.h"

#include <gtest/gtest.h>

#include "anvil/tokenize/bpe_tokenizer.h"
#include "anvil/tokenize/byte_level.h"
#include "anvil/tokenize/tokenizer_json.h"

namespace anvil::tokenize {
namespace {

std::string nfc(const std::string& s) {
  std::string out;
  return nfc_normalize(s, out) ? out : s;
}

TEST(Normalizer, NfcComposesAndReordersCombiningMarks) {
  EXPECT_EQ(nfc("e\xCC\x81"), "\xC3\xA9");                     // e + U+0301 -> U+00E9
  EXPECT_EQ(nfc("\xE1\x84\x80\xE1\x85\xA1"), "\xEA\xB0\x80");  // Hangul jamo -> U+AC00
  // q + dot below (ccc 220) + dot above (ccc 230) in either order: the same NFC string.
  EXPECT_EQ(nfc("q\xCC\x87\xCC\xA3"), nfc("q\xCC\xA3\xCC\x87"));
  EXPECT_EQ(nfc("\xE2\x84\xAB"), "\xC3\x85");      // U+212B ANGSTROM SIGN -> U+00C5 (singleton)
  EXPECT_EQ(nfc("\xEF\xAC\x81"), "\xEF\xAC\x81");  // the ligature fi is NFKC's business, not NFC's
}

TEST(Normalizer, LeavesNormalizedTextAloneAndKeepsInvalidBytes) {
  std::string out = "untouched";
  EXPECT_FALSE(nfc_normalize("plain ASCII, 123", out));
  EXPECT_FALSE(nfc_normalize("d\xC3\xA9j\xC3\xA0 vu \xE6\x97\xA5\xE6\x9C\xAC", out));
  EXPECT_EQ(out, "untouched");
  // An invalid byte between two decomposed letters: each valid run normalized, the byte kept.
  EXPECT_TRUE(
      nfc_normalize("e\xCC\x81\xFF"
                    "a\xCC\x80",
                    out));
  EXPECT_EQ(out, "\xC3\xA9\xFF\xC3\xA0");
  EXPECT_EQ(nfc("\xC3"), "\xC3");  // a truncated sequence alone
}

// A tokenizer of the 256 byte chars (no merges) with the NFC normalizer.
BpeTokenizer byte_tokenizer_with_nfc() {
  std::vector<std::string> vocab;
  for (int b = 0; b < 256; ++b) vocab.push_back(bytes_to_byte_chars(std::string(1, char(b))));
  AddedToken eot;
  eot.id = 256;
  eot.content = "<|endoftext|>";
  BpeConfig c;
  c.normalizer = Normalizer::kNfc;
  return BpeTokenizer(vocab, {}, {eot}, c);
}

TEST(Normalizer, TokenizerWithNfcEncodesDecomposedTextAsComposed) {
  const auto tok = byte_tokenizer_with_nfc();
  EXPECT_EQ(tok.encode("caf"
                       "e\xCC\x81<|endoftext|>"),
            tok.encode("caf\xC3\xA9<|endoftext|>"));
  EXPECT_EQ(tok.encode("caf\xC3\xA9").size(), 5u);
  // tokenizer.json keeps it.
  const std::string json = to_tokenizer_json(tok);
  EXPECT_NE(json.find(R"("normalizer": {"type": "NFC"})"), std::string::npos);
  EXPECT_EQ(parse_tokenizer_json(json, "t").config().normalizer, Normalizer::kNfc);
  BpeConfig plain;
  std::vector<std::string> vocab = tok.vocab();
  const BpeTokenizer without(vocab, {}, {}, plain);
  EXPECT_EQ(without.encode("e\xCC\x81").size(), 3u);  // no normalizer: the bytes as they are
  EXPECT_NE(to_tokenizer_json(without).find(R"("normalizer": null)"), std::string::npos);
}

}  // namespace
}  // namespace anvil::tokenize
