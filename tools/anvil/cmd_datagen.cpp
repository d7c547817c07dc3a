// `anvil datagen`: generate verified natural-language -> program records as JSONL (the default),
// or specialist task records (--specialist NAME|all), list the specialists (--list), or check a
// specialist dataset (--validate FILE).
#include <chrono>
#include <cstdio>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/progress.h"
#include "anvil/datagen/router_records.h"
#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_check.h"
#include "anvil/datagen/specialist_generator.h"
#include "anvil/pipeline/datagen_stage.h"
#include "commands.h"

namespace anvil::cli {
namespace {

const char* kind_name(datagen::FieldKind k) {
  switch (k) {
    case datagen::FieldKind::kText:
      return "text";
    case datagen::FieldKind::kExact:
      return "exact";
    case datagen::FieldKind::kNumber:
      return "number";
    case datagen::FieldKind::kBool:
      return "bool";
    case datagen::FieldKind::kSet:
      return "set";
    case datagen::FieldKind::kList:
      return "list";
    case datagen::FieldKind::kJson:
      return "json";
    case datagen::FieldKind::kConfidence:
      return "confidence";
    case datagen::FieldKind::kUnscored:
      return "unscored";
  }
  return "?";
}

void print_specialists() {
  const auto& table = datagen::specialist_table();
  std::printf("%zu specialists (generate with --specialist NAME|all):\n", table.size());
  for (const auto& s : table) {
    std::printf("  %-24s %s\n  %-24s fields:", s.name.c_str(), s.description.c_str(), "");
    for (const auto& f : s.fields) std::printf(" %s(%s)", f.name, kind_name(f.kind));
    std::printf("\n");
  }
}

}  // namespace

void register_datagen(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "datagen",
      "Generate intent records (request -> program, verified by running it), or specialist task "
      "records (--specialist), and check them (--validate)");
  struct Args {
    ConfigArgs config;
    int64_t n = -1;
    int level = -1;
    double negatives = -1;
    int64_t seed = -1;
    bool include_examples = false;
    std::string output = "data/train.jsonl";
    std::string specialist;
    bool list = false;
    bool router = false;
    int64_t router_bytes = 256;
    std::string validate;
    std::string plot;
    std::string format = "text";
    int threads = 0;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("-n", args->n, "number of records (default datagen.n)");
  cmd->add_option("--level", args->level, "curriculum level 1..5 (0 = all; default datagen.level)");
  cmd->add_option(
      "--negatives", args->negatives,
      "fraction of out-of-domain requests labelled \"none\" (default datagen.negatives)");
  cmd->add_option("--seed", args->seed, "random seed; the same seed gives a byte-identical file");
  cmd->add_flag("--include-examples", args->include_examples,
                "expand the @prompt templates of lib/ then examples/ first");
  auto* out_opt = cmd->add_option("-o,--output", args->output,
                                  "output JSONL (default data/train.jsonl; with --specialist "
                                  "data/specialists.jsonl)");
  cmd->add_option("--specialist", args->specialist,
                  "generate specialist records: a name, a comma-separated list, or 'all' "
                  "(round-robin; name*K gives K records of it per record of the others)");
  cmd->add_flag("--list", args->list, "list the specialists and their answer fields");
  cmd->add_flag("--router", args->router,
                "generate router records: specialist prompts (--specialist, default all) "
                "labelled with their specialist, plus --negatives (default 0.1) labelled \"none\"; "
                "train the router on them with anvil train data.max_length=MAX_BYTES");
  cmd->add_option("--router-bytes", args->router_bytes,
                  "with --router: bytes of each request the router reads (head and tail)")
      ->capture_default_str();
  cmd->add_option("--validate", args->validate,
                  "check a specialist dataset: parsing, self-validation, field coverage, "
                  "duplicates, lengths per specialist");
  cmd->add_option("--plot", args->plot,
                  "with --validate: length histogram path (.png/.svg; default FILE.lengths.png)");
  cmd->add_option("--format", args->format, "specialist record form: text | messages (chat)")
      ->capture_default_str();
  cmd->add_option("--threads", args->threads,
                  "specialist generation threads (0 = all cores; output is the same for any)")
      ->capture_default_str();
  add_config_args(*cmd, args->config);
  cmd->callback([args, out_opt, &ctx] {
    if (args->list) {
      print_specialists();
      return;
    }
    if (!args->validate.empty()) {
      datagen::SpecialistCheckOptions o;
      o.path = args->validate;
      o.plot_path = args->plot.empty() ? args->validate + ".lengths.png" : args->plot;
      const auto report = datagen::check_specialist_dataset(o);
      std::printf("%s", report.format().c_str());
      std::printf("length histogram: %s\n%s: %lld/%lld records valid\n", o.plot_path.c_str(),
                  report.ok() ? "OK" : "FAILED", static_cast<long long>(report.valid),
                  static_cast<long long>(report.records));
      if (!report.ok()) ctx.exit_code = 1;
      return;
    }
    Config c = load_config(args->config);
    if (args->router) {
      datagen::RouterDataOptions o;
      if (!args->specialist.empty()) o.specialists = args->specialist;
      if (args->n >= 0) o.n = args->n;
      if (args->negatives >= 0) o.negatives = args->negatives;
      o.seed = static_cast<uint64_t>(args->seed >= 0 ? args->seed : c.get_int("datagen.seed"));
      o.max_bytes = args->router_bytes;
      o.output = out_opt->count() ? args->output : "data/router.jsonl";
      const auto start = std::chrono::steady_clock::now();
      const auto report = datagen::generate_router_dataset(o);
      std::printf("wrote %lld router records (%lld specialists, %lld \"none\") to %s in %.2fs\n",
                  static_cast<long long>(report.written),
                  static_cast<long long>(report.specialists),
                  static_cast<long long>(report.negatives), o.output.c_str(),
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      return;
    }
    if (!args->specialist.empty()) {
      if (args->level >= 0 || args->include_examples) {
        throw usage_error(
            "datagen: --level and --include-examples apply to intent records, not "
            "--specialist");
      }
      datagen::SpecialistDatagenOptions o;
      o.specialists = args->specialist;
      o.n = args->n >= 0 ? args->n : c.get_int("datagen.n");
      o.seed = static_cast<uint64_t>(args->seed >= 0 ? args->seed : c.get_int("datagen.seed"));
      o.threads = args->threads;
      o.format = datagen::parse_record_format(args->format);
      o.output = out_opt->count() ? args->output : "data/specialists.jsonl";
      o.validate();
      const auto report = pipeline::generate_with_progress(o, "datagen");
      std::printf(
          "wrote %lld specialist records (%zu specialists) to %s in %.2fs, %.0f records/s "
          "on %d thread(s)\n",
          static_cast<long long>(report.written), report.per_specialist.size(), o.output.c_str(),
          report.seconds, report.seconds > 0 ? report.written / report.seconds : 0.0,
          report.threads);
      return;
    }
    if (args->format != "text") throw usage_error("datagen: --format applies to --specialist");
    datagen::DatagenOptions o;
    o.n = args->n >= 0 ? args->n : c.get_int("datagen.n");
    o.level = args->level >= 0 ? args->level : static_cast<int>(c.get_int("datagen.level"));
    o.seed = static_cast<uint64_t>(args->seed >= 0 ? args->seed : c.get_int("datagen.seed"));
    o.include_examples = args->include_examples || c.get_bool("datagen.include_examples");
    o.lib_dirs = c.get_string_list("datagen.lib_dirs");
    o.negatives = args->negatives >= 0 ? args->negatives : c.get_double("datagen.negatives");
    o.output = args->output;
    o.validate();
    auto report = pipeline::generate_with_progress(o, "datagen");
    std::printf(
        "wrote %lld records to %s (%lld from examples, %lld synthetic, %lld out-of-domain "
        "\"none\") in %.2fs, %.0f records/s\n",
        static_cast<long long>(report.written), o.output.c_str(),
        static_cast<long long>(report.from_examples), static_cast<long long>(report.synthetic),
        static_cast<long long>(report.negatives), report.seconds,
        report.seconds > 0 ? report.written / report.seconds : 0.0);
  });
}

}  // namespace anvil::cli
