// WeightedTable sampling and the locale lookup.
#include "anvil/datagen/fake/locale.h"

#include <algorithm>

#include "anvil/core/error.h"

namespace anvil::datagen::fake {

WeightedTable::WeightedTable(std::initializer_list<std::pair<std::string_view, uint32_t>> entries) {
  uint64_t total = 0;
  for (const auto& [value, weight] : entries) {
    total += weight;
    values_.push_back(value);
    cumulative_.push_back(total);
  }
}

std::string_view WeightedTable::sample(Rng& rng) const {
  const uint64_t r =
      static_cast<uint64_t>(rng.uniform_int(0, static_cast<int64_t>(cumulative_.back()) - 1));
  const size_t i = static_cast<size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), r) -
                                       cumulative_.begin());
  return values_[i];
}

const Locale& find_locale(std::string_view code) {
  if (code == "en_US" || code == "en-US" || code == "en") return locale_en_us();
  throw usage_error("unknown locale '" + std::string(code) + "' (known: en_US)");
}

}  // namespace anvil::datagen::fake
