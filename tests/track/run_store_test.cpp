// RunStore: schema, WAL, runs/params/metrics/artifacts/lineage round trips, concurrent writers
// (threads and processes on one file), dead-process reaping and clear errors for bad input.
#include "anvil/track/run_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <functional>
#include <thread>

#include "anvil/core/error.h"
#include "anvil/track/sha256.h"
#include "support/run_cli.h"

namespace anvil::track {
namespace {

using anvil::testing::TempDir;

std::string error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

TEST(RunStore, CreatesTheFileInWalModeAndRoundTripsARun) {
  TempDir dir("store");
  RunStore store(dir / "sub/anvil.sqlite");
  EXPECT_EQ(store.journal_mode(), "wal");
  NewRun run;
  run.name = "baseline";
  run.config = "train:\n  lr: 0.001\n";
  run.config_hash = "0123456789abcdef";
  run.run_dir = "runs/baseline-1";
  run.git_commit = std::string(40, 'a');
  run.params = {{"train.lr", "0.001"}, {"train.epochs", "3"}};
  const int64_t id = store.create_run(run);
  store.log_metrics(id, {{"loss", 1, 1, 100.0, 0.9},
                         {"loss", 2, 1, 101.0, 0.7},
                         {"val_acc", 2, 1, 101.0, 0.5},
                         {"loss", 3, 2, 102.0, NAN}});
  store.finish_run(id, RunStatus::kCompleted, "");

  RunInfo info = store.get_run(id);
  EXPECT_EQ(info.name, "baseline");
  EXPECT_EQ(info.status, RunStatus::kCompleted);
  EXPECT_EQ(info.config, run.config);
  EXPECT_EQ(info.git_commit, run.git_commit);
  EXPECT_EQ(info.pid, ::getpid());
  EXPECT_FALSE(info.host.empty());
  EXPECT_GE(info.end_time, info.start_time);
  EXPECT_EQ(store.params(id), run.params);
  EXPECT_EQ(store.metric_keys(id), (std::vector<std::string>{"loss", "val_acc"}));
  auto loss = store.metrics(id, "loss");
  ASSERT_EQ(loss.size(), 3u);
  EXPECT_EQ(loss[1].step, 2);
  EXPECT_DOUBLE_EQ(loss[1].value, 0.7);
  EXPECT_TRUE(std::isnan(loss[2].value));  // stored as NULL: a gap
  auto summaries = store.metric_summaries(id);
  ASSERT_EQ(summaries.size(), 2u);
  EXPECT_EQ(summaries[0].count, 2);  // NULL is not counted
  EXPECT_DOUBLE_EQ(summaries[0].min, 0.7);
  EXPECT_EQ(store.resolve_run("baseline"), id);
  EXPECT_EQ(store.resolve_run("latest"), id);
  EXPECT_EQ(store.resolve_run(std::to_string(id)), id);
}

TEST(RunStore, ArtifactsCarrySizeAndSha256AndLineageFindsTheParentRun) {
  TempDir dir("store");
  RunStore store(dir / "anvil.sqlite");
  anvil::testing::write_text(dir / "data.jsonl", "{\"text\":\"a\"}\n");
  anvil::testing::write_text(dir / "model.bin", "weights-1");
  anvil::testing::write_text(dir / "model2.bin", "weights-2");
  const int64_t parent = store.create_run({});
  const int64_t model = store.add_artifact(parent, dir / "model.bin", "model");
  store.add_lineage(parent, dir / "data.jsonl", "dataset", model);
  const int64_t child = store.create_run({});
  const int64_t model2 = store.add_artifact(child, dir / "model2.bin", "model");
  store.add_lineage(child, dir / "model.bin", "model", model2);

  auto arts = store.artifacts(parent);
  ASSERT_EQ(arts.size(), 1u);
  EXPECT_EQ(arts[0].size, 9);
  EXPECT_EQ(arts[0].sha256, sha256_hex("weights-1"));
  auto edges = store.lineage(child);
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(edges[0].source_kind, "model");
  EXPECT_EQ(edges[0].artifact_path, dir / "model2.bin");
  EXPECT_EQ(edges[0].source_run_id, parent);  // the model file came out of the parent run
  EXPECT_EQ(store.lineage(parent)[0].source_run_id, 0);
  EXPECT_NE(error_of([&] { store.add_lineage(parent, dir / "data.jsonl", "dataset", model2); }),
            "");
}

TEST(RunStore, DeleteRemovesEverythingOfTheRun) {
  TempDir dir("store");
  RunStore store(dir / "anvil.sqlite");
  const int64_t a = store.create_run({});
  const int64_t b = store.create_run({});
  store.log_metrics(a, {{"loss", 1, 1, 1.0, 0.5}});
  store.log_metrics(b, {{"loss", 1, 1, 1.0, 0.5}});
  store.delete_run(a);
  ASSERT_EQ(store.list_runs().size(), 1u);
  EXPECT_EQ(store.list_runs()[0].id, b);
  EXPECT_TRUE(store.metrics(a).empty());
  EXPECT_EQ(store.metrics(b).size(), 1u);
  EXPECT_NE(error_of([&] { store.delete_run(a); }).find("no run"), std::string::npos);
}

TEST(RunStore, BadInputGivesClearErrors) {
  TempDir dir("store");
  auto missing = error_of([&] {
    StoreOptions o;
    o.create_if_missing = false;
    RunStore s(dir / "nope.sqlite", o);
  });
  EXPECT_NE(missing.find("no run database at"), std::string::npos) << missing;
  anvil::testing::write_text(dir / "corrupt.sqlite", std::string(4096, 'x'));
  auto corrupt = error_of([&] { RunStore s(dir / "corrupt.sqlite"); });
  EXPECT_NE(corrupt.find("corrupt.sqlite"), std::string::npos) << corrupt;
  EXPECT_NE(corrupt.find("not a database"), std::string::npos) << corrupt;
  EXPECT_NE(error_of([&] { RunStore s(dir.path()); }).find("is a directory"), std::string::npos);

  RunStore store(dir / "anvil.sqlite");
  auto unknown = error_of([&] { store.get_run(42); });
  EXPECT_NE(unknown.find("no run 42"), std::string::npos) << unknown;
  auto ref = error_of([&] { store.resolve_run("nonexistent"); });
  EXPECT_NE(ref.find("no run 'nonexistent'"), std::string::npos) << ref;
  EXPECT_THROW(store.resolve_run("latest"), Error);  // empty store
}

TEST(RunStore, ConcurrentWritersOnThreadsAndProcessesLoseNothing) {
  TempDir dir("store");
  const std::string db = dir / "anvil.sqlite";
  { RunStore init(db); }
  constexpr int kWriters = 3, kBatches = 40, kPerBatch = 25;
  auto write_run = [&](const std::string& name) {
    RunStore store(db);  // its own connection, as separate processes have
    NewRun r;
    r.name = name;
    const int64_t id = store.create_run(r);
    for (int b = 0; b < kBatches; ++b) {
      std::vector<MetricPoint> points;
      for (int i = 0; i < kPerBatch; ++i)
        points.push_back({"loss", b * kPerBatch + i, 1, 0.0, 1.0 / (1 + i)});
      store.log_metrics(id, points);
    }
    store.finish_run(id, RunStatus::kCompleted);
  };
  // Two child processes first (fork before any thread exists), then threads in this process.
  std::vector<pid_t> children;
  for (int p = 0; p < 2; ++p) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      try {
        write_run("proc" + std::to_string(p));
        ::_exit(0);
      } catch (...) {
        ::_exit(1);
      }
    }
    children.push_back(pid);
  }
  std::vector<std::thread> threads;
  for (int t = 0; t < kWriters; ++t)
    threads.emplace_back([&, t] { write_run("thread" + std::to_string(t)); });
  for (auto& t : threads) t.join();
  for (pid_t pid : children) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  RunStore store(db);
  auto runs = store.list_runs();
  ASSERT_EQ(runs.size(), 5u);
  for (const auto& r : runs) {
    EXPECT_EQ(r.status, RunStatus::kCompleted) << r.name;
    EXPECT_EQ(store.metrics(r.id, "loss").size(), size_t(kBatches * kPerBatch)) << r.name;
  }
}

