// validate_training on a small classifier and on one broken model per check: each broken model is
// caught by its check with a message naming the culprit; the healthy model's figures match facts
// computed from its shapes; and the checks leave the run exactly as they found it (a seeded run
// trains to the same weights with and without them).
#include "anvil/train/validator.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "anvil/core/error.h"

namespace anvil::train {
namespace {

constexpr int64_t kIn = 8, kHidden = 16, kClasses = 4;

// A two-layer classifier; `mode` breaks it in one way.
enum class Break { kNone, kUnusedLayer, kZeroGradLayer, kNaN, kMetaBuffer, kReversedGradient };

struct NetImpl : torch::nn::Module {
  explicit NetImpl(Break b) : broken(b) {
    fc1 = register_module("fc1", torch::nn::Linear(kIn, kHidden));
    fc2 = register_module("fc2", torch::nn::Linear(kHidden, kClasses));
    drop = register_module("drop", torch::nn::Dropout(0.2));
    if (b == Break::kUnusedLayer || b == Break::kZeroGradLayer)
      dead = register_module("dead", torch::nn::Linear(kIn, kClasses));
    if (b == Break::kMetaBuffer) register_buffer("stray", torch::zeros({3}, torch::kMeta));
  }
  torch::Tensor forward(const torch::Tensor& x) {
    auto logits = fc2(drop(torch::relu(fc1(x))));
    switch (broken) {
      case Break::kZeroGradLayer:
        return logits + 0 * dead(x);  // used, but the loss never changes with it
      case Break::kNaN:
        return logits * torch::sqrt(x.index({torch::indexing::Slice(), torch::indexing::Slice(0, 1)}) - 100);
      case Break::kReversedGradient:
        return 2 * logits.detach() - logits;  // the same value, the gradient pointing uphill
      default:
        return logits;
    }
  }
  Break broken;
  torch::nn::Linear fc1{nullptr}, fc2{nullptr}, dead{nullptr};
  torch::nn::Dropout drop{nullptr};
};
TORCH_MODULE(Net);

// Random data, labels in [0, kClasses), served in batches of 16 with epochs that restart.
struct Toy {
  explicit Toy(Break b = Break::kNone, int64_t n = 64) : net(b) {
    x = torch::randn({n, kIn});
    y = torch::randint(0, kClasses, {n}, torch::kInt64);
    optimizer = std::make_unique<torch::optim::Adam>(net->parameters(),
                                                     torch::optim::AdamOptions(1e-2));
  }

  ValidationTarget target() {
    ValidationTarget t;
    t.model = net.ptr().get();
    t.optimizer = optimizer.get();
    t.start_epoch = [this](int64_t) { pos = 0; };
    t.next_batch = [this]() -> std::optional<NamedBatch> {
      if (pos >= x.size(0)) return std::nullopt;
      const int64_t end = std::min(pos + batch, x.size(0));
      NamedBatch b = {{"x", x.slice(0, pos, end)}, {"y", y.slice(0, pos, end)}};
      pos = end;
      return b;
    };
    t.forward = [this](const NamedBatch& b) -> io::NamedTensors {
      return {{"logits", net->forward(b.at(0).second)}};
    };
    t.loss = [](const io::NamedTensors& out, const NamedBatch& b) {
      return torch::nn::functional::cross_entropy(out.at(0).second, b.at(1).second);
    };
    TensorSpec xs{"x", torch::kFloat, {-1, kIn}};
    TensorSpec ys{"y", torch::kInt64, {-1}};
    ys.min_value = 0;
    ys.max_value = kClasses - 1;
    t.batch_spec = {xs, ys};
    return t;
  }

