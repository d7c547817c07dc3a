// ValidationReport: text and JSON forms, validation modes by name.
#include "anvil/train/validation_report.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "anvil/core/error.h"

namespace anvil::train {

const char* validation_mode_name(ValidationMode mode) {
  static constexpr const char* kNames[] = {"check_only", "train_only", "check_and_train"};
  static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<size_t>(ValidationMode::kCount_),
                "mode name table out of step with ValidationMode");
  return kNames[static_cast<size_t>(mode)];
}

ValidationMode parse_validation_mode(const std::string& name, const std::string& key) {
  for (size_t i = 0; i < static_cast<size_t>(ValidationMode::kCount_); ++i)
    if (name == validation_mode_name(static_cast<ValidationMode>(i)))
      return static_cast<ValidationMode>(i);
  throw usage_error(key + " = '" + name + "': expected check_only, train_only or check_and_train")
      .about("mode", name);
}

const char* severity_name(Severity s) {
  static constexpr const char* kNames[] = {"INFO", "WARN", "ERROR"};
  static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<size_t>(Severity::kCount_),
                "severity name table out of step with Severity");
  return kNames[static_cast<size_t>(s)];
}

namespace {

Severity parse_severity(const std::string& name, const std::string& origin) {
  for (size_t i = 0; i < static_cast<size_t>(Severity::kCount_); ++i)
    if (name == severity_name(static_cast<Severity>(i))) return static_cast<Severity>(i);
  throw Error(origin + ": unknown severity '" + name + "' (expected INFO, WARN or ERROR)");
}

}  // namespace

Severity CheckSection::worst() const {
  Severity w = Severity::kInfo;
  for (const auto& l : lines)
    if (l.severity > w) w = l.severity;
  return w;
}

size_t CheckSection::count(Severity s) const {
  size_t n = 0;
  for (const auto& l : lines) n += l.severity == s;
  return n;
}

bool ValidationReport::passed() const { return count(Severity::kError) == 0; }

size_t ValidationReport::count(Severity s) const {
  size_t n = 0;
  for (const auto& sec : sections) n += sec.count(s);
  return n;
}

const CheckSection* ValidationReport::section(const std::string& name) const {
  for (const auto& s : sections)
    if (s.name == name) return &s;
  return nullptr;
}

std::string ValidationReport::summary(Severity severity) const {
  std::string out;
  for (const auto& s : sections)
    for (const auto& l : s.lines)
      if (l.severity >= severity) out += (out.empty() ? "" : "; ") + s.name + ": " + l.text;
  return out;
}

std::string ValidationReport::format() const {
  std::string out;
  char buf[128];
  for (const auto& s : sections) {
    std::snprintf(buf, sizeof buf, "[%s] %s (%.2fs)\n", severity_name(s.worst()), s.name.c_str(),
                  s.seconds);
    out += buf;
    for (const auto& l : s.lines) {
      std::snprintf(buf, sizeof buf, "  %-5s ", severity_name(l.severity));
      out += buf + l.text + "\n";
    }
  }
  std::snprintf(buf, sizeof buf, "validation %s: %zu error(s), %zu warning(s) in %.2fs\n",
                passed() ? "passed" : "FAILED", count(Severity::kError), count(Severity::kWarn),
                seconds);
  return out + buf;
}

std::string ValidationReport::to_json() const {
  nlohmann::json j = {{"passed", passed()},
                      {"seconds", seconds},
                      {"errors", count(Severity::kError)},
                      {"warnings", count(Severity::kWarn)}};
  j["sections"] = nlohmann::json::array();
  for (const auto& s : sections) {
    nlohmann::json sec = {{"name", s.name},
                          {"status", severity_name(s.worst())},
                          {"seconds", s.seconds},
                          {"figures", nlohmann::json::object()}};
    for (const auto& [k, v] : s.figures)  // JSON has no NaN: non-finite figures become null
      sec["figures"][k] = std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
    sec["lines"] = nlohmann::json::array();
    for (const auto& l : s.lines)
      sec["lines"].push_back({{"level", severity_name(l.severity)}, {"text", l.text}});
    j["sections"].push_back(sec);
  }
  return j.dump(2) + "\n";
}

ValidationReport ValidationReport::from_json(const std::string& json, const std::string& origin) {
  try {
    const auto j = nlohmann::json::parse(json);
    ValidationReport r;
    r.seconds = j.at("seconds").get<double>();
    for (const auto& sj : j.at("sections")) {
      CheckSection s;
      s.name = sj.at("name").get<std::string>();
      s.seconds = sj.at("seconds").get<double>();
      for (const auto& [k, v] : sj.at("figures").items())
        s.figures[k] = v.is_null() ? std::nan("") : v.get<double>();
      for (const auto& lj : sj.at("lines"))
        s.lines.push_back(
            {parse_severity(lj.at("level").get<std::string>(), origin), lj.at("text")});
      r.sections.push_back(std::move(s));
    }
    return r;
  } catch (const nlohmann::json::exception& e) {
    throw Error(origin + ": not a validation report: " + e.what());
  }
}

}  // namespace anvil::train
