// KV-cached batch generation with sampling controls.
#include "anvil/models/generation.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>

#include "anvil/core/error.h"
#include "anvil/models/fast_decode.h"

namespace anvil::models {

void GenerationOptions::validate() const {
  if (max_new_tokens < 1)
    throw usage_error("max_new_tokens = " + std::to_string(max_new_tokens) + ": must be >= 1");
  if (temperature < 0)
    throw usage_error("temperature = " + std::to_string(temperature) + ": must be >= 0");
  if (top_k < 0) throw usage_error("top_k = " + std::to_string(top_k) + ": must be >= 0");
  if (!(top_p > 0 && top_p <= 1))
    throw usage_error("top_p = " + std::to_string(top_p) + ": must be in (0, 1]");
  for (int64_t n : max_new_tokens_each)
    if (n < 1) throw usage_error("max_new_tokens = " + std::to_string(n) + ": must be >= 1");
  if (!(repetition_penalty > 0))
    throw usage_error("repetition_penalty = " + std::to_string(repetition_penalty) +
                      ": must be > 0");
}

namespace {

// logits [B, V] (float32) -> next ids [B]
torch::Tensor choose_next(torch::Tensor logits, const std::vector<std::vector<int64_t>>& seen,
                          const GenerationOptions& o, torch::Generator& gen) {
  if (o.repetition_penalty != 1.0) {
    auto cpu = logits.cpu();
    auto a = cpu.accessor<float, 2>();
    for (size_t b = 0; b < seen.size(); ++b)
      for (int64_t id : seen[b]) {
        float& v = a[b][id];
        v = v > 0 ? v / o.repetition_penalty : v * o.repetition_penalty;
      }
    logits = cpu.to(logits.device());
  }
  if (o.temperature == 0) return logits.argmax(-1);
  logits = logits / o.temperature;
  if (o.top_k > 0 && o.top_k < logits.size(-1)) {
    auto kth = std::get<0>(logits.topk(o.top_k, -1)).narrow(-1, o.top_k - 1, 1);
    logits = logits.masked_fill(logits < kth, -std::numeric_limits<float>::infinity());
  }
  if (o.top_p < 1.0) {
    auto [sorted, idx] = logits.sort(-1, /*descending=*/true);
    auto cum = torch::softmax(sorted, -1).cumsum(-1);
    auto remove = (cum - torch::softmax(sorted, -1)) > o.top_p;  // keep the token that crosses p
    sorted = sorted.masked_fill(remove, -std::numeric_limits<float>::infinity());
    logits =
        torch::full_like(logits, -std::numeric_limits<float>::infinity()).scatter(-1, idx, sorted);
  }
  auto probs = torch::softmax(logits, -1);
  return torch::multinomial(probs.cpu(), 1, false, gen).squeeze(-1).to(logits.device());
}

}  // namespace

GenerationResult generate_ids(LlamaForCausalLM& model, const tokenize::Tokenizer& tokenizer,
                              const std::vector<std::vector<int64_t>>& prompts,
                              const GenerationOptions& o, const StreamFn& stream, int64_t pad_id) {
  o.validate();
  torch::NoGradGuard no_grad;
  const bool was_training = model->is_training();
  model->eval();
  const auto t0 = std::chrono::steady_clock::now();
  const auto device = model->parameters().front().device();
  const int64_t b = static_cast<int64_t>(prompts.size());
  GenerationResult res;
  res.texts.assign(prompts.size(), "");
  res.token_ids.assign(prompts.size(), {});
  if (o.record_margins) res.margins.assign(prompts.size(), {});
  if (o.record_logprobs) res.logprobs.assign(prompts.size(), {});
  res.finish.assign(prompts.size(), FinishReason::kLength);
  if (b == 0) return res;
  if (!o.max_new_tokens_each.empty() && o.max_new_tokens_each.size() != prompts.size())
    throw usage_error("generate: " + std::to_string(o.max_new_tokens_each.size()) +
                      " token limits for " + std::to_string(prompts.size()) + " prompts");
  std::vector<int64_t> budget(prompts.size(), o.max_new_tokens);
  if (!o.max_new_tokens_each.empty()) budget = o.max_new_tokens_each;
  const int64_t steps = *std::max_element(budget.begin(), budget.end());
  int64_t longest = 0;
  for (const auto& p : prompts) {
    if (p.empty()) throw usage_error("generate: empty prompt (no tokens)");
    longest = std::max<int64_t>(longest, static_cast<int64_t>(p.size()));
  }
  // Left padding so every sequence's next token is at the same column.
  auto ids = torch::full({b, longest}, pad_id, torch::kInt64);
  auto mask = torch::zeros({b, longest}, torch::kInt64);
  for (int64_t i = 0; i < b; ++i) {
    const auto& p = prompts[static_cast<size_t>(i)];
    const int64_t off = longest - static_cast<int64_t>(p.size());
    for (size_t j = 0; j < p.size(); ++j) ids[i][off + static_cast<int64_t>(j)] = p[j];
    mask.narrow(1, off, static_cast<int64_t>(p.size()))[i].fill_(1);
  }
  ids = ids.to(device);
  mask = mask.to(device);
  auto gen = at::detail::createCPUGenerator(o.seed);
  std::vector<std::vector<int64_t>> seen = prompts;
  std::vector<bool> done(prompts.size(), false);
  std::vector<std::deque<int64_t>> feed(prompts.size());  // tokens `inject` asked to feed in
  KvCache cache;
  torch::Tensor all_ids = ids, all_mask = mask;
  LlamaInputs in{ids};
  in.attention_mask = mask;
  if (o.use_cache) in.cache = &cache;
  const int64_t limit = model->config().max_position_embeddings;
  // One prompt on the CPU: after the prompt's batched forward, tokens go through FastDecoder.
  const bool fast_decode =
      b == 1 && o.use_cache && device.is_cpu() && FastDecoder::unsupported_reason(model).empty();
  std::unique_ptr<FastDecoder> fast;
  int64_t length = longest, last_token = -1;
  for (int64_t step = 0; step < steps; ++step) {
    if (length >= limit) break;
    const auto logits = fast ? torch::from_blob(const_cast<float*>(fast->step(last_token).data()),
                                                {1, model->config().vocab_size}, torch::kFloat32)
                             : model->last_logits(in).to(torch::kFloat32);  // [B, V]
    torch::Tensor margins;
    if (o.record_margins) {
      auto top2 = std::get<0>(logits.topk(2, -1)).cpu();
      margins = top2.select(1, 0) - top2.select(1, 1);
    }
    // Before choose_next, whose repetition penalty may rewrite the logits in place.
    const auto log_probs = o.record_logprobs ? torch::log_softmax(logits, -1) : torch::Tensor();
    auto next = choose_next(logits, seen, o, gen).cpu().contiguous();
    auto next_a = next.accessor<int64_t, 1>();
    std::vector<bool> fed(prompts.size(), false);
    for (int64_t i = 0; i < b; ++i) {
      auto& queue = feed[static_cast<size_t>(i)];
      if (done[static_cast<size_t>(i)] || queue.empty()) continue;
      next_a[i] = queue.front();
      queue.pop_front();
      fed[static_cast<size_t>(i)] = true;
    }
    torch::Tensor logprobs;
    if (o.record_logprobs)
      logprobs = log_probs.gather(1, next.to(log_probs.device()).unsqueeze(1)).squeeze(1).cpu();
    bool all_done = true;
    for (int64_t i = 0; i < b; ++i) {
      const size_t k = static_cast<size_t>(i);
      if (done[k]) continue;
      const int64_t tok = next_a[i];
      bool stop = std::find(o.stop_token_ids.begin(), o.stop_token_ids.end(), tok) !=
                  o.stop_token_ids.end();
      if (stop) res.finish[k] = FinishReason::kStop;
      if (!stop) {
        res.token_ids[k].push_back(tok);
        if (o.record_margins) res.margins[k].push_back(fed[k] ? 0.0f : margins[i].item<float>());
        if (o.record_logprobs) res.logprobs[k].push_back(fed[k] ? 0.0f : logprobs[i].item<float>());
        seen[k].push_back(tok);
        ++res.new_tokens;
        const std::string piece = tokenizer.decode({tok});
        res.texts[k] += piece;
        for (const auto& s : o.stop_strings) {
          auto pos = res.texts[k].find(s);
          if (!s.empty() && pos != std::string::npos) {
            res.texts[k].resize(pos);
            stop = true;
            res.finish[k] = FinishReason::kStop;
          }
        }
        if (stream && !stop) stream(k, piece);
        if (!stop && o.inject && feed[k].empty()) {
          const std::string text = o.inject(k, res.texts[k]);
          if (!text.empty()) {
            const auto ids = tokenizer.encode_text(text);
            feed[k].assign(ids.begin(), ids.end());
          }
        }
        if (!stop && static_cast<int64_t>(res.token_ids[k].size()) >= budget[k]) stop = true;
        if (!stop && o.cancelled && o.cancelled(k)) {
          stop = true;
          res.finish[k] = FinishReason::kCancelled;
        }
      }
      done[k] = stop;
      all_done = all_done && done[k];
    }
    if (all_done) break;
    ++length;
    if (fast_decode) {
      if (!fast) {
        fast = std::make_unique<FastDecoder>(model, std::min(limit, longest + steps));
        fast->load_cache(cache);
      }
      last_token = next_a[0];
      continue;
    }
    auto next_col = next.to(device).unsqueeze(1);
    all_ids = torch::cat({all_ids, next_col}, 1);
    all_mask = torch::cat({all_mask, torch::ones({b, 1}, all_mask.options())}, 1);
    in = LlamaInputs{o.use_cache ? next_col : all_ids};
    in.attention_mask = all_mask;
    if (o.use_cache) in.cache = &cache;
  }
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (was_training) model->train();
  return res;
}

GenerationResult generate(LlamaForCausalLM& model, const tokenize::Tokenizer& tokenizer,
                          const std::vector<std::string>& prompts, const GenerationOptions& options,
                          const StreamFn& stream, int64_t pad_id) {
  std::vector<std::vector<int64_t>> ids;
  for (const auto& p : prompts) ids.push_back(tokenizer.encode_text(p));
  return generate_ids(model, tokenizer, ids, options, stream, pad_id);
}

}  // namespace anvil::models
