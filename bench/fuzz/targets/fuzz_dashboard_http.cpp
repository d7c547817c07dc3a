// The dashboard's HTTP request handling (anvil/track/dashboard.h): each input is sent as raw bytes
// over a TCP socket to a Dashboard serving a run database whose names, params and metric keys hold
// markup. A response must be well-formed HTTP with a status below 500, and no HTML page may carry
// the marker tag <xss> unescaped (it only enters through the request or the database).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "anvil/core/error.h"
#include "anvil/track/dashboard.h"
#include "anvil/track/run_store.h"
#include "fuzz_util.h"

namespace {

std::string make_database() {
  char dir[] = "/tmp/anvil-fuzz-dashboard-XXXXXX";
  if (!mkdtemp(dir)) abort();
  const std::string path = std::string(dir) + "/anvil.sqlite";
  anvil::track::RunStore store(path);
  for (const char* name : {"<xss>name</xss>", "plain", "\"quoted' & <b>"}) {
    anvil::track::NewRun run;
    run.name = name;
    run.git_commit = "<xss>commit";
    run.config = "run:\n  name: '<xss>'\n";
    run.params = {{"<xss>param", "<xss>value"}, {"train.lr", "0.001"}};
    const int64_t id = store.create_run(run);
    store.log_metrics(id, {{"loss", 0, 0, 0.0, 1.5},
                           {"loss", 1, 0, 0.1, 1.0},
                           {"<xss>metric", 0, 0, 0.0, 2.0},
                           {"<xss>metric", 1, 0, 0.1, 3.0}});
    const std::string artifact = std::string(dir) + "/<xss>artifact.bin";
    std::FILE* f = std::fopen(artifact.c_str(), "w");  // artifacts are hashed: it must exist
    if (!f) abort();
    std::fclose(f);
    store.add_artifact(id, artifact, "<xss>kind");
    if (id % 2) store.finish_run(id, anvil::track::RunStatus::kFailed, "<xss>message");
  }
  return path;
}

int server_port() {
  static std::unique_ptr<anvil::track::Dashboard> dashboard = [] {
    anvil::track::DashboardOptions options(make_database());
    options.port = 0;
    auto d = std::make_unique<anvil::track::Dashboard>(options);
    d->start();
    return d;
  }();
  return dashboard->port();
}

// Sends `request`, half-closes, and reads the whole response (empty if the server hung up).
std::string exchange(std::string_view request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) abort();
  timeval timeout{3, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(server_port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) abort();
  for (size_t done = 0; done < request.size();) {
    const ssize_t n = ::send(fd, request.data() + done, request.size() - done, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may stop reading a request it already refused
    done += static_cast<size_t>(n);
  }
  // No half-close: cpp-httplib drops a connection whose peer already sent EOF without
  // answering. Read until the server closes, or until it pauses after answering.
  std::string response;
  char buf[65536];
  while (true) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    response.append(buf, static_cast<size_t>(n));
    timeval pause{0, 20000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &pause, sizeof pause);
  }
  ::close(fd);
  return response;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string response = exchange(anvil::fuzz::as_view(data, size));
  if (response.empty()) return 0;  // a connection closed without a reply is allowed
  if (response.rfind("HTTP/1.1 ", 0) != 0) __builtin_trap();
  // Several requests may be pipelined in one input: check each response.
  size_t at = 0;
  while (at != std::string::npos) {
    const size_t next = response.find("HTTP/1.1 ", at + 1);
    const std::string one = response.substr(at, next == std::string::npos ? next : next - at);
    if (one.size() < 12 || one[9] < '1' || one[9] > '4') __builtin_trap();  // 5xx: it threw
    const bool html = one.find("Content-Type: text/html") != std::string::npos;
    if (html && one.find("<xss>") != std::string::npos) __builtin_trap();
    at = next;
  }
  return 0;
}
