// npm packages the interop tests compare against, installed by scripts/setup.d hooks into a cache
// folder outside the source tree (scripts/lib/npm-cache.sh).
#pragma once

#include <cstdlib>
#include <string>

#include "support/run_cli.h"

namespace anvil::testing {

// Where scripts/setup.d hooks install npm packages (ANVIL_NPM_CACHE or ~/.cache/anvil/npm).
inline std::string npm_cache_dir() {
  if (const char* d = std::getenv("ANVIL_NPM_CACHE"); d && *d) return d;
  const char* home = std::getenv("HOME");
  return std::string(home ? home : "/tmp") + "/.cache/anvil/npm";
}

struct NpmSetup {
  std::string skip_reason;  // non-empty: node/npm missing, the test should skip with this
  std::string error;        // non-empty: the hook failed (a test failure, not a skip)
};

// Runs scripts/setup.d/<hook>.sh (idempotent: a no-op once installed).
inline NpmSetup ensure_npm_packages(const std::string& hook) {
  if (run_command("command -v node && command -v npm").exit_code != 0)
    return {
        "node/npm are not installed: the npm reference packages of " + hook + " are not checked",
        ""};
  const auto r = run_command("ANVIL_NPM_CACHE='" + npm_cache_dir() +
                             "' bash '" ANVIL_SOURCE_DIR "/scripts/setup.d/" + hook + ".sh'");
  if (r.exit_code != 0)
    return {"", "installing the npm packages of " + hook + " failed:\n" + r.output};
  return {};
}

}  // namespace anvil::testing
