// Single-stream decoding as plain loops (see fast_decode.h); the loops themselves are in
// decode_kernels.cpp.
#include "anvil/models/fast_decode.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

#include "anvil/core/error.h"
#include "models/decode_kernels.h"

namespace anvil::models {
namespace {

using decode::axpy;
using decode::dot;

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

struct FastDecoder::Weights {
  struct Layer {
    const float *norm_in, *q_bias, *k_bias, *v_bias, *norm_post;
    decode::DecodeMatrix q, k, v, o, gate, up, down;
  };
  std::vector<Layer> layers;
  const float *embed, *norm_final;
  decode::DecodeMatrix head;

  std::vector<const decode::DecodeMatrix*> matrices() const {
    std::vector<const decode::DecodeMatrix*> out{&head};
    for (const auto& l : layers)
      for (const auto* m : {&l.q, &l.k, &l.v, &l.o, &l.gate, &l.up, &l.down}) out.push_back(m);
    return out;
  }
};

FastDecoder::~FastDecoder() = default;

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

FastDecoder::FastDecoder(LlamaForCausalLM& model, int64_t max_tokens, bool compact_weights)
    : config_(model->config()), weights_(std::make_unique<Weights>()), max_tokens_(max_tokens) {
  const std::string why = unsupported_reason(model);
  if (!why.empty()) throw Error("fast decoding: " + why);
  if (model->has_shared_embeddings())
    throw Error("fast decoding: the model still trains shared embedding rows (fold them first)");
  const auto& c = config_;
  const auto matrix = [&](const torch::Tensor& w) {
    return decode::DecodeMatrix(w, compact_weights);
  };
  for (const auto& m : *model->model->layers) {
    auto* layer = m->as<LlamaDecoderLayerImpl>();
    auto& a = *layer->self_attn;
    auto& f = *layer->mlp;
    weights_->layers.push_back(
        {data_of(layer->input_layernorm->weight), data_of(a.q_proj->bias), data_of(a.k_proj->bias),
         data_of(a.v_proj->bias), data_of(layer->post_attention_layernorm->weight),
         matrix(a.q_proj->weight), matrix(a.k_proj->weight), matrix(a.v_proj->weight),
         matrix(a.o_proj->weight), matrix(f.gate_proj->weight), matrix(f.up_proj->weight),
         matrix(f.down_proj->weight)});
  }
  weights_->embed = data_of(model->model->embed_tokens->weight);
  weights_->norm_final = data_of(model->model->norm->weight);
  weights_->head = matrix(model->lm_head_weight());
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
  cos_.resize(static_cast<size_t>(dh));
  sin_.resize(static_cast<size_t>(dh));
}

int64_t FastDecoder::weight_bytes() const {
  int64_t bytes = 0;
  for (const auto* m : weights_->matrices()) bytes += m->bytes();
  return bytes;
}

std::string FastDecoder::weight_format() const {
  const auto all = weights_->matrices();
  const auto first = all.front()->format();
  for (const auto* m : all)
    if (m->format() != first) return "mixed";
  return decode::format_name(first);
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
  for (int64_t i = 0; i < half; ++i) {
    const float f = static_cast<float>(position) * inv_freq_[i];
    cos_[i] = cos_[i + half] = std::cos(f);
    sin_[i] = sin_[i + half] = std::sin(f);
  }
  std::copy_n(weights_->embed + token * d, d, x_.begin());
  for (size_t l = 0; l < weights_->layers.size(); ++l) {
    const auto& w = weights_->layers[l];
    rms_norm(x_.data(), w.norm_in, h_.data(), d, c.rms_norm_eps);
    w.q.matvec(h_.data(), w.q_bias, q_.data());
    w.k.matvec(h_.data(), w.k_bias, k_.data());
    w.v.matvec(h_.data(), w.v_bias, v_.data());
    for (int64_t h = 0; h < c.num_attention_heads; ++h)
      rotate(q_.data() + h * dh, cos_.data(), sin_.data(), dh);
    for (int64_t h = 0; h < kvh; ++h) {
      rotate(k_.data() + h * dh, cos_.data(), sin_.data(), dh);
      const size_t at =
          static_cast<size_t>(((static_cast<int64_t>(l) * kvh + h) * max_tokens_ + position) * dh);
      std::copy_n(k_.data() + h * dh, dh, keys_.begin() + at);
      std::copy_n(v_.data() + h * dh, dh, values_.begin() + at);
    }
    attention(l, position);
    w.o.matvec(att_.data(), nullptr, h_.data());
    for (int64_t i = 0; i < d; ++i) x_[i] += h_[i];
    rms_norm(x_.data(), w.norm_post, h_.data(), d, c.rms_norm_eps);
    w.gate.matvec(h_.data(), nullptr, gate_.data());
    w.up.matvec(h_.data(), nullptr, up_.data());
    for (int64_t i = 0; i < ffn; ++i) gate_[i] = gate_[i] / (1.0f + std::exp(-gate_[i])) * up_[i];
    w.down.matvec(gate_.data(), nullptr, h_.data());
    for (int64_t i = 0; i < d; ++i) x_[i] += h_[i];
  }
  rms_norm(x_.data(), weights_->norm_final, h_.data(), d, c.rms_norm_eps);
  weights_->head.matvec(h_.data(), nullptr, logits_.data());
  ++length_;
  return logits_;
}

}  // namespace anvil::models
