// LlamaConfig validation and Hugging Face config.json conversion.
#include "anvil/models/llama_config.h"

#include <optional>

#include "anvil/core/error.h"

namespace anvil::models {

void LlamaConfig::validate() const {
  auto bad = [](const std::string& field, int64_t v, const std::string& why) {
    return Error("llama config: " + field + " = " + std::to_string(v) + ": " + why);
  };
  if (vocab_size < 1) throw bad("vocab_size", vocab_size, "must be positive");
  if (hidden_size < 1) throw bad("hidden_size", hidden_size, "must be positive");
  if (num_attention_heads < 1 || hidden_size % num_attention_heads)
    throw bad("num_attention_heads", num_attention_heads, "must divide hidden_size");
  if (head_dim() % 2)
    throw bad("hidden_size", hidden_size, "head_dim must be even for rotary embeddings");
  if (num_key_value_heads < 1 || num_attention_heads % num_key_value_heads)
    throw bad("num_key_value_heads", num_key_value_heads, "must divide num_attention_heads");
  if (num_hidden_layers < 1) throw bad("num_hidden_layers", num_hidden_layers, "must be positive");
  if (intermediate_size < 1) throw bad("intermediate_size", intermediate_size, "must be positive");
  if (max_position_embeddings < 1)
    throw bad("max_position_embeddings", max_position_embeddings, "must be positive");
  if (!(rope_theta > 0)) throw Error("llama config: rope_theta must be > 0");
  if (!(rms_norm_eps > 0)) throw Error("llama config: rms_norm_eps must be > 0");
}

int64_t LlamaConfig::parameter_count() const {
  const int64_t d = hidden_size, kv = num_key_value_heads * head_dim();
  int64_t attn = d * d * 2 + d * kv * 2 + (attention_bias ? d + 2 * kv : 0);
  int64_t mlp = 3 * d * intermediate_size;
  int64_t per_layer = attn + mlp + 2 * d;
  return vocab_size * d * (tie_word_embeddings ? 1 : 2) + num_hidden_layers * per_layer + d;
}

nlohmann::json LlamaConfig::to_hf_json() const {
  nlohmann::json j = {{"architectures", {architecture}},
                      {"model_type", architecture == "Qwen2ForCausalLM" ? "qwen2" : "llama"},
                      {"vocab_size", vocab_size},
                      {"hidden_size", hidden_size},
                      {"intermediate_size", intermediate_size},
                      {"num_hidden_layers", num_hidden_layers},
                      {"num_attention_heads", num_attention_heads},
                      {"num_key_value_heads", num_key_value_heads},
                      {"rope_theta", rope_theta},
                      {"rms_norm_eps", rms_norm_eps},
                      {"max_position_embeddings", max_position_embeddings},
                      {"tie_word_embeddings", tie_word_embeddings},
                      {"attention_bias", attention_bias},
                      {"hidden_act", "silu"},
                      {"torch_dtype", "float32"}};
  if (bos_token_id >= 0) j["bos_token_id"] = bos_token_id;
  if (eos_token_id >= 0) j["eos_token_id"] = eos_token_id;
  if (pad_token_id >= 0) j["pad_token_id"] = pad_token_id;
  return j;
}

namespace {

// An integer field; a float is refused (converting 3e22 to int64 is undefined: found by fuzzing).
int64_t integer_field(const nlohmann::json& j, const char* key, std::optional<int64_t> fallback) {
  if (!j.contains(key) && fallback) return *fallback;
  const auto& v = j.at(key);
  if (!v.is_number_integer())
    throw Error(std::string(key) + ": expected an integer, found " + v.dump());
  return v.get<int64_t>();
}

}  // namespace

LlamaConfig LlamaConfig::from_hf_json(const nlohmann::json& j, const std::string& origin) {
  LlamaConfig c;
  try {
    if (!j.is_object()) throw Error("expected a JSON object");
    c.vocab_size = integer_field(j, "vocab_size", std::nullopt);
    c.hidden_size = integer_field(j, "hidden_size", std::nullopt);
    c.intermediate_size = integer_field(j, "intermediate_size", std::nullopt);
    c.num_hidden_layers = integer_field(j, "num_hidden_layers", std::nullopt);
    c.num_attention_heads = integer_field(j, "num_attention_heads", std::nullopt);
    c.num_key_value_heads = integer_field(j, "num_key_value_heads", c.num_attention_heads);
    c.rope_theta = j.value("rope_theta", 10000.0);
    c.rms_norm_eps = j.value("rms_norm_eps", 1e-6);
    c.max_position_embeddings = integer_field(j, "max_position_embeddings", int64_t{2048});
    c.tie_word_embeddings = j.value("tie_word_embeddings", false);
    if (j.contains("architectures") && j["architectures"].is_array() && !j["architectures"].empty())
      c.architecture = j["architectures"][0].get<std::string>();
    c.attention_bias = j.value("attention_bias", c.architecture == "Qwen2ForCausalLM");
    if (j.contains("bos_token_id") && j["bos_token_id"].is_number_integer())
      c.bos_token_id = j["bos_token_id"];
    if (j.contains("eos_token_id") && j["eos_token_id"].is_number_integer())
      c.eos_token_id = j["eos_token_id"];
    // A list (Llama 3.1/3.2 Instruct: [128001, 128008, 128009]): the first is the one kept.
    if (j.contains("eos_token_id") && j["eos_token_id"].is_array() && !j["eos_token_id"].empty() &&
        j["eos_token_id"][0].is_number_integer())
      c.eos_token_id = j["eos_token_id"][0];
    if (j.contains("pad_token_id") && j["pad_token_id"].is_number_integer())
      c.pad_token_id = j["pad_token_id"];
    // Newer configs spell head_dim out; anvil's attention has hidden_size / heads only.
    if (j.contains("head_dim") && !j["head_dim"].is_null()) {
      const int64_t head_dim = integer_field(j, "head_dim", std::nullopt);
      if (c.num_attention_heads > 0 && head_dim * c.num_attention_heads != c.hidden_size)
        throw Error("head_dim = " + std::to_string(head_dim) +
                    " is not supported: anvil needs hidden_size / num_attention_heads (" +
                    std::to_string(c.hidden_size) + " / " + std::to_string(c.num_attention_heads) +
                    ")");
    }
    if (j.contains("rope_scaling") && !j["rope_scaling"].is_null())
      throw Error("rope_scaling is not supported yet (found " + j["rope_scaling"].dump() + ")");
  } catch (const nlohmann::json::exception& e) {
    throw Error(origin + ": invalid Llama config.json: " + e.what());
  } catch (const Error& e) {
    throw e.with_context(origin);
  }
  with_context(origin, [&] {
    c.validate();
    return 0;
  });
  return c;
}

}  // namespace anvil::models
