// RunStore: the experiment database, one SQLite file per project (default runs/anvil.sqlite).
// Tables: runs (id, name, status, start/end, heartbeat, git commit, host, pid, resolved config and
// its hash, run directory, message), params, metrics (key, step, epoch, wall time, value),
// artifacts (path, kind, size, sha256), lineage (source file -> artifact) and validations (the
// pre-training checks' report, one per run; schema version 2, added to version-1 files on open).
//
// Concurrency: WAL journal and a busy timeout, so several training processes and a dashboard can
// use one file at once; writes are short IMMEDIATE transactions. One RunStore (one connection) may
// be shared by threads: every call takes an internal mutex.
//
// Liveness: a run is created "running" with its host and pid. reap_dead_runs() marks running
// runs of this host whose process no longer exists as failed, so a crash or kill -9 never leaves a
// run "running" forever (`anvil runs` and the dashboard call it before they list runs).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace anvil::track {

enum class RunStatus { kRunning, kCompleted, kFailed, kInterrupted, kCount_ };
const char* run_status_name(RunStatus s);
// Throws anvil::Error for an unknown name.
RunStatus parse_run_status(const std::string& name);

struct RunInfo {
  int64_t id = 0;
  std::string name;
  RunStatus status = RunStatus::kRunning;
  double start_time = 0;  // Unix seconds
  double end_time = 0;    // 0 while running
  double heartbeat = 0;   // last time the writer showed signs of life
  std::string git_commit;
  std::string host;
  int64_t pid = 0;
  std::string config;       // resolved config (YAML)
  std::string config_hash;  // Config::hash()
  std::string run_dir;
  std::string message;  // why it failed / stopped ("" if it just completed)

  double duration() const;  // end (or heartbeat while running) minus start, seconds
};

struct NewRun {
  std::string name = "run";
  std::string config;
  std::string config_hash;
  std::string run_dir;
  std::string git_commit;  // "" = look it up with `git rev-parse HEAD` in the working directory
  std::map<std::string, std::string> params;
};

struct MetricPoint {
  std::string key;
  int64_t step = 0;
  int64_t epoch = 0;
  double wall_time = 0;
  double value = 0;
};

struct Artifact {
  int64_t id = 0;
  int64_t run_id = 0;
  std::string path;
  std::string kind;  // model | checkpoint | dataset | tensorboard | config | ...
  int64_t size = 0;
  std::string sha256;
  double created = 0;
};

// `source_path` (a dataset file, a parent model or checkpoint) produced artifact `artifact_id`.
struct LineageEdge {
  int64_t run_id = 0;
  std::string source_path;
  std::string source_kind;  // dataset | model | checkpoint | ...
  std::string source_sha256;
  int64_t artifact_id = 0;
  std::string artifact_path;  // filled in by queries
  int64_t source_run_id = 0;  // run that recorded an artifact with the source's sha256 (0: none)
};

// The pre-training checks of a run (train/validator.h): whether they passed and the report as
// JSON (the run directory's validation.json).
struct ValidationRecord {
  bool passed = false;
  std::string mode;     // check_only | check_and_train
  double seconds = 0;   // how long the checks took
  std::string report;   // JSON text
  double created = 0;   // Unix seconds; filled in by the store
};

struct MetricSummary {
  std::string key;
  int64_t count = 0;
  double last = 0, min = 0, max = 0;
  int64_t last_step = 0;
};

struct StoreOptions {
  int busy_timeout_ms = 10000;
  bool create_if_missing = true;  // false for `anvil runs` / `anvil ui`: a missing file is an error
};

class RunStore {
 public:
  // Opens (creating it and its directory if allowed) and migrates the schema. Throws
  // anvil::Error naming `path` if it is not an anvil run database or cannot be opened.
  explicit RunStore(const std::string& path, StoreOptions options = {});
  ~RunStore();
  RunStore(const RunStore&) = delete;
  RunStore& operator=(const RunStore&) = delete;

  const std::string& path() const { return path_; }

  // --- writing --------------------------------------------------------------------------------
  int64_t create_run(const NewRun& run);
  // Sets a run running again (resume): clears the end time, records this host and pid.
  void reopen_run(int64_t run_id);
  void finish_run(int64_t run_id, RunStatus status, const std::string& message = "");
  void heartbeat(int64_t run_id);
  void log_params(int64_t run_id, const std::map<std::string, std::string>& params);
  // All points in one transaction (the batched path the trackers use).
  void log_metrics(int64_t run_id, const std::vector<MetricPoint>& points);
  // Records a file: its size and sha256 are computed now. Returns the artifact id.
  int64_t add_artifact(int64_t run_id, const std::string& path, const std::string& kind);
  // Records that `source_path` produced `artifact_id`; hashes the source unless `hash_source`
  // is false (large datasets).
  void add_lineage(int64_t run_id, const std::string& source_path, const std::string& source_kind,
                   int64_t artifact_id, bool hash_source = true);
  // Records (or replaces) the run's validation report. Throws for an unknown id.
  void set_validation(int64_t run_id, const ValidationRecord& validation);
  // Deletes the run and everything recorded for it. Throws for an unknown id.
  void delete_run(int64_t run_id);
  // Marks running runs of this host whose pid is gone as failed. Returns how many.
  int reap_dead_runs();

  // --- reading --------------------------------------------------------------------------------
  std::vector<RunInfo> list_runs();  // newest first
  // Throws anvil::Error for an unknown id.
  RunInfo get_run(int64_t run_id);
  // "12", a run name (the newest with that name) or "latest". Throws naming the reference.
  int64_t resolve_run(const std::string& ref);
  std::map<std::string, std::string> params(int64_t run_id);
  std::vector<std::string> metric_keys(int64_t run_id);
  std::vector<MetricSummary> metric_summaries(int64_t run_id);
  // Points of one key in step order (all keys if `key` is empty).
  std::vector<MetricPoint> metrics(int64_t run_id, const std::string& key = "");
  std::vector<Artifact> artifacts(int64_t run_id);
  std::vector<LineageEdge> lineage(int64_t run_id);
  // The run's validation report; nullopt when none was recorded.
  std::optional<ValidationRecord> validation(int64_t run_id);
  std::string journal_mode();

 private:
  struct Statement;
  static RunInfo read_run(const Statement& s);
  void exec(const std::string& sql);
  void migrate();
  void check_run_exists(int64_t run_id);
  std::string context() const;

  std::string path_;
  StoreOptions options_;
  sqlite3* db_ = nullptr;
  std::mutex mutex_;
};

// Current git commit of the working directory ("" outside a repository).
std::string current_git_commit();
// This machine's host name.
std::string current_host();

}  // namespace anvil::track
