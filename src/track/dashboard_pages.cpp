// Dashboard HTML and JSON, rendered from the run store.
#include "dashboard_pages.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "anvil/core/json_text.h"
#include "anvil/core/progress.h"
#include "anvil/track/run_report.h"

namespace anvil::track::dashboard {
namespace {

std::string layout(const std::string& title, const std::string& body_attrs,
                   const std::string& body) {
  return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" +
         html_escape(title) +
         " · anvil</title><link rel=\"stylesheet\" href=\"/static/anvil.css\"></head>\n"
         "<body " +
         body_attrs +
         ">\n<header><a class=\"brand\" href=\"/\">anvil</a><nav><a href=\"/\">runs</a></nav>"
         "<span id=\"live\" class=\"live\"></span></header>\n<main>\n" +
         body + "\n</main>\n<script src=\"/static/anvil.js\"></script>\n</body></html>\n";
}

std::string status_badge(RunStatus s) {
  const std::string name = run_status_name(s);
  return "<span class=\"status status-" + name + "\">" + name + "</span>";
}

std::string table(const std::string& id, const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows_html) {
  std::string out = "<table id=\"" + id + "\"><thead><tr>";
  for (const auto& h : header) out += "<th>" + html_escape(h) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& r : rows_html) {
    out += "<tr>";
    for (const auto& c : r) out += "<td>" + c + "</td>";
    out += "</tr>";
  }
  return out + "</tbody></table>";
}

std::string chart(const std::string& src, const std::string& key) {
  return "<figure class=\"chart\"><img class=\"chart-img\" data-metric=\"" + html_escape(key) +
         "\" src=\"" + html_escape(src) + "\" alt=\"" + html_escape(key) +
         " curve\" width=\"900\" height=\"420\"></figure>";
}

int64_t total_points(const std::vector<MetricSummary>& summaries) {
  int64_t n = 0;
  for (const auto& m : summaries) n += m.count;
  return n;
}

std::string run_link(const RunInfo& r) {
  return "<a href=\"/runs/" + std::to_string(r.id) + "\">" + html_escape(r.name) + "</a>";
}

}  // namespace

