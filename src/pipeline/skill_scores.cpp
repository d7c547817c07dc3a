// The skills of confidence_calibration, fact_verification and context_protocol, scored from their
// held-out answers.
#include "anvil/pipeline/skill_scores.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

namespace anvil::pipeline {

namespace {

using nlohmann::json;

// A JSON object, or null for anything else (unparseable text, an array, a number).
json parse_object(const std::string& text) {
  auto j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  return j.is_object() ? j : json();
}

std::string lowered(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Whether `got` says what `want` says: numbers by value, text without case, arrays as sets.
bool same_value(const json& want, const json& got) {
  if (want.is_number() && got.is_number())
    return std::abs(want.get<double>() - got.get<double>()) < 1e-6;
  if (want.is_string() && got.is_string())
    return lowered(want.get<std::string>()) == lowered(got.get<std::string>());
  if (want.is_array() && got.is_array()) {
    std::vector<std::string> a, b;
    for (const auto& x : want) a.push_back(lowered(x.dump()));
    for (const auto& x : got) b.push_back(lowered(x.dump()));
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
  }
  return want == got;
}

bool same_field(const json& want, const json& got, const char* key) {
  return want.contains(key) && got.is_object() && got.contains(key) &&
         same_value(want[key], got[key]);
}

// Counts toward one row.
struct Count {
  int64_t n = 0;
  double sum = 0;
  void add(double v) {
    ++n;
    sum += v;
  }
};

void add_row(std::vector<SkillScore>& rows, const std::string& specialist,
             const std::string& measure, const std::string& unit, const Count& c,
             bool percent = true) {
  if (c.n == 0) return;
  rows.push_back({specialist, measure, unit, c.n, c.sum / static_cast<double>(c.n), percent});
}

// The confidence an answer gave: its JSON "confidence", else the line written after it.
std::optional<double> given_confidence(const json& answer, const AnswerOutcome& o) {
  if (answer.is_object() && answer.contains("confidence") && answer["confidence"].is_number())
    return answer["confidence"].get<double>();
  if (o.stated >= 0) return o.stated;
  return std::nullopt;
}

// Per reference status: the status right, the mean confidence given, and how often it was low.
void score_confidence_calibration(const std::vector<const AnswerOutcome*>& answers,
                                  std::vector<SkillScore>& rows) {
  const char* kName = "confidence_calibration";
  for (const std::string status : {"answered", "ambiguous", "unanswerable"}) {
    Count right, mean, low;
    for (const auto* o : answers) {
      const json want = parse_object(o->reference);
      if (!want.contains("status") || want["status"] != status) continue;
      const json got = parse_object(o->answer);
      right.add(same_field(want, got, "status") ? 1 : 0);
      const auto c = given_confidence(got, *o);
      low.add(c && *c <= 0.5 ? 1 : 0);
      if (c) mean.add(*c);
    }
    add_row(rows, kName, status + ": status right", "records", right);
    add_row(rows, kName, status + ": mean confidence given", "records", mean, false);
    add_row(rows, kName, status + ": confidence <= 0.5", "records", low);
  }
}

// Revision accuracy: the retracted and added beliefs both exactly right.
void score_fact_verification(const std::vector<const AnswerOutcome*>& answers,
                             std::vector<SkillScore>& rows) {
  const char* kName = "fact_verification";
  Count revision, retracted, added, beliefs;
  for (const auto* o : answers) {
    const json want = parse_object(o->reference), got = parse_object(o->answer);
    const bool r = same_field(want, got, "retracted"), a = same_field(want, got, "added");
    revision.add(r && a ? 1 : 0);
    retracted.add(r ? 1 : 0);
    added.add(a ? 1 : 0);
    beliefs.add(same_field(want, got, "revised_beliefs") ? 1 : 0);
  }
  add_row(rows, kName, "revision accuracy (retracted and added exact)", "records", revision);
  add_row(rows, kName, "retracted exact", "records", retracted);
  add_row(rows, kName, "added exact", "records", added);
  add_row(rows, kName, "revised belief set exact", "records", beliefs);
}

// Every fact of the answer but the computed total was given in an earlier turn of the
// conversation (the last turn only asks for the summary).
void score_context_protocol(const std::vector<const AnswerOutcome*>& answers,
                            std::vector<SkillScore>& rows) {
  const char* kName = "context_protocol";
  Count facts, records, total;
  for (const auto* o : answers) {
    const json want = parse_object(o->reference), got = parse_object(o->answer);
    if (want.is_null()) continue;
    bool all = true;
    for (const auto& [key, value] : want.items()) {
      if (key == "total") continue;
      const bool ok = same_field(want, got, key.c_str());
      facts.add(ok ? 1 : 0);
      all = all && ok;
    }
    records.add(all ? 1 : 0);
    if (want.contains("total")) total.add(same_field(want, got, "total") ? 1 : 0);
  }
  add_row(rows, kName, "facts from earlier turns right", "facts", facts);
  add_row(rows, kName, "every earlier fact right", "records", records);
  add_row(rows, kName, "total computed from them right", "records", total);
}

}  // namespace

std::vector<SkillScore> score_skills(const std::vector<AnswerOutcome>& outcomes) {
  std::map<std::string, std::vector<const AnswerOutcome*>> by;
  for (const auto& o : outcomes) by[o.specialist].push_back(&o);
  std::vector<SkillScore> rows;
  if (by.count("confidence_calibration"))
    score_confidence_calibration(by["confidence_calibration"], rows);
  if (by.count("fact_verification")) score_fact_verification(by["fact_verification"], rows);
  if (by.count("context_protocol")) score_context_protocol(by["context_protocol"], rows);
  return rows;
}

std::string format_skill_scores(const std::vector<SkillScore>& scores) {
  if (scores.empty()) return "";
  std::string s = "skills (what these specialists are for, beyond field accuracy)\n";
  char buf[256];
  for (const auto& r : scores) {
    if (r.percent)
      std::snprintf(buf, sizeof buf, "%-24s %-46s %7.1f%%  of %lld %s\n", r.specialist.c_str(),
                    r.measure.c_str(), 100 * r.value, static_cast<long long>(r.n), r.unit.c_str());
    else
      std::snprintf(buf, sizeof buf, "%-24s %-46s %8.3f  of %lld %s\n", r.specialist.c_str(),
                    r.measure.c_str(), r.value, static_cast<long long>(r.n), r.unit.c_str());
    s += buf;
  }
  return s;
}

json skill_scores_to_json(const std::vector<SkillScore>& scores) {
  json j = json::array();
  for (const auto& r : scores)
    j.push_back({{"specialist", r.specialist},
                 {"measure", r.measure},
                 {"unit", r.unit},
                 {"n", r.n},
                 {"value", r.value}});
  return j;
}

}  // namespace anvil::pipeline
