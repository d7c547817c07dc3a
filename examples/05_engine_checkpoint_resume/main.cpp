// Example 05: training with anvil's Engine, checkpoints, tracking, and an exact resume.
//
// Teaches: a user's own module trained by anvil::train::Engine with handlers: a handler of
// one's own (MeanLoss, with checkpointed state), LrScheduler (cosine with warmup),
// GradientClipping, NanGuard, Evaluator, EarlyStopping, Checkpointer (best-k + last, each file
// written by train::save_checkpoint), and tracking into a SQLite run store and TensorBoard event
// files (train::attach_tracking). Then the proof that a checkpoint holds everything a run needs:
// run A trains 10 epochs straight; run B trains 5 epochs and stops; a fresh trainer (new model,
// optimizer, loader, engine, handlers, and a different LibTorch seed) resumes from B's
// last.safetensors with train::load_checkpoint and finishes.
//
// Asserts: run A trains all 10 epochs and its best validation accuracy is >= 0.95 (measured:
// 0.983; 0.973 to 0.997 over LibTorch seeds 1-12); B stops at epoch 5 and the resumed trainer
// continues after epoch 5 from iteration 190; B's final weights equal A's bit for bit
// (torch::equal on every tensor, one thread); both runs finish "completed" in the run store, B as
// one run (the same id before and after the resume) with a val_acc point for each of its 10
// epochs; the TensorBoard event file exists and is non-empty; A's checkpoint folder holds
// last.safetensors and exactly keep_best = 2 best-epoch files.
//
// It includes only the anvil headers it uses, as larger programs do.
#include <anvil/core/error.h>
#include <anvil/data/loader.h>
#include <anvil/data/splits.h>
#include <anvil/io/torch_tensors.h>
#include <anvil/track/run_store.h>
#include <anvil/train/checkpoint.h>
#include <anvil/train/engine.h>
#include <anvil/train/handlers/checkpointer.h>
#include <anvil/train/handlers/early_stopping.h>
#include <anvil/train/handlers/evaluator.h>
#include <anvil/train/handlers/grad_clip.h>
#include <anvil/train/handlers/lr_scheduler.h>
#include <anvil/train/handlers/nan_guard.h>
#include <anvil/train/param_groups.h>
#include <anvil/train/tracking.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace train = anvil::train;
namespace fs = std::filesystem;

int failures = 0;

void expect(bool ok, const std::string& what) {
  std::printf("  [%s] %s\n", ok ? "ok" : "FAILED", what.c_str());
  if (!ok) ++failures;
}

// The user's model: a small MLP with dropout (so the resume must restore LibTorch's generator).
class ClassifierImpl : public torch::nn::Module {
 public:
  explicit ClassifierImpl(int64_t hidden)
      : fc1_(register_module("fc1", torch::nn::Linear(2, hidden))),
        fc2_(register_module("fc2", torch::nn::Linear(hidden, hidden))),
        out_(register_module("out", torch::nn::Linear(hidden, 2))),
        dropout_(register_module("dropout", torch::nn::Dropout(0.1))) {}

  torch::Tensor forward(const torch::Tensor& x) {
    auto h = dropout_(torch::relu(fc1_(x)));
    return out_(dropout_(torch::relu(fc2_(h))));
  }

 private:
  torch::nn::Linear fc1_, fc2_, out_;
  torch::nn::Dropout dropout_;
};
TORCH_MODULE(Classifier);

// Two interleaved spirals (as in example 03), split 80/20 with anvil's seeded split.
struct Dataset {
  torch::Tensor x, labels;
  anvil::data::Split split;
};

Dataset make_dataset(int64_t per_class, uint64_t seed) {
  torch::manual_seed(static_cast<int64_t>(seed));
  std::vector<torch::Tensor> xs, ys;
  for (int64_t k = 0; k < 2; ++k) {
    auto t = 0.1 + 0.9 * torch::rand({per_class});
    auto angle = 3 * M_PI * t + k * M_PI;
    xs.push_back(torch::stack({t * torch::cos(angle), t * torch::sin(angle)}, 1) +
                 0.03 * torch::randn({per_class, 2}));
    ys.push_back(torch::full({per_class}, k, torch::kInt64));
  }
  return {torch::cat(xs), torch::cat(ys),
          anvil::data::train_validation_split(2 * per_class, 0.8, seed)};
}

struct Batch {
  torch::Tensor x, labels;
};

