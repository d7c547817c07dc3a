// `anvil runs list|show|compare|export|rm`: the recorded runs of a project, as terminal tables.
#include <cstdio>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/track/run_report.h"
#include "anvil/track/run_store.h"
#include "commands.h"

namespace anvil::cli {
namespace {

struct RunsArgs {
  std::string db = "runs/anvil.sqlite";
  std::vector<std::string> refs;
  std::string format = "csv";
  std::string output;
  std::string status;
  bool yes = false;
};

track::RunStore open_store(const std::string& db) {
  track::StoreOptions o;
  o.create_if_missing = false;
  return track::RunStore(db, o);
}

void print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

}  // namespace

void register_runs(CLI::App& app, Context&) {
  auto* cmd = app.add_subcommand("runs", "List, show, compare, export and remove recorded runs");
  cmd->require_subcommand(1);
  auto a = std::make_shared<RunsArgs>();
  auto add_db = [a](CLI::App* sub) {
    sub->add_option("--db", a->db, "run database (track.db)")->capture_default_str();
  };

  auto* list = cmd->add_subcommand("list", "Runs, newest first: status, duration, key metrics");
  add_db(list);
  list->add_option("--status", a->status,
                   "only runs with this status (running, completed, "
                   "failed, interrupted)");
  list->callback([a] {
    auto store = open_store(a->db);
    store.reap_dead_runs();
    auto runs = store.list_runs();
    if (!a->status.empty()) {
      const auto wanted =
          with_context("--status", [&] { return track::parse_run_status(a->status); });
      std::vector<track::RunInfo> kept;
      for (auto& r : runs)
        if (r.status == wanted) kept.push_back(std::move(r));
      runs = std::move(kept);
    }
    if (runs.empty()) {
      std::printf("no runs in %s\n", a->db.c_str());
      return;
    }
    print(track::runs_table(store, runs));
  });

  auto* show = cmd->add_subcommand("show", "One run: status, times, metrics, artifacts, lineage");
  add_db(show);
  show->add_option("run", a->refs, "run id, run name or 'latest'")->required()->expected(1);
  show->callback([a] {
    auto store = open_store(a->db);
    store.reap_dead_runs();
    print(track::run_details(store, store.resolve_run(a->refs.at(0))));
  });

  auto* compare =
      cmd->add_subcommand("compare", "Runs side by side: last metric values, differing params");
  add_db(compare);
  compare->add_option("runs", a->refs, "two or more run ids or names")->required()->expected(2, -1);
  compare->callback([a] {
    auto store = open_store(a->db);
    store.reap_dead_runs();
    std::vector<int64_t> ids;
    for (const auto& r : a->refs) ids.push_back(store.resolve_run(r));
    print(track::compare_table(store, ids));
  });

  auto* exp = cmd->add_subcommand("export", "A run's metrics as CSV, or everything as JSON");
  add_db(exp);
  exp->add_option("run", a->refs, "run id, run name or 'latest'")->required()->expected(1);
  exp->add_option("--format", a->format, "csv | json")
      ->check(CLI::IsMember({"csv", "json"}))
      ->capture_default_str();
  exp->add_option("-o,--output", a->output, "write to this file (default: stdout)");
  exp->callback([a] {
    auto store = open_store(a->db);
    const int64_t id = store.resolve_run(a->refs.at(0));
    const std::string text =
        a->format == "json" ? track::export_run_json(store, id) : track::export_run_csv(store, id);
    if (a->output.empty()) {
      print(text);
    } else {
      write_file_atomic(a->output, text);
      std::fprintf(stderr, "run %lld exported to %s\n", static_cast<long long>(id),
                   a->output.c_str());
    }
  });

  auto* rm = cmd->add_subcommand("rm", "Delete runs from the database (files on disk are kept)");
  add_db(rm);
  rm->add_option("runs", a->refs, "run ids or names")->required()->expected(1, -1);
  rm->callback([a] {
    auto store = open_store(a->db);
    std::vector<int64_t> ids;
    for (const auto& r : a->refs) ids.push_back(store.resolve_run(r));  // all resolve, or none go
    for (int64_t id : ids) {
      const auto run = store.get_run(id);
      if (run.status == track::RunStatus::kRunning)
        throw usage_error("run " + std::to_string(id) + " is still running (pid " +
                          std::to_string(run.pid) + " on " + run.host + "); stop it first");
    }
    for (int64_t id : ids) {
      store.delete_run(id);
      std::printf("removed run %lld\n", static_cast<long long>(id));
    }
  });
}

}  // namespace anvil::cli
