// The Q4_K_M per-tensor type choice, following llama.cpp's llama_tensor_get_type for
// LLAMA_FTYPE_MOSTLY_Q4_K_M on the llama architecture (no imatrix, no experts, not 70B); see the
// contract in gguf_quant.h.
#include "anvil/io/gguf_quant.h"

namespace anvil::io {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
bool contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

bool use_more_bits(int i_layer, int n_layers) {
  return i_layer < n_layers / 8 || i_layer >= 7 * n_layers / 8 || (i_layer - n_layers / 8) % 3 == 2;
}

// llama.cpp's tensor_type_fallback for the types this mix uses.
GgufTypeChoice fallback(GgufTypeChoice c, uint64_t ne0) {
  const uint32_t block = ggml_type_info(c.type).block_size;
  if (ne0 % block == 0) return c;
  const std::string why =
      "; ne0 " + std::to_string(ne0) + " not divisible by " + std::to_string(block) + " -> ";
  if (c.type == GgmlType::kQ6_K) {
    c.type = GgmlType::kQ8_0;
    c.reason += why + "q8_0 (llama.cpp fallback)";
  } else if (c.type == GgmlType::kQ4_K) {
    c.type = GgmlType::kQ8_0;
    c.reason += why + "q8_0 (llama.cpp falls back to q5_0, which anvil does not write)";
  }
  if (ne0 % kQK8_0 != 0) {
    c.type = GgmlType::kF16;
    c.reason += "; ne0 not divisible by 32 either -> f16";
  }
  return c;
}

}  // namespace

std::vector<GgufTypeChoice> choose_q4_k_m_types(const std::vector<GgufTensorShape>& tensors) {
  bool has_output = false;
  int n_attn_v = 0, n_ffn_down = 0;
  for (const auto& t : tensors) {
    if (t.name == "output.weight") has_output = true;
    if (contains(t.name, "attn_v.weight")) ++n_attn_v;
    if (contains(t.name, "ffn_down")) ++n_ffn_down;
  }
  int i_attn_v = 0, i_ffn_down = 0;
  std::vector<GgufTypeChoice> out;
  out.reserve(tensors.size());
  for (const auto& t : tensors) {
    size_t n_dims = t.dims.size();
    while (n_dims > 1 && t.dims[n_dims - 1] == 1) --n_dims;  // ggml_n_dims ignores trailing 1s
    const uint64_t ne0 = t.dims.empty() ? 1 : t.dims[0];
    if (n_dims < 2 || !ends_with(t.name, "weight") || contains(t.name, "_norm.weight")) {
      out.push_back({GgmlType::kF32, "not quantized (1-D, norm or non-weight tensor) -> f32"});
      continue;
    }
    GgufTypeChoice c{GgmlType::kQ4_K, "default -> q4_K"};
    if (t.name == "output.weight" || (!has_output && t.name == "token_embd.weight")) {
      if (ne0 % kQK_K != 0) {
        c = {GgmlType::kQ8_0, "output (ne0 not divisible by 256) -> q8_0"};
      } else {
        c = {GgmlType::kQ6_K, has_output ? "output -> q6_K" : "tied token_embd/output -> q6_K"};
      }
    } else if (contains(t.name, "attn_v.weight")) {
      if (use_more_bits(i_attn_v, n_attn_v))
        c = {GgmlType::kQ6_K, "attn_v " + std::to_string(i_attn_v) + " of " +
                                  std::to_string(n_attn_v) + ": use_more_bits -> q6_K"};
      ++i_attn_v;
    } else if (contains(t.name, "ffn_down")) {
      if (use_more_bits(i_ffn_down, n_ffn_down))
        c = {GgmlType::kQ6_K, "ffn_down " + std::to_string(i_ffn_down) + " of " +
                                  std::to_string(n_ffn_down) + ": use_more_bits -> q6_K"};
      ++i_ffn_down;
    }
    out.push_back(fallback(std::move(c), ne0));
  }
  return out;
}

}  // namespace anvil::io
