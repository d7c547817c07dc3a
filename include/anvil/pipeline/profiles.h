// Hardware profiles: named defaults (device, batch size, threads) for common machines, listed by
// `anvil profiles` and applied with --profile NAME|auto before the user's own overrides.
#pragma once

#include <string>
#include <vector>

namespace anvil::pipeline {

struct HardwareProfile {
  std::string name;
  std::string description;
  std::string device;  // cpu | cuda
  int64_t batch_size;
  int64_t memory_gib;  // device memory the profile assumes
  int64_t threads;     // intra-op CPU threads (0 = all cores)
};

const std::vector<HardwareProfile>& hardware_profiles();

// "auto" picks by the detected device: cpu without CUDA, "generic" with it (LibTorch's C++ API
// does not expose the GPU model name without the CUDA runtime headers).
std::string detect_profile();

// The config overrides a profile applies ("train.batch_size=1024", ...). Unknown names are a usage
// error listing the valid ones.
std::vector<std::string> profile_overrides(const std::string& name);

}  // namespace anvil::pipeline
