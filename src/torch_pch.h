// Precompiled header for the anvil targets: the LibTorch headers dominate compile time.
#pragma once
#include <torch/torch.h>
