// The dashboard over HTTP (in-process server, cpp-httplib client): pages, charts, JSON, escaping,
// unknown runs and a port that is already taken.
#include "anvil/track/dashboard.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>

#include "anvil/core/error.h"
#include "dashboard_fixture.h"

namespace anvil::track {
namespace {

using anvil::testing::TempDir;

class DashboardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ids_ = testing::make_dashboard_runs(dir_);
    DashboardOptions o(dir_ / "runs/anvil.sqlite");
    o.port = 0;
    dashboard_ = std::make_unique<Dashboard>(o);
    dashboard_->start();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", dashboard_->port());
  }
  httplib::Result get(const std::string& path) { return client_->Get(path.c_str()); }

  TempDir dir_{"dashboard"};
  testing::DashboardRuns ids_;
  std::unique_ptr<Dashboard> dashboard_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(DashboardTest, RunsPageListsEveryRunWithStatusAndKeyMetrics) {
  auto r = get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  const std::string& html = r->body;
  EXPECT_NE(html.find("baseline &lt;cnn&gt;"), std::string::npos);
  EXPECT_EQ(html.find("baseline <cnn>"), std::string::npos);  // escaped
  for (const char* s : {"status-completed", "status-failed", "status-running", "val_intent_acc",
                        "/static/anvil.js", "Compare selected"})
    EXPECT_NE(html.find(s), std::string::npos) << s;
  EXPECT_EQ(html.find("http://") == std::string::npos || html.find("cdn") == std::string::npos,
            true);
}

TEST_F(DashboardTest, RunPageHasChartsConfigArtifactsAndLineage) {
  auto r = get("/runs/" + std::to_string(ids_.child));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  for (const char* s : {"plot.svg?metric=loss", "plot.svg?metric=val_intent_acc",
                        "id=\"artifacts\"", "model2.safetensors", "id=\"lineage\"", "lr: 0.001"})
    EXPECT_NE(r->body.find(s), std::string::npos) << s;
  // The lineage links the source model to the run that produced it.
  EXPECT_NE(r->body.find("href=\"/runs/" + std::to_string(ids_.completed) + "\""),
            std::string::npos);
  auto svg = get("/runs/" + std::to_string(ids_.child) + "/plot.svg?metric=loss");
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->status, 200);
  EXPECT_EQ(svg->get_header_value("Content-Type"), "image/svg+xml");
  EXPECT_NE(svg->body.find("<svg"), std::string::npos);
}

TEST_F(DashboardTest, RunPageShowsThePreTrainingChecks) {
  {
    RunStore store(dir_ / "runs/anvil.sqlite");
    ValidationRecord v;
    v.passed = false;
    v.mode = "check_only";
    v.seconds = 0.5;
    v.report =
        R"({"sections": [{"name": "gradients", "status": "ERROR", "seconds": 0.1, "figures": {},
            "lines": [{"level": "ERROR", "text": "parameter 'dead<1>.weight' got no gradient"}]},
            {"name": "memory", "status": "INFO", "seconds": 0.1, "figures": {}, "lines": []}]})";
    store.set_validation(ids_.failed, v);
  }
  auto r = get("/runs/" + std::to_string(ids_.failed));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  for (const char* s : {"Pre-training checks", "FAILED, check_only in 0.50s", "id=\"validation\"",
                        "class=\"level-ERROR\"", "dead&lt;1&gt;.weight", "<td>memory</td>"})
    EXPECT_NE(r->body.find(s), std::string::npos) << s;
  auto json = get("/api/runs/" + std::to_string(ids_.failed));
  ASSERT_TRUE(json);
  EXPECT_NE(json->body.find("\"validation\":{\"mode\":\"check_only\",\"passed\":false"),
            std::string::npos)
      << json->body;
  // A run without checks has no such section.
  auto other = get("/runs/" + std::to_string(ids_.child));
  ASSERT_TRUE(other);
  EXPECT_EQ(other->body.find("Pre-training checks"), std::string::npos);
}

