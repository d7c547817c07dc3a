// Classifier heads.
#include "anvil/models/mlp.h"

#include <torch/torch.h>

namespace anvil::models {

torch::nn::Sequential make_mlp(int64_t in, int64_t hidden, int64_t out, double dropout) {
  namespace nn = torch::nn;
  return nn::Sequential(nn::Linear(in, hidden), nn::ReLU(), nn::Dropout(dropout),
                        nn::Linear(hidden, out));
}

}  // namespace anvil::models
