// `anvil pipeline`: the main job, datagen -> train -> eval -> predictions, from one config.
#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/pipeline/pipeline.h"
#include "commands.h"

namespace anvil::cli {

void register_pipeline(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "pipeline", "Run the whole job: generate data, train, evaluate on fresh data, predict");
  auto a = std::make_shared<ConfigArgs>();
  auto mode = std::make_shared<std::string>();
  auto resume = std::make_shared<std::string>();
  cmd->add_option("--resume", *resume,
                  "continue an interrupted run (RUN: its directory) from where it stopped: its "
                  "data is kept, training continues from the last checkpoint, later stages run "
                  "again (config: RUN/config.yaml plus any overrides)");
  cmd->add_option("--mode", *mode,
                  "check_only (generate data, run the pre-training checks, exit 0 if they pass, 1 "
                  "if not) | train_only | check_and_train (default train.mode)");
  add_config_args(*cmd, *a);
  cmd->callback([a, mode, resume, &ctx] {
    ConfigArgs cargs = *a;
    if (!resume->empty()) use_run_config(cargs, *resume);
    if (!mode->empty()) cargs.overrides.push_back("train.mode=" + *mode);
    Config config = load_config(cargs);
    // Under anvil launch (or torchrun, srun): one rank of a data-parallel job.
    const DistributedJob job = join_distributed_job(config);
    if (job.group) {
      config.apply_override("run.device=" + job.device);
      if (config.get_int("run.threads") == 0)
        config.apply_override("run.threads=" + std::to_string(job.threads));
    }
    const auto result = pipeline::run_pipeline(config, &ctx.sink, job.group, *resume);
    record_world(job, result.run_dir);
  });
}

}  // namespace anvil::cli
