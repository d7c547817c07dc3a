// Config (anvil/core/config.h): a user YAML file merged over the built-in defaults, then dotlist
// overrides, then interpolation, dumping and hashing. The input is the YAML, then one override
// per line after a "\n---overrides---\n" line.
#include <cstddef>
#include <cstdint>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const anvil::Config defaults = anvil::Config::from_defaults();
  const std::string_view input = anvil::fuzz::as_view(data, size);
  const auto parts = anvil::fuzz::split(input, "\n---overrides---\n");
  anvil::Config config = defaults;
  try {
    config.merge_yaml_string(parts[0], "fuzz.yaml");
    if (parts.size() > 1)
      for (auto line : anvil::fuzz::split(parts[1], "\n")) config.apply_override(std::string(line));
    config.resolve();
    const std::string yaml = config.to_yaml();
    (void)config.hash();
    for (const auto& key : config.all_keys()) (void)config.get_string(key);
    // What to_yaml writes must load back as a schema with the same hash.
    const auto again = anvil::Config::from_yaml_string(yaml, "dump");
    if (again.hash() != config.hash()) __builtin_trap();
  } catch (const anvil::Error&) {
  }
  return 0;
}
