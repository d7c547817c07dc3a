// `anvil datagen`: generate verified natural-language -> program records as JSONL.
#include <cstdio>

#include "anvil/core/config.h"
#include "anvil/pipeline/datagen_stage.h"
#include "commands.h"

namespace anvil::cli {

void register_datagen(CLI::App& app, Context&) {
  auto* cmd = app.add_subcommand(
      "datagen", "Generate intent records (request -> program, verified by running it)");
  struct Args {
    ConfigArgs config;
    int64_t n = -1;
    int level = -1;
    int64_t seed = -1;
    bool include_examples = false;
    std::string output = "data/train.jsonl";
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("-n", args->n, "number of records (default datagen.n)");
  cmd->add_option("--level", args->level, "curriculum level 1..5 (0 = all; default datagen.level)");
  cmd->add_option("--seed", args->seed, "random seed; the same seed gives a byte-identical file");
  cmd->add_flag("--include-examples", args->include_examples,
                "expand the @prompt templates of lib/ then examples/ first");
  cmd->add_option("-o,--output", args->output, "output JSONL")->capture_default_str();
  add_config_args(*cmd, args->config);
  cmd->callback([args] {
    Config c = load_config(args->config);
    datagen::DatagenOptions o;
    o.n = args->n >= 0 ? args->n : c.get_int("datagen.n");
    o.level = args->level >= 0 ? args->level : static_cast<int>(c.get_int("datagen.level"));
    o.seed = static_cast<uint64_t>(args->seed >= 0 ? args->seed : c.get_int("datagen.seed"));
    o.include_examples = args->include_examples || c.get_bool("datagen.include_examples");
    o.lib_dirs = c.get_string_list("datagen.lib_dirs");
    o.output = args->output;
    o.validate();
    auto report = pipeline::generate_with_progress(o, "datagen");
    std::printf(
        "wrote %lld records to %s (%lld from examples, %lld synthetic) in %.2fs, %.0f records/s\n",
        static_cast<long long>(report.written), o.output.c_str(),
        static_cast<long long>(report.from_examples), static_cast<long long>(report.synthetic),
        report.seconds, report.seconds > 0 ? report.written / report.seconds : 0.0);
  });
}

}  // namespace anvil::cli
