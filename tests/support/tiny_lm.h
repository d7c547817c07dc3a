// A tiny language model with random weights and a small trained BPE tokenizer, saved as an anvil
// model folder: enough for tests of code that loads, serves or exports language models.
#pragma once

#include <torch/torch.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "anvil/models/llama.h"
#include "anvil/models/llama_io.h"
#include "anvil/tokenize/bpe_trainer.h"
#include "anvil/tokenize/tokenizer_json.h"

namespace anvil::testing {

inline tokenize::BpeTokenizer tiny_tokenizer(const std::vector<std::string>& specials,
                                             int64_t vocab = 320) {
  const std::string text =
      "Parse this address: 400 Greenwood Terrace, Madison, Wisconsin 53773. Is this spam? "
      "{\"street_number\":\"400\",\"street\":\"Greenwood Terrace\"} The quick brown fox.\n";
  std::vector<std::string_view> texts(20, text);
  tokenize::BpeTrainOptions o;
  o.vocab_size = vocab;
  o.special_tokens = specials;
  o.threads = 1;
  return tokenize::train_bpe(tokenize::count_words(texts, o.pattern, 1), o);
}

inline models::LlamaForCausalLM tiny_llama(int64_t vocab, int64_t context = 512,
                                           uint64_t seed = 3) {
  models::LlamaConfig c;
  c.vocab_size = vocab;
  c.hidden_size = 64;
  c.intermediate_size = 96;
  c.num_hidden_layers = 2;
  c.num_attention_heads = 4;
  c.num_key_value_heads = 2;
  c.max_position_embeddings = context;
  c.tie_word_embeddings = true;
  torch::manual_seed(seed);
  models::LlamaForCausalLM m(c);
  torch::NoGradGuard g;
  for (auto& p : m->parameters()) p.normal_(0, 0.3);  // peaked logits: greedy ties are rare
  m->eval();
  return m;
}

// Writes DIR/config.json, model.safetensors and tokenizer.json.
inline void save_tiny_lm(const std::string& dir, const std::vector<std::string>& specials,
                         int64_t context = 512) {
  const auto tok = tiny_tokenizer(specials);
  auto m = tiny_llama(tok.vocab_size(), context);
  models::save_llama(m, dir);
  tokenize::save_tokenizer_json(tok, dir + "/tokenizer.json");
}

// A one-character stop string that ends this generated answer early (a random model writes
// bytes, rarely words): the first printable ASCII character of `text` after its first byte.
// {stop, the bytes before it}; {"", 0} if there is none.
inline std::pair<std::string, size_t> stop_inside(const std::string& text) {
  for (size_t i = 1; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c > 0x20 && c < 0x7f && text.find(text[i]) == i) return {std::string(1, text[i]), i};
  }
  return {"", 0};
}

// How many of `ids` start before byte `bytes` of their concatenated text.
inline size_t tokens_before(const tokenize::Tokenizer& tok, const std::vector<int64_t>& ids,
                            size_t bytes) {
  size_t at = 0, n = 0;
  for (; n < ids.size() && at < bytes; ++n) at += tok.decode({ids[n]}).size();
  return n;
}

// What a JSON API returns for generated text: bytes that are not UTF-8 (a random model's tokens
// cut characters anywhere) become U+FFFD, as the server's JSON writer does.
inline std::string as_json_text(const std::string& text) {
  return nlohmann::json::parse(
             nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
      .get<std::string>();
}

}  // namespace anvil::testing
