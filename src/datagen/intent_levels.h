// Internal: the per-level intent lists that intents.cpp stitches into intent_table(), plus the
// operand-sampling helpers they share.
#pragma once

#include <cstdint>
#include <vector>

#include "anvil/core/rng.h"
#include "anvil/datagen/intents.h"

namespace anvil::datagen::detail {

std::vector<IntentSpec> level1_intents();  // arithmetic and moves
std::vector<IntentSpec> level2_intents();  // conditionals and loops
std::vector<IntentSpec> level3_intents();  // memory and arrays
std::vector<IntentSpec> level4_intents();  // functions, stack and recursion
std::vector<IntentSpec> level5_intents();  // algorithms

// Mostly small values: with probability 3/4 uniform in [small_lo, small_hi], else in [lo, hi].
inline int64_t sample_skewed(Rng& rng, int64_t small_lo, int64_t small_hi, int64_t lo, int64_t hi) {
  if (rng.uniform_int(0, 3) != 0) return rng.uniform_int(small_lo, small_hi);
  return rng.uniform_int(lo, hi);
}

// A typical signed operand: mostly -20..99, sometimes -999..9999.
inline int64_t sample_value(Rng& rng) { return sample_skewed(rng, -20, 99, -999, 9999); }

}  // namespace anvil::datagen::detail
