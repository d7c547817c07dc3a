// Device selection for --device auto|cpu|cuda[:N] and thread setup, shared by every command.
#pragma once

#include <torch/types.h>

#include <string>

namespace anvil::train {

// "auto" picks CUDA when available, else CPU. Asking for CUDA on a build or machine without it is
// an error that says so.
torch::Device resolve_device(const std::string& spec);

// Sets LibTorch's intra-op threads (0 = all hardware threads). Returns the count in use.
int64_t configure_threads(int64_t threads);

}  // namespace anvil::train
