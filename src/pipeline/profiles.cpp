// Hardware profile table.
#include "anvil/pipeline/profiles.h"

#include <torch/cuda.h>

#include "anvil/core/error.h"
#include "anvil/core/suggest.h"

namespace anvil::pipeline {

const std::vector<HardwareProfile>& hardware_profiles() {
  static const std::vector<HardwareProfile> kProfiles = {
      {"b300", "NVIDIA B300 (288 GB HBM3e)", "cuda", 4096, 288, 0},
      {"h200", "NVIDIA H200 (141 GB HBM3e)", "cuda", 4096, 141, 0},
      {"h100", "NVIDIA H100 (80 GB HBM3)", "cuda", 2048, 80, 0},
      {"a100", "NVIDIA A100 (40/80 GB)", "cuda", 2048, 40, 0},
      {"l40s", "NVIDIA L40S (48 GB GDDR6)", "cuda", 1024, 48, 0},
      {"generic", "any CUDA GPU (conservative)", "cuda", 512, 8, 0},
      {"cpu", "CPU only, all cores", "cpu", 256, 0, 0},
  };
  return kProfiles;
}

std::string detect_profile() { return torch::cuda::is_available() ? "generic" : "cpu"; }

std::vector<std::string> profile_overrides(const std::string& requested) {
  const std::string name = requested == "auto" ? detect_profile() : requested;
  std::vector<std::string> names;
  for (const auto& p : hardware_profiles()) {
    names.push_back(p.name);
    if (p.name == name)
      return {"run.device=" + p.device, "train.batch_size=" + std::to_string(p.batch_size),
              "run.threads=" + std::to_string(p.threads)};
  }
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  throw usage_error("unknown profile '" + requested + "'" + did_you_mean(requested, names) +
                    "; valid: auto, " + list);
}

}  // namespace anvil::pipeline
