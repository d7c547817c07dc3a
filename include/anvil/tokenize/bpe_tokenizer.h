// BpeTokenizer: byte-level BPE as GPT-2 and Hugging Face tokenizers define it (docs/formats.md
// §3). Encoding splits out added tokens first, pre-tokenizes the rest with a regex, maps bytes to
// byte chars and applies merges by rank; decoding is exact for any byte string. Instances are
// immutable after construction and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "anvil/tokenize/normalizer.h"
#include "anvil/tokenize/pretokenizer.h"
#include "anvil/tokenize/tokenizer.h"

namespace anvil::tokenize {

// An entry of tokenizer.json's "added_tokens": matched in the raw text before pre-tokenization.
struct AddedToken {
  int64_t id = -1;
  std::string content;       // raw text, not byte chars
  bool single_word = false;  // kept for round trips; anvil does not apply it
  bool lstrip = false;       // the match also takes whitespace on its left
  bool rstrip = false;       // ... and on its right
  bool normalized = false;
  bool special = true;
};

// How the model and pre-tokenizer behave; read from and written to tokenizer.json.
struct BpeConfig {
  // Applied to the text between added tokens, before pre-tokenization (Qwen2: NFC).
  Normalizer normalizer = Normalizer::kNone;
  std::string pattern = kGpt2Pattern;  // pre-tokenizer regex; "" = no regex split
  bool add_prefix_space = false;  // ByteLevel: prepend ' ' to text that does not start with one
  bool ignore_merges = false;     // a pre-token that is a vocab entry is emitted as is
  std::string unk_token;          // "" = none; used for bytes missing from the vocab
  // JSON kept verbatim for round trips ("null" when absent); anvil does not apply them.
  std::string truncation_json = "null";
  std::string padding_json = "null";
  std::string post_processor_json = "null";

  void validate() const;
};

class BpeTokenizer final : public Tokenizer {
 public:
  // `vocab[i]` is the byte-char string of id i (ids are dense). `merges` are (left, right) token
  // strings in rank order; each part and their concatenation must be in the vocab. Added tokens
  // whose content is in the vocab must use that id; others take ids >= vocab.size(), no id twice.
  // Throws anvil::Error saying which entry is wrong.
  BpeTokenizer(std::vector<std::string> vocab,
               const std::vector<std::pair<std::string, std::string>>& merges,
               std::vector<AddedToken> added_tokens, BpeConfig config);
  ~BpeTokenizer() override;
  BpeTokenizer(BpeTokenizer&&) noexcept;
  BpeTokenizer& operator=(BpeTokenizer&&) noexcept;

  // Splits out every added token, special ones included: a literal "<|endoftext|>" in the text
  // becomes its id. Right for anvil's own training data; wrong for text from users.
  void encode_append(std::string_view text, std::vector<int64_t>& out) const override;
  // The same for untrusted text: added tokens marked special (end of text, chat-template markers)
  // are not matched, so text that spells one is encoded as ordinary text and can never produce a
  // special id. Added tokens not marked special still match.
  void encode_text_append(std::string_view text, std::vector<int64_t>& out) const override;
  std::string decode(const std::vector<int64_t>& ids) const override;
  // Vocab entries plus added tokens that are not in the vocab.
  int64_t vocab_size() const override;

  // A per-thread encoder that keeps its merge cache and regex state between calls: the fastest
  // way to encode many documents on one thread. Not thread-safe; valid while the tokenizer lives.
  class Session {
   public:
    explicit Session(const BpeTokenizer& tokenizer);
    ~Session();
    Session(Session&&) noexcept;
    void encode_append(std::string_view text, std::vector<int64_t>& out);

    struct State;

   private:
    friend class BpeTokenizer;
    Session(const BpeTokenizer& tokenizer, std::unique_ptr<State> state);
    const BpeTokenizer* tok_;
    std::unique_ptr<State> state_;
  };

  // The byte-char string of an id (added tokens: their content); throws if out of range.
  const std::string& token(int64_t id) const;
  // The id of a byte-char string or added token content, or -1.
  int64_t token_id(const std::string& token) const;
  const std::vector<std::string>& vocab() const;
  // Merges in rank order, as (left id, right id).
  const std::vector<std::pair<int32_t, int32_t>>& merges() const;
  const std::vector<AddedToken>& added_tokens() const;
  const BpeConfig& config() const;

  struct Impl;  // private state (src/tokenize/bpe_impl.h)

 private:
  void encode_pooled(std::string_view text, std::vector<int64_t>& out, bool parse_special) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace anvil::tokenize
