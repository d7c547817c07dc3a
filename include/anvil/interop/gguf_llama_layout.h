// How a Hugging Face Llama/Qwen2 checkpoint maps onto llama.cpp's GGUF layout: tensor names
// (model.layers.3.self_attn.q_proj.weight <-> blk.3.attn_q.weight), the architecture name and
// metadata prefix, and the Q/K row permutation. HF applies rotary embeddings to the two halves of
// each head (rotate_half); llama.cpp's "llama" architecture rotates adjacent pairs, so
// llama.cpp's converter reorders the rows of q_proj/k_proj (and their biases) per head:
// row (h, half, i) -> (h, i, half). Qwen2 files use llama.cpp's NeoX rope and keep HF's order.
#pragma once

#include <torch/types.h>

#include <optional>
#include <string>
#include <vector>

namespace anvil::interop {

// "llama" for LlamaForCausalLM, "qwen2" for Qwen2ForCausalLM; throws for other architectures.
std::string gguf_architecture_for(const std::string& hf_architecture);
std::string hf_architecture_for(const std::string& gguf_architecture);

// tokenizer.ggml.pre for a byte-level BPE pre-tokenizer regex: "gpt-2", "llama3" (cl100k) or
// "qwen2" — values llama.cpp maps to the same regex. Throws for any other pattern.
std::string gguf_pre_tokenizer_for(const std::string& pattern);
// The regex for a tokenizer.ggml.pre value anvil can reproduce; throws naming the value.
std::string pattern_for_gguf_pre_tokenizer(const std::string& pre);

// Every GGUF tensor name a model with `layers` blocks may have, in llama.cpp's file order:
// token_embd, blk.0.* ... blk.N-1.*, output_norm, output (optional ones such as biases included).
std::vector<std::string> gguf_tensor_order(int64_t layers);

// The GGUF name of an HF tensor, or nullopt for tensors llama.cpp does not take (LoRA factors,
// rotary buffers).
std::optional<std::string> gguf_tensor_name(const std::string& hf_name);
// The inverse; nullopt for names that are not part of a Llama/Qwen2 model.
std::optional<std::string> hf_tensor_name(const std::string& gguf_name);

// Whether the "llama" layout permutes this tensor, and with how many heads (q: attention heads,
// k: key/value heads); 0 = not permuted.
int64_t gguf_rope_permute_heads(const std::string& gguf_name, const std::string& architecture,
                                int64_t heads, int64_t kv_heads);

// The permutation on the first dimension of a weight [heads * head_dim, ...] or bias
// [heads * head_dim]; `inverse` undoes it. Returns a contiguous tensor.
torch::Tensor permute_rope_rows(const torch::Tensor& t, int64_t heads, bool inverse = false);

}  // namespace anvil::interop
