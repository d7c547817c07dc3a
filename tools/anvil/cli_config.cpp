// Shared config handling for subcommands: --config FILE, --profile, then dotlist overrides.
#include <cstdio>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/pipeline/profiles.h"
#include "commands.h"

namespace anvil::cli {

void add_config_args(CLI::App& cmd, ConfigArgs& args) {
  cmd.add_option("--config", args.config_file, "YAML config merged over the built-in defaults")
      ->check(CLI::ExistingFile);
  cmd.add_option("--profile", args.profile,
                 "hardware profile setting batch size and device defaults (see `anvil profiles`)");
  cmd.add_option("overrides", args.overrides,
                 "config overrides: key=value, +key=value (add), ~key (delete)");
}

Config load_config(const ConfigArgs& args) {
  Config config = Config::from_defaults();
  if (!args.config_file.empty()) config.merge_file(args.config_file);
  std::string profile = args.profile.empty() ? config.get_string("run.profile") : args.profile;
  if (profile != "none") {
    for (const auto& o : pipeline::profile_overrides(profile)) config.apply_override(o);
  }
  config.apply_overrides(args.overrides);
  config.resolve();
  return config;
}

void use_run_config(ConfigArgs& args, const std::string& run_dir) {
  if (!file_exists(run_dir + "/config.yaml"))
    throw usage_error("--resume " + run_dir + ": no config.yaml there (is it a run directory?)");
  if (args.config_file.empty()) args.config_file = run_dir + "/config.yaml";
}

}  // namespace anvil::cli
