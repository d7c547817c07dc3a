// Loading a model folder or a GGUF file for inference.
#include "anvil/interop/language_model_loader.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/interop/gguf_llama_layout.h"
#include "anvil/io/gguf_quant.h"
#include "anvil/models/peft_adapter.h"
#include "anvil/tokenize/tokenizer_json.h"

namespace anvil::interop {
namespace {

using io::GgufFile;

const io::GgufValue& required(const GgufFile& f, const std::string& key,
                              const std::string& origin) {
  const auto* v = f.find(key);
  if (!v) throw Error(origin + ": metadata key '" + key + "' is missing");
  return *v;
}

template <typename Fn>
auto with_key(const std::string& origin, const std::string& key, Fn fn) {
  try {
    return fn();
  } catch (const Error& e) {
    throw Error(origin + ": metadata key '" + key + "': " + e.what());
  }
}

tokenize::BpeTokenizer tokenizer_from_gguf(const GgufFile& f, const std::string& origin) {
  const auto& model = with_key(origin, "tokenizer.ggml.model", [&] {
    return required(f, "tokenizer.ggml.model", origin).as_string();
  });
  if (model != "gpt2")
    throw Error(origin + ": tokenizer.ggml.model is '" + model +
                "'; anvil reads byte-level BPE tokenizers ('gpt2') only");
  std::string pre = "gpt-2";
  if (const auto* v = f.find("tokenizer.ggml.pre"))
    pre = with_key(origin, "tokenizer.ggml.pre", [&] { return v->as_string(); });
  tokenize::BpeConfig config;
  try {
    config.pattern = pattern_for_gguf_pre_tokenizer(pre);
  } catch (const Error& e) {
    throw Error(origin + ": " + e.what());
  }
  auto tokens = with_key(origin, "tokenizer.ggml.tokens", [&] {
    return required(f, "tokenizer.ggml.tokens", origin).as_string_array();
  });
  std::vector<int32_t> types(tokens.size(), 1);
  if (const auto* v = f.find("tokenizer.ggml.token_type")) {
    const auto& arr = with_key(origin, "tokenizer.ggml.token_type", [&] { return v->as_array(); });
    if (arr.items.size() != tokens.size())
      throw Error(origin + ": tokenizer.ggml.token_type has " + std::to_string(arr.items.size()) +
                  " entries for " + std::to_string(tokens.size()) + " tokens");
    for (size_t i = 0; i < types.size(); ++i)
      types[i] =
          with_key(origin, "tokenizer.ggml.token_type", [&] { return arr.items[i].as_i32(); });
  }
  auto merge_strings = with_key(origin, "tokenizer.ggml.merges", [&] {
    return required(f, "tokenizer.ggml.merges", origin).as_string_array();
  });
  std::vector<std::pair<std::string, std::string>> merges;
  merges.reserve(merge_strings.size());
  for (size_t i = 0; i < merge_strings.size(); ++i) {
    const auto& m = merge_strings[i];
    const size_t sp = m.find(' ');
    if (sp == std::string::npos || sp == 0 || sp + 1 == m.size() ||
        m.find(' ', sp + 1) != std::string::npos)
      throw Error(origin + ": tokenizer.ggml.merges[" + std::to_string(i) + "] = '" + m +
                  "' is not two tokens separated by one space");
    merges.emplace_back(m.substr(0, sp), m.substr(sp + 1));
  }
  std::vector<tokenize::AddedToken> added;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (types[i] != 3 && types[i] != 4) continue;  // CONTROL, USER_DEFINED
    tokenize::AddedToken a;
    a.id = static_cast<int64_t>(i);
    a.content = tokens[i];
    a.special = types[i] == 3;
    added.push_back(a);
  }
  try {
    return tokenize::BpeTokenizer(std::move(tokens), merges, std::move(added), config);
  } catch (const Error& e) {
    throw Error(origin + ": tokenizer: " + e.what());
  }
}

uint32_t u32_key(const GgufFile& f, const std::string& key, const std::string& origin) {
  return with_key(origin, key, [&] { return required(f, key, origin).as_u32(); });
}

float f32_key(const GgufFile& f, const std::string& key, const std::string& origin,
              float fallback) {
  const auto* v = f.find(key);
  if (!v) return fallback;
  return with_key(origin, key, [&] { return v->as_f32(); });
}

}  // namespace

bool is_gguf_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  std::FILE* fp = std::fopen(path.c_str(), "rb");
  if (!fp) return false;
  char magic[4] = {};
  const size_t n = std::fread(magic, 1, 4, fp);
  std::fclose(fp);
  return n == 4 && std::string_view(magic, 4) == io::kGgufMagic;
}

