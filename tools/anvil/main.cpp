// anvil: the command-line entry point. Sets the runtime up for speed, parses the subcommand and
// turns every error into "anvil: error: ..." with exit code 1 (2 for usage errors).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "anvil/core/error.h"
#include "anvil/core/runtime.h"
#include "anvil/core/version.h"
#include "anvil/train/cpu_cache.h"
#include "commands.h"
#include "error_hints.h"

int main(int argc, char** argv) {
  anvil::tune_runtime();
  anvil::train::install_cpu_cache();  // ANVIL_CPU_CACHE=0 leaves LibTorch's allocator alone
  CLI::App app{"anvil: train, evaluate and ship ML models, natively.", "anvil"};
  app.set_version_flag("--version", std::string("anvil ") + anvil::kVersion);
  app.require_subcommand(1);
  app.fallthrough(false);
  anvil::cli::Context ctx;
  anvil::cli::register_commands(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const anvil::Error& e) {
    std::fprintf(stderr, "anvil: error: %s%s\n", e.what(), anvil::cli::flag_hint(e).c_str());
    return e.kind() == anvil::ErrorKind::kUsage ? 2 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "anvil: error: %s\n", e.what());
    return 1;
  }
  return ctx.exit_code;
}
