// Single-stream decoding as plain loops (see fast_decode.h). The kernels are compiled for AVX-512,
// AVX2+FMA and baseline x86-64 and picked at load time by the CPU (GCC target_clones).
#include "anvil/models/fast_decode.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>

#include "anvil/core/error.h"

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define ANVIL_CPU_CLONES \
  __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define ANVIL_CPU_CLONES
#endif

namespace anvil::models {
namespace {

// dot(a, b) over n floats, in 16 independent partial sums (vectorised by the compiler).
ANVIL_CPU_CLONES float dot(const float* a, const float* b, int64_t n) {
  float acc[16] = {};
  int64_t i = 0;
  for (; i + 16 <= n; i += 16)
    for (int j = 0; j < 16; ++j) acc[j] += a[i + j] * b[i + j];
  float s = 0;
  for (int j = 0; j < 16; ++j) s += acc[j];
  for (; i < n; ++i) s += a[i] * b[i];
  return s;
}

// y += a * x over n floats.
ANVIL_CPU_CLONES void axpy(float a, const float* x, float* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i) y[i] += a * x[i];
}

// y = W x (+ bias) for W [rows, cols] row-major; rows split over the threads only in chunks of at
// least 2M weights (8 MB): a matvec reads each weight once, so it runs at memory bandwidth, and on
// the 2-core machine measured, smaller splits made decoding slower on 2 threads than on 1 (recipe
// model 3955 vs 4357 tokens/s with 64K-weight chunks; a ~90M model 85 vs 94).
void matvec(const float* w, const float* x, const float* bias, float* y, int64_t rows,
            int64_t cols) {
  const int64_t grain = std::max<int64_t>(16, (int64_t{1} << 21) / std::max<int64_t>(cols, 1));
  at::parallel_for(0, rows, grain, [&](int64_t begin, int64_t end) {
    for (int64_t r = begin; r < end; ++r)
      y[r] = dot(w + r * cols, x, cols) + (bias ? bias[r] : 0.0f);
  });
}

// out = weight * x / sqrt(mean(x^2) + eps), float32 as the model's RmsNorm.
void rms_norm(const float* x, const float* weight, float* out, int64_t n, double eps) {
  const float ms = dot(x, x, n) / static_cast<float>(n);
  const float r = 1.0f / std::sqrt(ms + static_cast<float>(eps));
  for (int64_t i = 0; i < n; ++i) out[i] = weight[i] * (x[i] * r);
}

// Rotary embedding of one head in place, rotate-half convention (as the model's apply_rotary).
void rotate(float* v, const float* cos, const float* sin, int64_t dh) {
  const int64_t half = dh / 2;
  for (int64_t i = 0; i < half; ++i) {
    const float a = v[i], b = v[i + half];
    v[i] = a * cos[i] - b * sin[i];
    v[i + half] = b * cos[i + half] + a * sin[i + half];
  }
}

const float* data_of(const torch::Tensor& t) { return t.defined() ? t.data_ptr<float>() : nullptr; }

}  // namespace

std::string FastDecoder::unsupported_reason(LlamaForCausalLM& model) {
  for (const auto& p : model->parameters()) {
    if (!p.device().is_cpu()) return "the model is not on the CPU";
    if (p.scalar_type() != torch::kFloat32) return "the weights are not float32";
    if (!p.is_contiguous()) return "a weight is not contiguous";
  }
  for (const auto& m : model->modules())
    if (const auto* lin = m->as<LoraLinearImpl>(); lin && lin->has_lora() && !lin->merged())
      return "it has unmerged LoRA adapters";
  return "";
}

