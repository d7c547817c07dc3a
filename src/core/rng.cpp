// Rng state serialization (the generator itself is header-only for speed).
#include "anvil/core/rng.h"

#include <sstream>

#include "anvil/core/error.h"

namespace anvil {

std::string Rng::state_string() const {
  std::ostringstream os;
  os << state_[0] << ' ' << state_[1] << ' ' << state_[2] << ' ' << state_[3];
  return os.str();
}

void Rng::load_state_string(const std::string& s) {
  std::istringstream is(s);
  uint64_t v[4];
  if (!(is >> v[0] >> v[1] >> v[2] >> v[3])) throw Error("invalid RNG state string '" + s + "'");
  for (int i = 0; i < 4; ++i) state_[i] = v[i];
}

}  // namespace anvil
