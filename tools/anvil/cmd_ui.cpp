// `anvil ui`: the local dashboard (runs table, live curves, compare) in the browser.
#include <cstdio>
#include <filesystem>

#include "anvil/core/error.h"
#include "anvil/track/dashboard.h"
#include "commands.h"

namespace anvil::cli {
namespace {

struct UiArgs {
  std::string where = "runs";
  int port = 8080;
  std::string host = "127.0.0.1";
};

}  // namespace

void register_ui(CLI::App& app, Context&) {
  auto* cmd = app.add_subcommand("ui", "Serve the dashboard of recorded runs on a local port");
  auto a = std::make_shared<UiArgs>();
  cmd->add_option("runs", a->where,
                  "runs directory (holding anvil.sqlite) or the database file itself")
      ->capture_default_str();
  cmd->add_option("--port", a->port, "port; 0 picks a free one")->capture_default_str();
  cmd->add_option("--host", a->host,
                  "address to bind; the default serves this machine only (0.0.0.0 serves the "
                  "network: there is no authentication)")
      ->capture_default_str();
  cmd->callback([a] {
    const std::string db = std::filesystem::is_directory(a->where)
                               ? (std::filesystem::path(a->where) / "anvil.sqlite").string()
                               : a->where;
    track::DashboardOptions o(db);
    o.port = a->port;
    o.host = a->host;
    track::Dashboard dashboard(o);
    dashboard.start();
    std::fprintf(stderr, "anvil ui: %s at %s (Ctrl-C stops)\n", db.c_str(),
                 dashboard.url().c_str());
    dashboard.wait();
  });
}

}  // namespace anvil::cli
