// The local dashboard behind `anvil ui`: an HTTP server (cpp-httplib) over one run database.
//   /                      runs table: status, key metrics, duration; tick runs to compare
//   /runs/ID               a run: curves (live while it trains), config, params, artifacts, lineage
//   /compare?id=A&id=B     overlaid curves and the params that differ
//   /runs/ID/plot.svg?metric=KEY, /plot.svg?metric=KEY&id=A&id=B   charts rendered by anvil (cairo)
//   /api/runs, /api/runs/ID   JSON for the page script (and anyone else)
//   /static/anvil.css, /static/anvil.js   served from the binary: no CDN, nothing fetched outside
// Binds to loopback by default. start() returns once the socket is bound (port in use is an
// error here, not later); the server then runs on its own thread until stop().
#pragma once

#include <memory>
#include <string>

namespace anvil::track {

struct DashboardOptions {
  explicit DashboardOptions(std::string db) : db_path(std::move(db)) {}
  std::string db_path;  // required: the run database (must exist)
  std::string host = "127.0.0.1";
  int port = 8080;        // 0 = any free port (see Dashboard::port())
  int refresh_ms = 2000;  // how often open pages poll for changes
  void validate() const;
};

class Dashboard {
 public:
  explicit Dashboard(DashboardOptions options);
  ~Dashboard();  // stops the server
  Dashboard(const Dashboard&) = delete;
  Dashboard& operator=(const Dashboard&) = delete;

  // Binds and starts serving on a background thread. Throws anvil::Error naming host:port if the
  // port cannot be bound (in use, no permission).
  void start();
  void stop();
  // Blocks until stop() is called (from another thread) or the server fails.
  void wait();
  int port() const;
  std::string url() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace anvil::track