FastDecoder::FastDecoder(LlamaForCausalLM& model, int64_t max_tokens)
    : config_(model->config()), max_tokens_(max_tokens) {
  const std::string why = unsupported_reason(model);
  if (!why.empty()) throw Error("fast decoding: " + why);
  const auto& c = config_;
  for (const auto& m : *model->model->layers) {
    auto* layer = m->as<LlamaDecoderLayerImpl>();
    auto& a = *layer->self_attn;
    auto& f = *layer->mlp;
    layers_.push_back({data_of(layer->input_layernorm->weight), data_of(a.q_proj->weight),
                       data_of(a.k_proj->weight), data_of(a.v_proj->weight),
                       data_of(a.q_proj->bias), data_of(a.k_proj->bias), data_of(a.v_proj->bias),
                       data_of(a.o_proj->weight), data_of(layer->post_attention_layernorm->weight),
                       data_of(f.gate_proj->weight), data_of(f.up_proj->weight),
                       data_of(f.down_proj->weight)});
  }
  if (model->has_shared_embeddings())
    throw Error("fast decode: the model still trains shared embedding rows (fold them first)");
  embed_ = data_of(model->model->embed_tokens->weight);
  norm_final_ = data_of(model->model->norm->weight);
  head_ = data_of(model->lm_head_weight());
  // The model's own expression, so the frequencies are the same floats.
  const int64_t dh = c.head_dim();
  const auto inv =
      1.0 / torch::pow(c.rope_theta,
                       torch::arange(0, dh, 2, torch::kInt64).to(torch::kFloat32) / double(dh));
  inv_freq_.assign(inv.data_ptr<float>(), inv.data_ptr<float>() + inv.numel());
  const size_t cache =
      static_cast<size_t>(c.num_hidden_layers * c.num_key_value_heads * max_tokens * dh);
  keys_.assign(cache, 0.0f);
  values_.assign(cache, 0.0f);
  const auto d = static_cast<size_t>(c.hidden_size);
  x_.resize(d);
  h_.resize(d);
  q_.resize(static_cast<size_t>(c.num_attention_heads * dh));
  k_.resize(static_cast<size_t>(c.num_key_value_heads * dh));
  v_.resize(k_.size());
  att_.resize(q_.size());
  scores_.resize(static_cast<size_t>(max_tokens));
  gate_.resize(static_cast<size_t>(c.intermediate_size));
  up_.resize(gate_.size());
  logits_.resize(static_cast<size_t>(c.vocab_size));
}

void FastDecoder::load_cache(const KvCache& cache) {
  const int64_t s = cache.length(), dh = config_.head_dim(), kvh = config_.num_key_value_heads;
  if (s > max_tokens_ || static_cast<int64_t>(cache.keys.size()) != config_.num_hidden_layers)
    throw Error("fast decoding: a cache of " + std::to_string(s) + " positions in " +
                std::to_string(cache.keys.size()) + " layers does not fit");
  for (size_t l = 0; l < cache.keys.size(); ++l) {
    const auto k = cache.keys[l].to(torch::kFloat32).contiguous();  // [1, kv_heads, S, Dh]
    const auto v = cache.values[l].to(torch::kFloat32).contiguous();
    for (int64_t h = 0; h < kvh; ++h) {
      const size_t at = static_cast<size_t>((static_cast<int64_t>(l) * kvh + h) * max_tokens_ * dh);
      std::copy_n(k.data_ptr<float>() + h * s * dh, s * dh, keys_.begin() + at);
      std::copy_n(v.data_ptr<float>() + h * s * dh, s * dh, values_.begin() + at);
    }
  }
  length_ = s;
}

