// Hash-mask dropout for CPU tensors.
#include "anvil/models/hash_dropout.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <cmath>

#include "anvil/core/error.h"

namespace anvil::models {
namespace {

uint64_t splitmix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace

torch::Tensor hash_dropout(const torch::Tensor& x, double p, bool training) {
  if (!(p >= 0 && p < 1))
    throw Error("dropout probability " + std::to_string(p) + ": must be in [0, 1)");
  if (!training || p == 0) return x;
  if (!x.device().is_cpu()) return torch::dropout(x, p, true);
  const auto seed =
      static_cast<uint64_t>(torch::empty({1}, torch::kLong).random_().item<int64_t>());
  // Element i is dropped when its 32-bit word of hash(i / 2) is below p * 2^32.
  const auto threshold =
      static_cast<uint32_t>(std::min(std::llround(p * 4294967296.0), 4294967295ll));
  const auto scale = static_cast<float>(1.0 / (1.0 - p));
  auto mask = torch::empty(x.sizes(), x.options().dtype(torch::kFloat).requires_grad(false));
  float* m = mask.data_ptr<float>();
  const int64_t n = mask.numel();
  at::parallel_for(0, (n + 1) / 2, 16384, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) {
      const uint64_t r = splitmix64(seed + static_cast<uint64_t>(i + 1) * 0x9e3779b97f4a7c15ull);
      m[2 * i] = static_cast<uint32_t>(r) >= threshold ? scale : 0.f;
      if (2 * i + 1 < n) m[2 * i + 1] = static_cast<uint32_t>(r >> 32) >= threshold ? scale : 0.f;
    }
  });
  return x * (x.scalar_type() == torch::kFloat ? mask : mask.to(x.scalar_type()));
}

}  // namespace anvil::models
