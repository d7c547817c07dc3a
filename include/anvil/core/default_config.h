// The built-in defaults: configs/default.yaml compiled into the binary (CMake generates the
// definition from that file, so it is the one source of truth for every default).
#pragma once

namespace anvil {

// The text of configs/default.yaml as it was at build time. Never null; static lifetime.
const char* default_config_yaml();

}  // namespace anvil
