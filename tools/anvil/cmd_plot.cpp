// `anvil plot`: a recorded run's metric curve (or several runs overlaid) to PNG or SVG.
#include <cstdio>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/track/run_plots.h"
#include "commands.h"

namespace anvil::cli {
namespace {

struct PlotArgs {
  std::string db = "runs/anvil.sqlite";
  std::vector<std::string> runs;
  std::string metric = "loss";
  std::string output;
  bool log_y = false;
  int width = 900;
  int height = 420;
};

}  // namespace

void register_plot(CLI::App& app, Context&) {
  auto* cmd = app.add_subcommand("plot", "Plot a recorded metric of one or more runs to PNG/SVG");
  auto a = std::make_shared<PlotArgs>();
  cmd->add_option("runs", a->runs, "run ids or names (several are overlaid); 'latest' works")
      ->required();
  cmd->add_option("--metric", a->metric, "metric key, e.g. loss, val_intent_acc")
      ->capture_default_str();
  cmd->add_option("-o,--output", a->output, "output file; .png or .svg")->required();
  cmd->add_option("--db", a->db, "run database (track.db)")->capture_default_str();
  cmd->add_flag("--log-y", a->log_y, "logarithmic y axis");
  cmd->add_option("--width", a->width, "pixels")->capture_default_str();
  cmd->add_option("--height", a->height, "pixels")->capture_default_str();
  cmd->callback([a] {
    const auto dot = a->output.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : a->output.substr(dot + 1);
    if (ext != "png" && ext != "svg")
      throw usage_error("-o " + a->output + ": the extension must be .png or .svg");
    track::StoreOptions so;
    so.create_if_missing = false;
    track::RunStore store(a->db, so);
    std::vector<int64_t> ids;
    for (const auto& r : a->runs) ids.push_back(store.resolve_run(r));
    track::MetricChartOptions o;
    o.log_y = a->log_y;
    o.width = a->width;
    o.height = a->height;
    write_file_atomic(a->output, track::render_metric_chart(store, ids, a->metric, ext, o));
    std::fprintf(stderr, "wrote %s\n", a->output.c_str());
  });
}

}  // namespace anvil::cli