// Eight writer processes on one file; one is killed with SIGKILL while it writes (most likely
// inside a transaction or waiting for the lock). The seven survivors lose no row, the killed one
// keeps only whole batches (each log_metrics is one transaction), the file passes SQLite's
// integrity check, and the killed run is reaped as failed.
TEST(RunStore, EightWriterProcessesOneKilledMidWriteLoseNothing) {
  TempDir dir("store");
  const std::string db = dir / "anvil.sqlite";
  { RunStore init(db); }
  constexpr int kProcesses = 8, kVictim = 3, kBatches = 60, kPerBatch = 50;
  auto write_run = [&](int p) {
    RunStore store(db);
    NewRun r;
    r.name = "proc" + std::to_string(p);
    const int64_t id = store.create_run(r);
    for (int b = 0; p == kVictim || b < kBatches; ++b) {  // the victim writes until killed
      std::vector<MetricPoint> points;
      for (int i = 0; i < kPerBatch; ++i)
        points.push_back({"loss", int64_t(b) * kPerBatch + i, 1, 0.0, 1.0 / (1 + i)});
      store.log_metrics(id, points);
    }
    store.finish_run(id, RunStatus::kCompleted);
  };
  std::vector<pid_t> children;
  for (int p = 0; p < kProcesses; ++p) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      try {
        write_run(p);
        ::_exit(0);
      } catch (...) {
        ::_exit(1);
      }
    }
    children.push_back(pid);
  }
  // Kill the victim once it has committed a few batches, while the others are still writing.
  int64_t victim_rows = 0;
  {
    RunStore reader(db);
    for (int tries = 0; tries < 3000 && victim_rows < 5 * kPerBatch; ++tries) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      for (const auto& r : reader.list_runs())
        if (r.name == "proc" + std::to_string(kVictim))
          victim_rows = static_cast<int64_t>(reader.metrics(r.id, "loss").size());
    }
  }
  EXPECT_GE(victim_rows, 5 * kPerBatch) << "the victim never got to write";
  ASSERT_EQ(::kill(children[kVictim], SIGKILL), 0);  // also when it never wrote: no hang
  for (int p = 0; p < kProcesses; ++p) {
    int status = 0;
    ::waitpid(children[p], &status, 0);
    if (p == kVictim) {
      EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    } else {
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "writer " << p;
    }
  }

  RunStore store(db);
  EXPECT_EQ(store.reap_dead_runs(), 1);
  const auto runs = store.list_runs();
  ASSERT_EQ(runs.size(), size_t(kProcesses));
  for (const auto& r : runs) {
    const size_t rows = store.metrics(r.id, "loss").size();
    if (r.name == "proc" + std::to_string(kVictim)) {
      EXPECT_EQ(r.status, RunStatus::kFailed);
      EXPECT_GE(rows, size_t(5 * kPerBatch));
      EXPECT_EQ(rows % kPerBatch, 0u) << "a half-written batch survived the kill";
    } else {
      EXPECT_EQ(r.status, RunStatus::kCompleted) << r.name;
      EXPECT_EQ(rows, size_t(kBatches * kPerBatch)) << r.name;
    }
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* check = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw, "PRAGMA integrity_check", -1, &check, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(check), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(check, 0)), "ok");
  sqlite3_finalize(check);
  sqlite3_close(raw);
}