void FastDecoder::attention(size_t layer, int64_t position) {
  const int64_t dh = config_.head_dim(), kvh = config_.num_key_value_heads;
  const int64_t group = config_.num_attention_heads / kvh;
  const float scale = 1.0f / std::sqrt(static_cast<float>(dh));
  const int64_t n = position + 1;
  for (int64_t h = 0; h < config_.num_attention_heads; ++h) {
    const size_t base =
        static_cast<size_t>((static_cast<int64_t>(layer) * kvh + h / group) * max_tokens_ * dh);
    const float* keys = keys_.data() + base;
    const float* values = values_.data() + base;
    const float* q = q_.data() + h * dh;
    float top = -INFINITY;
    for (int64_t j = 0; j < n; ++j) {
      scores_[j] = dot(q, keys + j * dh, dh) * scale;
      top = std::max(top, scores_[j]);
    }
    float sum = 0;
    for (int64_t j = 0; j < n; ++j) sum += scores_[j] = std::exp(scores_[j] - top);
    float* out = att_.data() + h * dh;
    std::fill_n(out, dh, 0.0f);
    for (int64_t j = 0; j < n; ++j) axpy(scores_[j] / sum, values + j * dh, out, dh);
  }
}

const std::vector<float>& FastDecoder::step(int64_t token) {
  const auto& c = config_;
  if (length_ >= max_tokens_)
    throw Error("fast decoding: all " + std::to_string(max_tokens_) + " positions are used");
  if (token < 0 || token >= c.vocab_size)
    throw Error("fast decoding: token id " + std::to_string(token) + " is outside the vocabulary");
  const int64_t d = c.hidden_size, dh = c.head_dim(), ffn = c.intermediate_size;
  const int64_t kvh = c.num_key_value_heads, position = length_;
  // cos/sin of this position: freqs = position * inv_freq, repeated for both halves.
  const int64_t half = dh / 2;
  std::vector<float> cos(static_cast<size_t>(dh)), sin(static_cast<size_t>(dh));
  for (int64_t i = 0; i < half; ++i) {
    const float f = static_cast<float>(position) * inv_freq_[i];
    cos[i] = cos[i + half] = std::cos(f);
    sin[i] = sin[i + half] = std::sin(f);
  }
  std::copy_n(embed_ + token * d, d, x_.begin());
  for (size_t l = 0; l < layers_.size(); ++l) {
    const Layer& w = layers_[l];
    rms_norm(x_.data(), w.norm_in, h_.data(), d, c.rms_norm_eps);
    matvec(w.q, h_.data(), w.q_bias, q_.data(), c.num_attention_heads * dh, d);
    matvec(w.k, h_.data(), w.k_bias, k_.data(), kvh * dh, d);
    matvec(w.v, h_.data(), w.v_bias, v_.data(), kvh * dh, d);
    for (int64_t h = 0; h < c.num_attention_heads; ++h)
      rotate(q_.data() + h * dh, cos.data(), sin.data(), dh);
    for (int64_t h = 0; h < kvh; ++h) {
      rotate(k_.data() + h * dh, cos.data(), sin.data(), dh);
      const size_t at =
          static_cast<size_t>(((static_cast<int64_t>(l) * kvh + h) * max_tokens_ + position) * dh);
      std::copy_n(k_.data() + h * dh, dh, keys_.begin() + at);
      std::copy_n(v_.data() + h * dh, dh, values_.begin() + at);
    }
    attention(l, position);
    matvec(w.o, att_.data(), nullptr, h_.data(), d, c.num_attention_heads * dh);
    for (int64_t i = 0; i < d; ++i) x_[i] += h_[i];
    rms_norm(x_.data(), w.norm_post, h_.data(), d, c.rms_norm_eps);
    matvec(w.gate, h_.data(), nullptr, gate_.data(), ffn, d);
    matvec(w.up, h_.data(), nullptr, up_.data(), ffn, d);
    for (int64_t i = 0; i < ffn; ++i) gate_[i] = gate_[i] / (1.0f + std::exp(-gate_[i])) * up_[i];
    matvec(w.down, gate_.data(), nullptr, h_.data(), d, ffn);
    for (int64_t i = 0; i < d; ++i) x_[i] += h_[i];
  }
  rms_norm(x_.data(), norm_final_, h_.data(), d, c.rms_norm_eps);
  matvec(head_, h_.data(), nullptr, logits_.data(), c.vocab_size, d);
  ++length_;
  return logits_;
}

}  // namespace anvil::models
