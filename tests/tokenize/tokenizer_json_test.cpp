// Tests for tokenizer.json and GPT-2 file reading/writing: round trips, legacy merges, Llama-3
// style Split pre-tokenizers, background loading, and one test per malformed-file case checking
// that the message names the key and what was expected.
#include "anvil/tokenize/tokenizer_json.h"

#include <gtest/gtest.h>

#include <thread>
#include <tuple>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "support/run_cli.h"

namespace anvil::tokenize {
namespace {

// A small valid file: 6 byte chars, 2 merges, one special token; `patch` edits the text.
std::string small_json(const std::string& merges = R"([["a", "b"], ["ab", "c"]])",
                       const std::string& extra_model = "",
                       const std::string& version = "\"1.0\"") {
  return R"({"version": )" + version + R"(, "truncation": null, "padding": null,
  "added_tokens": [{"id": 7, "content": "<|endoftext|>", "single_word": false, "lstrip": false,
                    "rstrip": false, "normalized": false, "special": true}],
  "normalizer": null,
  "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": true},
  "post_processor": {"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": false, "use_regex": true},
  "decoder": {"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": true, "use_regex": true},
  "model": {"type": "BPE", "dropout": null, "unk_token": null, "continuing_subword_prefix": null,
            "end_of_word_suffix": null, "fuse_unk": false, "byte_fallback": false, )" +
         extra_model + R"("vocab": {"a": 0, "b": 1, "c": 2, "Ġ": 3, "ab": 4, "abc": 5, "d": 6},
            "merges": )" +
         merges + "}}";
}

