// RunTracker, StopOnSignal and TensorBoardLogger on a real Engine: the run's final status for
// every way a run ends (completed, early stop, NaN-style failure, exception, Ctrl-C, SIGTERM to
// the process), batched metrics, resume continuing the same run, and TensorBoard files.
#include "anvil/train/handlers/run_tracker.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <thread>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/track/run_store.h"
#include "anvil/train/handlers/stop_on_signal.h"
#include "anvil/train/handlers/tensorboard_logger.h"
#include "anvil/train/tracking.h"
#include "support/run_cli.h"

namespace anvil::train {
namespace {

using anvil::testing::TempDir;
using track::RunStatus;

Engine loss_engine() {
  return Engine([](Engine& e) {
    return std::map<std::string, double>{{"loss", 1.0 / static_cast<double>(e.state().iteration)}};
  });
}

std::shared_ptr<RunTracker> tracker_for(const std::string& db, int64_t flush_every = 50) {
  RunTrackerOptions o(db);
  o.name = "test";
  o.flush_every = flush_every;
  o.params = {{"train.lr", "0.001"}};
  return std::make_shared<RunTracker>(o);
}

TEST(RunTracker, RecordsStepOutputsEpochMetricsAndCompletes) {
  TempDir dir("tracker");
  Engine engine = loss_engine();
  engine.on(on(Event::kEpochCompleted), [](Engine& e) {
    e.state().metrics["val_acc"] = 0.5 + 0.1 * static_cast<double>(e.state().epoch);
  });
  auto tracker = tracker_for(dir / "anvil.sqlite", /*flush_every=*/7);
  engine.attach(tracker);
  engine.run(10, 3);

  track::RunStore store(dir / "anvil.sqlite");
  auto run = store.get_run(tracker->run_id());
  EXPECT_EQ(run.status, RunStatus::kCompleted);
  EXPECT_EQ(run.name, "test");
  EXPECT_EQ(store.params(run.id).at("train.lr"), "0.001");
  auto loss = store.metrics(run.id, "loss");
  ASSERT_EQ(loss.size(), 30u);
  EXPECT_EQ(loss.back().step, 30);
  EXPECT_EQ(loss.back().epoch, 3);
  auto acc = store.metrics(run.id, "val_acc");
  ASSERT_EQ(acc.size(), 3u);
  EXPECT_EQ(acc[2].step, 30);
  EXPECT_NEAR(acc[2].value, 0.8, 1e-12);
  EXPECT_EQ(store.metrics(run.id, "epoch_seconds").size(), 3u);
}

TEST(RunTracker, EarlyStopCompletesAndFailureAndExceptionFail) {
  TempDir dir("tracker");
  const std::string db = dir / "anvil.sqlite";
  {  // a handler stops early without failure (early stopping): completed, with the reason
    Engine engine = loss_engine();
    auto t = tracker_for(db);
    engine.attach(t);
    engine.on(once(Event::kIterationCompleted, 3), [](Engine& e) { e.terminate("no progress"); });
    engine.run(10, 2);
    auto r = track::RunStore(db).get_run(t->run_id());
    EXPECT_EQ(r.status, RunStatus::kCompleted);
    EXPECT_EQ(r.message, "no progress");
  }
  {  // a handler stops because something went wrong (NaN guard): failed
    Engine engine = loss_engine();
    auto t = tracker_for(db);
    engine.attach(t);
    engine.on(once(Event::kIterationCompleted, 2),
              [](Engine& e) { e.terminate("loss is NaN at iteration 2", /*failed=*/true); });
    engine.run(10, 2);
    auto r = track::RunStore(db).get_run(t->run_id());
    EXPECT_EQ(r.status, RunStatus::kFailed);
    EXPECT_EQ(r.message, "loss is NaN at iteration 2");
  }
  {  // the step throws: failed with the exception's message, which still propagates
    Engine engine([](Engine& e) -> std::map<std::string, double> {
      if (e.state().iteration == 4) throw Error("data loader ran out of batches");
      return {{"loss", 1.0}};
    });
    auto t = tracker_for(db);
    engine.attach(t);
    EXPECT_THROW(engine.run(10, 1), Error);
    track::RunStore store(db);
    auto r = store.get_run(t->run_id());
    EXPECT_EQ(r.status, RunStatus::kFailed);
    EXPECT_EQ(r.message, "data loader ran out of batches");
    EXPECT_EQ(store.metrics(r.id, "loss").size(), 3u);  // buffered points are not lost
  }
}

TEST(RunTracker, CtrlCMarksTheRunInterruptedAndRestoresTheSignalHandler) {
  TempDir dir("tracker");
  Engine engine = loss_engine();
  engine.attach(std::make_shared<StopOnSignal>());
  auto t = tracker_for(dir / "anvil.sqlite");
  engine.attach(t);
  engine.on(once(Event::kIterationStarted, 5), [](Engine&) { std::raise(SIGINT); });
  engine.run(100, 3);
  EXPECT_TRUE(engine.state().interrupted);
  EXPECT_EQ(engine.state().iteration, 5);
  auto r = track::RunStore(dir / "anvil.sqlite").get_run(t->run_id());
  EXPECT_EQ(r.status, RunStatus::kInterrupted);
  EXPECT_NE(r.message.find("SIGINT"), std::string::npos) << r.message;
  struct sigaction now {};
  sigaction(SIGINT, nullptr, &now);
  EXPECT_EQ(now.sa_handler, SIG_DFL);  // gtest's default disposition is back
}

TEST(RunTracker, SigtermToATrainingProcessMarksItsRunInterrupted) {
  TempDir dir("tracker");
  const std::string db = dir / "anvil.sqlite";
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t pid = ::fork();
  if (pid == 0) {  // a training process that runs "forever" until signalled
    ::close(ready[0]);
    try {
      Engine engine([](Engine&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        return std::map<std::string, double>{{"loss", 0.5}};
      });
      engine.attach(std::make_shared<StopOnSignal>());
      engine.attach(tracker_for(db));
      engine.on(once(Event::kIterationCompleted, 10), [&](Engine&) {
        char c = 1;
        (void)!::write(ready[1], &c, 1);
      });
      engine.run(1000000, 1);
      ::_exit(engine.state().interrupted ? 0 : 2);
    } catch (...) {
      ::_exit(3);
    }
  }
  ::close(ready[1]);
  char c;
  ASSERT_EQ(::read(ready[0], &c, 1), 1);  // the run exists and is training
  ::kill(pid, SIGTERM);
  int status = 0;
  for (int i = 0; i < 2000 && ::waitpid(pid, &status, WNOHANG) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  if (::waitpid(pid, &status, WNOHANG) == 0) {  // never hang the suite: 20 s is a failure
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    FAIL() << "the training process did not stop within 20 s of SIGTERM";
  }
  ::close(ready[0]);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  track::RunStore store(db);
  auto runs = store.list_runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].status, RunStatus::kInterrupted);
  EXPECT_NE(runs[0].message.find("SIGTERM"), std::string::npos) << runs[0].message;
  EXPECT_GE(store.metrics(runs[0].id, "loss").size(), 10u);
}

TEST(RunTracker, ResumeContinuesTheSameRun) {
  TempDir dir("tracker");
  const std::string db = dir / "anvil.sqlite";
  std::string saved;
  int64_t first_id = 0;
  {
    Engine engine = loss_engine();
    auto t = tracker_for(db);
    engine.attach(t);
    engine.run(5, 1);
    saved = t->save_state();
    first_id = t->run_id();
  }
  Engine engine = loss_engine();
  auto t = tracker_for(db);
  engine.attach(t);
  t->load_state(saved);
  engine.state().epoch = 1;
  engine.state().iteration = 5;
  engine.run(5, 2);
  EXPECT_EQ(t->run_id(), first_id);
  track::RunStore store(db);
  EXPECT_EQ(store.list_runs().size(), 1u);
  EXPECT_EQ(store.get_run(first_id).status, RunStatus::kCompleted);
  EXPECT_EQ(store.metrics(first_id, "loss").size(), 10u);
}

TEST(RunTracker, ArtifactsAndLineageGoToTheRun) {
  TempDir dir("tracker");
  anvil::testing::write_text(dir / "data.jsonl", "{}\n");
  anvil::testing::write_text(dir / "model.safetensors", "model bytes");
  Engine engine = loss_engine();
  auto t = tracker_for(dir / "anvil.sqlite");
  engine.attach(t);
  engine.run(2, 1);
  const int64_t art = t->log_artifact(dir / "model.safetensors", "model");
  t->log_lineage(dir / "data.jsonl", "dataset", art);
  track::RunStore store(dir / "anvil.sqlite");
  EXPECT_EQ(store.artifacts(t->run_id()).size(), 1u);
  EXPECT_EQ(store.lineage(t->run_id()).at(0).source_kind, "dataset");
}

TEST(RunTracker, OptionsFromTheDefaultConfig) {
  Config c = Config::from_defaults();
  auto o = RunTrackerOptions::from_config(c, "runs/x");
  EXPECT_EQ(o.db_path, "runs/anvil.sqlite");
  EXPECT_EQ(o.params.at("train.lr"), c.get_string("train.lr"));
  EXPECT_EQ(o.params.at("model.channels"), "[64, 128, 256]");
  EXPECT_EQ(o.params.count("train"), 0u);  // maps are not params, their leaves are
  EXPECT_EQ(o.config_hash, c.hash());
  RunTrackerOptions bad("x.sqlite");
  bad.flush_every = 0;
  EXPECT_THROW(bad.validate(), Error);
}

TEST(TensorBoardLogger, WritesScalarsAndHistogramsIntoTheLogdir) {
  TempDir dir("tblogger");
  Engine engine = loss_engine();
  engine.on(on(Event::kEpochCompleted), [](Engine& e) { e.state().metrics["val_acc"] = 0.9; });
  TensorBoardLoggerOptions o(dir / "run1");
  o.histograms_every = 1;
  int histograms = 0;
  auto logger =
      std::make_shared<TensorBoardLogger>(o, [&](track::EventFileWriter& w, int64_t step) {
        std::vector<float> weights = {0.1f, 0.2f, -0.3f};
        w.add_histogram("weights/w", track::make_histogram(weights.data(), weights.size()), step);
        ++histograms;
      });
  engine.attach(logger);
  engine.run(4, 2);
  EXPECT_EQ(histograms, 2);
  ASSERT_TRUE(std::filesystem::exists(logger->path()));
  const std::string bytes = anvil::testing::read_text(logger->path());
  // file_version + 8 loss + 2 x (val_acc, epoch, histogram) records; count the framing.
  size_t records = 0;
  for (size_t pos = 0; pos + 12 <= bytes.size(); ++records) {
    uint64_t len = 0;
    for (int i = 0; i < 8; ++i)
      len |= uint64_t(static_cast<unsigned char>(bytes[pos + i])) << (8 * i);
    pos += 12 + len + 4;
  }
  EXPECT_EQ(records, 1u + 8 + 6);
  EXPECT_NE(bytes.find("train/loss"), std::string::npos);
  EXPECT_NE(bytes.find("val_acc"), std::string::npos);
  EXPECT_THROW(TensorBoardLogger(o, nullptr), Error);  // histograms asked for, no callback
}

}  // namespace
}  // namespace anvil::train

