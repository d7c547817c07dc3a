// Terminal tables and exports of recorded runs.
#include "anvil/track/run_report.h"

#include <cmath>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "anvil/core/json_text.h"
#include "anvil/core/progress.h"

namespace anvil::track {
namespace {

size_t display_width(const std::string& s) {  // UTF-8 code points
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string last_value(const std::vector<MetricSummary>& summaries, const std::string& key) {
  for (const auto& m : summaries)
    if (m.key == key) return m.count > 0 ? format_metric(m.last) : "nan";
  return "";
}

}  // namespace

std::string format_table(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> width(header.size(), 0);
  for (size_t c = 0; c < header.size(); ++c) width[c] = display_width(header[c]);
  for (const auto& r : rows)
    for (size_t c = 0; c < r.size() && c < width.size(); ++c)
      width[c] = std::max(width[c], display_width(r[c]));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t c = 0; c < header.size(); ++c) {
      const std::string cell = c < cells.size() ? cells[c] : "";
      out += cell;
      if (c + 1 < header.size()) out += std::string(width[c] - display_width(cell) + 2, ' ');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(header);
  size_t total = 0;
  for (size_t w : width) total += w + 2;
  out += std::string(total > 2 ? total - 2 : 0, '-') + "\n";
  for (const auto& r : rows) out += line(r);
  return out;
}

std::string format_timestamp(double t) {
  if (t <= 0) return "";
  const std::time_t secs = static_cast<std::time_t>(t);
  std::tm tm{};
  localtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

std::string format_metric(double v) {
  if (std::isnan(v)) return "nan";
  char buf[32];
  const double a = std::fabs(v);
  if (a != 0 && (a < 1e-3 || a >= 1e6))
    std::snprintf(buf, sizeof buf, "%.3g", v);
  else if (a >= 1000)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

std::vector<std::string> key_metrics(RunStore& store, const std::vector<RunInfo>& runs,
                                     size_t max_keys) {
  std::set<std::string> keys;
  for (const auto& r : runs)
    for (const auto& k : store.metric_keys(r.id)) keys.insert(k);
  std::vector<std::string> out;
  if (keys.count("loss")) out.push_back("loss");
  for (const auto& k : keys)
    if (k.rfind("val_", 0) == 0 && out.size() < max_keys) out.push_back(k);
  return out;
}

std::string runs_table(RunStore& store, const std::vector<RunInfo>& runs) {
  const auto keys = key_metrics(store, runs);
  std::vector<std::string> header = {"id", "name", "status", "started", "duration", "steps"};
  header.insert(header.end(), keys.begin(), keys.end());
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : runs) {
    const auto summaries = store.metric_summaries(r.id);
    int64_t steps = 0;
    for (const auto& m : summaries) steps = std::max(steps, m.last_step);
    std::vector<std::string> row = {std::to_string(r.id),          r.name,
                                    run_status_name(r.status),     format_timestamp(r.start_time),
                                    format_duration(r.duration()), std::to_string(steps)};
    for (const auto& k : keys) row.push_back(last_value(summaries, k));
    rows.push_back(std::move(row));
  }
  return format_table(header, rows);
}

std::string run_details(RunStore& store, int64_t run_id) {
  const RunInfo r = store.get_run(run_id);
  std::string out;
  auto field = [&](const std::string& k, const std::string& v) {
    if (!v.empty()) out += k + std::string(k.size() < 12 ? 12 - k.size() : 1, ' ') + v + "\n";
  };
  field("run", std::to_string(r.id) + " (" + r.name + ")");
  field("status", run_status_name(r.status));
  field("message", r.message);
  field("started", format_timestamp(r.start_time));
  field("ended", format_timestamp(r.end_time));
  field("duration", format_duration(r.duration()));
  field("host", r.host + (r.pid ? " (pid " + std::to_string(r.pid) + ")" : ""));
  field("git commit", r.git_commit);
  field("config hash", r.config_hash);
  field("run dir", r.run_dir);
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : store.metric_summaries(run_id))
    rows.push_back({m.key, std::to_string(m.count), std::to_string(m.last_step),
                    format_metric(m.last), format_metric(m.min), format_metric(m.max)});
  if (!rows.empty())
    out += "\nmetrics\n" + format_table({"key", "points", "last step", "last", "min", "max"}, rows);
  rows.clear();
  for (const auto& a : store.artifacts(run_id))
    rows.push_back({a.kind, a.path, std::to_string(a.size), a.sha256.substr(0, 16)});
  if (!rows.empty())
    out += "\nartifacts\n" + format_table({"kind", "path", "bytes", "sha256"}, rows);
  rows.clear();
  for (const auto& l : store.lineage(run_id))
    rows.push_back({l.source_kind, l.source_path, l.artifact_path,
                    l.source_run_id ? "run " + std::to_string(l.source_run_id) : ""});
  if (!rows.empty())
    out += "\nlineage\n" + format_table({"source kind", "source", "produced", "source from"}, rows);
  rows.clear();
  for (const auto& [k, v] : store.params(run_id)) rows.push_back({k, v});
  if (!rows.empty()) out += "\nparams\n" + format_table({"key", "value"}, rows);
  return out;
}

std::string compare_table(RunStore& store, const std::vector<int64_t>& run_ids) {
  std::vector<RunInfo> runs;
  std::vector<std::string> header = {""};
  for (int64_t id : run_ids) {
    runs.push_back(store.get_run(id));
    header.push_back("#" + std::to_string(id) + " " + runs.back().name);
  }
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> status = {"status"}, duration = {"duration"};
  for (const auto& r : runs) {
    status.push_back(run_status_name(r.status));
    duration.push_back(format_duration(r.duration()));
  }
  rows.push_back(status);
  rows.push_back(duration);
  // Metrics: last value of every key any run has.
  std::map<std::string, std::map<int64_t, MetricSummary>> by_key;
  for (const auto& r : runs)
    for (const auto& m : store.metric_summaries(r.id)) by_key[m.key][r.id] = m;
  for (const auto& [key, per_run] : by_key) {
    std::vector<std::string> row = {key};
    for (const auto& r : runs) {
      auto it = per_run.find(r.id);
      row.push_back(it == per_run.end() ? "" : format_metric(it->second.last));
    }
    rows.push_back(row);
  }
  // Params that differ.
  std::map<std::string, std::map<int64_t, std::string>> params;
  for (const auto& r : runs)
    for (const auto& [k, v] : store.params(r.id)) params[k][r.id] = v;
  bool any = false;
  for (const auto& [key, per_run] : params) {
    std::set<std::string> values;
    for (const auto& r : runs) values.insert(per_run.count(r.id) ? per_run.at(r.id) : "");
    if (values.size() < 2) continue;
    if (!any) rows.push_back({"(params that differ)"});
    any = true;
    std::vector<std::string> row = {key};
    for (const auto& r : runs) row.push_back(per_run.count(r.id) ? per_run.at(r.id) : "");
    rows.push_back(row);
  }
  return format_table(header, rows);
}

std::string export_run_csv(RunStore& store, int64_t run_id) {
  store.get_run(run_id);  // unknown id -> clear error
  std::string out = "run_id,key,step,epoch,wall_time,value\n";
  char buf[64];
  for (const auto& m : store.metrics(run_id)) {
    std::string key = m.key;
    if (key.find_first_of(",\"\n") != std::string::npos) {
      std::string quoted = "\"";
      for (char c : key) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      key = quoted + "\"";
    }
    out += std::to_string(run_id) + "," + key + "," + std::to_string(m.step) + "," +
           std::to_string(m.epoch) + ",";
    std::snprintf(buf, sizeof buf, "%.6f", m.wall_time);
    out += buf;
    out += ",";
    if (!std::isnan(m.value)) {
      std::snprintf(buf, sizeof buf, "%.17g", m.value);
      out += buf;
    }
    out += "\n";
  }
  return out;
}

std::string export_run_json(RunStore& store, int64_t run_id) {
  const RunInfo r = store.get_run(run_id);
  nlohmann::json j;
  j["id"] = r.id;
  j["name"] = r.name;
  j["status"] = run_status_name(r.status);
  j["message"] = r.message;
  j["start_time"] = r.start_time;
  j["end_time"] = r.end_time > 0 ? nlohmann::json(r.end_time) : nlohmann::json(nullptr);
  j["duration_seconds"] = r.duration();
  j["git_commit"] = r.git_commit;
  j["host"] = r.host;
  j["pid"] = r.pid;
  j["config"] = r.config;
  j["config_hash"] = r.config_hash;
  j["run_dir"] = r.run_dir;
  j["params"] = store.params(run_id);
  nlohmann::json metrics = nlohmann::json::object();
  for (const auto& m : store.metrics(run_id)) {
    metrics[m.key].push_back(
        {{"step", m.step},
         {"epoch", m.epoch},
         {"wall_time", m.wall_time},
         {"value", std::isnan(m.value) ? nlohmann::json(nullptr) : nlohmann::json(m.value)}});
  }
  j["metrics"] = metrics;
  j["artifacts"] = nlohmann::json::array();
  for (const auto& a : store.artifacts(run_id))
    j["artifacts"].push_back(
        {{"id", a.id}, {"path", a.path}, {"kind", a.kind}, {"size", a.size}, {"sha256", a.sha256}});
  j["lineage"] = nlohmann::json::array();
  for (const auto& l : store.lineage(run_id))
    j["lineage"].push_back({{"source_path", l.source_path},
                            {"source_kind", l.source_kind},
                            {"source_sha256", l.source_sha256},
                            {"artifact_id", l.artifact_id},
                            {"artifact_path", l.artifact_path},
                            {"source_run_id", l.source_run_id}});
  return dump_json_replacing_invalid_utf8(j, 2) + "\n";
}

}  // namespace anvil::track