// A handler of our own: the epoch's mean training loss as metrics["train_loss"]. Its running sum
// is state a run resumed mid-epoch would need, so it goes into checkpoints with save_state().
// (anvil's RunningAverage does the same for every key of the step output.)
class MeanLoss : public train::Handler {
 public:
  void attach(train::Engine& engine) override {
    engine.on(train::on(train::Event::kEpochStarted), [this](train::Engine&) {
      sum_ = 0;
      count_ = 0;
    });
    engine.on(train::on(train::Event::kIterationCompleted), [this](train::Engine& e) {
      sum_ += e.state().output.at("loss");
      ++count_;
    });
    engine.on(train::on(train::Event::kEpochCompleted), [this](train::Engine& e) {
      e.state().metrics["train_loss"] = sum_ / static_cast<double>(count_);
    });
  }
  std::string name() const override { return "mean_loss"; }  // the key in the checkpoint
  std::string save_state() const override {
    std::ostringstream os;
    os.precision(17);
    os << sum_ << ' ' << count_;
    return os.str();
  }
  void load_state(const std::string& state) override {
    std::istringstream(state) >> sum_ >> count_;
  }

 private:
  double sum_ = 0;
  int64_t count_ = 0;
};

struct Settings {
  int64_t epochs = 10;
  int64_t batch_size = 32;
  double lr = 1e-2;
  uint64_t seed = 0;
  std::string db = "runs/anvil.sqlite";  // the run store: one SQLite file for all runs
};

// Everything one training process holds: model, optimizer, loader, engine and its handlers.
// Building a second Trainer is what a new process would do after a crash or a stop.
class Trainer {
 public:
  Trainer(const Dataset& data, const Settings& settings, const std::string& run_dir)
      : data_(data),
        settings_(settings),
        run_dir_(run_dir),
        net_(64),
        engine_([this](train::Engine& e) { return step(e); }) {
    // Weight decay on matrices, not on biases: the groups every anvil trainer uses.
    const train::ParamGroups groups = train::split_parameters(*net_);
    named_params_ = groups.all();  // the optimizer's parameters by name, for checkpoints
    optimizer_ = train::make_adamw(groups, {settings.lr, /*weight_decay=*/0.01});
    anvil::data::LoaderOptions lo;
    lo.batch_size = settings.batch_size;
    lo.seed = settings.seed;  // epoch e always gets the same order: resumable
    loader_ = std::make_unique<anvil::data::DataLoader<Batch>>(
        data.split.train, lo, [this](const std::vector<int64_t>& idx) {
          auto rows = torch::tensor(idx, torch::kInt64);
          return Batch{data_.x.index_select(0, rows), data_.labels.index_select(0, rows)};
        });
    attach_handlers();
  }

  int64_t steps_per_epoch() const { return loader_->batches_per_epoch(); }

  // Restores model, optimizer, RNG, engine position and handler states from a checkpoint.
  void resume(const std::string& path) {
    const auto metadata = train::load_checkpoint(path, checkpoint_parts());
    std::printf("  resumed from %s: epoch %lld, iteration %lld (model: %s)\n", path.c_str(),
                (long long)engine_.state().epoch, (long long)engine_.state().iteration,
                metadata.at("model").c_str());
  }

  // Trains to settings.epochs; with stop_after_epoch > 0, stops after that epoch instead.
  void run(int64_t stop_after_epoch = 0) {
    if (stop_after_epoch > 0)
      engine_.on(train::once(train::Event::kEpochCompleted, stop_after_epoch),
                 [](train::Engine& e) { e.terminate("stopped on purpose"); });
    engine_.run(steps_per_epoch(), settings_.epochs);
  }

  const train::State& state() const { return engine_.state(); }
  const train::Checkpointer& checkpointer() const { return *checkpointer_; }
  const train::Tracking& tracking() const { return tracking_; }
  Classifier& net() { return net_; }

 private:
  // One iteration: a batch, forward, backward, the BACKWARD_COMPLETED event (gradient
  // clipping listens to it), the optimizer step. The returned map becomes state().output.
  std::map<std::string, double> step(train::Engine& e) {
    std::optional<Batch> batch = loader_->next();
    if (!batch) throw anvil::Error("the loader ran out of batches");
    auto loss = torch::cross_entropy_loss(net_->forward(batch->x), batch->labels);
    optimizer_->zero_grad();
    loss.backward();
    e.fire(train::Event::kBackwardCompleted);
    optimizer_->step();
    return {{"loss", loss.item<double>()}};
  }

