// `anvil runs`, `anvil plot` and `anvil ui` end to end on the built binary.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/run_cli.h"
#include "track/dashboard_fixture.h"

namespace anvil::cli {
namespace {

using anvil::testing::read_text;
using anvil::testing::run_anvil;
using anvil::testing::TempDir;

class TrackCli : public ::testing::Test {
 protected:
  void SetUp() override { ids_ = track::testing::make_dashboard_runs(dir_); }
  testing::CommandResult anvil(const std::string& args) { return run_anvil(args, dir_.path()); }

  TempDir dir_{"track-cli"};
  track::testing::DashboardRuns ids_;
};

TEST_F(TrackCli, ListShowsEveryRunAsATable) {
  auto r = anvil("runs list");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* s : {"id", "status", "duration", "val_intent_acc", "baseline <cnn>", "finetune",
                        "diverged", "completed", "failed", "running"})
    EXPECT_NE(r.output.find(s), std::string::npos) << s << "\n" << r.output;
  auto failed = anvil("runs list --status failed");
  ASSERT_EQ(failed.exit_code, 0) << failed.output;
  EXPECT_NE(failed.output.find("diverged"), std::string::npos);
  EXPECT_EQ(failed.output.find("finetune"), std::string::npos);
  EXPECT_EQ(anvil("runs list --status weird").exit_code, 2);
}

TEST_F(TrackCli, ShowCompareExportAndRemove) {
  auto show = anvil("runs show " + std::to_string(ids_.child));
  ASSERT_EQ(show.exit_code, 0) << show.output;
  for (const char* s :
       {"finetune", "completed", "artifacts", "model2.safetensors", "lineage", "run 1", "train.lr"})
    EXPECT_NE(show.output.find(s), std::string::npos) << s << "\n" << show.output;
  EXPECT_EQ(anvil("runs show finetune").exit_code, 0);

  auto cmp = anvil("runs compare 1 2");
  ASSERT_EQ(cmp.exit_code, 0) << cmp.output;
  EXPECT_NE(cmp.output.find("train.lr"), std::string::npos) << cmp.output;
  EXPECT_NE(cmp.output.find("0.0005"), std::string::npos) << cmp.output;

  auto csv = anvil("runs export 2 --format csv -o m.csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  const std::string text = read_text(dir_ / "m.csv");
  EXPECT_EQ(text.rfind("run_id,key,step,epoch,wall_time,value\n", 0), 0u);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1 + 150 + 150 + 3 + 3);
  auto json = anvil("runs export latest --format json");
  ASSERT_EQ(json.exit_code, 0) << json.output;
  auto j = nlohmann::json::parse(json.output);
  EXPECT_EQ(j["name"], "live");
  EXPECT_EQ(j["metrics"]["loss"].size(), 60u);

  auto rm_running = anvil("runs rm " + std::to_string(ids_.running));
  EXPECT_EQ(rm_running.exit_code, 2);
  EXPECT_NE(rm_running.output.find("still running"), std::string::npos) << rm_running.output;
  auto rm = anvil("runs rm diverged");
  ASSERT_EQ(rm.exit_code, 0) << rm.output;
  EXPECT_EQ(anvil("runs show diverged").exit_code, 2);
}

TEST_F(TrackCli, BadInputGivesClearErrors) {
  auto unknown = anvil("runs show 999");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.output.find("anvil: error: no run '999'"), std::string::npos) << unknown.output;
  auto nodb = anvil("runs list --db nowhere/anvil.sqlite");
  EXPECT_EQ(nodb.exit_code, 2);
  EXPECT_NE(nodb.output.find("no run database at 'nowhere/anvil.sqlite'"), std::string::npos)
      << nodb.output;
  anvil::testing::write_text(dir_ / "corrupt.sqlite", std::string(8192, 'z'));
  auto corrupt = anvil("runs list --db corrupt.sqlite");
  EXPECT_EQ(corrupt.exit_code, 1);
  EXPECT_NE(corrupt.output.find("corrupt.sqlite"), std::string::npos) << corrupt.output;
  EXPECT_NE(corrupt.output.find("not a database"), std::string::npos) << corrupt.output;
}

TEST_F(TrackCli, PlotWritesSvgAndPng) {
  auto svg = anvil("plot 1 --metric loss -o loss.svg");
  ASSERT_EQ(svg.exit_code, 0) << svg.output;
  EXPECT_NE(read_text(dir_ / "loss.svg").find("<svg"), std::string::npos);
  auto png = anvil("plot 1 2 --metric val_loss -o cmp.png");
  ASSERT_EQ(png.exit_code, 0) << png.output;
  EXPECT_EQ(read_text(dir_ / "cmp.png").substr(1, 3), "PNG");
  auto bad = anvil("plot 1 --metric nope -o x.svg");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.output.find("no metric 'nope'"), std::string::npos) << bad.output;
  EXPECT_NE(bad.output.find("val_loss"), std::string::npos) << bad.output;  // lists what exists
  EXPECT_EQ(anvil("plot 1 -o x.jpg").exit_code, 2);
}

int free_port() {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(s);
  return ntohs(a.sin_port);
}

TEST_F(TrackCli, UiServesTheRunsDirectoryAndRefusesABusyPort) {
  const int port = free_port();
  const std::string pidfile = dir_ / "ui.pid";
  anvil::testing::run_command("cd '" + dir_.path() + "' && (sh -c 'echo $$ > " + pidfile +
                              "; exec \"" + std::string(ANVIL_BINARY) + "\" ui --port " +
                              std::to_string(port) + " runs/' > ui.log 2>&1 &)");
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/");
  for (int i = 0; i < 100 && !r; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    r = client.Get("/");
  }
  ASSERT_TRUE(r) << read_text(dir_ / "ui.log");
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("finetune"), std::string::npos);
  // A second `anvil ui` on the same port fails clearly instead of sharing it.
  auto busy = anvil("ui --port " + std::to_string(port) + " runs/");
  EXPECT_EQ(busy.exit_code, 1);
  EXPECT_NE(busy.output.find("cannot listen on 127.0.0.1:" + std::to_string(port)),
            std::string::npos)
      << busy.output;
  ::kill(std::stoi(read_text(pidfile)), SIGTERM);
  auto nodb = anvil("ui --port 0 elsewhere/");
  EXPECT_EQ(nodb.exit_code, 2);
  EXPECT_NE(nodb.output.find("no run database"), std::string::npos) << nodb.output;
}

}  // namespace
}  // namespace anvil::cli
