// The dashboard in a real browser: Debian's headless Chromium loads the runs page and a run page
// from an in-process server on a loopback port; the test checks the DOM after the page script
// ran (rows, status badges, every chart image decoded) and saves screenshots in the test's temp
// dir (kept with ANVIL_KEEP_TEST_DIRS=1). Skipped, saying why, where Chromium is not installed.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <thread>

#include "anvil/track/dashboard.h"
#include "dashboard_fixture.h"

namespace anvil::track {
namespace {

using anvil::testing::TempDir;

std::string chromium_binary() {
  if (const char* env = std::getenv("ANVIL_CHROMIUM")) return env;
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"})
    if (std::filesystem::exists(p)) return p;
  return "";
}

// Headless flags that work offline and as root (see the machine notes in docs/tracking.md).
std::string chromium(const std::string& binary, const TempDir& dir, const std::string& args) {
  const std::string cmd = "'" + binary +
                          "' --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                          "--disable-background-networking --disable-component-update "
                          "--disable-sync --disable-extensions --hide-scrollbars "
                          "--user-data-dir='" +
                          (dir / "chromium-profile") + "' " + args + " 2>/dev/null";
  auto r = anvil::testing::run_command(cmd);
  EXPECT_EQ(r.exit_code, 0) << cmd << "\n" << r.output.substr(0, 2000);
  return r.output;
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1))
    ++n;
  return n;
}

TEST(DashboardBrowser, RunsPageAndRunPageRenderInHeadlessChromium) {
  const std::string binary = chromium_binary();
  if (binary.empty())
    GTEST_SKIP() << "Chromium is not installed (Debian package 'chromium'; scripts/setup --tests installs "
                    "it): the dashboard browser test needs it";
  TempDir dir("browser");
  const auto ids = testing::make_dashboard_runs(dir);
  DashboardOptions o(dir / "runs/anvil.sqlite");
  o.port = 0;
  o.refresh_ms = 60000;  // no polling during the virtual-time budget
  Dashboard dashboard(o);
  dashboard.start();
  const std::string base = dashboard.url();

  // Runs page: one row per run, a badge for each status, the page script ran.
  const std::string runs_dom =
      chromium(binary, dir, "--virtual-time-budget=3000 --dump-dom '" + base + "'");
  EXPECT_NE(runs_dom.find("data-script=\"ready\""), std::string::npos) << runs_dom.substr(0, 800);
  EXPECT_EQ(count(runs_dom, "<tr data-run-id="), 4u);
  for (const char* s : {"status-completed\">completed", "status-failed\">failed",
                        "status-running\">running", "baseline &lt;cnn&gt;", "val_intent_acc"})
    EXPECT_NE(runs_dom.find(s), std::string::npos) << s;
  // "Compare selected" stays disabled until two runs are ticked (set by the script).
  EXPECT_TRUE(std::regex_search(runs_dom, std::regex("<button id=\"compare\"[^>]*disabled")));

  // Run page: every chart is an image the browser decoded (data-loaded="1" set on load).
  const std::string run_url = base + "runs/" + std::to_string(ids.child);
  const std::string run_dom =
      chromium(binary, dir, "--virtual-time-budget=5000 --dump-dom '" + run_url + "'");
  const size_t charts = count(run_dom, "class=\"chart-img\"");
  EXPECT_EQ(charts, 4u);  // intent_acc, loss, val_intent_acc, val_loss
  EXPECT_EQ(count(run_dom, "data-loaded=\"1\""), charts) << run_dom.substr(0, 3000);
  EXPECT_EQ(count(run_dom, "data-loaded=\"0\""), 0u);
  for (const char* s : {"id=\"artifacts\"", "model2.safetensors", "id=\"lineage\"", "id=\"config\"",
                        "status-completed"})
    EXPECT_NE(run_dom.find(s), std::string::npos) << s;

  // Compare page: one overlaid chart per metric, all decoded.
  const std::string compare_url =
      base + "compare?id=" + std::to_string(ids.completed) + "&id=" + std::to_string(ids.child);
  const std::string compare_dom =
      chromium(binary, dir, "--virtual-time-budget=5000 --dump-dom '" + compare_url + "'");
  EXPECT_EQ(count(compare_dom, "data-loaded=\"1\""), 4u) << compare_dom.substr(0, 2000);
  EXPECT_NE(compare_dom.find("id=\"compare-params\""), std::string::npos);

  // Screenshots, for a person to look at.
  chromium(binary, dir,
           "--window-size=1400,1000 --virtual-time-budget=3000 --screenshot='" +
               (dir / "runs.png") + "' '" + base + "'");
  chromium(binary, dir,
           "--window-size=1400,1800 --virtual-time-budget=5000 --screenshot='" + (dir / "run.png") +
               "' '" + run_url + "'");
  chromium(binary, dir,
           "--window-size=1400,1400 --virtual-time-budget=5000 --screenshot='" +
               (dir / "compare.png") + "' '" + compare_url + "'");
  for (const char* shot : {"runs.png", "run.png", "compare.png"}) {
    ASSERT_TRUE(std::filesystem::exists(dir / shot)) << shot;
    EXPECT_GT(std::filesystem::file_size(dir / shot), 20000u) << shot;  // not a blank page
    std::printf("screenshot: %s\n", (dir / shot).c_str());
  }
}

TEST(DashboardBrowser, ARunningRunsChartsRefreshOnTheirOwn) {
  const std::string binary = chromium_binary();
  if (binary.empty()) GTEST_SKIP() << "Chromium is not installed (Debian package 'chromium')";
  TempDir dir("browser-live");
  const auto ids = testing::make_dashboard_runs(dir);
  DashboardOptions o(dir / "runs/anvil.sqlite");
  o.port = 0;
  o.refresh_ms = 250;
  Dashboard dashboard(o);
  dashboard.start();
  // "Training": new loss points keep arriving while the browser has the page open.
  std::atomic<bool> stop{false};
  std::thread trainer([&] {
    RunStore store(dir / "runs/anvil.sqlite");
    for (int64_t step = 61; !stop; ++step) {
      store.log_metrics(ids.running, {{"loss", step, 2, 0.0, 1.0 / static_cast<double>(step)}});
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  const std::string dom = chromium(binary, dir,
                                   "--virtual-time-budget=3000 --dump-dom '" + dashboard.url() +
                                       "runs/" + std::to_string(ids.running) + "'");
  stop = true;
  trainer.join();
  EXPECT_NE(dom.find("data-status=\"running\""), std::string::npos);
  // The script saw new points and re-requested every chart with a new version (?v=points).
  EXPECT_EQ(count(dom, "plot.svg?metric=loss&amp;v="), 1u) << dom.substr(0, 3000);
  EXPECT_EQ(count(dom, "&amp;v="), count(dom, "class=\"chart-img\""));
}

}  // namespace
}  // namespace anvil::track
