// A reliability diagram's line: mean confidence against accuracy for each non-empty bin (shared by
// the intent classifier's and the specialist language model's diagrams).
#pragma once

#include <string>
#include <vector>

#include "anvil/core/plot.h"
#include "anvil/models/calibration.h"

namespace anvil::pipeline {

inline plot::Series reliability_series(const std::string& label,
                                       const std::vector<models::ReliabilityBin>& bins) {
  plot::Series s{label, {}, {}};
  for (const auto& b : bins)
    if (b.count > 0) {
      s.x.push_back(b.mean_confidence);
      s.y.push_back(b.accuracy);
    }
  return s;
}

}  // namespace anvil::pipeline
