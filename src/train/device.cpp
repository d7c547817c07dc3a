// Device and thread configuration.
#include "anvil/train/device.h"

#include <torch/cuda.h>
#include <torch/torch.h>

#include <thread>

#include "anvil/core/error.h"

namespace anvil::train {

torch::Device resolve_device(const std::string& spec) {
  if (spec == "auto")
    return torch::cuda::is_available() ? torch::Device(torch::kCUDA) : torch::kCPU;
  if (spec == "cpu") return torch::kCPU;
  if (spec.rfind("cuda", 0) == 0) {
    if (!torch::cuda::is_available())
      throw usage_error("device '" + spec +
                        "' requested but CUDA is not available (this LibTorch build or machine has "
                        "no GPU); use device cpu or auto")
          .about("device", spec);
    try {
      return torch::Device(spec);
    } catch (const std::exception&) {
      throw usage_error("invalid device '" + spec + "': expected auto, cpu, cuda or cuda:N");
    }
  }
  throw usage_error("invalid device '" + spec + "': expected auto, cpu, cuda or cuda:N");
}

int64_t configure_threads(int64_t threads) {
  if (threads < 0) throw usage_error("run.threads = " + std::to_string(threads) + ": must be >= 0");
  if (threads == 0) threads = std::max<int64_t>(1, std::thread::hardware_concurrency());
  torch::set_num_threads(static_cast<int>(threads));
  return threads;
}

}  // namespace anvil::train
