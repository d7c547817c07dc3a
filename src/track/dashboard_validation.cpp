// The run page's "Pre-training checks" section: the validation report stored with the run (the
// JSON train::ValidationReport::to_json writes: sections[] of {name, status, seconds, lines[] of
// {level, text}}), one row per line, grouped by check.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "dashboard_pages.h"

namespace anvil::track::dashboard {

std::string validation_html(const ValidationRecord& v) {
  char head[160];
  std::snprintf(head, sizeof head, "<p id=\"validation-verdict\" class=\"verdict verdict-%s\">%s, %s in %.2fs</p>",
                v.passed ? "passed" : "failed", v.passed ? "passed" : "FAILED",
                v.mode.empty() ? "checks" : v.mode.c_str(), v.seconds);
  std::string body = "<h2>Pre-training checks</h2>" + std::string(head);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(v.report);
  } catch (const nlohmann::json::exception&) {
    return body + "<pre id=\"validation-raw\">" + html_escape(v.report) + "</pre>";
  }
  body += "<table id=\"validation\"><thead><tr><th>check</th><th>level</th><th>message</th>"
          "</tr></thead><tbody>";
  for (const auto& s : j.value("sections", nlohmann::json::array())) {
    const std::string name = s.value("name", "");
    const auto lines = s.value("lines", nlohmann::json::array());
    if (lines.empty())
      body += "<tr><td>" + html_escape(name) + "</td><td>" +
              html_escape(s.value("status", "")) + "</td><td></td></tr>";
    for (const auto& l : lines) {
      const std::string level = l.value("level", "");
      body += "<tr class=\"level-" + html_escape(level) + "\"><td>" + html_escape(name) +
              "</td><td>" + html_escape(level) + "</td><td>" + html_escape(l.value("text", "")) +
              "</td></tr>";
    }
  }
  return body + "</tbody></table>";
}

}  // namespace anvil::track::dashboard
