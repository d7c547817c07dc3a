// AdamW state <-> named tensors.
#include "anvil/train/optimizer_state.h"

#include <torch/torch.h>

#include "anvil/core/error.h"
#include "torch_compat.h"

namespace anvil::train {

io::NamedTensors adamw_state_tensors(torch::optim::AdamW& optimizer,
                                     const io::NamedTensors& named_params,
                                     const std::string& prefix) {
  io::NamedTensors out;
  auto& state = optimizer.state();
  for (const auto& [name, p] : named_params) {
    auto it = state.find(compat::optimizer_state_key(state, p.unsafeGetTensorImpl()));
    if (it == state.end()) continue;
    auto& s = static_cast<torch::optim::AdamWParamState&>(*it->second);
    out.emplace_back(prefix + name + ".exp_avg", s.exp_avg());
    out.emplace_back(prefix + name + ".exp_avg_sq", s.exp_avg_sq());
    out.emplace_back(prefix + name + ".step", torch::tensor(s.step(), torch::kInt64));
  }
  return out;
}

void load_adamw_state(torch::optim::AdamW& optimizer, const io::NamedTensors& named_params,
                      const io::SafetensorsFile& file, const std::string& origin,
                      const std::string& prefix) {
  auto& state = optimizer.state();
  state.clear();
  for (const auto& [name, p] : named_params) {
    const auto* avg = file.find(prefix + name + ".exp_avg");
    const auto* avg_sq = file.find(prefix + name + ".exp_avg_sq");
    const auto* step = file.find(prefix + name + ".step");
    if (!avg && !avg_sq && !step) continue;
    if (!avg || !avg_sq || !step)
      throw Error(origin + ": incomplete optimizer state for parameter '" + name + "'");
    auto s = std::make_unique<torch::optim::AdamWParamState>();
    auto a = io::to_torch(*avg), b = io::to_torch(*avg_sq);
    if (a.sizes() != p.sizes() || b.sizes() != p.sizes())
      throw Error(origin + ": optimizer state for '" + name + "' has shape " + c10::str(a.sizes()) +
                  " but the parameter is " + c10::str(p.sizes()));
    s->exp_avg(a.to(p.device(), p.scalar_type()));
    s->exp_avg_sq(b.to(p.device(), p.scalar_type()));
    s->step(io::to_torch(*step).item<int64_t>());
    state[compat::optimizer_state_key(state, p.unsafeGetTensorImpl())] = std::move(s);
  }
}

}  // namespace anvil::train
