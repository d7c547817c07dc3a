// Reading and writing Hugging Face tokenizer.json files for byte-level BPE (docs/formats.md §3),
// and GPT-2's original encoder.json + vocab.bpe. Readers are strict: a malformed file is rejected
// with a message naming the file, the key (e.g. model.merges[12]) and what was expected. Loading
// can run in the background while the caller does other work.
#pragma once

#include <future>
#include <memory>
#include <string>
#include <string_view>

#include "anvil/tokenize/bpe_tokenizer.h"

namespace anvil::tokenize {

// Parses tokenizer.json text; `source` names it in errors (usually the path).
BpeTokenizer parse_tokenizer_json(std::string_view json, const std::string& source);
BpeTokenizer load_tokenizer_json(const std::string& path);
// The tokenizer.json text (model BPE, ByteLevel pre-tokenizer/decoder, merges as pairs, vocab in
// id order). Loading it back gives a tokenizer with identical encodings.
std::string to_tokenizer_json(const BpeTokenizer& tokenizer);
// Writes to_tokenizer_json atomically.
void save_tokenizer_json(const BpeTokenizer& tokenizer, const std::string& path);

// GPT-2's files: encoder.json ({token: id}) and vocab.bpe ("#version" line, then "a b" merges).
// "<|endoftext|>" becomes a special added token, as in GPT-2's tokenizer.json.
BpeTokenizer load_gpt2_files(const std::string& encoder_json_path,
                             const std::string& vocab_bpe_path);
// The same from the files' text; the two paths only name them in errors.
BpeTokenizer parse_gpt2_files(std::string_view encoder_json, std::string_view vocab_bpe,
                              const std::string& encoder_json_path,
                              const std::string& vocab_bpe_path);

// A tokenizer loading on a background thread. ready() never blocks; wait() blocks until loaded
// and returns it, or rethrows the loading error (every call, the same error).
class PendingTokenizer {
 public:
  explicit PendingTokenizer(std::shared_future<std::shared_ptr<const BpeTokenizer>> future)
      : future_(std::move(future)) {}
  bool ready() const;
  std::shared_ptr<const BpeTokenizer> wait() const;

 private:
  std::shared_future<std::shared_ptr<const BpeTokenizer>> future_;
};

// Starts loading `path` (tokenizer.json) on a background thread.
PendingTokenizer load_tokenizer_json_async(const std::string& path);

}  // namespace anvil::tokenize