std::string html_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string url_encode(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string runs_page(RunStore& store, int refresh_ms) {
  store.reap_dead_runs();
  const auto runs = store.list_runs();
  const auto keys = key_metrics(store, runs);
  std::string body = "<h1>Runs <small>" + html_escape(store.path()) + "</small></h1>\n";
  if (runs.empty()) {
    body +=
        "<p class=\"empty\">No runs recorded yet. Train with <code>anvil train</code> "
        "(track.enabled: true) and they appear here.</p>";
  } else {
    std::vector<std::string> header = {"", "id", "name", "status", "started", "duration", "steps"};
    header.insert(header.end(), keys.begin(), keys.end());
    std::string rows;
    for (const auto& r : runs) {
      const auto summaries = store.metric_summaries(r.id);
      int64_t steps = 0;
      for (const auto& m : summaries) steps = std::max(steps, m.last_step);
      rows += "<tr data-run-id=\"" + std::to_string(r.id) + "\" data-status=\"" +
              run_status_name(r.status) + "\"><td><input type=\"checkbox\" name=\"id\" value=\"" +
              std::to_string(r.id) + "\" aria-label=\"compare run " + std::to_string(r.id) +
              "\"></td><td>" + std::to_string(r.id) + "</td><td>" + run_link(r) + "</td><td>" +
              status_badge(r.status) + "</td><td>" + format_timestamp(r.start_time) + "</td><td>" +
              format_duration(r.duration()) + "</td><td class=\"num\">" + std::to_string(steps) +
              "</td>";
      for (const auto& k : keys) {
        std::string cell;
        for (const auto& m : summaries)
          if (m.key == k) cell = format_metric(m.last);
        rows += "<td class=\"num\" data-metric=\"" + html_escape(k) + "\">" + cell + "</td>";
      }
      rows += "</tr>\n";
    }
    std::string head;
    for (const auto& h : header) head += "<th>" + html_escape(h) + "</th>";
    body += "<form action=\"/compare\" method=\"get\"><table id=\"runs\"><thead><tr>" + head +
            "</tr></thead><tbody>\n" + rows +
            "</tbody></table><p><button id=\"compare\" type=\"submit\" disabled>Compare "
            "selected</button> <span class=\"hint\">tick two or more runs</span></p></form>";
  }
  return layout("runs", "data-page=\"runs\" data-refresh-ms=\"" + std::to_string(refresh_ms) + "\"",
                body);
}

std::string run_page(RunStore& store, int64_t run_id, int refresh_ms) {
  store.reap_dead_runs();
  const RunInfo r = store.get_run(run_id);
  const auto summaries = store.metric_summaries(run_id);
  std::string body = "<h1>" + html_escape(r.name) + " <small>#" + std::to_string(r.id) +
                     "</small> " + status_badge(r.status) + "</h1>\n";
  if (!r.message.empty()) body += "<p class=\"message\">" + html_escape(r.message) + "</p>\n";
  body += "<dl class=\"info\">";
  auto item = [&](const std::string& k, const std::string& v, const std::string& id = "") {
    if (v.empty()) return;
    body += "<dt>" + k + "</dt><dd" + (id.empty() ? "" : " id=\"" + id + "\"") + ">" + v + "</dd>";
  };
  item("started", format_timestamp(r.start_time));
  item("ended", format_timestamp(r.end_time));
  item("duration", format_duration(r.duration()), "duration");
  item("host", html_escape(r.host) + (r.pid ? " (pid " + std::to_string(r.pid) + ")" : ""));
  auto code = [](const std::string& v) {
    return v.empty() ? v : "<code>" + html_escape(v) + "</code>";
  };
  item("git commit", code(r.git_commit.substr(0, 12)));
  item("config hash", code(r.config_hash));
  item("run dir", code(r.run_dir));
  body += "</dl>\n";
  if (const auto v = store.validation(run_id)) body += validation_html(*v) + "\n";
  body += "<h2>Curves</h2>\n<section id=\"charts\" class=\"charts\">";
  if (summaries.empty()) body += "<p class=\"empty\">No metrics recorded yet.</p>";
  for (const auto& m : summaries)
    body +=
        chart("/runs/" + std::to_string(run_id) + "/plot.svg?metric=" + url_encode(m.key), m.key);
  body += "</section>\n";

  std::vector<std::vector<std::string>> rows;
  for (const auto& m : summaries)
    rows.push_back({html_escape(m.key), std::to_string(m.count), std::to_string(m.last_step),
                    format_metric(m.last), format_metric(m.min), format_metric(m.max)});
  if (!rows.empty())
    body += "<h2>Metrics</h2>" +
            table("metrics", {"key", "points", "last step", "last", "min", "max"}, rows);
  rows.clear();
  for (const auto& a : store.artifacts(run_id))
    rows.push_back({html_escape(a.kind), "<code>" + html_escape(a.path) + "</code>",
                    std::to_string(a.size),
                    "<code title=\"" + html_escape(a.sha256) + "\">" +
                        html_escape(a.sha256.substr(0, 16)) + "</code>"});
  body += "<h2>Artifacts</h2>" +
          (rows.empty() ? std::string("<p class=\"empty\">none</p>")
                        : table("artifacts", {"kind", "path", "bytes", "sha256"}, rows));
  for (const auto& a : store.artifacts(run_id))  // pictures are shown, not just listed
    if (a.path.size() > 4 && a.path.compare(a.path.size() - 4, 4, ".png") == 0)
      body += "<figure class=\"artifact\"><img src=\"/runs/" + std::to_string(run_id) +
              "/artifacts/" + std::to_string(a.id) + ".png\" alt=\"" + html_escape(a.kind) +
              "\"><figcaption>" + html_escape(a.kind) + ": <code>" + html_escape(a.path) +
              "</code></figcaption></figure>";
  rows.clear();
  for (const auto& l : store.lineage(run_id))
    rows.push_back({html_escape(l.source_kind), "<code>" + html_escape(l.source_path) + "</code>",
                    "<code>" + html_escape(l.artifact_path) + "</code>",
                    l.source_run_id ? "<a href=\"/runs/" + std::to_string(l.source_run_id) +
                                          "\">run " + std::to_string(l.source_run_id) + "</a>"
                                    : ""});
  body += "<h2>Lineage</h2>" +
          (rows.empty() ? std::string("<p class=\"empty\">none</p>")
                        : table("lineage", {"source kind", "source", "produced", "made by"}, rows));
  rows.clear();
  for (const auto& [k, v] : store.params(run_id))
    rows.push_back({"<code>" + html_escape(k) + "</code>", html_escape(v)});
  if (!rows.empty())
    body += "<details><summary>Params (" + std::to_string(rows.size()) + ")</summary>" +
            table("params", {"key", "value"}, rows) + "</details>";
  if (!r.config.empty())
    body += "<h2>Config</h2><pre id=\"config\">" + html_escape(r.config) + "</pre>";
  return layout(r.name + " #" + std::to_string(r.id),
                "data-page=\"run\" data-run-id=\"" + std::to_string(r.id) + "\" data-status=\"" +
                    run_status_name(r.status) + "\" data-refresh-ms=\"" +
                    std::to_string(refresh_ms) + "\"",
                body);
}

std::string compare_page(RunStore& store, const std::vector<int64_t>& run_ids) {
  std::vector<RunInfo> runs;
  for (int64_t id : run_ids) runs.push_back(store.get_run(id));
  std::string ids_query, title = "compare";
  for (int64_t id : run_ids) ids_query += "&id=" + std::to_string(id);
  std::string body = "<h1>Compare";
  for (const auto& r : runs)
    body += " " + run_link(r) + " <small>#" + std::to_string(r.id) + "</small>";
  body += "</h1>\n<section id=\"charts\" class=\"charts\">";
  std::set<std::string> keys;
  for (const auto& r : runs)
    for (const auto& k : store.metric_keys(r.id)) keys.insert(k);
  for (const auto& k : keys) body += chart("/plot.svg?metric=" + url_encode(k) + ids_query, k);
  body += "</section>\n";
  // Last values side by side, then the params that differ.
  std::vector<std::string> header = {""};
  for (const auto& r : runs) header.push_back("#" + std::to_string(r.id) + " " + r.name);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> status = {"status"};
  for (const auto& r : runs) status.push_back(status_badge(r.status));
  rows.push_back(status);
  for (const auto& k : keys) {
    std::vector<std::string> row = {html_escape(k)};
    for (const auto& r : runs) {
      std::string cell;
      for (const auto& m : store.metric_summaries(r.id))
        if (m.key == k) cell = format_metric(m.last);
      row.push_back(cell);
    }
    rows.push_back(row);
  }
  body += "<h2>Last values</h2>" + table("compare-metrics", header, rows);
  std::map<std::string, std::map<int64_t, std::string>> params;
  for (const auto& r : runs)
    for (const auto& [k, v] : store.params(r.id)) params[k][r.id] = v;
  rows.clear();
  for (const auto& [k, per_run] : params) {
    std::set<std::string> values;
    for (const auto& r : runs) values.insert(per_run.count(r.id) ? per_run.at(r.id) : "");
    if (values.size() < 2) continue;
    std::vector<std::string> row = {"<code>" + html_escape(k) + "</code>"};
    for (const auto& r : runs)
      row.push_back(html_escape(per_run.count(r.id) ? per_run.at(r.id) : ""));
    rows.push_back(row);
  }
  body += "<h2>Params that differ</h2>" +
          (rows.empty() ? std::string("<p class=\"empty\">none: same config</p>")
                        : table("compare-params", header, rows));
  return layout(title, "data-page=\"compare\"", body);
}

std::string error_page(int status, const std::string& message) {
  return layout("error", "data-page=\"error\"",
                "<h1>" + std::to_string(status) + "</h1><p class=\"message\">" +
                    html_escape(message) + "</p><p><a href=\"/\">all runs</a></p>");
}

std::string runs_json(RunStore& store) {
  store.reap_dead_runs();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : store.list_runs()) {
    const auto summaries = store.metric_summaries(r.id);
    out.push_back({{"id", r.id},
                   {"name", r.name},
                   {"status", run_status_name(r.status)},
                   {"points", total_points(summaries)},
                   {"duration_seconds", r.duration()}});
  }
  return dump_json_replacing_invalid_utf8(out);
}

std::string run_json(RunStore& store, int64_t run_id) {
  const RunInfo r = store.get_run(run_id);
  const auto summaries = store.metric_summaries(run_id);
  nlohmann::json last = nlohmann::json::object();
  nlohmann::json validation = nullptr;
  if (const auto v = store.validation(run_id))
    validation = {{"passed", v->passed}, {"mode", v->mode}, {"seconds", v->seconds}};
  std::vector<std::string> keys;
  for (const auto& m : summaries) {
    keys.push_back(m.key);
    last[m.key] = m.last;
  }
  return dump_json_replacing_invalid_utf8(
      nlohmann::json{{"id", r.id},
                     {"name", r.name},
                     {"status", run_status_name(r.status)},
                     {"message", r.message},
                     {"duration", format_duration(r.duration())},
                     {"duration_seconds", r.duration()},
                     {"points", total_points(summaries)},
                     {"keys", keys},
                     {"last", last},
                     {"validation", validation}});
}

}  // namespace anvil::track::dashboard
