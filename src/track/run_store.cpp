// RunStore on the SQLite C API: schema and migration, WAL + busy timeout, and the queries behind
// the trackers, `anvil runs` and the dashboard.
#include "anvil/track/run_store.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/track/sha256.h"
#include "run_store_statement.h"

namespace anvil::track {
namespace {

// 1: runs, params, metrics, artifacts, lineage. 2: + validations. Every statement of kSchema is
// IF NOT EXISTS, so an older file migrates by running it again.
constexpr int kSchemaVersion = 2;

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  start_time REAL NOT NULL,
  end_time REAL,
  heartbeat REAL,
  git_commit TEXT NOT NULL DEFAULT '',
  host TEXT NOT NULL DEFAULT '',
  pid INTEGER NOT NULL DEFAULT 0,
  config TEXT NOT NULL DEFAULT '',
  config_hash TEXT NOT NULL DEFAULT '',
  run_dir TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS params (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
);
CREATE TABLE IF NOT EXISTS metrics (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  step INTEGER NOT NULL,
  epoch INTEGER NOT NULL,
  wall_time REAL NOT NULL,
  value REAL
);
CREATE INDEX IF NOT EXISTS metrics_by_run_key ON metrics (run_id, key, step);
CREATE TABLE IF NOT EXISTS artifacts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  kind TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS artifacts_by_sha ON artifacts (sha256);
CREATE TABLE IF NOT EXISTS lineage (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  source_path TEXT NOT NULL,
  source_kind TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS validations (
  run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  passed INTEGER NOT NULL,
  mode TEXT NOT NULL DEFAULT '',
  seconds REAL NOT NULL DEFAULT 0,
  report TEXT NOT NULL DEFAULT '',
  created REAL NOT NULL
);
)SQL";

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

bool process_alive(int64_t pid) {
  if (pid <= 0) return false;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

}  // namespace

const char* run_status_name(RunStatus s) {
  static constexpr const char* kNames[] = {"running", "completed", "failed", "interrupted"};
  static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<size_t>(RunStatus::kCount_),
                "status name table out of step with RunStatus");
  return kNames[static_cast<size_t>(s)];
}

RunStatus parse_run_status(const std::string& name) {
  for (size_t i = 0; i < static_cast<size_t>(RunStatus::kCount_); ++i)
    if (name == run_status_name(static_cast<RunStatus>(i))) return static_cast<RunStatus>(i);
  throw usage_error("unknown run status '" + name +
                    "': expected running, completed, failed or interrupted");
}

double RunInfo::duration() const {
  const double end =
      end_time > 0 ? end_time : (status == RunStatus::kRunning ? now_seconds() : heartbeat);
  return end > start_time ? end - start_time : 0;
}

std::string current_host() {
  char buf[256] = {0};
  if (::gethostname(buf, sizeof buf - 1) != 0) return "";
  return buf;
}

std::string current_git_commit() {
  FILE* pipe = ::popen("git rev-parse HEAD 2>/dev/null", "r");
  if (!pipe) return "";
  char buf[128] = {0};
  std::string out;
  if (std::fgets(buf, sizeof buf, pipe)) out = buf;
  ::pclose(pipe);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out.size() == 40 ? out : "";
}

namespace {

// BEGIN IMMEDIATE ... COMMIT, rolled back if the scope exits by exception.
class Transaction {
 public:
  explicit Transaction(std::function<void(const std::string&)> exec) : exec_(std::move(exec)) {
    exec_("BEGIN IMMEDIATE");
  }
  void commit() {
    exec_("COMMIT");
    done_ = true;
  }
  ~Transaction() {
    if (!done_) try {
        exec_("ROLLBACK");
      } catch (...) {
      }
  }

 private:
  std::function<void(const std::string&)> exec_;
  bool done_ = false;
};

}  // namespace

// ---- Opening ----------------------------------------------------------------------------------

RunStore::RunStore(const std::string& path, StoreOptions options) : path_(path), options_(options) {
  if (path_.empty()) throw usage_error("run database path is empty (track.db)");
  if (!options_.create_if_missing && !file_exists(path_))
    throw usage_error("no run database at '" + path_ + "'").about("run_db");
  if (std::filesystem::is_directory(path_))
    throw usage_error("run database '" + path_ + "' is a directory; expected a SQLite file");
  if (options_.create_if_missing) {
    const auto parent = std::filesystem::path(path_).parent_path();
    if (!parent.empty()) ensure_directory(parent.string());
  }
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX |
                    (options_.create_if_missing ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(context() + msg);
  }
  sqlite3_busy_timeout(db_, options_.busy_timeout_ms);
  try {
    migrate();
  } catch (const Error& e) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

RunStore::~RunStore() {
  if (db_) sqlite3_close(db_);
}

std::string RunStore::context() const { return "run database '" + path_ + "': "; }

void RunStore::exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    throw Error(context() + msg);
  }
}

