// `anvil pipeline`: the main job, datagen -> train -> eval -> predictions, from one config.
#include "anvil/core/config.h"
#include "anvil/pipeline/pipeline.h"
#include "commands.h"

namespace anvil::cli {

void register_pipeline(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "pipeline", "Run the whole job: generate data, train, evaluate on fresh data, predict");
  auto a = std::make_shared<ConfigArgs>();
  add_config_args(*cmd, *a);
  cmd->callback([a, &ctx] { pipeline::run_pipeline(load_config(*a), &ctx.sink); });
}

}  // namespace anvil::cli