std::string error_of(const std::string& json) {
  try {
    parse_tokenizer_json(json, "tok.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

void expect_error(const std::string& json, const std::string& expected) {
  EXPECT_EQ(error_of(json), expected);
}

TEST(TokenizerJson, ReadsPairAndLegacyMerges) {
  auto pairs = parse_tokenizer_json(small_json(), "t");
  auto legacy = parse_tokenizer_json(small_json(R"(["#version: 0.2", "a b", "ab c"])"), "t");
  EXPECT_EQ(pairs.merges(), legacy.merges());
  EXPECT_EQ(pairs.encode("abc abd<|endoftext|>"), (std::vector<int64_t>{5, 3, 4, 6, 7}));
  EXPECT_EQ(legacy.encode("abc abd<|endoftext|>"), pairs.encode("abc abd<|endoftext|>"));
  EXPECT_EQ(pairs.vocab_size(), 8);
}

TEST(TokenizerJson, WriteThenReadGivesIdenticalEncodings) {
  auto tok = parse_tokenizer_json(small_json(), "t");
  const std::string text = to_tokenizer_json(tok);
  auto back = parse_tokenizer_json(text, "written");
  EXPECT_EQ(to_tokenizer_json(back), text);  // stable
  EXPECT_EQ(back.vocab(), tok.vocab());
  EXPECT_EQ(back.merges(), tok.merges());
  EXPECT_EQ(back.added_tokens().size(), 1u);
  for (const char* s : {"abc", "ab abc abcd", "<|endoftext|>abc"})
    EXPECT_EQ(back.encode(s), tok.encode(s));
  EXPECT_NE(text.find(R"("merges": [)"), std::string::npos);
  EXPECT_NE(text.find(R"(["ab", "c"])"), std::string::npos);
}

TEST(TokenizerJson, ReadsASplitSequencePreTokenizerAndIgnoreMerges) {
  std::string json = small_json("[]", R"("ignore_merges": true, )");
  const std::string byte_level =
      R"("pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": true})";
  json.replace(json.find(byte_level), byte_level.size(),
               R"("pre_tokenizer": {"type": "Sequence", "pretokenizers": [
                   {"type": "Split", "pattern": {"Regex": "\\p{N}{1,3}|\\p{L}+| "}, "behavior": "Isolated", "invert": false},
                   {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": false}]})");
  auto tok = parse_tokenizer_json(json, "t");
  EXPECT_EQ(tok.config().pattern, R"(\p{N}{1,3}|\p{L}+| )");
  EXPECT_TRUE(tok.config().ignore_merges);
  EXPECT_EQ(tok.encode("abc"), (std::vector<int64_t>{5}));  // a vocab entry, no merges needed
  auto back = parse_tokenizer_json(to_tokenizer_json(tok), "written");
  EXPECT_EQ(back.config().pattern, tok.config().pattern);
  EXPECT_TRUE(back.config().ignore_merges);
}

TEST(TokenizerJson, RejectsAnUnknownVersion) {
  expect_error(
      small_json("[]", "", "\"2.0\""),
      "tok.json: version: unknown tokenizer version the string \"2.0\" (expected \"1.0\")");
}

TEST(TokenizerJson, RejectsAMissingModel) {
  expect_error(R"({"version": "1.0", "added_tokens": []})",
               "tok.json: model: missing (expected a BPE model object)");
}

TEST(TokenizerJson, RejectsAMergeNamingAnUnknownToken) {
  expect_error(small_json(R"([["a", "b"], ["ab", "q"]])"),
               "tok.json: model.merges[1] ('ab', 'q'): 'q' is not in the vocab");
}

TEST(TokenizerJson, RejectsAMergeWhoseResultIsNotInTheVocab) {
  expect_error(small_json(R"([["b", "c"]])"),
               "tok.json: model.merges[0] ('b', 'c'): the merged token 'bc' is not in the vocab");
}

TEST(TokenizerJson, RejectsAMalformedLegacyMerge) {
  expect_error(small_json(R"(["a b", "ab  c"])"),
               "tok.json: model.merges[1]: expected \"left right\" (two tokens separated by one "
               "space), found \"ab  c\"");
}

TEST(TokenizerJson, RejectsDuplicateIds) {
  std::string json = small_json();
  json.replace(json.find(R"("d": 6)"), 6, R"("d": 5)");
  expect_error(json, "tok.json: model.vocab[\"d\"]: duplicate id 5 (also used by \"abc\")");
  std::string added = small_json();
  added.replace(added.find(R"("id": 7)"), 7, R"("id": 2)");
  expect_error(
      added,
      "tok.json: added_tokens[0] ('<|endoftext|>'): duplicate id 2 (vocab token 'c' has it)");
}

TEST(TokenizerJson, RejectsIdsOutOfRangeAndWrongTypes) {
  std::string json = small_json();
  json.replace(json.find(R"("d": 6)"), 6, R"("d": 9)");
  expect_error(json, "tok.json: model.vocab[\"d\"]: id 9 is out of range: 7 tokens need ids 0..6");
  std::string neg = small_json();
  neg.replace(neg.find(R"("d": 6)"), 6, R"("d": "6")");
  expect_error(neg,
               "tok.json: model.vocab[\"d\"]: expected a token id (an integer in [0, 2^31-1)), "
               "found the string \"6\"");
}

TEST(TokenizerJson, RejectsUnsupportedComponents) {
  std::string json = small_json();
  json.replace(json.find(R"("normalizer": null)"), 18, R"("normalizer": {"type": "NFKC"})");
  expect_error(json,
               "tok.json: normalizer.type: unsupported normalizer \"NFKC\" (expected null or "
               "\"NFC\")");
  std::string model = small_json();
  model.replace(model.find(R"("type": "BPE")"), 13, R"("type": "WordPiece")");
  expect_error(model, "tok.json: model.type: unsupported model \"WordPiece\" (expected \"BPE\")");
  std::string dropout = small_json();
  dropout.replace(dropout.find(R"("dropout": null)"), 15, R"("dropout": 0.1)");
  expect_error(dropout,
               "tok.json: model.dropout: BPE dropout is not supported, found the number 0.1");
}

TEST(TokenizerJson, RejectsInvalidJsonWithItsPosition) {
  const std::string msg = error_of("{\"version\": \"1.0\",\n \"model\": [1, 2,]}");
  EXPECT_EQ(msg.rfind("tok.json: not valid JSON: ", 0), 0u) << msg;
  EXPECT_NE(msg.find("line 2, column 17"), std::string::npos) << msg;
  expect_error("[1]", "tok.json: expected a JSON object at the top level, found an array");
}

// Found by bench/fuzz (tokenizer_json): a number too large for a double made the JSON library
// throw its own out_of_range instead of an anvil::Error. Input kept in the fuzz corpus as
// regress-number-overflow.
TEST(TokenizerJson, ANumberOutOfRangeIsInvalidJsonNotACrash) {
  const std::string msg = error_of("{\"version\": \"1.0\", \"truncation\": 11e30822}");
  EXPECT_EQ(msg.rfind("tok.json: not valid JSON: ", 0), 0u) << msg;
  EXPECT_NE(msg.find("11e30822"), std::string::npos) << msg;
}

TEST(TokenizerJson, LoadsInTheBackground) {
  testing::TempDir dir("tokjson");
  const std::string path = dir / "tokenizer.json";
  write_file_atomic(path, small_json());
  PendingTokenizer pending = load_tokenizer_json_async(path);
  auto tok = pending.wait();
  EXPECT_TRUE(pending.ready());
  EXPECT_EQ(tok->encode("abc"), (std::vector<int64_t>{5}));
  EXPECT_EQ(pending.wait(), tok);  // the same object every time

  PendingTokenizer missing = load_tokenizer_json_async(dir / "missing.json");
  EXPECT_THROW(missing.wait(), Error);
  EXPECT_THROW(missing.wait(), Error);  // the same error every time
}

TEST(Gpt2Files, ReadsEncoderJsonAndVocabBpe) {
  testing::TempDir dir("gpt2files");
  write_file_atomic(dir / "encoder.json",
                    R"({"a": 0, "b": 1, "ab": 2, "\u0120": 3, "\u0120ab": 4, "<|endoftext|>": 5})");
  write_file_atomic(dir / "vocab.bpe", "#version: 0.2\na b\n\u0120 ab\n");
  auto tok = load_gpt2_files(dir / "encoder.json", dir / "vocab.bpe");
  EXPECT_EQ(tok.encode("ab ab<|endoftext|>"), (std::vector<int64_t>{2, 4, 5}));
  ASSERT_EQ(tok.added_tokens().size(), 1u);
  EXPECT_TRUE(tok.added_tokens()[0].special);

  write_file_atomic(dir / "bad.bpe", "#version: 0.2\na b\nab\n");
  try {
    load_gpt2_files(dir / "encoder.json", dir / "bad.bpe");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), (dir / "bad.bpe") +
                                         ":3: expected \"left right\" (two tokens separated by "
                                         "one space), found \"ab\"");
  }
}

TEST(Gpt2Files, ParsesFromTextAndNamesBothFilesInErrors) {
  auto tok = parse_gpt2_files(R"({"a": 0, "b": 1, "ab": 2})", "#version: 0.2\na b\n", "e.json",
                              "v.bpe");
  EXPECT_EQ(tok.encode("ab"), (std::vector<int64_t>{2}));
  for (const auto& [encoder, merges, where] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"[1]", "", "e.json: expected a JSON object"},
           {R"({"a": 5})", "", "e.json: [\"a\"]: expected an id in 0..0"},
           {R"({"a": 0, "b": 0})", "", "duplicate id 0"},
           {R"({"a": 0})", "a b c\n", "v.bpe:1: expected"}}) {
    try {
      parse_gpt2_files(encoder, merges, "e.json", "v.bpe");
      ADD_FAILURE() << "accepted " << encoder;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(where), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace anvil::tokenize
