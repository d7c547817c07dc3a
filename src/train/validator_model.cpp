// The checks on one forward + backward of a real batch: shapes, gradient flow and numeric
// stability; and where the model's tensors and the batches live (devices).
#include <torch/torch.h>

#include <cstdio>
#include <map>

#include "anvil/core/error.h"
#include "train/validator_checks.h"

namespace anvil::train::validator_detail {

std::string first_line(const std::exception& e) {
  std::string what = e.what();
  if (auto nl = what.find('\n'); nl != std::string::npos) what.resize(nl);
  return what;
}

std::string shape_string(const torch::Tensor& t) {
  if (!t.defined()) return "(undefined)";
  std::string s = "[";
  for (int64_t d = 0; d < t.dim(); ++d) s += (d ? ", " : "") + std::to_string(t.size(d));
  return s + "] " + c10::toString(t.scalar_type()) + " on " + t.device().str();
}

std::string format_bytes(double bytes) {
  static constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int u = 0;
  while (bytes >= 1024 && u < 4) {
    bytes /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", bytes, kUnits[u]);
  return buf;
}

NamedBatch prepare_batch(const Context& ctx, const NamedBatch& batch) {
  if (ctx.target.prepare) return ctx.target.prepare(batch);
  NamedBatch out;
  for (const auto& [name, t] : batch)
    out.emplace_back(name, t.defined() ? t.to(ctx.options.device) : t);
  return out;
}

namespace {

// Whether `t` lives on `want` (cuda without an index matches any cuda device).
bool on_device(const torch::Tensor& t, const torch::Device& want) {
  if (t.device().type() != want.type()) return false;
  return !want.has_index() || t.device().index() == want.index();
}

// Counts of NaN and Inf values in `t` (0, 0 for non-floating tensors).
std::pair<int64_t, int64_t> non_finite(const torch::Tensor& t) {
  if (!t.defined() || !t.is_floating_point()) return {0, 0};
  auto d = t.detach();
  return {d.isnan().sum().item<int64_t>(), d.isinf().sum().item<int64_t>()};
}

}  // namespace

void check_devices(const Context& ctx, CheckSection& out) {
  const auto& want = ctx.options.device;
  int64_t wrong = 0;
  auto look = [&](const char* what, const io::NamedTensors& tensors) {
    for (const auto& [name, t] : tensors)
      if (t.defined() && !on_device(t, want) && ++wrong <= 10)
        out.error(std::string(what) + " '" + name + "' is on " + t.device().str() + ", expected " +
                  want.str());
  };
  look("parameter", ctx.parameters);
  look("buffer", ctx.buffers);
  // Mixed floating dtypes among parameters are legal but usually a forgotten .to(dtype).
  std::map<c10::ScalarType, std::string> float_dtypes;
  for (const auto& [name, t] : ctx.parameters)
    if (t.is_floating_point()) float_dtypes.emplace(t.scalar_type(), name);
  if (float_dtypes.size() > 1) {
    std::string list;
    for (const auto& [dtype, name] : float_dtypes)
      list += (list.empty() ? "" : ", ") + std::string(c10::toString(dtype)) + " (e.g. '" + name +
              "')";
    out.warn("parameters have mixed floating dtypes: " + list);
  }
  if (ctx.first_batch) {
    try {
      const NamedBatch prepared = prepare_batch(ctx, *ctx.first_batch);
      look("prepared batch tensor", prepared);
    } catch (const std::exception& e) {
      out.error("preparing the first batch failed: " + first_line(e));
    }
  }
  if (wrong > 10) out.error(std::to_string(wrong - 10) + " more tensor(s) on the wrong device");
  out.figures["misplaced_tensors"] = static_cast<double>(wrong);
  if (wrong == 0)
    out.info(std::to_string(ctx.parameters.size()) + " parameter(s), " +
             std::to_string(ctx.buffers.size()) + " buffer(s) and the prepared batch on " +
             want.str());
}

void run_probe(Context& ctx) {
  Probe& p = ctx.probe;
  if (!ctx.first_batch) {
    p.failure = "no batch to run (see the data check)";
    return;
  }
  auto& model = *ctx.target.model;
  model.train();
  for (auto& param : model.parameters()) param.mutable_grad() = torch::Tensor();
  try {
    p.batch = prepare_batch(ctx, *ctx.first_batch);
    p.peak_reset = reset_memory_peak(ctx.options.device);  // releases cached CPU blocks first
    p.before = read_memory(ctx.options.device);
    p.outputs = ctx.target.forward(p.batch);
    p.loss = ctx.target.loss(p.outputs, p.batch);
    if (!p.loss.defined() || p.loss.numel() != 1)
      throw Error("the loss function returned " + shape_string(p.loss) + ", expected a scalar");
    if (!p.loss.requires_grad())
      throw Error("the loss does not require grad: nothing in it depends on a trainable parameter");
    p.loss.backward();
    p.after = read_memory(ctx.options.device);
    p.ran = true;
  } catch (const std::exception& e) {
    p.failure = first_line(e);
  }
}

void check_shapes(const Context& ctx, CheckSection& out) {
  const Probe& p = ctx.probe;
  if (p.outputs.empty() && !p.ran) {
    out.error("forward pass failed: " + p.failure);
    return;
  }
  for (const auto& [name, t] : p.batch) out.info("input  " + name + " " + shape_string(t));
  for (const auto& [name, t] : p.outputs) out.info("output " + name + " " + shape_string(t));
  if (p.loss.defined()) out.info("loss " + shape_string(p.loss));
  if (!p.ran) out.error("forward/backward failed: " + p.failure);
  out.figures["outputs"] = static_cast<double>(p.outputs.size());
}

void check_gradients(Context& ctx, CheckSection& out) {
  if (!ctx.probe.ran) {
    out.error("not checked: the forward/backward pass failed (" + ctx.probe.failure + ")");
    return;
  }
  int64_t trainable = 0, bad = 0;
  for (const auto& [name, t] : ctx.parameters) {
    if (!t.requires_grad()) continue;
    ++trainable;
    const auto& g = t.grad();
    std::string why;
    if (!g.defined()) {
      why = "got no gradient (not used by the loss, or used through a detached path)";
    } else {
      auto [nans, infs] = non_finite(g);
      if (nans + infs > 0)
        why = "has a non-finite gradient (" + std::to_string(nans) + " NaN, " +
              std::to_string(infs) + " Inf)";
      else if (g.detach().abs().max().item<double>() == 0)
        ctx.zero_gradient.push_back(name);  // judged after the loop check's steps
    }
    if (!why.empty() && ++bad <= 20) out.error("parameter '" + name + "' " + why);
  }
  if (bad > 20) out.error(std::to_string(bad - 20) + " more parameter(s) without a usable gradient");
  out.figures["trainable_parameters"] = static_cast<double>(trainable);
  out.figures["parameters_without_gradient"] = static_cast<double>(bad);
  if (trainable == 0) out.error("the model has no trainable parameter");
}

void finish_gradients(const Context& ctx, CheckSection& out) {
  if (!ctx.probe.ran) return;
  int64_t dead = 0;
  for (const auto& name : ctx.zero_gradient) {
    if (ctx.revived.count(name)) {
      out.info("parameter '" + name + "' had an all-zero gradient at the first step, a non-zero "
               "one after an optimizer step (its initialisation, e.g. a LoRA A matrix while B is "
               "zero)");
    } else if (++dead <= 20) {
      out.error("parameter '" + name + "' has an all-zero gradient, also after the loop check's "
                "steps (dead: the loss does not change with it)");
    }
  }
  if (dead > 20) out.error(std::to_string(dead - 20) + " more parameter(s) with all-zero gradients");
  const double bad = out.figures["parameters_without_gradient"] + static_cast<double>(dead);
  out.figures["parameters_without_gradient"] = bad;
  const double trainable = out.figures["trainable_parameters"];
  if (bad == 0 && trainable > 0)
    out.info("all " + std::to_string(static_cast<int64_t>(trainable)) +
             " trainable parameter(s) got a finite, non-zero gradient");
}

void check_numerics(const Context& ctx, CheckSection& out) {
  const Probe& p = ctx.probe;
  int64_t bad = 0;
  auto look = [&](const std::string& what, const torch::Tensor& t) {
    auto [nans, infs] = non_finite(t);
    if (nans + infs == 0) return;
    ++bad;
    out.error(what + " has " + std::to_string(nans) + " NaN and " + std::to_string(infs) +
              " Inf value(s) of " + std::to_string(t.numel()));
  };
  for (const auto& [name, t] : p.batch) look("input '" + name + "'", t);
  for (const auto& [name, t] : p.outputs) look("output '" + name + "'", t);
  if (p.loss.defined()) look("the loss", p.loss);
  if (p.ran)
    for (const auto& [name, t] : ctx.parameters) {
      look("parameter '" + name + "'", t);
      if (t.grad().defined()) look("the gradient of '" + name + "'", t.grad());
    }
  if (!p.ran && p.outputs.empty())
    out.error("not checked: the forward pass failed (" + p.failure + ")");
  out.figures["non_finite_tensors"] = static_cast<double>(bad);
  if (bad == 0 && p.ran) {
    out.info("outputs, loss and gradients are finite");
    out.figures["loss"] = p.loss.item<double>();
  }
}

}  // namespace anvil::train::validator_detail
