// The memory estimate against the model itself: parameter and trainable counts equal the real
// module's (Llama and Qwen2 shapes, tied and untied, LoRA on some or all projections), and each
// feature moves the estimate the way the implementation does (a bf16 base halves the base,
// checkpointing keeps one tensor per layer, chunking bounds the logits). Measured peaks beside
// the estimate are in bench/lm_lora_step (docs/fine-tuning.md).
#include "anvil/models/llama_memory.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "anvil/models/llama.h"

namespace anvil::models {
namespace {

LlamaConfig shape(bool qwen) {
  LlamaConfig c;
  c.vocab_size = 211;
  c.hidden_size = 48;
  c.intermediate_size = 80;
  c.num_hidden_layers = 3;
  c.num_attention_heads = 6;
  c.num_key_value_heads = qwen ? 2 : 6;
  c.tie_word_embeddings = qwen;
  c.attention_bias = qwen;
  return c;
}

TEST(LlamaMemory, ParameterCountsAreTheModels) {
  for (bool qwen : {false, true}) {
    for (const std::vector<std::string>& targets :
         {std::vector<std::string>{}, {"q_proj", "v_proj"}, {"all-linear"}}) {
      LlamaForCausalLM model(shape(qwen));
      if (!targets.empty()) model->add_lora({4, 8, 0, false}, targets);
      int64_t total = 0, trainable = 0, frozen_bytes = 0;
      for (const auto& p : model->parameters()) {
        total += p.numel();
        if (p.requires_grad()) trainable += p.numel();
        else frozen_bytes += p.numel() * 2;
      }
      LlamaMemoryPlan plan;
      plan.config = shape(qwen);
      plan.lora = !targets.empty();
      plan.lora_r = 4;
      plan.lora_targets = targets;
      plan.base_bytes = 2;
      const auto e = estimate_llama_memory(plan);
      EXPECT_EQ(e.total_parameters, total) << qwen << " " << targets.size();
      EXPECT_EQ(e.trainable_parameters, trainable) << qwen << " " << targets.size();
      EXPECT_EQ(e.gradients, trainable * 4);
      EXPECT_EQ(e.optimizer, trainable * 8);
      if (plan.lora) EXPECT_EQ(e.parameters, frozen_bytes + trainable * 4);
    }
  }
}

TEST(LlamaMemory, EachFeatureMovesTheEstimateItsWay) {
  LlamaMemoryPlan p;
  p.config = shape(true);
  p.config.vocab_size = 50000;
  p.batch = 2, p.seq_len = 256, p.lora = true, p.lora_targets = {"all-linear"};
  const auto plain = estimate_llama_memory(p);
  auto q = p;
  q.base_bytes = 2;
  const auto bf16 = estimate_llama_memory(q);
  EXPECT_LT(bf16.parameters, plain.parameters * 0.55);
  q = p;
  q.gradient_checkpointing = true;
  const auto ckpt = estimate_llama_memory(q);
  EXPECT_EQ(ckpt.activations_plain, plain.activations);
  EXPECT_LT(ckpt.activations, plain.activations / 2);
  EXPECT_EQ(ckpt.activations, plain.activations_checkpointed);
  q = p;
  q.loss_chunk = 64;
  EXPECT_LT(estimate_llama_memory(q).logits, plain.logits / 4);
  EXPECT_EQ(plain.total(), plain.parameters + plain.gradients + plain.optimizer +
                               plain.activations + plain.logits + plain.workspace);
  EXPECT_NE(describe(plain, false).find("with gradient checkpointing"), std::string::npos);
}

}  // namespace
}  // namespace anvil::models