namespace anvil::train {
namespace {

TEST(AttachTracking, FromTheConfigRecordsTheRunAndWritesTensorBoardFiles) {
  anvil::testing::TempDir dir("attach");
  Config c = Config::from_defaults();
  c.apply_override("run.dir=" + dir.path());
  c.apply_override("run.name=attached");
  c.resolve();
  auto options = TrackingOptions::from_config(c);
  EXPECT_EQ(options.run.db_path, dir / "anvil.sqlite");
  Engine engine = loss_engine();
  auto t = attach_tracking(engine, options, dir / "attached-1");
  ASSERT_TRUE(t.tracker && t.tensorboard);
  engine.run(3, 2);
  track::RunStore store(dir / "anvil.sqlite");
  auto run = store.get_run(t.tracker->run_id());
  EXPECT_EQ(run.name, "attached");
  EXPECT_EQ(run.status, track::RunStatus::kCompleted);
  EXPECT_EQ(run.run_dir, dir / "attached-1");
  EXPECT_EQ(run.config_hash, c.hash());
  EXPECT_TRUE(std::filesystem::exists(t.tensorboard->path()));

  c.apply_override("track.enabled=false");
  c.apply_override("track.tensorboard=false");
  Engine quiet = loss_engine();
  auto none = attach_tracking(quiet, TrackingOptions::from_config(c), dir / "x");
  EXPECT_FALSE(none.tracker || none.tensorboard);
}

}  // namespace
}  // namespace anvil::train
