// The optimizer check (it holds exactly the trainable parameters) and the loop check (a few steps
// on one fixed batch lower its loss).
#include <torch/torch.h>

#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "anvil/core/error.h"
#include "train/validator_checks.h"

namespace anvil::train::validator_detail {

void check_optimizer(const Context& ctx, CheckSection& out) {
  std::unordered_map<const void*, const std::string*> by_impl;  // model tensor -> its name
  for (const auto& [name, t] : ctx.parameters) by_impl.emplace(t.unsafeGetTensorImpl(), &name);
  std::unordered_map<const void*, int> held;
  int64_t problems = 0, groups = 0, tensors = 0;
  auto problem = [&](const std::string& text) {
    if (++problems <= 20) out.error(text);
  };
  for (const auto& group : ctx.target.optimizer->param_groups()) {
    ++groups;
    for (const auto& p : group.params()) {
      ++tensors;
      const void* impl = p.unsafeGetTensorImpl();
      auto it = by_impl.find(impl);
      if (it == by_impl.end()) {
        problem("the optimizer (group " + std::to_string(groups) + ") holds a tensor " +
                shape_string(p) + " that is not a parameter of the model");
        continue;
      }
      if (++held[impl] == 2) problem("parameter '" + *it->second + "' is in the optimizer twice");
      if (!p.requires_grad())
        problem("parameter '" + *it->second +
                "' is frozen (requires_grad false) but the optimizer holds it");
    }
  }
  int64_t trainable = 0;
  for (const auto& [name, t] : ctx.parameters) {
    if (!t.requires_grad()) continue;
    ++trainable;
    if (!held.count(t.unsafeGetTensorImpl()))
      problem("parameter '" + name + "' is trainable but not in the optimizer (it would never be "
              "updated)");
  }
  if (problems > 20) out.error(std::to_string(problems - 20) + " more problem(s) not listed");
  out.figures["optimizer_groups"] = static_cast<double>(groups);
  out.figures["optimizer_tensors"] = static_cast<double>(tensors);
  out.figures["trainable_parameters"] = static_cast<double>(trainable);
  if (problems == 0)
    out.info(std::to_string(groups) + " group(s) hold exactly the " + std::to_string(trainable) +
             " trainable parameter(s)");
}

void check_loop(Context& ctx, CheckSection& out) {
  if (!ctx.probe.ran) {
    out.error("not checked: the forward/backward pass failed (" + ctx.probe.failure + ")");
    return;
  }
  auto& model = *ctx.target.model;
  auto& optimizer = *ctx.target.optimizer;
  NamedBatch batch = ctx.probe.batch;
  int64_t rows = -1;
  if (ctx.options.loop_rows > 0)
    for (auto& [name, t] : batch)
      if (t.defined() && t.dim() > 0 && t.size(0) > ctx.options.loop_rows) {
        t = t.slice(0, 0, ctx.options.loop_rows);
        rows = ctx.options.loop_rows;
      }
  // Before/after in eval mode, so dropout noise does not decide the verdict.
  auto eval_loss = [&] {
    torch::NoGradGuard no_grad;
    model.eval();
    const double l = ctx.target.loss(ctx.target.forward(batch), batch).item<double>();
    model.train();
    return l;
  };
  const double before = eval_loss();
  const int64_t steps = ctx.options.loop_steps;
  std::vector<std::pair<std::string, torch::Tensor>> suspects;  // zero gradient in the probe
  for (const auto& name : ctx.zero_gradient)
    for (const auto& [n, t] : ctx.parameters)
      if (n == name) suspects.emplace_back(n, t);
  for (int64_t k = 1; k <= steps; ++k) {
    model.train();
    optimizer.zero_grad();
    auto loss = ctx.target.loss(ctx.target.forward(batch), batch);
    loss.backward();
    for (const auto& [name, t] : suspects)
      if (t.grad().defined() && t.grad().detach().abs().max().item<double>() > 0)
        ctx.revived.insert(name);
    optimizer.step();
    const double l = loss.item<double>();
    if (!std::isfinite(l)) {
      out.error("the training loss became non-finite (" + std::to_string(l) + ") at step " +
                std::to_string(k) + " of " + std::to_string(steps) + " on one fixed batch");
      return;
    }
  }
  const double after = eval_loss();
  out.figures["loss_before"] = before;
  if (rows > 0) out.figures["rows"] = static_cast<double>(rows);
  const std::string which = rows > 0 ? " (its first " + std::to_string(rows) + " rows)" : "";
  out.figures["loss_after"] = after;
  char buf[320];
  if (!std::isfinite(after)) {
    std::snprintf(buf, sizeof buf,
                  "the loss became non-finite (%g) after %lld optimizer steps on one fixed batch",
                  after, static_cast<long long>(steps));
    out.error(buf + which);
  } else if (!(after < before)) {
    std::snprintf(buf, sizeof buf,
                  "the loss did not decrease over %lld optimizer steps on one fixed batch: %.6g -> "
                  "%.6g (the model cannot learn: check the loss sign, the learning rate, detached "
                  "outputs)",
                  static_cast<long long>(steps), before, after);
    out.error(buf + which);
  } else {
    std::snprintf(buf, sizeof buf,
                  "the loss fell from %.6g to %.6g (%.1f%%) over %lld optimizer steps on one "
                  "fixed batch",
                  before, after, 100 * (after - before) / std::abs(before),
                  static_cast<long long>(steps));
    out.info(buf + which);
  }
}

}  // namespace anvil::train::validator_detail
