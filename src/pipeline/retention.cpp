// Retention table bookkeeping and rendering.
#include "anvil/pipeline/retention.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "anvil/core/error.h"

namespace anvil::pipeline {

RetentionTable::RetentionTable(std::vector<std::vector<std::string>> phases)
    : phases_(std::move(phases)) {
  std::map<std::string, size_t> seen;
  for (size_t p = 0; p < phases_.size(); ++p) {
    if (phases_[p].empty()) throw usage_error("lm.phases[" + std::to_string(p) + "] is empty");
    for (const auto& s : phases_[p])
      if (!seen.emplace(s, p).second)
        throw usage_error("lm.phases: specialist '" + s + "' is in phase " +
                          std::to_string(seen[s]) + " and again in phase " + std::to_string(p));
  }
}

size_t RetentionTable::phase_of(const std::string& specialist) const {
  for (size_t p = 0; p < phases_.size(); ++p)
    for (const auto& s : phases_[p])
      if (s == specialist) return p;
  throw Error("retention table: '" + specialist + "' is in no phase");
}

void RetentionTable::record(size_t phase, const std::map<std::string, double>& accuracy) {
  if (phase != scores_.size() || phase >= phases_.size())
    throw Error("retention table: phase " + std::to_string(phase) + " recorded out of order");
  for (size_t p = 0; p <= phase; ++p)
    for (const auto& s : phases_[p])
      if (!accuracy.count(s))
        throw Error("retention table: no score for '" + s + "' after phase " +
                    std::to_string(phase));
  scores_.push_back(accuracy);
}

std::optional<double> RetentionTable::score(const std::string& specialist, size_t after) const {
  if (after >= scores_.size() || phase_of(specialist) > after) return std::nullopt;
  return scores_[after].at(specialist);
}

std::optional<double> RetentionTable::retention(const std::string& specialist, size_t after) const {
  auto now = score(specialist, after);
  auto own = score(specialist, phase_of(specialist));
  if (!now || !own || *own <= 0) return std::nullopt;
  return *now / *own;
}

bool RetentionTable::targets_met(const RetentionTargets& t) const {
  if (scores_.empty()) return false;
  const size_t last = scores_.size() - 1;
  for (size_t p = 0; p <= last; ++p)
    for (const auto& s : phases_[p]) {
      if (p == last && *score(s, last) < t.new_phase_min) return false;
      if (p < last) {
        auto r = retention(s, last);
        if (!r || *r < t.retention_min) return false;
      }
    }
  return true;
}

std::string RetentionTable::to_json(const RetentionTargets& t) const {
  auto opt = [](std::optional<double> v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
  nlohmann::json rows = nlohmann::json::array();
  for (size_t p = 0; p < phases_.size(); ++p)
    for (const auto& s : phases_[p]) {
      nlohmann::json scores = nlohmann::json::array(), ret = nlohmann::json::array();
      for (size_t a = 0; a < scores_.size(); ++a) {
        scores.push_back(opt(score(s, a)));
        ret.push_back(opt(retention(s, a)));
      }
      rows.push_back(
          {{"specialist", s}, {"phase", p}, {"field_accuracy", scores}, {"retention", ret}});
    }
  nlohmann::json j = {{"phases", phases_},
                      {"after_phase", scores_.size()},
                      {"rows", rows},
                      {"targets",
                       {{"new_phase_min_field_accuracy", t.new_phase_min},
                        {"retention_min", t.retention_min},
                        {"met", targets_met(t)}}}};
  return j.dump(2) + "\n";
}

namespace {
std::string percent(std::optional<double> v) {
  if (!v) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100 * *v);
  return buf;
}
}  // namespace

std::string RetentionTable::to_markdown() const {
  std::string s = "| specialist | phase |";
  for (size_t a = 0; a < scores_.size(); ++a) s += " after phase " + std::to_string(a) + " |";
  s += " retention |\n|---|---|";
  for (size_t a = 0; a <= scores_.size(); ++a) s += "---|";
  s += "\n";
  const size_t last = scores_.empty() ? 0 : scores_.size() - 1;
  for (size_t p = 0; p < phases_.size(); ++p)
    for (const auto& name : phases_[p]) {
      s += "| " + name + " | " + std::to_string(p) + " |";
      for (size_t a = 0; a < scores_.size(); ++a) s += " " + percent(score(name, a)) + " |";
      s += " " + percent(scores_.empty() ? std::nullopt : retention(name, last)) + " |\n";
    }
  return s;
}

std::string RetentionTable::format() const {
  char buf[64];
  std::string s = "specialist                 phase";
  for (size_t a = 0; a < scores_.size(); ++a) {
    std::snprintf(buf, sizeof buf, "  after %-3zu", a);
    s += buf;
  }
  s += "  retention\n";
  const size_t last = scores_.empty() ? 0 : scores_.size() - 1;
  for (size_t p = 0; p < phases_.size(); ++p)
    for (const auto& name : phases_[p]) {
      std::snprintf(buf, sizeof buf, "%-26s %5zu", name.c_str(), p);
      s += buf;
      for (size_t a = 0; a < scores_.size(); ++a) {
        std::snprintf(buf, sizeof buf, "  %9s", percent(score(name, a)).c_str());
        s += buf;
      }
      std::snprintf(buf, sizeof buf, "  %9s\n",
                    percent(scores_.empty() ? std::nullopt : retention(name, last)).c_str());
      s += buf;
    }
  return s;
}

}  // namespace anvil::pipeline