  std::map<std::string, double> evaluate() {
    torch::NoGradGuard no_grad;
    net_->eval();
    auto rows = torch::tensor(data_.split.validation, torch::kInt64);
    auto logits = net_->forward(data_.x.index_select(0, rows));
    auto labels = data_.labels.index_select(0, rows);
    net_->train();
    return {{"val_loss", torch::cross_entropy_loss(logits, labels).item<double>()},
            {"val_acc", logits.argmax(1).eq(labels).to(torch::kFloat64).mean().item<double>()}};
  }

  train::CheckpointParts checkpoint_parts() {
    return {net_.get(), optimizer_.get(), named_params_, &engine_};
  }

  // Order matters: callbacks run in the order they were attached, so producers of metrics
  // (MeanLoss, Evaluator) come before their consumers (EarlyStopping, Checkpointer).
  void attach_handlers() {
    engine_.on(train::on(train::Event::kEpochStarted),
               [this](train::Engine& e) { loader_->start_epoch(e.state().epoch); });
    engine_.attach(std::make_shared<MeanLoss>());  // metrics["train_loss"] per epoch

    train::LrScheduleOptions schedule;
    schedule.type = "cosine";
    schedule.base_lr = settings_.lr;
    schedule.lr_min = settings_.lr / 100;
    schedule.warmup_steps = 20;
    schedule.steps_per_epoch = steps_per_epoch();
    schedule.total_steps = steps_per_epoch() * settings_.epochs;
    engine_.attach(std::make_shared<train::LrScheduler>(*optimizer_, schedule));
    engine_.attach(std::make_shared<train::GradientClipping>(net_->parameters(), 1.0));
    engine_.attach(std::make_shared<train::NanGuard>());
    engine_.attach(std::make_shared<train::Evaluator>([this] { return evaluate(); }));
    engine_.attach(std::make_shared<train::EarlyStopping>(
        train::EarlyStoppingOptions{"val_acc", /*patience=*/4, /*min_delta=*/0.0}));

    checkpointer_ = std::make_shared<train::Checkpointer>(
        train::CheckpointOptions{run_dir_ + "/checkpoints", "val_acc", /*keep_best=*/2},
        [this](train::Engine&, const std::string& path) {
          train::save_checkpoint(path, checkpoint_parts(), {{"model", "Classifier(hidden=64)"}});
        });
    engine_.attach(checkpointer_);

    engine_.on(train::on(train::Event::kEpochCompleted), [](train::Engine& e) {
      const auto& m = e.state().metrics;
      std::printf("  epoch %2lld  train_loss %.4f  val_loss %.4f  val_acc %.3f  lr %.5f\n",
                  (long long)e.state().epoch, m.at("train_loss"), m.at("val_loss"), m.at("val_acc"),
                  m.at("lr"));
    });

    // Tracking last, and before any load_checkpoint: the run id it records is handler state,
    // so a resumed trainer continues the same run in the store.
    train::TrackingOptions tracking;
    tracking.run = train::RunTrackerOptions(settings_.db);
    tracking.run.name = fs::path(run_dir_).filename().string();
    tracking.run.params = {{"lr", std::to_string(settings_.lr)},
                           {"epochs", std::to_string(settings_.epochs)}};
    tracking_ = train::attach_tracking(engine_, tracking, run_dir_);
  }

  const Dataset& data_;
  Settings settings_;
  std::string run_dir_;
  Classifier net_;
  anvil::io::NamedTensors named_params_;
  std::unique_ptr<torch::optim::AdamW> optimizer_;
  std::unique_ptr<anvil::data::DataLoader<Batch>> loader_;
  train::Engine engine_;
  std::shared_ptr<train::Checkpointer> checkpointer_;
  train::Tracking tracking_;
};

// Every parameter and buffer of `a` equal to `b`'s, bit for bit; prints the largest difference
// when they are not.
bool same_weights(const torch::nn::Module& a, const torch::nn::Module& b) {
  const auto ta = anvil::io::module_tensors(a), tb = anvil::io::module_tensors(b);
  bool same = ta.size() == tb.size();
  double largest = 0;
  for (size_t i = 0; same && i < ta.size(); ++i) {
    same = ta[i].first == tb[i].first && torch::equal(ta[i].second, tb[i].second);
    largest = std::max(largest, (ta[i].second - tb[i].second).abs().max().item<double>());
  }
  if (!same) std::printf("  weights differ: largest difference %g\n", largest);
  return same;
}