TEST(RunStore, RunsOfDeadProcessesAreReapedAsFailed) {
  TempDir dir("store");
  const std::string db = dir / "anvil.sqlite";
  const pid_t pid = ::fork();
  if (pid == 0) {  // a "training process" that dies without closing its run
    try {
      RunStore s(db);
      s.create_run({});
    } catch (...) {
    }
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunStore store(db);
  const int64_t mine = store.create_run({});  // this process is alive: never reaped
  ASSERT_EQ(store.list_runs().size(), 2u);
  EXPECT_EQ(store.reap_dead_runs(), 1);
  for (const auto& r : store.list_runs()) {
    if (r.id == mine) {
      EXPECT_EQ(r.status, RunStatus::kRunning);
    } else {
      EXPECT_EQ(r.status, RunStatus::kFailed);
      EXPECT_NE(r.message.find("ended without closing the run"), std::string::npos) << r.message;
      EXPECT_GT(r.end_time, 0);
    }
  }
  EXPECT_EQ(store.reap_dead_runs(), 0);
}

}  // namespace
}  // namespace anvil::track

namespace anvil::track {
namespace {

TEST(RunStore, ANanLastValueIsReportedAsNan) {
  anvil::testing::TempDir dir("store");
  RunStore store(dir / "anvil.sqlite");
  const int64_t id = store.create_run({});
  store.log_metrics(id, {{"loss", 1, 1, 1.0, 0.5}, {"loss", 2, 1, 2.0, NAN}});
  auto s = store.metric_summaries(id);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_TRUE(std::isnan(s[0].last));
  EXPECT_EQ(s[0].last_step, 2);
}

}  // namespace
}  // namespace anvil::track

namespace anvil::track {
namespace {

TEST(RunStore, ValidationRoundTripsAndIsDeletedWithItsRun) {
  TempDir dir("store");
  RunStore store(dir / "anvil.sqlite");
  const int64_t id = store.create_run({});
  EXPECT_FALSE(store.validation(id).has_value());
  ValidationRecord v;
  v.passed = false;
  v.mode = "check_only";
  v.seconds = 1.25;
  v.report = "{\"sections\": []}";
  store.set_validation(id, v);
  v.passed = true;  // replaces, not appends
  store.set_validation(id, v);
  const auto back = store.validation(id);
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE(back->passed);
  EXPECT_EQ(back->mode, "check_only");
  EXPECT_EQ(back->seconds, 1.25);
  EXPECT_EQ(back->report, v.report);
  EXPECT_GT(back->created, 0);
  EXPECT_NE(error_of([&] { store.set_validation(id + 1, v); }).find("no run"), std::string::npos);
  store.delete_run(id);
  EXPECT_FALSE(store.validation(id).has_value());
}

TEST(RunStore, AVersionOneFileGainsTheValidationsTableOnOpen) {
  TempDir dir("store");
  const std::string path = dir / "anvil.sqlite";
  int64_t id = 0;
  {
    RunStore store(path);
    id = store.create_run({});
  }
  {  // Turn it back into a schema-1 file: no validations table, user_version 1.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "DROP TABLE validations; PRAGMA user_version = 1;", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  RunStore store(path);
  EXPECT_EQ(store.list_runs().size(), 1u);  // the old run survives
  ValidationRecord v;
  v.passed = true;
  store.set_validation(id, v);
  EXPECT_TRUE(store.validation(id)->passed);
}

}  // namespace
}  // namespace anvil::track
