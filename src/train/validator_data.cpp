// The data check: the source yields batches with the expected names, dtypes, shapes and label
// ranges; none is empty or ragged; two epochs yield the same number of batches.
#include <torch/torch.h>

#include <cstdint>

#include "anvil/core/error.h"
#include "train/validator_checks.h"

namespace anvil::train::validator_detail {
namespace {

const torch::Tensor* find(const NamedBatch& batch, const std::string& name) {
  for (const auto& [k, v] : batch)
    if (k == name) return &v;
  return nullptr;
}

std::string shape_list(const std::vector<int64_t>& shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? ", " : "") + (shape[i] < 0 ? std::string("*") : std::to_string(shape[i]));
  return s + "]";
}

// Problems with one batch, each naming the batch and tensor; at most a few per batch.
void check_batch(const NamedBatch& batch, int64_t number, const std::vector<TensorSpec>& specs,
                 CheckSection& out, int64_t& problems) {
  auto problem = [&](const std::string& text) {
    if (++problems <= 10) out.error("batch " + std::to_string(number) + ": " + text);
  };
  if (batch.empty()) return problem("has no tensors");
  // Ragged: every tensor of a batch describes the same examples, so dimension 0 must agree.
  int64_t rows = -1;
  std::string first;
  for (const auto& [name, t] : batch) {
    if (!t.defined()) {
      problem("tensor '" + name + "' is undefined");
      continue;
    }
    if (t.dim() == 0) continue;
    if (t.size(0) == 0) problem("tensor '" + name + "' is empty (0 rows)");
    if (rows < 0) {
      rows = t.size(0);
      first = name;
    } else if (t.size(0) != rows) {
      problem("ragged: tensor '" + name + "' has " + std::to_string(t.size(0)) + " rows, '" +
              first + "' has " + std::to_string(rows));
    }
  }
  for (const auto& spec : specs) {
    const torch::Tensor* t = find(batch, spec.name);
    if (!t) {
      problem("no tensor '" + spec.name + "'");
      continue;
    }
    if (!t->defined()) continue;
    if (spec.dtype && t->scalar_type() != *spec.dtype)
      problem("tensor '" + spec.name + "' is " + std::string(c10::toString(t->scalar_type())) +
              ", expected " + c10::toString(*spec.dtype));
    if (!spec.shape.empty()) {
      bool ok = t->dim() == static_cast<int64_t>(spec.shape.size());
      for (int64_t d = 0; ok && d < t->dim(); ++d)
        ok = spec.shape[d] < 0 || spec.shape[d] == t->size(d);
      if (!ok)
        problem("tensor '" + spec.name + "' has shape " + shape_list(t->sizes().vec()) +
                ", expected " + shape_list(spec.shape));
    }
    if ((spec.min_value || spec.max_value) && t->numel() > 0) {
      if (t->is_floating_point() || t->is_complex()) {
        problem("tensor '" + spec.name + "' has a label range but is " +
                std::string(c10::toString(t->scalar_type())));
        continue;
      }
      auto values = t->to(torch::kCPU, torch::kLong).flatten();
      if (spec.ignore_index) values = values.index({values.ne(*spec.ignore_index)});
      if (values.numel() == 0) continue;
      const int64_t lo = values.min().item<int64_t>(), hi = values.max().item<int64_t>();
      const int64_t min = spec.min_value.value_or(INT64_MIN);
      const int64_t max = spec.max_value.value_or(INT64_MAX);
      if (lo < min || hi > max)
        problem("labels '" + spec.name + "' out of range: found " +
                std::to_string(lo < min ? lo : hi) + ", expected [" +
                (spec.min_value ? std::to_string(min) : std::string("-inf")) + ", " +
                (spec.max_value ? std::to_string(max) : std::string("inf")) + "]");
    }
  }
}

}  // namespace

void check_data(Context& ctx, CheckSection& out) {
  const auto& t = ctx.target;
  const int64_t cap = ctx.options.max_data_batches;
  const int epochs = t.start_epoch ? 2 : 1;
  int64_t counts[2] = {0, 0}, problems = 0;
  for (int e = 0; e < epochs; ++e) {
    if (t.start_epoch) t.start_epoch(e + 1);
    while (cap == 0 || counts[e] < cap) {
      std::optional<NamedBatch> batch;
      try {
        batch = t.next_batch();
      } catch (const std::exception& ex) {
        out.error("epoch " + std::to_string(e + 1) + ": the source failed after " +
                  std::to_string(counts[e]) + " batch(es): " + first_line(ex));
        break;
      }
      if (!batch) break;
      ++counts[e];
      if (e == 0) {
        check_batch(*batch, counts[e], t.batch_spec, out, problems);
        if (!ctx.first_batch) ctx.first_batch = std::move(batch);
      }
      if (!t.start_epoch) break;  // without a restart, read no more than the probe needs
    }
  }
  if (problems > 10) out.error(std::to_string(problems - 10) + " more problem(s) not listed");
  out.figures["batches_epoch1"] = static_cast<double>(counts[0]);
  if (!ctx.first_batch) {
    out.error("the source yielded no batch");
    return;
  }
  std::string names;
  for (const auto& [name, tensor] : *ctx.first_batch)
    names += (names.empty() ? "" : ", ") + name + " " + shape_string(tensor);
  out.info("first batch: " + names);
  if (!t.start_epoch) {
    out.info("no start_epoch function: read one batch, epochs not compared");
    return;
  }
  out.figures["batches_epoch2"] = static_cast<double>(counts[1]);
  const std::string limit = cap > 0 ? " (reading at most " + std::to_string(cap) + ")" : "";
  if (counts[0] != counts[1])
    out.error("epoch 1 yielded " + std::to_string(counts[0]) + " batch(es), epoch 2 yielded " +
              std::to_string(counts[1]) + limit);
  else
    out.info(std::to_string(counts[0]) + " batch(es) in each of two epochs" + limit);
  if (problems == 0 && !t.batch_spec.empty())
    out.info("every batch of epoch 1 matches the " + std::to_string(t.batch_spec.size()) +
             " tensor spec(s)");
}

}  // namespace anvil::train::validator_detail
