// The anvil subcommands: each cmd_<name>.cpp registers one with CLI11 and stays thin (parse
// arguments, call the library, print). Shared helpers for config loading live in cli_config.cpp.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "anvil/core/sink.h"

namespace anvil {
class Config;
namespace dist {
class ProcessGroup;
}
}  // namespace anvil

namespace anvil::cli {

struct Context {
  int exit_code = 0;  // set by commands that finish with a failure status but no exception
  StreamSink sink{stderr, stdout};  // library log lines to stderr, results to stdout
};

void register_commands(CLI::App& app, Context& ctx);

// --config FILE and trailing `key=value`, `+key=value`, `~key` overrides, shared by commands.
struct ConfigArgs {
  std::string config_file;
  std::string profile;  // empty = run.profile from the config
  std::vector<std::string> overrides;
};
void add_config_args(CLI::App& cmd, ConfigArgs& args);
// Defaults, then the file, then the overrides; resolved.
Config load_config(const ConfigArgs& args);
// `--resume RUN` (a run directory): its config.yaml becomes the config file unless --config was
// given; a directory without one is a usage error naming the flag.
void use_run_config(ConfigArgs& args, const std::string& run_dir);

// A distributed job this process belongs to (anvil launch, torchrun, srun: see
// dist::read_environment), joined once per process; a world of one leaves `group` null.
struct DistributedJob {
  std::shared_ptr<dist::ProcessGroup> group;
  int rank = 0;
  int threads = 1;     // for run.threads = 0: this machine's cores shared by its ranks
  std::string device;  // run.device, made cuda:LOCAL_RANK for CUDA ranks
  std::string source;  // what started the ranks: "torchrun" variables or "slurm"
};
DistributedJob join_distributed_job(const Config& config);
// Rank 0 of a distributed job writes RUN/dist.json: world size, backend, how it was started.
void record_world(const DistributedJob& job, const std::string& run_dir);
// `make()` on rank 0 (creating the run directory), its result on every rank.
std::string agree_on_run_dir(const DistributedJob& job, const std::function<std::string()>& make);

void register_datagen(CLI::App& app, Context& ctx);
void register_curate(CLI::App& app, Context& ctx);
void register_test(CLI::App& app, Context& ctx);
void register_train(CLI::App& app, Context& ctx);
void register_eval(CLI::App& app, Context& ctx);
void register_predict(CLI::App& app, Context& ctx);
void register_pipeline(CLI::App& app, Context& ctx);
void register_profiles(CLI::App& app, Context& ctx);
void register_tokenizer(CLI::App& app, Context& ctx);
void register_runs(CLI::App& app, Context& ctx);
void register_ui(CLI::App& app, Context& ctx);
void register_plot(CLI::App& app, Context& ctx);
void register_generate(CLI::App& app, Context& ctx);
void register_lora(CLI::App& app, Context& ctx);
void register_export(CLI::App& app, Context& ctx);
void register_data(CLI::App& app, Context& ctx);
void register_serve(CLI::App& app, Context& ctx);
void register_route(CLI::App& app, Context& ctx);
void register_launch(CLI::App& app, Context& ctx);
// `anvil export <format>` subcommands, each in its own cmd_export_<format>.cpp.
void register_export_gguf(CLI::App& export_cmd);
void register_export_onnx(CLI::App& export_cmd);
void register_export_ollama(CLI::App& export_cmd);

}  // namespace anvil::cli