size_t count_files(const std::string& dir, const std::string& prefix) {
  size_t n = 0;
  for (const auto& entry : fs::directory_iterator(dir))
    n += entry.path().filename().string().rfind(prefix, 0) == 0;
  return n;
}

void check_run_store(const Settings& settings, int64_t run_b) {
  std::printf("run store %s:\n", settings.db.c_str());
  anvil::track::RunStore store(settings.db);
  const auto runs = store.list_runs();
  bool all_completed = runs.size() == 2;
  for (const auto& r : runs) {
    std::printf("  run %lld %-3s %s %s\n", (long long)r.id, r.name.c_str(),
                anvil::track::run_status_name(r.status), r.message.c_str());
    all_completed = all_completed && r.status == anvil::track::RunStatus::kCompleted;
  }
  expect(all_completed, "two runs recorded, both completed");
  const auto val_acc = store.metrics(run_b, "val_acc");
  expect(static_cast<int64_t>(val_acc.size()) == settings.epochs,
         "run B has " + std::to_string(val_acc.size()) + " val_acc points, one per epoch");
}

}  // namespace

int run_example() {
  torch::set_num_threads(1);  // bit-exact results need the same reduction order every time
  const Settings settings;
  const Dataset data = make_dataset(/*per_class=*/750, settings.seed);
  const int64_t half = settings.epochs / 2;

  std::printf("run A: %lld epochs straight\n", (long long)settings.epochs);
  torch::manual_seed(1);
  Trainer a(data, settings, "runs/a");
  a.run();
  expect(a.state().epoch == settings.epochs, "A trained " + std::to_string(a.state().epoch) +
                                                 " of " + std::to_string(settings.epochs) +
                                                 " epochs (early stopping did not fire)");
  const double best = a.checkpointer().best_score();
  expect(best >= 0.95, "A's best val_acc " + std::to_string(best) + " >= 0.95");
  expect(
      fs::exists(a.checkpointer().last_path()) && count_files("runs/a/checkpoints", "best-") == 2,
      "runs/a/checkpoints: last.safetensors and 2 best-epoch files (" +
          fs::path(a.checkpointer().best_path()).filename().string() + " is the best)");

  std::printf("run B, first process: stops after epoch %lld\n", (long long)half);
  int64_t run_b = 0;
  {
    torch::manual_seed(1);  // the same start as A
    Trainer b(data, settings, "runs/b");
    b.run(/*stop_after_epoch=*/half);
    run_b = b.tracking().tracker->run_id();
    const train::State saved = train::checkpoint_position(b.checkpointer().last_path());
    expect(saved.epoch == half, "last.safetensors holds epoch " + std::to_string(saved.epoch));
  }  // everything the first process built is gone

  std::printf("run B, second process: resumes from runs/b/checkpoints/last.safetensors\n");
  torch::manual_seed(12345);  // a different seed: the checkpoint restores the generator
  Trainer resumed(data, settings, "runs/b");
  resumed.resume("runs/b/checkpoints/last.safetensors");
  expect(resumed.state().epoch == half &&
             resumed.state().iteration == half * resumed.steps_per_epoch(),
         "continues after epoch " + std::to_string(half) + " at iteration " +
             std::to_string(resumed.state().iteration + 1));
  resumed.run();
  expect(resumed.state().epoch == settings.epochs,
         "resumed run finished epoch " + std::to_string(resumed.state().epoch));
  expect(resumed.tracking().tracker->run_id() == run_b,
         "the resumed run is the same tracked run (id " + std::to_string(run_b) + ")");

  std::printf("exact resume:\n");
  expect(same_weights(*a.net(), *resumed.net()),
         "B's final weights equal A's bit for bit (torch::equal on every tensor)");

  const std::string tb = resumed.tracking().tensorboard->path();
  expect(fs::exists(tb) && fs::file_size(tb) > 0, "TensorBoard events: " + tb);
  check_run_store(settings, run_b);

  std::printf(failures == 0 ? "all checks passed\n" : "%d check(s) failed\n", failures);
  return failures == 0 ? 0 : 1;
}

int main() {
  try {
    return run_example();
  } catch (const std::exception& e) {  // anvil::Error names the file and what went wrong
    std::printf("error: %s\n", e.what());
    return 1;
  }
}
