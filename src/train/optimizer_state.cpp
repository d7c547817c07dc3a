// AdamW state <-> named tensors.
#include "anvil/train/optimizer_state.h"

#include <torch/torch.h>

#include <sstream>
#include <type_traits>

#include "anvil/core/error.h"

namespace anvil::train {
namespace {

// LibTorch keys optimizer state by the parameter's TensorImpl: as a string in 1.x, as void* later.
template <typename Map>
typename Map::key_type state_key(const Map&, const torch::Tensor& p) {
  using K = typename Map::key_type;
  if constexpr (std::is_same_v<K, std::string>) {
    std::ostringstream os;
    os << p.unsafeGetTensorImpl();
    return os.str();
  } else {
    return static_cast<K>(p.unsafeGetTensorImpl());
  }
}

}  // namespace

io::NamedTensors adamw_state_tensors(torch::optim::AdamW& optimizer,
                                     const io::NamedTensors& named_params,
                                     const std::string& prefix) {
  io::NamedTensors out;
  auto& state = optimizer.state();
  for (const auto& [name, p] : named_params) {
    auto it = state.find(state_key(state, p));
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
    state[state_key(state, p)] = std::move(s);
  }
}

}  // namespace anvil::train