// A run's PNG artifacts (e.g. a specialist model's reliability diagram) are shown on its page
// and served byte for byte; nothing else is served through that route.
TEST_F(DashboardTest, RunPageShowsItsPngArtifacts) {
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "pixels";
  anvil::testing::write_text(dir_ / "reliability.png", png);
  int64_t shown = 0, other = 0;
  {
    RunStore store(dir_ / "runs/anvil.sqlite");
    shown = store.add_artifact(ids_.child, dir_ / "reliability.png", "calibration");
    other = store.add_artifact(ids_.completed, dir_ / "reliability.png", "calibration");
  }
  const std::string run = "/runs/" + std::to_string(ids_.child);
  auto page = get(run);
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("<img src=\"" + run + "/artifacts/" + std::to_string(shown) + ".png\""),
            std::string::npos);
  auto img = get(run + "/artifacts/" + std::to_string(shown) + ".png");
  ASSERT_TRUE(img);
  EXPECT_EQ(img->status, 200);
  EXPECT_EQ(img->get_header_value("Content-Type"), "image/png");
  EXPECT_EQ(img->body, png);
  // Another run's artifact, a model file, an unknown id: not through this run's route.
  RunStore store(dir_ / "runs/anvil.sqlite");
  const auto model = store.artifacts(ids_.child).front().id;
  for (int64_t id : {other, model, int64_t{999}}) {
    auto r = get(run + "/artifacts/" + std::to_string(id) + ".png");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404) << id;
  }
  std::filesystem::remove(dir_ / "reliability.png");
  auto gone = get(run + "/artifacts/" + std::to_string(shown) + ".png");
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 404);
  EXPECT_NE(gone->body.find("moved or deleted"), std::string::npos) << gone->body;
}

TEST_F(DashboardTest, CompareOverlaysRunsAndShowsDifferingParams) {
  auto r =
      get("/compare?id=" + std::to_string(ids_.completed) + "&id=" + std::to_string(ids_.child));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("0.0005"), std::string::npos);
  EXPECT_NE(r->body.find("train.lr"), std::string::npos);
  EXPECT_EQ(r->body.find("<code>train.epochs</code>"), std::string::npos);  // same in both
  auto svg = get("/plot.svg?metric=loss&id=" + std::to_string(ids_.completed) +
                 "&id=" + std::to_string(ids_.child));
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->status, 200);
}

TEST_F(DashboardTest, JsonApiAndErrors) {
  auto runs = get("/api/runs");
  ASSERT_TRUE(runs);
  EXPECT_NE(runs->body.find("\"status\":\"running\""), std::string::npos);
  auto one = get("/api/runs/" + std::to_string(ids_.running));
  ASSERT_TRUE(one);
  EXPECT_NE(one->body.find("\"keys\""), std::string::npos);
  auto missing = get("/runs/999");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(missing->body.find("no run 999"), std::string::npos);
  auto metric = get("/runs/" + std::to_string(ids_.completed) + "/plot.svg?metric=nope");
  ASSERT_TRUE(metric);
  EXPECT_EQ(metric->status, 404);
  EXPECT_NE(metric->body.find("recorded: "), std::string::npos);
  auto nowhere = get("/no/such/page");
  ASSERT_TRUE(nowhere);
  EXPECT_EQ(nowhere->status, 404);
}

TEST_F(DashboardTest, PortInUseAndMissingDatabaseAreClearErrors) {
  DashboardOptions o(dir_ / "runs/anvil.sqlite");
  o.port = dashboard_->port();
  Dashboard second(o);
  try {
    second.start();
    FAIL() << "expected the port to be in use";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(":" + std::to_string(o.port)), std::string::npos)
        << e.what();
    EXPECT_EQ(e.option(), "port") << e.what();  // the CLI turns it into "choose another with --port"
  }
  try {
    Dashboard nodb(DashboardOptions(dir_ / "elsewhere/anvil.sqlite"));
    FAIL() << "expected a missing database error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("no run database"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace anvil::track
