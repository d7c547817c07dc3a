// The dashboard's HTTP server: routes -> pages, charts and JSON (see dashboard.h).
#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <thread>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/track/dashboard.h"
#include "anvil/track/run_plots.h"
#include "dashboard_pages.h"

namespace anvil::track {

void DashboardOptions::validate() const {
  if (db_path.empty()) throw usage_error("dashboard: no run database given");
  if (port < 0 || port > 65535)
    throw usage_error("port " + std::to_string(port) + ": must be 0..65535").about("port");
  if (refresh_ms < 100)
    throw usage_error("dashboard refresh_ms = " + std::to_string(refresh_ms) + ": must be >= 100");
}

struct Dashboard::Impl {
  explicit Impl(DashboardOptions o) : options(std::move(o)) {}
  DashboardOptions options;
  std::unique_ptr<RunStore> store;
  httplib::Server server;
  std::thread thread;
  int port = 0;
};

namespace {

constexpr size_t kMaxRequestBody = 64 * 1024;
constexpr size_t kMaxRequestHeaders = 100;

int64_t parse_id(const std::string& text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
    throw usage_error("bad run id '" + text + "'");
  return std::stoll(text);
}

std::vector<int64_t> ids_of(const httplib::Request& req) {
  std::vector<int64_t> ids;
  const size_t n = req.get_param_value_count("id");
  for (size_t i = 0; i < n; ++i) ids.push_back(parse_id(req.get_param_value("id", i)));
  if (req.has_param("ids")) {  // ids=1,2,3 also works
    std::string all = req.get_param_value("ids");
    size_t start = 0;
    while (start <= all.size()) {
      size_t comma = all.find(',', start);
      if (comma == std::string::npos) comma = all.size();
      if (comma > start) ids.push_back(parse_id(all.substr(start, comma - start)));
      start = comma + 1;
    }
  }
  return ids;
}

// Runs `fn`; anvil usage errors (unknown run, bad id, unknown metric) become 404/400 pages.
template <typename Fn>
void respond(httplib::Response& res, const char* type, Fn&& fn) {
  try {
    res.set_content(fn(), type);
    res.set_header("Cache-Control", "no-store");
  } catch (const Error& e) {
    const bool not_found = std::string(e.what()).find("no run") != std::string::npos ||
                           std::string(e.what()).find("no metric") != std::string::npos;
    res.status = e.kind() == ErrorKind::kUsage ? (not_found ? 404 : 400) : 500;
    res.set_content(dashboard::error_page(res.status, e.what()), "text/html; charset=utf-8");
  }
}

}  // namespace

Dashboard::Dashboard(DashboardOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->options.validate();
  StoreOptions so;
  so.create_if_missing = false;
  impl_->store = std::make_unique<RunStore>(impl_->options.db_path, so);
  RunStore& store = *impl_->store;
  const int refresh = impl_->options.refresh_ms;
  auto& s = impl_->server;
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which would let a second
  // `anvil ui` silently share a port that is already in use instead of failing.
  s.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // Requests are small GETs: a body is never needed, so anything over 64 KiB is refused (413)
  // from its declared length; slow senders time out. Responses are never sniffed as another type.
  s.set_payload_max_length(kMaxRequestBody);
  s.set_read_timeout(5, 0);
  s.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                         {"Referrer-Policy", "no-referrer"},
                         {"X-Frame-Options", "DENY"}});
  // Every route is a GET without a body: refuse bodies, malformed lengths and header floods before
  // routing (cpp-httplib itself ignores a bad Content-Length and does not count headers).
  s.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    const auto refuse = [&](int status, const std::string& why) {
      res.status = status;
      res.set_content(dashboard::error_page(status, why), "text/html; charset=utf-8");
      res.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    };
    if (req.headers.size() > kMaxRequestHeaders) return refuse(431, "too many request headers");
    if (req.has_header("Transfer-Encoding")) return refuse(413, "request bodies are not accepted");
    if (req.has_header("Content-Length")) {
      const std::string length = req.get_header_value("Content-Length");
      if (length.empty() || length.find_first_not_of("0123456789") != std::string::npos)
        return refuse(400, "malformed Content-Length");
      if (length.find_first_not_of('0') != std::string::npos)
        return refuse(413, "request bodies are not accepted");
    }
    if (!req.body.empty()) return refuse(413, "request bodies are not accepted");
    return httplib::Server::HandlerResponse::Unhandled;
  });
  constexpr const char* kHtml = "text/html; charset=utf-8";
  constexpr const char* kJson = "application/json";
  constexpr const char* kSvg = "image/svg+xml";

  s.Get("/", [&store, refresh](const httplib::Request&, httplib::Response& res) {
    respond(res, kHtml, [&] { return dashboard::runs_page(store, refresh); });
  });
  s.Get(R"(/runs/(\d+))", [&store, refresh](const httplib::Request& req, httplib::Response& res) {
    respond(res, kHtml,
            [&] { return dashboard::run_page(store, parse_id(req.matches[1]), refresh); });
  });
  s.Get(R"(/runs/(\d+)/plot\.svg)", [&store](const httplib::Request& req, httplib::Response& res) {
    respond(res, kSvg, [&] {
      return render_metric_chart(store, {parse_id(req.matches[1])}, req.get_param_value("metric"),
                                 "svg");
    });
  });
  // A run's PNG artifacts (reliability diagrams, plots), shown on its page: only files the run
  // registered, read from where it recorded them.
  s.Get(R"(/runs/(\d+)/artifacts/(\d+)\.png)",
        [&store](const httplib::Request& req, httplib::Response& res) {
          respond(res, "image/png", [&] {
            const int64_t run = parse_id(req.matches[1]), id = parse_id(req.matches[2]);
            for (const auto& a : store.artifacts(run))
              if (a.id == id && a.path.size() > 4 &&
                  a.path.compare(a.path.size() - 4, 4, ".png") == 0) {
                if (!file_exists(a.path))
                  throw usage_error("no run file " + a.path + " (moved or deleted)");
                return read_file(a.path);
              }
            throw usage_error("no run " + std::to_string(run) + " PNG artifact " +
                              std::to_string(id));
          });
        });
  s.Get("/compare", [&store](const httplib::Request& req, httplib::Response& res) {
    respond(res, kHtml, [&] {
      const auto ids = ids_of(req);
      if (ids.empty()) throw usage_error("compare: tick at least one run (?id=1&id=2)");
      return dashboard::compare_page(store, ids);
    });
  });
  s.Get("/plot.svg", [&store](const httplib::Request& req, httplib::Response& res) {
    respond(res, kSvg, [&] {
      const auto ids = ids_of(req);
      if (ids.empty()) throw usage_error("plot.svg: give runs as ?id=1&id=2");
      return render_metric_chart(store, ids, req.get_param_value("metric"), "svg");
    });
  });
  s.Get("/api/runs", [&store](const httplib::Request&, httplib::Response& res) {
    respond(res, kJson, [&] { return dashboard::runs_json(store); });
  });
  s.Get(R"(/api/runs/(\d+))", [&store](const httplib::Request& req, httplib::Response& res) {
    respond(res, kJson, [&] { return dashboard::run_json(store, parse_id(req.matches[1])); });
  });
  s.Get("/static/anvil.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(dashboard::kStylesheet, "text/css; charset=utf-8");
  });
  s.Get("/static/anvil.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(dashboard::kScript, "text/javascript; charset=utf-8");
  });
  s.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (res.body.empty())
      res.set_content(dashboard::error_page(res.status, "nothing at " + req.path),
                      "text/html; charset=utf-8");
  });
}

Dashboard::~Dashboard() { stop(); }

void Dashboard::start() {
  auto& o = impl_->options;
  if (o.port == 0) {
    impl_->port = impl_->server.bind_to_any_port(o.host.c_str());
    if (impl_->port <= 0) throw Error("dashboard: cannot listen on " + o.host + " (any port)");
  } else {
    if (!impl_->server.bind_to_port(o.host.c_str(), o.port))
      throw Error("dashboard: cannot listen on " + o.host + ":" + std::to_string(o.port) +
                  " (port in use or not permitted)")
          .about("port");
    impl_->port = o.port;
  }
  impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
  // Serving before start() returns, so stop() right after never races the accept loop's start.
  for (int i = 0; i < 500 && !impl_->server.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

void Dashboard::stop() {
  if (!impl_) return;
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

void Dashboard::wait() {
  if (impl_->thread.joinable()) impl_->thread.join();
}

int Dashboard::port() const { return impl_->port; }

std::string Dashboard::url() const {
  return "http://" + impl_->options.host + ":" + std::to_string(impl_->port) + "/";
}

}  // namespace anvil::track
