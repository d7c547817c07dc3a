// The skills of confidence_calibration, fact_verification and context_protocol, scored from their
// held-out answers field by field with each specialist's validator.
#include "anvil/pipeline/skill_scores.h"

#include <cstdio>
#include <map>
#include <optional>

#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_validator.h"

namespace anvil::pipeline {

namespace {

using nlohmann::json;

// One answer as its validator judged it: which fields came out right, and the reference itself.
struct Judged {
  const AnswerOutcome* outcome = nullptr;
  json reference;
  std::map<std::string, bool> right;  // field -> the validator scored it 1
  bool is_right(const std::string& field) const {
    auto it = right.find(field);
    return it != right.end() && it->second;
  }
};

std::vector<Judged> judge(const std::string& specialist,
                          const std::vector<const AnswerOutcome*>& answers) {
  const auto* spec = datagen::find_specialist(specialist);
  std::vector<Judged> out;
  for (const auto* o : answers) {
    Judged j;
    j.outcome = o;
    const auto v = datagen::score_output(*spec, o->reference, o->answer);  // checks the reference
    j.reference = json::parse(o->reference);
    for (const auto& f : v.fields) j.right[f.field] = v.parsed && f.score >= 1.0;
    out.push_back(std::move(j));
  }
  return out;
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
             bool fraction = true) {
  if (c.n == 0) return;
  rows.push_back({specialist, measure, unit, c.n, c.sum / static_cast<double>(c.n), fraction});
}

// The confidence an answer gave: its JSON "confidence", else the line written after it.
std::optional<double> given_confidence(const AnswerOutcome& o) {
  const auto answer = json::parse(std::string(datagen::extract_json_object(o.answer)), nullptr,
                                  /*allow_exceptions=*/false);
  if (answer.is_object() && answer.contains("confidence") && answer["confidence"].is_number())
    return answer["confidence"].get<double>();
  if (o.stated >= 0) return o.stated;
  return std::nullopt;
}

// Per reference status: the status right, the confidence right (the validator's +-0.1), on the
// right side of kHighConfidence, and its mean beside the reference's.
void score_confidence_calibration(const std::vector<Judged>& judged,
                                  std::vector<SkillScore>& rows) {
  const std::string name = "confidence_calibration";
  char side[64];
  for (const std::string status : {"answered", "ambiguous", "unanswerable"}) {
    const bool clear = status == "answered";
    std::snprintf(side, sizeof side,
                  clear ? "confidence high (>= %.2f)" : "confidence low (< %.2f)", kHighConfidence);
    Count right, confidence, on_side, given, reference;
    for (const auto& j : judged) {
      if (j.reference.value("status", "") != status) continue;
      right.add(j.is_right("status"));
      confidence.add(j.is_right("confidence"));
      const auto c = given_confidence(*j.outcome);
      on_side.add(c && (clear ? *c >= kHighConfidence : *c < kHighConfidence));
      if (c) given.add(*c);
      reference.add(j.reference.value("confidence", 0.0));
    }
    add_row(rows, name, status + ": status right", "records", right);
    add_row(rows, name, status + ": confidence right (+-0.1)", "records", confidence);
    add_row(rows, name, status + ": " + side, "records", on_side);
    add_row(rows, name, status + ": mean confidence given", "records", given, false);
    add_row(rows, name, status + ": mean confidence of the reference", "records", reference, false);
  }
}

// Revision accuracy, overall and apart for evidence that changes beliefs and evidence that does
// not (hearsay and confirmations only: answering "nothing changed" is right there).
void score_fact_verification(const std::vector<Judged>& judged, std::vector<SkillScore>& rows) {
  const std::string name = "fact_verification";
  Count revision, changed, unchanged, retracted, added, beliefs;
  for (const auto& j : judged) {
    const bool all =
        j.is_right("revised_beliefs") && j.is_right("retracted") && j.is_right("added");
    revision.add(all);
    const bool changes = !j.reference.value("retracted", json::array()).empty() ||
                         !j.reference.value("added", json::array()).empty();
    (changes ? changed : unchanged).add(all);
    retracted.add(j.is_right("retracted"));
    added.add(j.is_right("added"));
    beliefs.add(j.is_right("revised_beliefs"));
  }
  add_row(rows, name, "revision accuracy (beliefs, retracted, added)", "records", revision);
  add_row(rows, name, "  where the evidence changes beliefs", "records", changed);
  add_row(rows, name, "  where it changes nothing", "records", unchanged);
  add_row(rows, name, "revised beliefs right", "records", beliefs);
  add_row(rows, name, "retracted right", "records", retracted);
  add_row(rows, name, "added right", "records", added);
}

// Every fact of the answer but the total was given in an earlier turn of the conversation (the
// last turn only asks for the summary); the total is computed from them.
void score_context_protocol(const std::vector<Judged>& judged, std::vector<SkillScore>& rows) {
  const std::string name = "context_protocol";
  Count facts, records, total;
  for (const auto& j : judged) {
    bool all = true;
    for (const auto& [field, ok] : j.right) {
      if (field == "total") continue;
      facts.add(ok);
      all = all && ok;
    }
    records.add(all);
    total.add(j.is_right("total"));
  }
  add_row(rows, name, "facts from earlier turns right", "facts", facts);
  add_row(rows, name, "every earlier fact right", "records", records);
  add_row(rows, name, "total right", "records", total);
}

}  // namespace

std::vector<SkillScore> score_skills(const std::vector<AnswerOutcome>& outcomes) {
  std::map<std::string, std::vector<const AnswerOutcome*>> by;
  for (const auto& o : outcomes) by[o.specialist].push_back(&o);
  std::vector<SkillScore> rows;
  using Scorer = void (*)(const std::vector<Judged>&, std::vector<SkillScore>&);
  const std::pair<const char*, Scorer> kSkills[] = {
      {"confidence_calibration", score_confidence_calibration},
      {"fact_verification", score_fact_verification},
      {"context_protocol", score_context_protocol}};
  for (const auto& [name, scorer] : kSkills)
    if (by.count(name)) scorer(judge(name, by[name]), rows);
  return rows;
}

std::string format_skill_scores(const std::vector<SkillScore>& scores) {
  if (scores.empty()) return "";
  std::string s = "skills (what these specialists are for, beyond field accuracy)\n";
  char buf[256];
  for (const auto& r : scores) {
    if (r.fraction)
      std::snprintf(buf, sizeof buf, "%-24s %-48s %7.1f%%  of %lld %s\n", r.specialist.c_str(),
                    r.measure.c_str(), 100 * r.value, static_cast<long long>(r.n), r.unit.c_str());
    else
      std::snprintf(buf, sizeof buf, "%-24s %-48s %8.3f  of %lld %s\n", r.specialist.c_str(),
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
                 {"value", r.value},
                 {"kind", r.fraction ? "fraction" : "mean"}});
  return j;
}

}  // namespace anvil::pipeline