  Net net;
  std::unique_ptr<torch::optim::Optimizer> optimizer;
  torch::Tensor x, y;
  int64_t batch = 16, pos = 0;
};

// The ERROR lines of one section joined, for matching.
std::string errors_of(const ValidationReport& r, const std::string& section) {
  const CheckSection* s = r.section(section);
  if (!s) return "(no section " + section + ")";
  std::string out;
  for (const auto& l : s->lines)
    if (l.severity == Severity::kError) out += l.text + "\n";
  return out;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Validator, HealthyModelPassesWithFiguresFromItsShapes) {
  torch::manual_seed(0);
  Toy toy;
  const auto report = validate_training(toy.target());
  EXPECT_TRUE(report.passed()) << report.format();
  ASSERT_EQ(report.sections.size(), 8u);
  const int64_t params = kIn * kHidden + kHidden + kHidden * kClasses + kClasses;
  const auto& mem = report.section("memory")->figures;
  EXPECT_EQ(mem.at("parameter_bytes"), params * 4);
  EXPECT_EQ(mem.at("gradient_bytes"), params * 4);
  EXPECT_EQ(mem.at("optimizer_bytes"), 2 * params * 4);  // Adam: exp_avg + exp_avg_sq
  EXPECT_GT(mem.at("budget_bytes"), 0);
  const auto& data = report.section("data")->figures;
  EXPECT_EQ(data.at("batches_epoch1"), 4);  // 64 records / 16
  EXPECT_EQ(data.at("batches_epoch2"), 4);
  EXPECT_EQ(report.section("gradients")->figures.at("trainable_parameters"), 4);
  EXPECT_LT(report.section("loop")->figures.at("loss_after"),
            report.section("loop")->figures.at("loss_before"));
  EXPECT_TRUE(contains(report.format(), "output logits [16, 4] Float on cpu")) << report.format();
}

TEST(Validator, UnusedLayerIsNamedByTheGradientCheck) {
  torch::manual_seed(0);
  Toy toy(Break::kUnusedLayer);
  const auto report = validate_training(toy.target());
  EXPECT_FALSE(report.passed());
  const auto e = errors_of(report, "gradients");
  EXPECT_TRUE(contains(e, "parameter 'dead.weight' got no gradient")) << e;
  EXPECT_TRUE(contains(e, "parameter 'dead.bias' got no gradient")) << e;
  EXPECT_FALSE(contains(e, "fc1")) << e;
  EXPECT_EQ(report.section("gradients")->figures.at("parameters_without_gradient"), 2);
}

TEST(Validator, LayerWithAllZeroGradientIsNamed) {
  torch::manual_seed(0);
  Toy toy(Break::kZeroGradLayer);
  const auto e = errors_of(validate_training(toy.target()), "gradients");
  EXPECT_TRUE(contains(e, "parameter 'dead.weight' has an all-zero gradient")) << e;
}

TEST(Validator, ZeroGradientFromAZeroInitialisedPartnerIsNotDead) {
  // LoRA's pattern: y = fc(x) + B(A(x)) with B zero. A's first gradient is all zeros (it flows
  // through B), the first step makes B non-zero, and A learns from the second step on.
  struct LowRank : torch::nn::Module {
    LowRank() {
      fc = register_module("fc", torch::nn::Linear(kIn, kClasses));
      a = register_module("lora_A", torch::nn::Linear(torch::nn::LinearOptions(kIn, 2).bias(false)));
      b = register_module("lora_B",
                          torch::nn::Linear(torch::nn::LinearOptions(2, kClasses).bias(false)));
      torch::NoGradGuard g;
      b->weight.zero_();
    }
    torch::nn::Linear fc{nullptr}, a{nullptr}, b{nullptr};
  };
  torch::manual_seed(0);
  auto net = std::make_shared<LowRank>();
  Toy toy;
  torch::optim::Adam adam(net->parameters(), torch::optim::AdamOptions(1e-2));
  auto target = toy.target();
  target.model = net.get();
  target.optimizer = &adam;
  target.forward = [&](const NamedBatch& b) -> io::NamedTensors {
    const auto& x = b.at(0).second;
    return {{"logits", net->fc(x) + net->b(net->a(x))}};
  };
  const auto report = validate_training(target);
  EXPECT_TRUE(report.passed()) << report.format();
  EXPECT_TRUE(contains(report.format(), "parameter 'lora_A.weight' had an all-zero gradient at "
                                        "the first step"))
      << report.format();
}

TEST(Validator, NaNFromAnOpIsFoundInOutputsLossAndGradients) {
  torch::manual_seed(0);
  Toy toy(Break::kNaN);
  const auto report = validate_training(toy.target());
  const auto e = errors_of(report, "numerics");
  // sqrt(x - 100) of standard-normal x is NaN everywhere: all 16 * 4 logits.
  EXPECT_TRUE(contains(e, "output 'logits' has 64 NaN")) << e;
  EXPECT_TRUE(contains(e, "the loss has 1 NaN")) << e;
  EXPECT_TRUE(contains(e, "the gradient of 'fc2.weight'")) << e;
  EXPECT_TRUE(contains(errors_of(report, "loop"), "non-finite")) << errors_of(report, "loop");
}

TEST(Validator, BufferOnAnotherDeviceIsNamed) {
  // Only a CPU is here, so the "other device" is LibTorch's meta device: a real device type that
  // holds no data, which the check must tell from the configured one like any other.
  torch::manual_seed(0);
  Toy toy(Break::kMetaBuffer);
  const auto report = validate_training(toy.target());
  const auto e = errors_of(report, "devices");
  EXPECT_TRUE(contains(e, "buffer 'stray' is on meta, expected cpu")) << e;
  EXPECT_EQ(report.section("devices")->figures.at("misplaced_tensors"), 1);
}

TEST(Validator, PreparedBatchOnTheWrongDeviceIsNamed) {
  torch::manual_seed(0);
  Toy toy;
  auto target = toy.target();
  target.prepare = [](const NamedBatch& b) {
    return NamedBatch{b[0], {"y", b[1].second.to(torch::kMeta)}};
  };
  const auto e = errors_of(validate_training(target), "devices");
  EXPECT_TRUE(contains(e, "prepared batch tensor 'y' is on meta, expected cpu")) << e;
}

TEST(Validator, LabelsOutOfRangeAreNamedWithBatchAndValue) {
  torch::manual_seed(0);
  Toy toy;
  toy.y[20] = 7;  // batch 2 of 16
  const auto e = errors_of(validate_training(toy.target()), "data");
  EXPECT_TRUE(contains(e, "batch 2: labels 'y' out of range: found 7, expected [0, 3]")) << e;
}

TEST(Validator, RaggedEmptyAndMistypedBatchesAreErrors) {
  torch::manual_seed(0);
  Toy toy;
  auto target = toy.target();
  int64_t served = 0;
  target.start_epoch = [&](int64_t) { served = 0; };
  target.next_batch = [&]() -> std::optional<NamedBatch> {
    if (++served > 3) return std::nullopt;
    if (served == 2) return NamedBatch{{"x", toy.x.slice(0, 0, 16)}, {"y", toy.y.slice(0, 0, 15)}};
    if (served == 3) return NamedBatch{{"x", toy.x.slice(0, 0, 0)}, {"y", toy.y.slice(0, 0, 0)}};
    return NamedBatch{{"x", toy.x.slice(0, 0, 16).to(torch::kDouble)}, {"y", toy.y.slice(0, 0, 16)}};
  };
  const auto e = errors_of(validate_training(target), "data");
  EXPECT_TRUE(contains(e, "batch 1: tensor 'x' is Double, expected Float")) << e;
  EXPECT_TRUE(contains(e, "batch 2: ragged: tensor 'y' has 15 rows, 'x' has 16")) << e;
  EXPECT_TRUE(contains(e, "batch 3: tensor 'x' is empty (0 rows)")) << e;
}

TEST(Validator, EpochsOfDifferentLengthsAreAnError) {
  torch::manual_seed(0);
  Toy toy;
  auto target = toy.target();
  int64_t epoch_now = 0;
  target.start_epoch = [&](int64_t epoch) {
    epoch_now = epoch;
    toy.pos = 0;
  };
  auto inner = target.next_batch;
  target.next_batch = [&, inner]() -> std::optional<NamedBatch> {
    if (epoch_now == 2 && toy.pos >= 32) return std::nullopt;  // the second epoch stops early
    return inner();
  };
  const auto e = errors_of(validate_training(target), "data");
  EXPECT_TRUE(contains(e, "epoch 1 yielded 4 batch(es), epoch 2 yielded 2")) << e;
}

TEST(Validator, OptimizerMissingAParameterGroupIsNamed) {
  torch::manual_seed(0);
  Toy toy;
  toy.optimizer = std::make_unique<torch::optim::Adam>(toy.net->fc1->parameters(),
                                                       torch::optim::AdamOptions(1e-2));
  const auto e = errors_of(validate_training(toy.target()), "optimizer");
  EXPECT_TRUE(contains(e, "parameter 'fc2.weight' is trainable but not in the optimizer")) << e;
  EXPECT_TRUE(contains(e, "parameter 'fc2.bias' is trainable but not in the optimizer")) << e;
  EXPECT_FALSE(contains(e, "fc1")) << e;
}

TEST(Validator, FrozenParameterInTheOptimizerAndForeignTensorsAreNamed) {
  torch::manual_seed(0);
  Toy toy;
  toy.net->fc1->weight.set_requires_grad(false);
  auto params = toy.net->parameters();
  params.push_back(torch::zeros({5}, torch::requires_grad()));
  toy.optimizer = std::make_unique<torch::optim::Adam>(params, torch::optim::AdamOptions(1e-2));
  const auto e = errors_of(validate_training(toy.target()), "optimizer");
  EXPECT_TRUE(contains(e, "parameter 'fc1.weight' is frozen (requires_grad false)")) << e;
  EXPECT_TRUE(contains(e, "holds a tensor [5] Float on cpu that is not a parameter")) << e;
}

TEST(Validator, ModelWhoseLossCannotDecreaseFailsTheLoop) {
  torch::manual_seed(0);
  Toy toy(Break::kReversedGradient);
  const auto report = validate_training(toy.target());
  EXPECT_EQ(errors_of(report, "gradients"), "");  // gradients exist; they point the wrong way
  const auto e = errors_of(report, "loop");
  EXPECT_TRUE(contains(e, "the loss did not decrease over 5 optimizer steps")) << e;
  EXPECT_GT(report.section("loop")->figures.at("loss_after"),
            report.section("loop")->figures.at("loss_before"));
}

TEST(Validator, BatchTooLargeForAStatedLimitIsAMemoryError) {
  torch::manual_seed(0);
  // Linear(4 -> 4096) on 2048 rows: the output alone is 2048 * 4096 * 4 B = 32 MiB.
  auto fc = torch::nn::Linear(4, 4096);
  torch::optim::SGD sgd(fc->parameters(), torch::optim::SGDOptions(1e-3));
  ValidationTarget t;
  t.model = fc.ptr().get();
  t.optimizer = &sgd;
  bool served = false;
  t.start_epoch = [&](int64_t) { served = false; };
  t.next_batch = [&]() -> std::optional<NamedBatch> {
    if (served) return std::nullopt;
    served = true;
    return NamedBatch{{"x", torch::randn({2048, 4})}};
  };
  t.forward = [&](const NamedBatch& b) -> io::NamedTensors {
    return {{"y", fc->forward(b[0].second)}};
  };
  t.loss = [](const io::NamedTensors& out, const NamedBatch&) { return out[0].second.pow(2).mean(); };
  ValidatorOptions o;
  o.memory_limit_bytes = 16 << 20;
  o.loop_steps = 1;
  const auto report = validate_training(t, o);
  const auto& mem = *report.section("memory");
  const double output_bytes = 2048.0 * 4096 * 4;
  EXPECT_GE(mem.figures.at("forward_backward_peak_bytes"), 0.9 * output_bytes);
  EXPECT_EQ(mem.figures.at("budget_bytes"), 16 << 20);
  EXPECT_GT(mem.figures.at("budget_fraction"), 0.95);
  const auto e = errors_of(report, "memory");
  EXPECT_TRUE(contains(e, "of 16.0 MiB, the stated limit")) << e;
  EXPECT_TRUE(contains(e, "lower the batch size (first batch: 'x' [2048, 4]")) << e;
  // The same setup fits a limit four times the working set: no memory error.
  o.memory_limit_bytes = static_cast<int64_t>(4 * mem.figures.at("total_bytes"));
  EXPECT_EQ(errors_of(validate_training(t, o), "memory"), "");
}

TEST(Validator, ForwardFailureIsReportedNotThrown) {
  torch::manual_seed(0);
  Toy toy;
  auto target = toy.target();
  target.forward = [](const NamedBatch&) -> io::NamedTensors {
    throw std::runtime_error("shape mismatch in layer 3\nstack trace...");
  };
  const auto report = validate_training(target);
  EXPECT_FALSE(report.passed());
  EXPECT_TRUE(contains(errors_of(report, "shapes"), "forward pass failed: shape mismatch in layer 3"))
      << report.format();
}

TEST(Validator, MissingPartsAndBadOptionsThrow) {
  Toy toy;
  auto t = toy.target();
  t.loss = nullptr;
  EXPECT_THROW(validate_training(t), Error);
  ValidatorOptions o;
  o.loop_steps = 0;
  EXPECT_THROW(validate_training(toy.target(), o), Error);
}

// Seeds, optionally steps the optimizer twice (so the checks meet a non-empty optimizer state),
// optionally runs the checks, then trains 12 steps with dropout. Returns every weight.
torch::Tensor train_toy(bool check, bool pre_step) {
  torch::manual_seed(123);
  Toy toy;
  auto target = toy.target();
  auto step = [&] {
    auto b = target.next_batch();
    if (!b) {
      target.start_epoch(0);
      b = target.next_batch();
    }
    toy.optimizer->zero_grad();
    target.loss(target.forward(*b), *b).backward();
    toy.optimizer->step();
  };
  target.start_epoch(1);
  if (pre_step) {
    step();
    step();
  }
  if (check) {
    const auto report = validate_training(target);
    EXPECT_TRUE(report.passed()) << report.format();
  }
  target.start_epoch(1);  // the training loop restarts its epoch either way
  for (int i = 0; i < 12; ++i) step();
  std::vector<torch::Tensor> flat;
  for (const auto& p : toy.net->parameters()) flat.push_back(p.detach().flatten());
  return torch::cat(flat);
}

TEST(Validator, ChecksLeaveTheRunAsTheyFoundIt) {
  const int threads = at::get_num_threads();
  at::set_num_threads(1);  // bit-exact comparison
  for (bool pre_step : {false, true}) {
    const auto without = train_toy(false, pre_step);
    const auto with = train_toy(true, pre_step);
    EXPECT_TRUE(torch::equal(without, with)) << "pre_step " << pre_step << ": max difference "
                                             << (without - with).abs().max().item<double>();
  }
  at::set_num_threads(threads);
}

TEST(ValidationReport, JsonRoundTripAndModes) {
  torch::manual_seed(0);
  Toy toy(Break::kUnusedLayer);
  const auto report = validate_training(toy.target());
  const auto back = ValidationReport::from_json(report.to_json(), "test");
  ASSERT_EQ(back.sections.size(), report.sections.size());
  EXPECT_EQ(back.passed(), report.passed());
  EXPECT_EQ(back.count(Severity::kError), report.count(Severity::kError));
  EXPECT_EQ(back.format(), report.format());
  EXPECT_THROW(ValidationReport::from_json("{\"seconds\": 1}", "x.json"), Error);
  EXPECT_EQ(parse_validation_mode("check_only"), ValidationMode::kCheckOnly);
  EXPECT_EQ(parse_validation_mode("train_only"), ValidationMode::kTrainOnly);
  EXPECT_EQ(parse_validation_mode("check_and_train"), ValidationMode::kCheckAndTrain);
  try {
    parse_validation_mode("check");
    FAIL();
  } catch (const Error& e) {
    EXPECT_TRUE(contains(e.what(), "train.mode = 'check'")) << e.what();
  }
}

}  // namespace
}  // namespace anvil::train
