// Llama/Qwen2 <-> GGUF names and the rotary row permutation (llama.cpp convert_hf_to_gguf.py's
// LlamaModel.permute).
#include "anvil/interop/gguf_llama_layout.h"

#include <regex>
#include <utility>

#include "anvil/core/error.h"
#include "anvil/tokenize/pretokenizer.h"

namespace anvil::interop {
namespace {

// Per-layer tensors: HF suffix after "model.layers.N." <-> GGUF suffix after "blk.N.".
constexpr std::pair<const char*, const char*> kLayerNames[] = {
    {"input_layernorm.weight", "attn_norm.weight"},
    {"self_attn.q_proj.weight", "attn_q.weight"},
    {"self_attn.q_proj.bias", "attn_q.bias"},
    {"self_attn.k_proj.weight", "attn_k.weight"},
    {"self_attn.k_proj.bias", "attn_k.bias"},
    {"self_attn.v_proj.weight", "attn_v.weight"},
    {"self_attn.v_proj.bias", "attn_v.bias"},
    {"self_attn.o_proj.weight", "attn_output.weight"},
    {"post_attention_layernorm.weight", "ffn_norm.weight"},
    {"mlp.gate_proj.weight", "ffn_gate.weight"},
    {"mlp.up_proj.weight", "ffn_up.weight"},
    {"mlp.down_proj.weight", "ffn_down.weight"},
};
constexpr std::pair<const char*, const char*> kGlobalNames[] = {
    {"model.embed_tokens.weight", "token_embd.weight"},
    {"model.norm.weight", "output_norm.weight"},
    {"lm_head.weight", "output.weight"},
};

}  // namespace

std::string gguf_architecture_for(const std::string& hf) {
  if (hf == "LlamaForCausalLM") return "llama";
  if (hf == "Qwen2ForCausalLM") return "qwen2";
  throw Error("architecture '" + hf +
              "' has no GGUF mapping in anvil (supported: LlamaForCausalLM, Qwen2ForCausalLM)");
}

std::string hf_architecture_for(const std::string& gguf) {
  if (gguf == "llama") return "LlamaForCausalLM";
  if (gguf == "qwen2") return "Qwen2ForCausalLM";
  throw Error("general.architecture '" + gguf + "' is not supported (supported: llama, qwen2)");
}

std::string gguf_pre_tokenizer_for(const std::string& pattern) {
  const std::string name = tokenize::pattern_name(pattern);
  if (name == "gpt2") return "gpt-2";
  if (name == "cl100k") return "llama3";
  if (name == "qwen2") return "qwen2";
  throw Error(
      "the tokenizer's pre-tokenizer regex has no llama.cpp equivalent (GGUF export "
      "takes the gpt2, cl100k/llama3 and qwen2 patterns)");
}

std::string pattern_for_gguf_pre_tokenizer(const std::string& pre) {
  if (pre == "gpt-2" || pre == "gpt2") return tokenize::kGpt2Pattern;
  if (pre == "llama3" || pre == "llama-bpe") return tokenize::kCl100kPattern;
  if (pre == "qwen2") return tokenize::kQwen2Pattern;
  throw Error("tokenizer.ggml.pre '" + pre +
              "' is not supported (anvil reads gpt-2, llama3 and qwen2 pre-tokenizers)");
}

std::vector<std::string> gguf_tensor_order(int64_t layers) {
  std::vector<std::string> order = {kGlobalNames[0].second};  // token_embd
  for (int64_t i = 0; i < layers; ++i)
    for (const auto& [hf, gg] : kLayerNames) order.push_back("blk." + std::to_string(i) + "." + gg);
  order.push_back(kGlobalNames[1].second);  // output_norm
  order.push_back(kGlobalNames[2].second);  // output
  return order;
}

std::optional<std::string> gguf_tensor_name(const std::string& hf_name) {
  for (const auto& [hf, gg] : kGlobalNames)
    if (hf_name == hf) return std::string(gg);
  static const std::regex layer(R"(model\.layers\.(\d+)\.(.+))");
  std::smatch m;
  if (!std::regex_match(hf_name, m, layer)) return std::nullopt;
  for (const auto& [hf, gg] : kLayerNames)
    if (m[2] == hf) return "blk." + m[1].str() + "." + gg;
  return std::nullopt;
}

std::optional<std::string> hf_tensor_name(const std::string& gguf_name) {
  for (const auto& [hf, gg] : kGlobalNames)
    if (gguf_name == gg) return std::string(hf);
  static const std::regex layer(R"(blk\.(\d+)\.(.+))");
  std::smatch m;
  if (!std::regex_match(gguf_name, m, layer)) return std::nullopt;
  for (const auto& [hf, gg] : kLayerNames)
    if (m[2] == gg) return "model.layers." + m[1].str() + "." + hf;
  return std::nullopt;
}

int64_t gguf_rope_permute_heads(const std::string& gguf_name, const std::string& architecture,
                                int64_t heads, int64_t kv_heads) {
  if (architecture != "llama") return 0;
  auto ends_with = [&](const std::string& s) {
    return gguf_name.size() >= s.size() &&
           gguf_name.compare(gguf_name.size() - s.size(), s.size(), s) == 0;
  };
  if (ends_with(".attn_q.weight") || ends_with(".attn_q.bias")) return heads;
  if (ends_with(".attn_k.weight") || ends_with(".attn_k.bias")) return kv_heads;
  return 0;
}

torch::Tensor permute_rope_rows(const torch::Tensor& t, int64_t heads, bool inverse) {
  const int64_t rows = t.size(0);
  if (heads <= 0 || rows % (2 * heads) != 0)
    throw Error("cannot permute " + std::to_string(rows) + " rows for rotary embeddings over " +
                std::to_string(heads) + " heads (rows must be a multiple of 2 x heads)");
  const int64_t half = rows / heads / 2;
  std::vector<int64_t> shape = {heads, 2, half};
  std::vector<int64_t> inv_shape = {heads, half, 2};
  for (int64_t d = 1; d < t.dim(); ++d) {
    shape.push_back(t.size(d));
    inv_shape.push_back(t.size(d));
  }
  // Forward: [h, 2, half, ...] -> swap(1, 2). Inverse: view as [h, half, 2, ...] and swap back.
  auto v = t.reshape(inverse ? inv_shape : shape).transpose(1, 2);
  return v.reshape(t.sizes()).contiguous();
}

}  // namespace anvil::interop
