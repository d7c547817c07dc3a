// RunStore queries: runs, params, metrics, artifacts and lineage for reports and the dashboard.
#include <sqlite3.h>

#include <cmath>

#include "anvil/core/error.h"
#include "anvil/track/run_store.h"
#include "run_store_statement.h"

namespace anvil::track {

// ---- Reading ----------------------------------------------------------------------------------

namespace {
constexpr const char* kRunColumns =
    "SELECT id, name, status, start_time, coalesce(end_time, 0), coalesce(heartbeat, 0), "
    "git_commit, host, pid, config, config_hash, run_dir, message FROM runs";
}  // namespace

std::vector<RunInfo> RunStore::list_runs() {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement s(*this, (std::string(kRunColumns) + " ORDER BY id DESC").c_str());
  std::vector<RunInfo> runs;
  while (s.step()) runs.push_back(read_run(s));
  return runs;
}

RunInfo RunStore::get_run(int64_t run_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement s(*this, (std::string(kRunColumns) + " WHERE id = ?").c_str());
  s.bind(1, run_id);
  if (!s.step())
    throw usage_error("no run " + std::to_string(run_id) + " in '" + path_ + "'").about("run_id");
  return read_run(s);
}

int64_t RunStore::resolve_run(const std::string& ref) {
  std::lock_guard<std::mutex> lock(mutex_);
  const bool numeric = !ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos;
  if (numeric) {
    Statement s(*this, "SELECT id FROM runs WHERE id = ?");
    s.bind(1, static_cast<int64_t>(std::stoll(ref)));
    if (s.step()) return s.i64(0);
  } else if (ref == "latest") {
    Statement s(*this, "SELECT max(id) FROM runs");
    if (s.step() && s.i64(0) > 0) return s.i64(0);
  } else {
    Statement s(*this, "SELECT max(id) FROM runs WHERE name = ?");
    s.bind(1, ref);
    if (s.step() && s.i64(0) > 0) return s.i64(0);
  }
  throw usage_error("no run '" + ref + "' in '" + path_ +
                    "' (give a run id, a run name or 'latest')")
      .about("run_id");
}

std::map<std::string, std::string> RunStore::params(int64_t run_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement s(*this, "SELECT key, value FROM params WHERE run_id = ? ORDER BY key");
  s.bind(1, run_id);
  std::map<std::string, std::string> out;
  while (s.step()) out[s.text(0)] = s.text(1);
  return out;
}

std::vector<std::string> RunStore::metric_keys(int64_t run_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement s(*this, "SELECT DISTINCT key FROM metrics WHERE run_id = ? ORDER BY key");
  s.bind(1, run_id);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::vector<MetricSummary> RunStore::metric_summaries(int64_t run_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  // The last point is the one with the highest step (latest write wins on equal steps).
  Statement s(*this,
              "SELECT m.key, count(m.value), min(m.value), max(m.value), "
              "(SELECT value FROM metrics WHERE run_id = m.run_id AND key = m.key "
              " ORDER BY step DESC, rowid DESC LIMIT 1), max(m.step) "
              "FROM metrics m WHERE m.run_id = ? GROUP BY m.key ORDER BY m.key");
  s.bind(1, run_id);
  std::vector<MetricSummary> out;
  while (s.step()) {
    MetricSummary m;
    m.key = s.text(0);
    m.count = s.i64(1);
    m.min = s.f64(2);
    m.max = s.f64(3);
    m.last = sqlite3_column_type(s.stmt_, 4) == SQLITE_NULL ? std::nan("") : s.f64(4);
    m.last_step = s.i64(5);
    out.push_back(m);
  }
  return out;
}

std::vector<MetricPoint> RunStore::metrics(int64_t run_id, const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement s(*this,
              key.empty()
                  ? "SELECT key, step, epoch, wall_time, value FROM metrics WHERE run_id = ? "
                    "ORDER BY key, step, rowid"
                  : "SELECT key, step, epoch, wall_time, value FROM metrics WHERE run_id = ? "
                    "AND key = ? ORDER BY step, rowid");
  s.bind(1, run_id);
  if (!key.empty()) s.bind(2, key);
  std::vector<MetricPoint> out;
  while (s.step()) {
    MetricPoint p;
    p.key = s.text(0);
    p.step = s.i64(1);
    p.epoch = s.i64(2);
    p.wall_time = s.f64(3);
    p.value = sqlite3_column_type(s.stmt_, 4) == SQLITE_NULL ? std::nan("") : s.f64(4);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<Artifact> RunStore::artifacts(int64_t run_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement s(*this,
              "SELECT id, run_id, path, kind, size, sha256, created FROM artifacts "
              "WHERE run_id = ? ORDER BY id");
  s.bind(1, run_id);
  std::vector<Artifact> out;
  while (s.step())
    out.push_back({s.i64(0), s.i64(1), s.text(2), s.text(3), s.i64(4), s.text(5), s.f64(6)});
  return out;
}

std::vector<LineageEdge> RunStore::lineage(int64_t run_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement s(*this,
              "SELECT l.run_id, l.source_path, l.source_kind, l.source_sha256, l.artifact_id, "
              "a.path, coalesce((SELECT max(p.run_id) FROM artifacts p WHERE l.source_sha256 != '' "
              "AND p.sha256 = l.source_sha256 AND p.run_id != l.run_id), 0) "
              "FROM lineage l JOIN artifacts a ON a.id = l.artifact_id WHERE l.run_id = ? "
              "ORDER BY l.rowid");
  s.bind(1, run_id);
  std::vector<LineageEdge> out;
  while (s.step())
    out.push_back({s.i64(0), s.text(1), s.text(2), s.text(3), s.i64(4), s.text(5), s.i64(6)});
  return out;
}

RunInfo RunStore::read_run(const Statement& s) {
  RunInfo r;
  r.id = s.i64(0);
  r.name = s.text(1);
  r.status = parse_run_status(s.text(2));
  r.start_time = s.f64(3);
  r.end_time = s.f64(4);
  r.heartbeat = s.f64(5);
  r.git_commit = s.text(6);
  r.host = s.text(7);
  r.pid = s.i64(8);
  r.config = s.text(9);
  r.config_hash = s.text(10);
  r.run_dir = s.text(11);
  r.message = s.text(12);
  return r;
}

std::optional<ValidationRecord> RunStore::validation(int64_t run_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement s(*this,
              "SELECT passed, mode, seconds, report, created FROM validations WHERE run_id = ?");
  s.bind(1, run_id);
  if (!s.step()) return std::nullopt;
  ValidationRecord v;
  v.passed = s.i64(0) != 0;
  v.mode = s.text(1);
  v.seconds = s.f64(2);
  v.report = s.text(3);
  v.created = s.f64(4);
  return v;
}

}  // namespace anvil::track
