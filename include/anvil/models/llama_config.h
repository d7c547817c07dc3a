// LlamaConfig: the hyper-parameters of a Llama-style decoder, read from and written to a Hugging
// Face `config.json` (Llama and Qwen2 field names), so existing checkpoints load as they are.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace anvil::models {

struct LlamaConfig {
  int64_t vocab_size = 0;  // required
  int64_t hidden_size = 256;
  int64_t intermediate_size = 688;  // SwiGLU MLP width
  int64_t num_hidden_layers = 4;
  int64_t num_attention_heads = 4;
  int64_t num_key_value_heads = 4;  // < heads: grouped-query attention
  double rope_theta = 10000.0;
  double rms_norm_eps = 1e-5;
  int64_t max_position_embeddings = 512;
  bool tie_word_embeddings = false;
  bool attention_bias = false;                    // Qwen2: q/k/v projections have biases
  std::string architecture = "LlamaForCausalLM";  // or Qwen2ForCausalLM
  int64_t bos_token_id = -1, eos_token_id = -1, pad_token_id = -1;

  int64_t head_dim() const { return hidden_size / num_attention_heads; }
  void validate() const;  // throws naming the field and value
  int64_t parameter_count() const;
  nlohmann::json to_hf_json() const;
  // `origin` names the file in errors.
  static LlamaConfig from_hf_json(const nlohmann::json& j, const std::string& origin);
};

}  // namespace anvil::models
