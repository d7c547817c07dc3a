// The dashboard under hostile input, over real sockets: it listens on loopback only by default,
// serves no file outside the binary (path traversal finds nothing), escapes every string from the
// run database and the request, bounds request sizes, and answers malformed requests with 4xx.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "anvil/track/dashboard.h"
#include "anvil/track/run_store.h"
#include "support/run_cli.h"

namespace anvil::track {
namespace {

using anvil::testing::TempDir;

const std::string kScript = "<script>alert(1)</script>";

// Sends `request` as raw bytes and returns everything the server answers before closing (or
// before 5 s of silence).
std::string raw_exchange(int port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  EXPECT_GE(fd, 0);
  timeval timeout{3, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  for (size_t done = 0; done < request.size();) {
    const ssize_t n = ::send(fd, request.data() + done, request.size() - done, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server stopped reading a request it refused
    done += static_cast<size_t>(n);
  }
  // No half-close: cpp-httplib drops a connection whose peer already sent EOF without
  // answering. Read until the server closes, or until it pauses after answering.
  std::string response;
  char buf[8192];
  while (true) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    response.append(buf, static_cast<size_t>(n));
    timeval pause{0, 300000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &pause, sizeof pause);
  }
  ::close(fd);
  return response;
}

int status_of(const std::string& response) {
  if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12) return 0;
  return std::stoi(response.substr(9, 3));
}

class DashboardSecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RunStore store(dir_ / "anvil.sqlite");
    NewRun run;
    run.name = kScript;
    run.git_commit = "<img src=x onerror=alert(2)>";
    run.config = "run:\n  name: '" + kScript + "'\n";
    run.params = {{kScript, kScript}, {"train.lr", "\"'&<>"}};
    id_ = store.create_run(run);
    store.log_metrics(id_, {{kScript, 1, 1, 0.0, 1.0},
                            {kScript, 2, 1, 0.0, 0.5},
                            {"loss", 1, 1, 0.0, 2.0},
                            {"loss", 2, 1, 0.0, 1.0}});
    anvil::testing::write_text(dir_ / "<b>artifact<i>.bin", "x");
    const int64_t artifact = store.add_artifact(id_, dir_ / "<b>artifact<i>.bin", kScript);
    store.add_lineage(id_, dir_ / "<b>artifact<i>.bin", kScript, artifact);
    store.finish_run(id_, RunStatus::kFailed, kScript);
    NewRun latin1;  // not UTF-8: a name typed in a Latin-1 terminal
    latin1.name = "caf\xe9 \xff\xfe";
    latin1.git_commit = "c";
    latin1.params = {{"note", "\xe9t\xe9"}};
    latin1_ = store.create_run(latin1);
    store.finish_run(latin1_, RunStatus::kCompleted);
    DashboardOptions o(dir_ / "anvil.sqlite");
    o.port = 0;
    dashboard_ = std::make_unique<Dashboard>(o);
    dashboard_->start();
  }
  std::string get(const std::string& target) {
    return raw_exchange(
        dashboard_->port(),
        "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }

  TempDir dir_{"dashsec"};
  int64_t id_ = 0, latin1_ = 0;
  std::unique_ptr<Dashboard> dashboard_;
};

// The listening socket's local address, from /proc/net/tcp (hex, as the kernel prints it).
std::string listening_address(int port) {
  std::ifstream in("/proc/net/tcp");
  std::string line;
  char port_hex[8];
  std::snprintf(port_hex, sizeof port_hex, "%04X", port);
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string slot, local, remote, state;
    fields >> slot >> local >> remote >> state;
    if (state == "0A" && local.size() > 5 && local.substr(local.size() - 4) == port_hex)
      return local.substr(0, local.size() - 5);
  }
  return "";
}

TEST_F(DashboardSecurityTest, ListensOnLoopbackOnlyByDefault) {
  EXPECT_EQ(DashboardOptions("x.sqlite").host, "127.0.0.1");
  EXPECT_EQ(listening_address(dashboard_->port()), "0100007F");  // 127.0.0.1, not 0.0.0.0
}

TEST_F(DashboardSecurityTest, PathTraversalFindsNoFile) {
  for (const std::string& target : std::vector<std::string>{
           "/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
           "/static/..%2f..%2f..%2fetc%2fpasswd", "/../../../../etc/passwd", "//etc/passwd",
           "/static/anvil.css/../../../etc/passwd", "/runs/1/../../../etc/passwd",
           "/static/%252e%252e/etc/passwd", "/static/..\\..\\etc\\passwd", "/etc/passwd%00.css",
           "/static/" + std::string("anvil.css%00/../../etc/passwd"), "/anvil.sqlite",
           "/runs/anvil.sqlite", "/static/anvil.sqlite"}) {
    const std::string r = get(target);
    const int status = status_of(r);
    EXPECT_TRUE(status >= 400 && status < 500) << target << " -> " << r.substr(0, 200);
    EXPECT_EQ(r.find("root:"), std::string::npos) << target;
    EXPECT_EQ(r.find("SQLite format"), std::string::npos) << target;
  }
}

TEST_F(DashboardSecurityTest, EveryStringFromTheDatabaseAndTheRequestIsEscaped) {
  const std::string id = std::to_string(id_);
  for (const std::string& target : std::vector<std::string>{
           "/", "/runs/" + id, "/compare?id=" + id, "/compare?ids=" + id + "," + id,
           "/runs/%3Cscript%3Ealert(1)%3C/script%3E", "/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
           "/compare?id=%3Cscript%3E", "/runs/" + id + "/plot.svg?metric=%3Cscript%3Ealert(1)",
           "/plot.svg?id=" + id + "&metric=%3Cscript%3Ealert(1)%3C/script%3E"}) {
    const std::string r = get(target);
    const int status = status_of(r);
    EXPECT_TRUE(status > 0 && status < 500) << target << " -> " << r.substr(0, 300);
    EXPECT_EQ(r.find("<script>alert"), std::string::npos) << target << ":\n" << r;
    EXPECT_EQ(r.find("<img src=x"), std::string::npos) << target;
    EXPECT_EQ(r.find("<b>artifact"), std::string::npos) << target;
  }
  // And the escaped text is there: the run's name is shown, as text.
  EXPECT_NE(get("/runs/" + id).find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  // JSON is served as JSON (never sniffed as HTML), with the name inside a string.
  const std::string api = get("/api/runs/" + id);
  EXPECT_NE(api.find("Content-Type: application/json"), std::string::npos) << api;
  EXPECT_NE(api.find("X-Content-Type-Options: nosniff"), std::string::npos) << api;
}

TEST_F(DashboardSecurityTest, NamesThatAreNotUtf8StillRender) {
  for (const std::string& target :
       std::vector<std::string>{std::string("/"), "/runs/" + std::to_string(latin1_),
                                std::string("/api/runs"), "/api/runs/" + std::to_string(latin1_)})
    EXPECT_EQ(status_of(get(target)), 200) << target;
  EXPECT_NE(get("/api/runs/" + std::to_string(latin1_)).find("caf\xef\xbf\xbd"), std::string::npos)
      << "invalid bytes become U+FFFD in JSON";
}

TEST_F(DashboardSecurityTest, OversizedRequestsAreRefused) {
  const std::string long_uri = get("/runs/" + std::string(100000, '1'));
  EXPECT_EQ(status_of(long_uri), 414) << long_uri.substr(0, 200);
  const std::string many_headers = raw_exchange(
      dashboard_->port(), "GET / HTTP/1.1\r\n" + [] {
        std::string h;
        for (int i = 0; i < 2000; ++i) h += "X-H" + std::to_string(i) + ": v\r\n";
        return h;
      }() + "\r\n");
  const int many = status_of(many_headers);
  EXPECT_EQ(many, 431) << many_headers.substr(0, 200);
  // A body the dashboard never needs: refused from its declared length, not read.
  const std::string body = raw_exchange(
      dashboard_->port(),
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n" + std::string(1000, 'x'));
  const int refused = status_of(body);  // 413, or closed unread (cpp-httplib's payload limit)
  EXPECT_TRUE(refused == 413 || refused == 0) << body.substr(0, 200);
  const std::string big_get = raw_exchange(
      dashboard_->port(),
      "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n" + std::string(2000000, 'x'));
  EXPECT_EQ(status_of(big_get), 413) << big_get.substr(0, 200);
}

TEST_F(DashboardSecurityTest, MalformedRequestsGet4xx) {
  for (const std::string& request : std::vector<std::string>{
           std::string("GARBAGE\r\n\r\n"), std::string("GET\r\n\r\n"), std::string("GET /\r\n\r\n"),
           std::string("GET / HTTP/9.9\r\n\r\n"), std::string("GET / HTTP/1.1 extra\r\n\r\n"),
           std::string("GET / HTTP/1.1\r\nContent-Length: abc\r\n\r\n"),
           std::string("GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n"),
           std::string("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n"),

           std::string("GET /\0runs HTTP/1.1\r\n\r\n", 24),
           std::string("GET /runs/%zz HTTP/1.1\r\n\r\n"),
           std::string("GET /compare?id=%ff%fe HTTP/1.1\r\n\r\n"),
           std::string("GET /compare?id=1&id=99999999999999999999 HTTP/1.1\r\n\r\n"),
           std::string("GET /compare?ids=,,, HTTP/1.1\r\n\r\n"),
           std::string("DELETE /runs/1 HTTP/1.1\r\n\r\n")}) {
    const std::string r = raw_exchange(dashboard_->port(), request);
    const int status = status_of(r);
    EXPECT_TRUE(status >= 400 && status < 500)
        << ::testing::PrintToString(request) << " -> " << r.substr(0, 200);
  }
  // Not HTTP at all, a method without routes, a header line without a colon: cpp-httplib closes
  // the connection unanswered or drops the line; never a page, never a server error.
  for (const std::string& request : std::vector<std::string>{
           std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11),
           "PUT / HTTP/1.1\r\n\r\n", "GET /api/runs HTTP/1.1\r\nNoColonHeader\r\n\r\n"}) {
    const int status = status_of(raw_exchange(dashboard_->port(), request));
    EXPECT_TRUE(status == 0 || (status >= 400 && status < 500) ||
                (status == 200 && request.find("NoColon") != std::string::npos))
        << ::testing::PrintToString(request) << " -> " << status;
  }
  // The server is still up and serving.
  EXPECT_EQ(status_of(get("/")), 200);
}

}  // namespace
}  // namespace anvil::track
