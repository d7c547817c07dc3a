// `anvil pipeline`: the main job, datagen -> train -> eval -> predictions, from one config.
#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/train/dist/environment.h"
#include "anvil/pipeline/pipeline.h"
#include "commands.h"

namespace anvil::cli {

void register_pipeline(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "pipeline", "Run the whole job: generate data, train, evaluate on fresh data, predict");
  auto a = std::make_shared<ConfigArgs>();
  auto mode = std::make_shared<std::string>();
  cmd->add_option("--mode", *mode,
                  "check_only (generate data, run the pre-training checks, exit 0 if they pass, 1 "
                  "if not) | train_only | check_and_train (default train.mode)");
  add_config_args(*cmd, *a);
  cmd->callback([a, mode, &ctx] {
    ConfigArgs cargs = *a;
    if (dist::read_environment().distributed())
      throw usage_error("anvil pipeline runs in one process (it generates data, trains, evaluates "
                        "and exports); run its data-parallel training step with `anvil launch "
                        "... -- anvil train`");
    if (!mode->empty()) cargs.overrides.push_back("train.mode=" + *mode);
    pipeline::run_pipeline(load_config(cargs), &ctx.sink);
  });
}

}  // namespace anvil::cli
