// `anvil datagen --validate`: per-record checks and per-specialist statistics.
#include "anvil/datagen/specialist_check.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "anvil/core/error.h"
#include "anvil/core/plot.h"
#include "anvil/data/jsonl.h"
#include "anvil/datagen/calculator.h"
#include "anvil/datagen/minhash.h"
#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_record.h"
#include "anvil/datagen/specialist_validator.h"

namespace anvil::datagen {
namespace {

// The first calculator step of `work` whose result is not what the calculator gives, described;
// "" when every step is right.
std::string wrong_calculator_step(std::string_view work) {
  const auto pieces = split_at_calculator_results(work);
  for (size_t i = 0; i + 1 < pieces.size(); ++i) {
    const std::string_view call = pieces[i];
    if (call.empty() || call.back() != '=') continue;
    const size_t open = call.rfind("<<");
    if (open == std::string_view::npos) continue;
    const std::string_view expr = call.substr(open + 2, call.size() - open - 3);
    const std::string want = calculator_result(expr) + ">>";
    if (pieces[i + 1] != want)
      return "work step <<" + std::string(expr) + "=" + std::string(pieces[i + 1]) +
             " should give " + want;
  }
  return "";
}

struct Accumulator {
  SpecialistQuality q;
  std::vector<int64_t> lengths;
};

bool present(const nlohmann::json& v) {
  if (v.is_null()) return false;
  if (v.is_string()) return !v.get_ref<const std::string&>().empty();
  if (v.is_array() || v.is_object()) return !v.empty();
  return true;
}

LengthStats length_stats(std::vector<int64_t> v) {
  LengthStats s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  s.min = v.front();
  s.max = v.back();
  s.p50 = v[v.size() / 2];
  s.p90 = v[std::min(v.size() - 1, v.size() * 9 / 10)];
  double sum = 0;
  for (int64_t x : v) sum += static_cast<double>(x);
  s.mean = sum / static_cast<double>(v.size());
  return s;
}

}  // namespace

void SpecialistCheckOptions::validate() const {
  if (path.empty())
    throw usage_error("specialist check: a dataset path is required").about("validate_path");
  if (bins < 1)
    throw usage_error("specialist check: bins must be >= 1, got " + std::to_string(bins));
}

SpecialistCheckReport check_specialist_dataset(const SpecialistCheckOptions& options) {
  options.validate();
  const data::JsonlFile file(options.path);
  SpecialistCheckReport report;
  report.path = options.path;
  std::map<const SpecialistSpec*, Accumulator> acc;
  std::unordered_set<uint64_t> seen;
  std::vector<double> all_lengths;
  SpecialistRecordParser parser;
  for (size_t i = 0; i < file.size(); ++i) {
    const size_t line_no = file.line_number(i);
    const SpecialistRecord r = parser.parse(file.line(i), options.path, line_no);
    const SpecialistSpec* spec = find_specialist(r.specialist);
    if (!spec) {
      throw Error(options.path + ":" + std::to_string(line_no) + ": unknown specialist '" +
                  r.specialist + "'");
    }
    Accumulator& a = acc[spec];
    if (a.q.specialist.empty()) {
      a.q.specialist = spec->name;
      for (const FieldRule& f : spec->fields) a.q.coverage.push_back({f.name, 0});
    }
    ++a.q.records;
    ++report.records;
    auto problem = [&](const std::string& why) {
      ++report.problem_count;
      if (report.problems.size() < options.max_problems) {
        report.problems.push_back(options.path + ":" + std::to_string(line_no) + ": " + spec->name +
                                  ": " + why);
      }
    };
    // Duplicates: the same specialist and request (history included) seen before.
    std::string key = spec->name;
    for (const Turn& t : r.history) key += '\x1f' + t.user + '\x1f' + t.assistant;
    key += '\x1f' + r.prompt;
    if (!seen.insert(hash_bytes(key)).second) {
      ++a.q.duplicates;
      ++report.duplicates;
    }
    int64_t length = 0;
    if (r.format == RecordFormat::kText) {
      length = static_cast<int64_t>(r.text.size());
    } else {
      length = static_cast<int64_t>(r.prompt.size() + r.response.size());
      for (const Turn& t : r.history)
        length += static_cast<int64_t>(t.user.size() + t.assistant.size());
    }
    a.lengths.push_back(length);
    all_lengths.push_back(static_cast<double>(length));

    const std::string shape = check_response_shape(*spec, r.response);
    if (!shape.empty()) {
      problem(shape);
      continue;
    }
    const nlohmann::json response = nlohmann::json::parse(r.response);
    for (FieldCoverage& c : a.q.coverage) c.present += present(response[c.field]);
    const ValidationResult self = score_output(*spec, r.response, r.response);
    if (self.score < 1.0) {
      problem("response scores " + std::to_string(self.score) + " against itself");
      continue;
    }
    if (r.format == RecordFormat::kText) {
      const std::string expected_text =
          r.prompt + "\n\nAssistant: " + (r.work.empty() ? "" : r.work + "\n") + r.response +
          "\n[confidence: " + format_confidence(r.confidence) + "]";
      if (r.text != expected_text) {
        problem("'text' is not prompt + \"Assistant:\" + response + confidence");
        continue;
      }
    }
    const std::string wrong_step = wrong_calculator_step(r.work);
    if (!wrong_step.empty()) {
      problem(wrong_step);
      continue;
    }
    if (r.has_confidence && (r.confidence < 0 || r.confidence > 1)) {
      problem("meta.confidence outside [0, 1]");
      continue;
    }
    ++a.q.valid;
    ++report.valid;
  }
  for (const SpecialistSpec& spec : specialist_table()) {
    auto it = acc.find(&spec);
    if (it == acc.end()) continue;
    it->second.q.length = length_stats(std::move(it->second.lengths));
    report.per_specialist.push_back(std::move(it->second.q));
  }
  if (!options.plot_path.empty() && !all_lengths.empty()) {
    plot::ChartOptions chart;
    chart.title = "Training text length, " + std::to_string(report.records) + " records";
    chart.x_label = "characters";
    chart.y_label = "records";
    plot::save_histogram(options.plot_path, all_lengths, options.bins, chart);
  }
  return report;
}

std::string SpecialistCheckReport::format() const {
  std::string out;
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-24s %8s %8s %7s %6s %6s %6s %6s %8s\n", "specialist", "records",
                "valid", "dup%", "len", "p50", "p90", "max", "mean");
  out += buf;
  for (const SpecialistQuality& q : per_specialist) {
    std::snprintf(
        buf, sizeof buf, "%-24s %8lld %8lld %6.2f%% %6lld %6lld %6lld %6lld %8.1f\n",
        q.specialist.c_str(), static_cast<long long>(q.records), static_cast<long long>(q.valid),
        q.records ? 100.0 * static_cast<double>(q.duplicates) / static_cast<double>(q.records)
                  : 0.0,
        static_cast<long long>(q.length.min), static_cast<long long>(q.length.p50),
        static_cast<long long>(q.length.p90), static_cast<long long>(q.length.max), q.length.mean);
    out += buf;
  }
  std::snprintf(
      buf, sizeof buf, "%-24s %8lld %8lld %6.2f%%\n", "total", static_cast<long long>(records),
      static_cast<long long>(valid),
      records ? 100.0 * static_cast<double>(duplicates) / static_cast<double>(records) : 0.0);
  out += buf;
  std::string partial;
  for (const SpecialistQuality& q : per_specialist) {
    std::string line;
    for (const FieldCoverage& c : q.coverage) {
      if (c.present == q.valid || q.valid == 0) continue;
      std::snprintf(buf, sizeof buf, "%s%s %.1f%%", line.empty() ? "" : ", ", c.field.c_str(),
                    100.0 * static_cast<double>(c.present) / static_cast<double>(q.valid));
      line += buf;
    }
    if (!line.empty()) partial += "  " + q.specialist + ": " + line + "\n";
  }
  out += partial.empty()
             ? "field coverage: every field present in every valid record\n"
             : "field coverage below 100% (null or empty by design or by error):\n" + partial;
  if (problem_count > 0) {
    out += std::to_string(problem_count) + " invalid record(s):\n";
    for (const std::string& p : problems) out += "  " + p + "\n";
  }
  return out;
}

}  // namespace anvil::datagen
