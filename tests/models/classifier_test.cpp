// Intent classifiers: shapes, padding trimming, targets, decoding, and agreement with an
// independent PyTorch reference (tests/models/reference_classifier.py) within 1e-4.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "anvil/core/error.h"
#include "anvil/io/torch_tensors.h"
#include "anvil/models/intent_features.h"
#include "anvil/models/intent_model.h"
#include "support/run_cli.h"

namespace anvil::models {
namespace {

const std::vector<std::string> kTexts = {"compute factorial of 5",
                                         "add -12 and 300",
                                         "subtract 7 from 1000000",
                                         "what is 3 + 4 + 5 + 6",
                                         "",
                                         "count down from 9"};

ClassifierConfig config_for(const std::string& type) {
  ClassifierConfig c;
  c.type = type;
  c.n_intents = 7;
  return c;
}

// Randomises BatchNorm statistics so the eval-mode path is tested with non-trivial values.
void randomise_norms(torch::nn::Module& m) {
  torch::NoGradGuard g;
  for (auto& b : m.named_buffers()) {
    if (b.key().find("running_mean") != std::string::npos) b.value().normal_(0, 0.5);
    if (b.key().find("running_var") != std::string::npos) b.value().uniform_(0.5, 2.0);
  }
}

class ClassifierTypes : public ::testing::TestWithParam<std::string> {};

TEST_P(ClassifierTypes, OutputShapes) {
  torch::manual_seed(0);
  auto net = make_classifier(config_for(GetParam()));
  auto in = encode_requests(kTexts, 128, 8);
  auto out = net->forward(in);
  const int64_t b = static_cast<int64_t>(kTexts.size());
  EXPECT_EQ(out.intent_logits.sizes(), (std::vector<int64_t>{b, 7}));
  EXPECT_EQ(out.count_logits.sizes(), (std::vector<int64_t>{b, 5}));
  if (GetParam() == "pointer_cnn") {
    EXPECT_EQ(out.operand_logits.sizes(), (std::vector<int64_t>{b, 4, 9}));
  } else {
    EXPECT_EQ(out.operand_logits.sizes(), (std::vector<int64_t>{b, 4, 256}));
    EXPECT_EQ(out.sign_logits.sizes(), (std::vector<int64_t>{b, 4, 2}));
  }
}

TEST_P(ClassifierTypes, TrimmingPaddingDoesNotChangeEvalOutputs) {
  torch::manual_seed(1);
  auto net = make_classifier(config_for(GetParam()));
  randomise_norms(*net);
  net->eval();
  torch::NoGradGuard g;
  auto trimmed = encode_requests(kTexts, 128, 8);
  ASSERT_LT(trimmed.tokens.size(1), 128);
  auto full = trimmed;
  full.tokens = torch::cat(
      {trimmed.tokens,
       torch::full({trimmed.tokens.size(0), 128 - trimmed.tokens.size(1)}, 256, torch::kInt64)},
      1);
  auto a = net->forward(trimmed), b = net->forward(full);
  EXPECT_TRUE(torch::allclose(a.intent_logits, b.intent_logits, 1e-5, 1e-6));
  EXPECT_TRUE(torch::allclose(a.operand_logits, b.operand_logits, 1e-5, 1e-6));
}

TEST_P(ClassifierTypes, MatchesIndependentPythonReference) {
  if (!std::filesystem::exists("/usr/bin/python3") ||
      anvil::testing::run_command("/usr/bin/python3 -c 'import torch'").exit_code != 0)
    GTEST_SKIP() << "python3-torch is not installed (bash scripts/setup --tests installs it)";
  torch::manual_seed(2);
  auto model = models::make_intent_model(config_for(GetParam()),
                                         {"a", "b", "c", "d", "e", "f", "g"}, torch::kCPU);
  randomise_norms(*model.net);
  model.net->eval();
  anvil::testing::TempDir dir("ref");
  models::save_intent_model(model, dir.path());
  auto in = encode_requests(kTexts, 128, 8);
  torch::NoGradGuard g;
  auto out = model.net->forward(in);
  io::save_named_tensors(dir / "inputs.safetensors",
                         {{"tokens", in.tokens},
                          {"number_first", in.number_first},
                          {"number_last", in.number_last},
                          {"number_mask", in.number_mask}},
                         {});
  io::NamedTensors outputs = {{"intent_logits", out.intent_logits},
                              {"count_logits", out.count_logits},
                              {"operand_logits", out.operand_logits}};
  if (out.sign_logits.defined()) outputs.emplace_back("sign_logits", out.sign_logits);
  io::save_named_tensors(dir / "outputs.safetensors", outputs, {});
  auto r = anvil::testing::run_command(std::string("/usr/bin/python3 ") + ANVIL_SOURCE_DIR +
                                       "/tests/models/reference_classifier.py " + dir.path() +
                                       "/model.safetensors " + (dir / "inputs.safetensors") + " " +
                                       (dir / "outputs.safetensors"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("intent_logits: max abs diff"), std::string::npos) << r.output;
}

INSTANTIATE_TEST_SUITE_P(All, ClassifierTypes, ::testing::Values("pointer_cnn", "multihead_cnn"));

TEST(IntentFeatures, PointerTargetsFollowTheNumbersInTheText) {
  data::IntentRecord r;
  r.text = "subtract 7 from 1000 and 7";
  r.intent = "subtract";
  r.operand_count = 3;
  r.operands = {1000, 7, 7, 0};
  auto t = make_targets({&r}, {{"subtract", 0}}, 128, 8);
  // numbers in text: 7 (j=0), 1000 (j=1), 7 (j=2) -> pointer index j+1
  EXPECT_EQ(t.operand_pointer[0][0].item<int64_t>(), 2);
  EXPECT_EQ(t.operand_pointer[0][1].item<int64_t>(), 1);
  EXPECT_EQ(t.operand_pointer[0][2].item<int64_t>(), 3);
  EXPECT_EQ(t.operand_pointer[0][3].item<int64_t>(), 0);
  EXPECT_EQ(t.operand_bins[0][0].item<int64_t>(), 255);  // baseline bins saturate
}

TEST(IntentFeatures, UnknownIntentIsAnErrorNamingIt) {
  data::IntentRecord r;
  r.text = "x";
  r.intent = "teleport";
  EXPECT_THROW(
      {
        try {
          make_targets({&r}, {{"add", 0}}, 128, 8);
        } catch (const Error& e) {
          EXPECT_NE(std::string(e.what()).find("teleport"), std::string::npos);
          throw;
        }
      },
      Error);
}

TEST(ClassifierConfig, ValidateNamesTheBadField) {
  auto c = config_for("transformer");
  try {
    c.validate();
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("type"), std::string::npos);
  }
}

}  // namespace
}  // namespace anvil::models