LanguageModel language_model_from_gguf(const GgufFile& f, const std::string& origin) {
  const std::string arch = with_key(origin, "general.architecture", [&] {
    return required(f, "general.architecture", origin).as_string();
  });
  models::LlamaConfig c;
  c.architecture = hf_architecture_for(arch);
  const std::string p = arch + ".";
  c.hidden_size = u32_key(f, p + "embedding_length", origin);
  c.num_hidden_layers = u32_key(f, p + "block_count", origin);
  c.intermediate_size = u32_key(f, p + "feed_forward_length", origin);
  c.num_attention_heads = u32_key(f, p + "attention.head_count", origin);
  c.num_key_value_heads = f.find(p + "attention.head_count_kv")
                              ? u32_key(f, p + "attention.head_count_kv", origin)
                              : c.num_attention_heads;
  c.max_position_embeddings = u32_key(f, p + "context_length", origin);
  c.rms_norm_eps = f32_key(f, p + "attention.layer_norm_rms_epsilon", origin, 1e-5f);
  c.rope_theta = f32_key(f, p + "rope.freq_base", origin, 10000.0f);
  if (f.find(p + "rope.dimension_count") &&
      u32_key(f, p + "rope.dimension_count", origin) != c.hidden_size / c.num_attention_heads)
    throw Error(origin + ": " + p + "rope.dimension_count is not the head size " +
                "(partial rotary embeddings are not supported)");
  const auto* embd = f.find_tensor("token_embd.weight");
  if (!embd || embd->dims.size() != 2)
    throw Error(origin + ": tensor token_embd.weight is missing or not 2-D");
  c.vocab_size = static_cast<int64_t>(embd->dims[1]);
  c.tie_word_embeddings = f.find_tensor("output.weight") == nullptr;
  c.attention_bias = f.find_tensor("blk.0.attn_q.bias") != nullptr;
  if (f.find("tokenizer.ggml.bos_token_id"))
    c.bos_token_id = u32_key(f, "tokenizer.ggml.bos_token_id", origin);
  if (f.find("tokenizer.ggml.eos_token_id"))
    c.eos_token_id = u32_key(f, "tokenizer.ggml.eos_token_id", origin);
  if (f.find("tokenizer.ggml.padding_token_id"))
    c.pad_token_id = u32_key(f, "tokenizer.ggml.padding_token_id", origin);
  try {
    c.validate();
  } catch (const Error& e) {
    throw Error(origin + ": " + e.what());
  }

  LanguageModel lm{models::LlamaForCausalLM(c), tokenizer_from_gguf(f, origin)};
  if (lm.tokenizer.vocab_size() > c.vocab_size)
    throw Error(origin + ": the tokenizer has " + std::to_string(lm.tokenizer.vocab_size()) +
                " tokens but token_embd.weight only " + std::to_string(c.vocab_size) + " rows");
  std::map<std::string, torch::Tensor> params;
  for (auto& kv : lm.model->named_parameters()) params[kv.key()] = kv.value();
  std::set<std::string> loaded;
  torch::NoGradGuard no_grad;
  for (const auto& t : f.tensors) {
    if (t.name == "rope_freqs.weight") continue;  // llama.cpp's optional rope scaling factors
    auto hf = hf_tensor_name(t.name);
    if (!hf || !params.count(*hf))
      throw Error(origin + ": tensor '" + t.name + "' is not part of a " + arch +
                  " model with this configuration");
    auto& dst = params[*hf];
    std::vector<int64_t> shape(t.dims.rbegin(), t.dims.rend());
    if (dst.sizes().vec() != shape)
      throw Error(
          origin + ": tensor '" + t.name + "' has ggml dims " + io::format_gguf_dims(t.dims) +
          ", the model expects " +
          io::format_gguf_dims(std::vector<uint64_t>(dst.sizes().rbegin(), dst.sizes().rend())));
    auto values = io::gguf_dequantize(t.type, t.bytes);
    auto src = torch::from_blob(values.data(), shape, torch::kFloat32);
    const int64_t heads =
        gguf_rope_permute_heads(t.name, arch, c.num_attention_heads, c.num_key_value_heads);
    if (heads > 0) src = permute_rope_rows(src, heads, /*inverse=*/true);
    dst.copy_(src);
    loaded.insert(*hf);
  }
  for (const auto& [name, _] : params)
    if (!loaded.count(name) && name.find("lora_") == std::string::npos)
      throw Error(origin + ": tensor '" + gguf_tensor_name(name).value_or(name) + "' is missing");
  lm.model->eval();
  return lm;
}

LanguageModel load_language_model(const std::string& path) {
  if (is_gguf_file(path)) return language_model_from_gguf(io::read_gguf(path), path);
  if (std::filesystem::is_regular_file(path))
    throw usage_error("'" + path + "' is neither a GGUF file nor a model folder");
  if (!file_exists(path + "/tokenizer.json"))
    throw usage_error("no language model at '" + path +
                      "' (expected a folder with tokenizer.json and config.json, or a .gguf "
                      "file)")
        .about("model_folder");
  return {models::load_model_with_adapters(path),
          tokenize::load_tokenizer_json(path + "/tokenizer.json")};
}

}  // namespace anvil::interop
