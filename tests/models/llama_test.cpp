// Llama decoder: agreement with an independent Hugging Face-formula PyTorch reference (logits
// 1e-4, loss and gradients 1e-5 relative), KV-cache equivalence, packing boundaries, LoRA
// merge/unmerge, and model-folder round trips.
#include "anvil/models/llama.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <map>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/io/torch_tensors.h"
#include "anvil/models/llama_io.h"
#include "support/run_cli.h"

namespace anvil::models {
namespace {

LlamaConfig small_config(bool tied = false, bool bias = false) {
  LlamaConfig c;
  c.vocab_size = 97;
  c.hidden_size = 64;
  c.intermediate_size = 160;
  c.num_hidden_layers = 2;
  c.num_attention_heads = 4;
  c.num_key_value_heads = 2;
  c.max_position_embeddings = 64;
  c.tie_word_embeddings = tied;
  c.attention_bias = bias;
  return c;
}

bool have_python_torch() {
  return anvil::testing::run_command("/usr/bin/python3 -c 'import torch'").exit_code == 0;
}

class LlamaReference : public ::testing::TestWithParam<bool> {};

TEST_P(LlamaReference, LogitsLossAndGradientsMatchPythonReference) {
  if (!have_python_torch())
    GTEST_SKIP() << "python3-torch is not installed (bash scripts/setup --tests installs it)";
  torch::manual_seed(3);
  LlamaForCausalLM model(small_config(/*tied=*/GetParam()));
  anvil::testing::TempDir dir("llama-ref");
  save_llama(model, dir.path());
  auto ids = torch::randint(0, 97, {3, 17}, torch::kInt64);
  auto labels = ids.clone();
  labels.index_put_({0, torch::indexing::Slice(0, 5)}, -100);  // a masked prompt
  auto logits = model->forward({ids});
  auto loss = causal_lm_loss(logits, labels);
  loss.backward();
  io::NamedTensors c = {
      {"input_ids", ids}, {"labels", labels}, {"logits", logits.detach()}, {"loss", loss.detach()}};
  for (auto& p : model->named_parameters()) c.emplace_back("grad." + p.key(), p.value().grad());
  io::save_named_tensors(dir / "case.safetensors", c, {});
  auto r = anvil::testing::run_command(std::string("/usr/bin/python3 ") + ANVIL_SOURCE_DIR +
                                       "/tests/models/reference_llama.py " + dir.path() + " " +
                                       (dir / "case.safetensors"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("logits max abs diff"), std::string::npos) << r.output;
}

INSTANTIATE_TEST_SUITE_P(TiedAndUntied, LlamaReference, ::testing::Values(false, true));

// A bfloat16 frozen base (lm.base_dtype = bf16) against transformers' way of running a bf16
// model, written independently in the Python reference: logits and loss at bf16's precision.
// The base gets no gradients and keeps half the bytes; the adapters stay float32.
TEST(LlamaBaseDtype, Bf16FrozenBaseMatchesAPythonBf16Reference) {
  if (!have_python_torch())
    GTEST_SKIP() << "python3-torch is not installed (bash scripts/setup --tests installs it)";
  torch::manual_seed(3);
  LlamaForCausalLM model(small_config(/*tied=*/false, /*bias=*/true));
  anvil::testing::TempDir dir("llama-bf16");
  save_llama(model, dir.path());
  model->add_lora({4, 8, 0, false}, {"q_proj", "v_proj"});  // B = 0: the output is the base's
  model->set_frozen_dtype(torch::kBFloat16);
  for (auto& p : model->named_parameters()) {
    const bool adapter = p.key().find("lora_") != std::string::npos;
    EXPECT_EQ(p.value().scalar_type(), adapter ? torch::kFloat32 : torch::kBFloat16) << p.key();
  }
  auto ids = torch::randint(0, 97, {3, 17}, torch::kInt64);
  auto logits = model->forward({ids}).to(torch::kFloat32);
  auto loss = causal_lm_loss(logits, ids);
  loss.backward();
  for (auto& p : model->named_parameters()) {
    const bool adapter = p.key().find("lora_") != std::string::npos;
    ASSERT_EQ(p.value().grad().defined(), adapter) << p.key();
    if (adapter) {
      EXPECT_EQ(p.value().grad().scalar_type(), torch::kFloat32) << p.key();
    }
  }
  io::NamedTensors c = {
      {"input_ids", ids}, {"labels", ids}, {"logits", logits.detach()}, {"loss", loss.detach()}};
  io::save_named_tensors(dir / "case.safetensors", c, {});
  auto r = anvil::testing::run_command(std::string("/usr/bin/python3 ") + ANVIL_SOURCE_DIR +
                                       "/tests/models/reference_llama.py " + dir.path() + " " +
                                       (dir / "case.safetensors") + " bf16");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("bf16 logits max abs diff"), std::string::npos) << r.output;
}

// The adapters' gradients with a bf16 base stay close to the float32 base's: bf16 rounds to 8
// mantissa bits, so a few percent of the largest gradient.
TEST(LlamaBaseDtype, Bf16BaseGivesAdapterGradientsCloseToFloat32) {
  std::map<std::string, torch::Tensor> grads[2];
  for (int bf16 = 0; bf16 < 2; ++bf16) {
    torch::manual_seed(8);
    LlamaForCausalLM model(small_config());
    model->add_lora({4, 8, 0, false}, {"all-linear"});
    {
      torch::NoGradGuard g;
      for (auto& p : model->named_parameters())
        if (p.key().find("lora_B") != std::string::npos) p.value().normal_(0, 0.05);
    }
    if (bf16) model->set_frozen_dtype(torch::kBFloat16);
    auto ids = torch::randint(0, 97, {2, 21}, torch::kInt64);
    causal_lm_loss(model->forward({ids}).to(torch::kFloat32), ids).backward();
    for (auto& p : model->named_parameters())
      if (p.value().grad().defined()) grads[bf16][p.key()] = p.value().grad();
  }
  ASSERT_EQ(grads[0].size(), grads[1].size());
  for (const auto& [name, g] : grads[0]) {
    const double scale = g.abs().max().item<double>();
    const double diff = (g - grads[1].at(name)).abs().max().item<double>();
    EXPECT_LE(diff, 0.05 * scale) << name;
  }
}

TEST(Llama, KvCacheGivesTheSameLogitsAsAFullForward) {
  torch::manual_seed(4);
  LlamaForCausalLM model(small_config());
  model->eval();
  torch::NoGradGuard g;
  auto ids = torch::randint(0, 97, {2, 12}, torch::kInt64);
  auto full = model->forward({ids});
  KvCache cache;
  LlamaInputs first{ids.narrow(1, 0, 7)};
  first.cache = &cache;
  std::vector<torch::Tensor> parts = {model->forward(first)};
  for (int64_t t = 7; t < 12; ++t) {
    LlamaInputs step{ids.narrow(1, t, 1)};
    step.cache = &cache;
    parts.push_back(model->forward(step));
  }
  EXPECT_EQ(cache.length(), 12);
  EXPECT_TRUE(torch::allclose(torch::cat(parts, 1), full, 1e-5, 1e-5));
}

// The weighted loss, against the definition written out token by token: sum over the shifted
// labels not -100 of w * -log_softmax(logits)[label], divided by the sum of those weights.
TEST(Llama, WeightedCausalLossMatchesItsDefinitionAndReducesToTheMean) {
  torch::manual_seed(9);
  auto logits = torch::randn({2, 6, 11}, torch::kFloat64);
  auto labels = torch::randint(0, 11, {2, 6}, torch::kInt64);
  labels.index_put_({0, 2}, -100);
  auto weights = torch::rand({2, 6}, torch::kFloat64);
  double num = 0, den = 0;
  auto lsm = logits.log_softmax(-1);
  for (int64_t b = 0; b < 2; ++b)
    for (int64_t t = 1; t < 6; ++t) {
      const int64_t y = labels[b][t].item<int64_t>();
      if (y == -100) continue;
      const double w = weights[b][t].item<double>();
      num += w * -lsm[b][t - 1][y].item<double>();
      den += w;
    }
  EXPECT_NEAR(causal_lm_loss(logits, labels, weights).item<double>(), num / den, 1e-6);
  // Weight 1 everywhere is the plain mean over unmasked labels.
  EXPECT_NEAR(causal_lm_loss(logits, labels, torch::ones({2, 6})).item<double>(),
              causal_lm_loss(logits, labels).item<double>(), 1e-6);
}

TEST(Llama, PackedSegmentsDoNotSeeEachOther) {
  torch::manual_seed(5);
  LlamaForCausalLM model(small_config());
  model->eval();
  torch::NoGradGuard g;
  auto a = torch::randint(0, 97, {1, 6}, torch::kInt64),
       b = torch::randint(0, 97, {1, 5}, torch::kInt64);
  LlamaInputs packed{torch::cat({a, b}, 1)};
  packed.segment_ids =
      torch::cat({torch::zeros({1, 6}, torch::kInt64), torch::ones({1, 5}, torch::kInt64)}, 1);
  packed.position_ids =
      torch::cat({torch::arange(6).unsqueeze(0), torch::arange(5).unsqueeze(0)}, 1);
  auto out = model->forward(packed);
  EXPECT_TRUE(torch::allclose(out.narrow(1, 0, 6), model->forward({a}), 1e-5, 1e-5));
  EXPECT_TRUE(torch::allclose(out.narrow(1, 6, 5), model->forward({b}), 1e-5, 1e-5));
}

TEST(Llama, LeftPaddedBatchMatchesUnpaddedSequences) {
  torch::manual_seed(6);
  LlamaForCausalLM model(small_config());
  model->eval();
  torch::NoGradGuard g;
  auto a = torch::randint(1, 97, {1, 8}, torch::kInt64),
       b = torch::randint(1, 97, {1, 5}, torch::kInt64);
  LlamaInputs batch{torch::cat({a, torch::cat({torch::zeros({1, 3}, torch::kInt64), b}, 1)}, 0)};
  batch.attention_mask = torch::ones({2, 8}, torch::kInt64);
  batch.attention_mask.index_put_({1, torch::indexing::Slice(0, 3)}, 0);
  auto out = model->forward(batch);
  EXPECT_TRUE(torch::allclose(out[0].unsqueeze(0), model->forward({a}), 1e-5, 1e-5));
  EXPECT_TRUE(
      torch::allclose(out[1].narrow(0, 3, 5).unsqueeze(0), model->forward({b}), 1e-5, 1e-5));
}

TEST(Llama, LoraMergeAndUnmergeKeepTheLogits) {
  torch::manual_seed(7);
  LlamaForCausalLM model(small_config(false, true));
  auto names = model->add_lora(LoraOptions{4, 8, 0.0, false}, {"q_proj", "v_proj"});
  EXPECT_EQ(names.size(), 4u);
  {  // give the adapters non-zero B so they change the output
    torch::NoGradGuard g;
    for (auto& p : model->named_parameters())
      if (p.key().find("lora_B") != std::string::npos) p.value().normal_(0, 0.1);
  }
  int64_t trainable = 0;
  for (auto& p : model->parameters()) trainable += p.requires_grad() ? p.numel() : 0;
  // q_proj: A [4, 64] + B [64, 4]; v_proj (2 kv heads of 16): A [4, 64] + B [32, 4]; 2 layers.
  EXPECT_EQ(trainable, 2 * ((4 * 64 + 64 * 4) + (4 * 64 + 32 * 4)));
  model->eval();
  torch::NoGradGuard g;
  auto ids = torch::randint(0, 97, {2, 9}, torch::kInt64);
  auto before = model->forward({ids});
  model->merge_lora();
  EXPECT_TRUE(torch::allclose(model->forward({ids}), before, 1e-4, 1e-5));
  model->unmerge_lora();
  EXPECT_TRUE(torch::allclose(model->forward({ids}), before, 1e-4, 1e-5));
  EXPECT_THROW(model->add_lora(LoraOptions{}, {"nonexistent_proj"}), Error);
}

// Shared embedding rows are the parameterisation E'[t] = E[t] + S[group(t)]. Checked against a
// plain model holding E' as its own embedding: the same logits, E's gradient equals E''s, and each
// shared row's gradient is the sum of its members' (the chain rule of the sum).
TEST(LlamaSharedRows, MatchAPlainModelWithTheSummedEmbeddingAndSumTheirMembersGradients) {
  torch::manual_seed(11);
  LlamaForCausalLM shared(small_config(/*tied=*/true));
  LlamaForCausalLM plain(small_config(/*tied=*/true));
  shared->share_embedding_rows({{5, 6}, {7, 40, 41}, {9}});  // {9}: one token shares nothing
  ASSERT_TRUE(shared->has_shared_embeddings());
  EXPECT_EQ(shared->model->embed_shared->weight.size(0), 2);
  {
    torch::NoGradGuard g;
    shared->model->embed_shared->weight.normal_(0, 0.05);
    for (const auto& p : shared->named_parameters()) {
      if (p.key().find("embed_shared") != std::string::npos) continue;
      plain->named_parameters()[p.key()].copy_(p.value());
    }
    auto& e = plain->model->embed_tokens->weight;
    const auto& s = shared->model->embed_shared->weight;
    for (int64_t t : {5, 6}) e[t] += s[0];
    for (int64_t t : {7, 40, 41}) e[t] += s[1];
  }
  auto ids = torch::tensor({{5, 7, 6, 40, 3, 9, 41, 5}}, torch::kInt64);
  auto labels = torch::tensor({{0, 6, 40, 41, 5, 7, 9, 6}}, torch::kInt64);
  auto ls = causal_lm_loss(shared->forward({ids}), labels);
  auto lp = causal_lm_loss(plain->forward({ids}), labels);
  EXPECT_NEAR(ls.item<double>(), lp.item<double>(), 1e-6);
  ls.backward();
  lp.backward();
  const auto& ge = plain->model->embed_tokens->weight.grad();
  EXPECT_TRUE(torch::allclose(shared->model->embed_tokens->weight.grad(), ge, 1e-6, 1e-7));
  const auto& gs = shared->model->embed_shared->weight.grad();
  EXPECT_TRUE(torch::allclose(gs[0], ge[5] + ge[6], 1e-5, 1e-7));
  EXPECT_TRUE(torch::allclose(gs[1], ge[7] + ge[40] + ge[41], 1e-5, 1e-7));
  EXPECT_THROW(shared->share_embedding_rows({{1, 2}}), Error);
  EXPECT_THROW(plain->share_embedding_rows({{1, 97}}), Error);
}

// Folding leaves a plain Llama that computes the same function, saves without the extra rows and
// loads back as any other model folder.
TEST(LlamaSharedRows, FoldIntoAPlainModelThatSavesAndLoads) {
  torch::manual_seed(12);
  LlamaForCausalLM model(small_config(/*tied=*/true));
  auto ids = torch::randint(0, 97, {2, 9}, torch::kInt64);
  model->eval();
  torch::NoGradGuard g;
  const auto before = model->forward({ids});
  model->share_embedding_rows({{1, 2}, {3, 4}});
  EXPECT_TRUE(torch::equal(model->forward({ids}), before)) << "shared rows start at zero";
  model->model->embed_shared->weight.normal_(0, 0.1);
  const auto trained = model->forward({ids});
  EXPECT_FALSE(torch::allclose(trained, before));
  model->fold_shared_embeddings();
  EXPECT_FALSE(model->has_shared_embeddings());
  for (const auto& p : model->named_parameters())
    EXPECT_EQ(p.key().find("embed_shared"), std::string::npos) << p.key();
  EXPECT_TRUE(torch::allclose(model->forward({ids}), trained, 1e-6, 1e-6));
  anvil::testing::TempDir dir("llama-shared");
  save_llama(model, dir / "m");
  auto loaded = load_llama(dir / "m");
  loaded->eval();
  EXPECT_TRUE(torch::allclose(loaded->forward({ids}), trained, 1e-6, 1e-6));
}

TEST(LlamaIo, ShardedAndSingleFoldersRoundTrip) {
  torch::manual_seed(8);
  LlamaForCausalLM model(small_config());
  anvil::testing::TempDir dir("llama-io");
  save_llama(model, dir / "single");
  LlamaSaveOptions sharded;
  sharded.shard_bytes = 40000;
  save_llama(model, dir / "sharded", sharded);
  EXPECT_TRUE(std::filesystem::exists(dir / "sharded/model.safetensors.index.json"));
  auto ids = torch::randint(0, 97, {1, 10}, torch::kInt64);
  torch::NoGradGuard g;
  model->eval();
  auto ref = model->forward({ids});
  for (const char* sub : {"single", "sharded"}) {
    auto loaded = load_llama(dir / sub);
    loaded->eval();
    EXPECT_TRUE(torch::equal(loaded->forward({ids}), ref)) << sub;
  }
}

TEST(LlamaIo, MismatchedConfigIsAnErrorNamingTheTensor) {
  torch::manual_seed(9);
  LlamaForCausalLM model(small_config());
  anvil::testing::TempDir dir("llama-io");
  save_llama(model, dir.path());
  auto cfg = small_config();
  cfg.intermediate_size = 128;
  anvil::write_file_atomic(dir / "config.json", cfg.to_hf_json().dump());
  try {
    load_llama(dir.path());
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("_proj.weight' has shape"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("config.json implies"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace anvil::models
