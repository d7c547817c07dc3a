// validate_training: snapshot the run, run the eight checks in dependency order, restore the run.
#include "anvil/train/validator.h"

#include <torch/serialize.h>
#include <torch/torch.h>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Context.h>

#include <chrono>
#include <mutex>
#include <sstream>

#include "anvil/core/error.h"
#include "train/validator_checks.h"

namespace anvil::train {

void ValidatorOptions::validate() const {
  auto bad = [](const std::string& field, const std::string& value, const std::string& why) {
    return usage_error("validator option " + field + " = " + value + ": " + why).about(field);
  };
  if (memory_limit_bytes < 0)
    throw bad("memory_limit_bytes", std::to_string(memory_limit_bytes), "must be >= 0");
  if (!(memory_warn_fraction > 0 && memory_warn_fraction <= memory_error_fraction))
    throw bad("memory_warn_fraction", std::to_string(memory_warn_fraction),
              "must be in (0, memory_error_fraction]");
  if (!(memory_error_fraction > 0))
    throw bad("memory_error_fraction", std::to_string(memory_error_fraction), "must be > 0");
  if (loop_steps < 1) throw bad("loop_steps", std::to_string(loop_steps), "must be >= 1");
  if (loop_rows < 0) throw bad("loop_rows", std::to_string(loop_rows), "must be >= 0");
  if (max_data_batches < 0)
    throw bad("max_data_batches", std::to_string(max_data_batches), "must be >= 0");
}

namespace {

using Clock = std::chrono::steady_clock;

// Everything the checks may change, copied before they run and put back after.
class RunSnapshot {
 public:
  RunSnapshot(torch::nn::Module& model, torch::optim::Optimizer& optimizer,
              const torch::Device& device)
      : model_(model), optimizer_(optimizer), training_(model.is_training()) {
    torch::NoGradGuard no_grad;
    for (const auto& p : model.named_parameters()) {
      params_.push_back(p.value().detach().clone());
      grads_.push_back(p.value().grad().defined() ? p.value().grad().detach().clone()
                                                  : torch::Tensor());
    }
    for (const auto& b : model.named_buffers()) buffers_.push_back(b.value().detach().clone());
    // A fresh optimizer (the usual case) has no state: clearing it afterwards restores it exactly.
    // Otherwise (e.g. a restored one) its state round-trips through LibTorch's serialization.
    if (!optimizer.state().empty()) {
      torch::serialize::OutputArchive archive;
      optimizer.save(archive);
      archive.save_to(optimizer_bytes_);
      has_optimizer_state_ = true;
    }
    try {  // LibTorch's optimizers have a learning rate; a user's may not say
      for (const auto& g : optimizer.param_groups()) lrs_.push_back(g.options().get_lr());
    } catch (const std::exception&) {
      lrs_.clear();
    }
    generators_.push_back(at::detail::getDefaultCPUGenerator());
    if (device.type() != torch::kCPU) {
      try {
        generators_.push_back(at::globalContext().defaultGenerator(device));
      } catch (const std::exception&) {
        // no default generator for this device type: nothing to restore
      }
    }
    for (auto& g : generators_) {
      std::lock_guard<std::mutex> lock(g.mutex());
      generator_states_.push_back(g.get_state());
    }
  }

  void restore() {
    {
      torch::NoGradGuard no_grad;
      size_t i = 0;
      for (auto& p : model_.named_parameters()) {
        p.value().copy_(params_[i]);
        p.value().mutable_grad() = grads_[i];
        ++i;
      }
      i = 0;
      for (auto& b : model_.named_buffers()) b.value().copy_(buffers_[i++]);
    }
    optimizer_.state().clear();
    if (has_optimizer_state_) {
      torch::serialize::InputArchive archive;
      std::istringstream in(optimizer_bytes_.str());
      archive.load_from(in);
      optimizer_.load(archive);
    }
    for (size_t g = 0; g < lrs_.size() && g < optimizer_.param_groups().size(); ++g)
      optimizer_.param_groups()[g].options().set_lr(lrs_[g]);
    for (size_t g = 0; g < generators_.size(); ++g) {
      std::lock_guard<std::mutex> lock(generators_[g].mutex());
      generators_[g].set_state(generator_states_[g]);
    }
    model_.train(training_);
  }

 private:
  torch::nn::Module& model_;
  torch::optim::Optimizer& optimizer_;
  bool training_;
  std::vector<torch::Tensor> params_, grads_, buffers_;
  std::ostringstream optimizer_bytes_;
  bool has_optimizer_state_ = false;
  std::vector<double> lrs_;
  std::vector<at::Generator> generators_;
  std::vector<torch::Tensor> generator_states_;
};

void check_target(const ValidationTarget& t) {
  auto missing = [](const char* what) {
    return Error(std::string("validate_training: the target has no ") + what);
  };
  if (!t.model) throw missing("model");
  if (!t.optimizer) throw missing("optimizer");
  if (!t.next_batch) throw missing("next_batch function");
  if (!t.forward) throw missing("forward function");
  if (!t.loss) throw missing("loss function");
}

// Runs `check` into a new section named `name`, timing it; an exception becomes an ERROR line.
template <typename Fn>
CheckSection timed(const std::string& name, Fn&& check) {
  CheckSection s;
  s.name = name;
  const auto t0 = Clock::now();
  try {
    check(s);
  } catch (const std::exception& e) {
    s.error("the check itself failed: " + validator_detail::first_line(e));
  }
  s.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return s;
}

}  // namespace

ValidationReport validate_training(const ValidationTarget& target,
                                   const ValidatorOptions& options) {
  check_target(target);
  options.validate();
  using namespace validator_detail;
  const auto t0 = Clock::now();
  Context ctx{target, options};
  for (const auto& p : target.model->named_parameters()) ctx.parameters.emplace_back(p.key(), p.value());
  for (const auto& b : target.model->named_buffers()) ctx.buffers.emplace_back(b.key(), b.value());

  RunSnapshot snapshot(*target.model, *target.optimizer, options.device);
  ValidationReport report;
  CheckSection memory, shapes, gradients, numerics, devices, data, optimizer, loop;
  try {
    data = timed("data", [&](CheckSection& s) { check_data(ctx, s); });
    devices = timed("devices", [&](CheckSection& s) { check_devices(ctx, s); });
    const auto probe_start = Clock::now();
    run_probe(ctx);
    const double probe_seconds =
        std::chrono::duration<double>(Clock::now() - probe_start).count();
    shapes = timed("shapes", [&](CheckSection& s) { check_shapes(ctx, s); });
    shapes.seconds += probe_seconds;  // the forward + backward the model checks share
    gradients = timed("gradients", [&](CheckSection& s) { check_gradients(ctx, s); });
    numerics = timed("numerics", [&](CheckSection& s) { check_numerics(ctx, s); });
    optimizer = timed("optimizer", [&](CheckSection& s) { check_optimizer(ctx, s); });
    loop = timed("loop", [&](CheckSection& s) { check_loop(ctx, s); });
    {
      const auto start = Clock::now();
      finish_gradients(ctx, gradients);
      gradients.seconds += std::chrono::duration<double>(Clock::now() - start).count();
    }
    memory = timed("memory", [&](CheckSection& s) { check_memory(ctx, s); });
  } catch (...) {
    snapshot.restore();
    throw;
  }
  snapshot.restore();
  report.sections = {std::move(memory),   std::move(shapes), std::move(gradients),
                     std::move(numerics), std::move(devices), std::move(data),
                     std::move(optimizer), std::move(loop)};
  report.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return report;
}

}  // namespace anvil::train