void RunStore::migrate() {
  std::lock_guard<std::mutex> lock(mutex_);
  // The first read also tells whether this is a SQLite file at all ("file is not a database").
  int64_t version = 0, tables = 0;
  {
    Statement v(*this, "PRAGMA user_version");
    if (v.step()) version = v.i64(0);
    Statement t(*this, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
    if (t.step()) tables = t.i64(0);
  }
  if (version > kSchemaVersion)
    throw Error(context() + "schema version " + std::to_string(version) +
                " is newer than this anvil understands (" + std::to_string(kSchemaVersion) + ")");
  if (version == 0 && tables > 0)
    throw Error(context() + "not an anvil run database (it has other tables)");
  // WAL lets readers (the dashboard) and one writer at a time work concurrently.
  {
    Statement wal(*this, "PRAGMA journal_mode = WAL");
    wal.step();
  }
  exec("PRAGMA synchronous = NORMAL");
  exec("PRAGMA foreign_keys = ON");
  if (version < kSchemaVersion) {
    Transaction tx([this](const std::string& sql) { exec(sql); });
    exec(kSchema);
    exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    tx.commit();
  }
}

std::string RunStore::journal_mode() {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement s(*this, "PRAGMA journal_mode");
  return s.step() ? s.text(0) : "";
}

void RunStore::check_run_exists(int64_t run_id) {
  Statement s(*this, "SELECT 1 FROM runs WHERE id = ?");
  s.bind(1, run_id);
  if (!s.step())
    throw usage_error("no run " + std::to_string(run_id) + " in '" + path_ + "'").about("run_id");
}

// ---- Writing ----------------------------------------------------------------------------------

int64_t RunStore::create_run(const NewRun& run) {
  const std::string commit = run.git_commit.empty() ? current_git_commit() : run.git_commit;
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction tx([this](const std::string& sql) { exec(sql); });
  const double now = now_seconds();
  Statement s(*this,
              "INSERT INTO runs (name, status, start_time, heartbeat, git_commit, host, pid, "
              "config, config_hash, run_dir) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, run.name)
      .bind(2, std::string(run_status_name(RunStatus::kRunning)))
      .bind(3, now)
      .bind(4, now)
      .bind(5, commit)
      .bind(6, current_host())
      .bind(7, static_cast<int64_t>(::getpid()))
      .bind(8, run.config)
      .bind(9, run.config_hash)
      .bind(10, run.run_dir)
      .run();
  const int64_t id = sqlite3_last_insert_rowid(db_);
  Statement p(*this, "INSERT OR REPLACE INTO params (run_id, key, value) VALUES (?, ?, ?)");
  for (const auto& [k, v] : run.params) {
    p.bind(1, id).bind(2, k).bind(3, v).run();
  }
  tx.commit();
  return id;
}

void RunStore::reopen_run(int64_t run_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  check_run_exists(run_id);
  Statement s(*this,
              "UPDATE runs SET status = ?, end_time = NULL, heartbeat = ?, host = ?, pid = ?, "
              "message = '' WHERE id = ?");
  s.bind(1, std::string(run_status_name(RunStatus::kRunning)))
      .bind(2, now_seconds())
      .bind(3, current_host())
      .bind(4, static_cast<int64_t>(::getpid()))
      .bind(5, run_id)
      .run();
}

void RunStore::finish_run(int64_t run_id, RunStatus status, const std::string& message) {
  std::lock_guard<std::mutex> lock(mutex_);
  check_run_exists(run_id);
  const double now = now_seconds();
  Statement s(*this,
              "UPDATE runs SET status = ?, end_time = ?, heartbeat = ?, message = ? WHERE id = ?");
  s.bind(1, std::string(run_status_name(status)))
      .bind(2, now)
      .bind(3, now)
      .bind(4, message)
      .bind(5, run_id)
      .run();
}

void RunStore::heartbeat(int64_t run_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement s(*this, "UPDATE runs SET heartbeat = ? WHERE id = ?");
  s.bind(1, now_seconds()).bind(2, run_id).run();
}

void RunStore::log_params(int64_t run_id, const std::map<std::string, std::string>& params) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction tx([this](const std::string& sql) { exec(sql); });
  check_run_exists(run_id);
  Statement p(*this, "INSERT OR REPLACE INTO params (run_id, key, value) VALUES (?, ?, ?)");
  for (const auto& [k, v] : params) p.bind(1, run_id).bind(2, k).bind(3, v).run();
  tx.commit();
}

void RunStore::log_metrics(int64_t run_id, const std::vector<MetricPoint>& points) {
  if (points.empty()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction tx([this](const std::string& sql) { exec(sql); });
  Statement s(*this,
              "INSERT INTO metrics (run_id, key, step, epoch, wall_time, value) "
              "VALUES (?, ?, ?, ?, ?, ?)");
  for (const auto& m : points) {
    s.bind(1, run_id).bind(2, m.key).bind(3, m.step).bind(4, m.epoch).bind(5, m.wall_time);
    if (std::isfinite(m.value))
      s.bind(6, m.value);
    else
      sqlite3_bind_null(s.stmt_, 6);  // SQLite has no NaN; a gap in the curve
    s.run();
  }
  Statement hb(*this, "UPDATE runs SET heartbeat = ? WHERE id = ?");
  hb.bind(1, now_seconds()).bind(2, run_id).run();
  tx.commit();
}

int64_t RunStore::add_artifact(int64_t run_id, const std::string& path, const std::string& kind) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw Error("artifact '" + path + "': " + ec.message());
  const std::string digest = sha256_file(path);  // outside the lock: may take a while
  std::lock_guard<std::mutex> lock(mutex_);
  check_run_exists(run_id);
  Statement s(*this,
              "INSERT INTO artifacts (run_id, path, kind, size, sha256, created) "
              "VALUES (?, ?, ?, ?, ?, ?)");
  s.bind(1, run_id)
      .bind(2, path)
      .bind(3, kind)
      .bind(4, static_cast<int64_t>(size))
      .bind(5, digest)
      .bind(6, now_seconds())
      .run();
  return sqlite3_last_insert_rowid(db_);
}

void RunStore::add_lineage(int64_t run_id, const std::string& source_path,
                           const std::string& source_kind, int64_t artifact_id, bool hash_source) {
  const std::string digest = hash_source ? sha256_file(source_path) : "";
  std::lock_guard<std::mutex> lock(mutex_);
  check_run_exists(run_id);
  Statement a(*this, "SELECT 1 FROM artifacts WHERE id = ? AND run_id = ?");
  a.bind(1, artifact_id).bind(2, run_id);
  if (!a.step())
    throw Error(context() + "artifact " + std::to_string(artifact_id) + " does not belong to run " +
                std::to_string(run_id));
  Statement s(*this,
              "INSERT INTO lineage (run_id, source_path, source_kind, source_sha256, artifact_id) "
              "VALUES (?, ?, ?, ?, ?)");
  s.bind(1, run_id).bind(2, source_path).bind(3, source_kind).bind(4, digest).bind(5, artifact_id);
  s.run();
}

void RunStore::set_validation(int64_t run_id, const ValidationRecord& v) {
  std::lock_guard<std::mutex> lock(mutex_);
  check_run_exists(run_id);
  Statement s(*this,
              "INSERT OR REPLACE INTO validations (run_id, passed, mode, seconds, report, created) "
              "VALUES (?, ?, ?, ?, ?, ?)");
  s.bind(1, run_id)
      .bind(2, static_cast<int64_t>(v.passed ? 1 : 0))
      .bind(3, v.mode)
      .bind(4, v.seconds)
      .bind(5, v.report)
      .bind(6, now_seconds())
      .run();
}

void RunStore::delete_run(int64_t run_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction tx([this](const std::string& sql) { exec(sql); });
  check_run_exists(run_id);
  for (const char* sql :
       {"DELETE FROM lineage WHERE run_id = ?", "DELETE FROM validations WHERE run_id = ?",
        "DELETE FROM artifacts WHERE run_id = ?",
        "DELETE FROM metrics WHERE run_id = ?", "DELETE FROM params WHERE run_id = ?",
        "DELETE FROM runs WHERE id = ?"}) {
    Statement s(*this, sql);
    s.bind(1, run_id).run();
  }
  tx.commit();
}

int RunStore::reap_dead_runs() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::pair<int64_t, int64_t>> dead;  // (id, pid)
  {
    Statement s(*this, "SELECT id, pid FROM runs WHERE status = 'running' AND host = ?");
    s.bind(1, current_host());
    while (s.step())
      if (s.i64(1) != ::getpid() && !process_alive(s.i64(1))) dead.emplace_back(s.i64(0), s.i64(1));
  }
  for (const auto& [id, pid] : dead) {
    // end_time = the last sign of life, not now: the duration stays honest.
    Statement u(*this,
                "UPDATE runs SET status = 'failed', end_time = coalesce(heartbeat, start_time), "
                "message = ? WHERE id = ? AND status = 'running'");
    u.bind(1,
           "process " + std::to_string(pid) + " ended without closing the run (crashed or killed)")
        .bind(2, id)
        .run();
  }
  return static_cast<int>(dead.size());
}

}  // namespace anvil::track
