// Calibration of a specialist language model's answers: stated confidence and answer probability
// against all-fields-right, and temperature scaling of the answer probability's log-odds.
#include "anvil/pipeline/lm_calibration.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/core/plot.h"
#include "anvil/datagen/specialist.h"
#include "anvil/pipeline/sft_data.h"
#include "pipeline/reliability_series.h"

namespace anvil::pipeline {

namespace {

ConfidenceFit measure(const std::vector<double>& confidence, const std::vector<bool>& correct) {
  ConfidenceFit f;
  f.n = static_cast<int64_t>(confidence.size());
  f.bins = models::reliability_bins(confidence, correct);
  f.ece = models::expected_calibration_error(f.bins);
  for (size_t i = 0; i < confidence.size(); ++i) {
    const double miss = confidence[i] - (correct[i] ? 1.0 : 0.0);
    f.brier += miss * miss / static_cast<double>(confidence.size());
  }
  return f;
}

// Fewer fit answers than this, and a specialist is served by the temperature alone.
constexpr size_t kMinScalingAnswers = 8;

bool is_task(const std::string& specialist) {
  const auto* spec = datagen::find_specialist(specialist);
  return !spec || !spec->auxiliary;  // copy_drill, compare_drill...: helpers, not tasks
}

// The confidence a server gives an answer (its specialist found from its fields); by the record's
// own specialist when the answer text is not at hand (kept on another rank).
double served_confidence_of(const AnswerOutcome& o, const AnswerCalibration& calibration) {
  return o.answer.empty() ? calibration.confidence(o.log_prob, o.specialist)
                          : calibration.confidence_of_answer(o.log_prob, o.answer);
}

CalibrationRow measure_row(const std::string& name, const std::vector<const AnswerOutcome*>& set,
                           const AnswerCalibration& calibration) {
  CalibrationRow row{name, static_cast<int64_t>(set.size())};
  std::vector<double> stated, probability, temperature_only, calibrated;
  std::vector<bool> stated_ok, ok;
  for (const auto* o : set) {
    row.accuracy += o->correct() ? 1.0 / static_cast<double>(set.size()) : 0;
    probability.push_back(std::exp(o->log_prob));
    temperature_only.push_back(calibration.confidence(o->log_prob));
    calibrated.push_back(served_confidence_of(*o, calibration));
    ok.push_back(o->correct());
    if (o->stated >= 0) {
      stated.push_back(std::min(o->stated, 1.0));
      stated_ok.push_back(o->correct());
    }
  }
  row.stated = measure(stated, stated_ok);
  row.probability = measure(probability, ok);
  row.temperature_only = measure(temperature_only, ok);
  row.calibrated = measure(calibrated, ok);
  return row;
}

// A specialist's scaling, fitted on its answers and pulled toward the temperature's (scale 1/T,
// bias 0) with the weight of one answer. A negative scale (more probable answers less often
// right: noise on a few answers) gives way to the specialist's smoothed accuracy alone.
AnswerScaling fit_specialist_scaling(const std::vector<const AnswerOutcome*>& set,
                                     double temperature) {
  std::vector<double> x;
  std::vector<bool> right;
  for (const auto* o : set) {
    x.push_back(answer_log_odds(o->log_prob));
    right.push_back(o->correct());
  }
  const auto f = models::fit_logistic_scaling(x, right, {1 / temperature, 0}, 1.0);
  AnswerScaling s{f.scale, f.bias, static_cast<int64_t>(set.size())};
  if (s.scale < 0) {
    const double k = static_cast<double>(std::count(right.begin(), right.end(), true));
    s.scale = 0;
    s.bias = std::log((k + 0.5) / (static_cast<double>(set.size()) - k + 0.5));
  }
  return s;
}

nlohmann::json fit_json(const ConfidenceFit& f) {
  nlohmann::json bins = nlohmann::json::array();
  for (const auto& b : f.bins)
    bins.push_back({{"lo", b.lo},
                    {"hi", b.hi},
                    {"count", b.count},
                    {"mean_confidence", b.mean_confidence},
                    {"accuracy", b.accuracy}});
  return {{"n", f.n}, {"ece", f.ece}, {"brier", f.brier}, {"bins", bins}};
}

}  // namespace

LmCalibrationReport calibrate_answers(const std::vector<AnswerOutcome>& outcomes) {
  if (outcomes.size() < 2)
    throw Error("calibration needs at least 2 answers (one to fit, one to measure); got " +
                std::to_string(outcomes.size()));
  std::vector<double> logits;
  std::vector<int64_t> labels;
  std::map<std::string, std::vector<const AnswerOutcome*>> by, fit_by;
  std::vector<const AnswerOutcome*> measured;
  std::map<std::string, size_t> seen;  // alternate within each specialist: both halves see all
  // The temperature is fitted on the tasks' answers only (an auxiliary skill's answers, often all
  // right or all wrong, would pull it), unless there are only auxiliary ones.
  bool any_task = false;
  for (const auto& o : outcomes) any_task |= is_task(o.specialist);
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const bool fit_half = seen[outcomes[i].specialist]++ % 2 == 0;
    if (fit_half && any_task && !is_task(outcomes[i].specialist)) continue;
    if (fit_half) {
      // As two-class logits [0, log-odds]: softmax(. / T)[1] = sigmoid(log-odds / T).
      logits.insert(logits.end(), {0.0, answer_log_odds(outcomes[i].log_prob)});
      labels.push_back(outcomes[i].correct() ? 1 : 0);
      fit_by[outcomes[i].specialist].push_back(&outcomes[i]);
    } else {
      by[outcomes[i].specialist].push_back(&outcomes[i]);
      if (is_task(outcomes[i].specialist)) measured.push_back(&outcomes[i]);
    }
  }
  LmCalibrationReport r;
  r.fit_records = static_cast<int64_t>(labels.size());
  const auto n = static_cast<int64_t>(labels.size());
  r.temperature = models::fit_temperature(torch::tensor(logits, torch::kDouble).view({n, 2}),
                                          torch::tensor(labels, torch::kLong));
  AnswerCalibration served;
  served.temperature = r.temperature;
  for (const auto& [name, set] : fit_by)
    if (is_task(name) && set.size() >= kMinScalingAnswers)
      served.specialists[name] = fit_specialist_scaling(set, r.temperature);
  r.specialists = served.specialists;
  for (const auto& [name, set] : by) r.rows.push_back(measure_row(name, set, served));
  r.rows.push_back(measure_row("overall", measured, served));
  return r;
}

nlohmann::json LmCalibrationReport::to_json() const {
  nlohmann::json rows_json = nlohmann::json::array();
  for (const auto& row : rows)
    rows_json.push_back({{"specialist", row.specialist},
                         {"records", row.records},
                         {"all_fields_exact", row.accuracy},
                         {"stated", fit_json(row.stated)},
                         {"answer_probability", fit_json(row.probability)},
                         {"temperature_only", fit_json(row.temperature_only)},
                         {"calibrated", fit_json(row.calibrated)}});
  nlohmann::json scalings = nlohmann::json::object();
  for (const auto& [name, f] : specialists)
    scalings[name] = {{"scale", f.scale}, {"bias", f.bias}, {"fit_records", f.fit_records}};
  return {{"temperature", temperature},
          {"specialists", scalings},
          {"fit_records", fit_records},
          {"bins", 10},
          {"correct_means", "every field right (validator score 1)"},
          {"rows", rows_json}};
}

std::string format_lm_calibration(const LmCalibrationReport& report) {
  std::string s =
      "calibration (ECE over 10 bins / Brier; all fields right = correct)\n"
      "specialist                 records  exact    stated conf.     answer prob.     "
      "temperature      per specialist\n";
  char buf[240];
  auto cell = [](const ConfidenceFit& f) {
    char c[40];
    if (f.n == 0)
      std::snprintf(c, sizeof c, "%-15s", "none written");
    else
      std::snprintf(c, sizeof c, "%.3f / %.3f  ", f.ece, f.brier);
    return std::string(c);
  };
  for (const auto& row : report.rows) {
    std::snprintf(buf, sizeof buf, "%-26s %7lld  %6.1f%%  %s  %s  %s  %s\n", row.specialist.c_str(),
                  static_cast<long long>(row.records), 100 * row.accuracy, cell(row.stated).c_str(),
                  cell(row.probability).c_str(), cell(row.temperature_only).c_str(),
                  cell(row.calibrated).c_str());
    s += buf;
  }
  std::snprintf(buf, sizeof buf,
                "temperature %.3f on the answer probability's log-odds, and a scaling for each of "
                "%zu specialists (sigmoid(scale * log-odds + bias), specialist found from the "
                "answer's fields), fitted on %lld other answers\n",
                report.temperature, report.specialists.size(),
                static_cast<long long>(report.fit_records));
  return s + buf;
}

void save_lm_reliability_diagram(const LmCalibrationReport& report, const std::string& path) {
  if (report.rows.empty()) throw Error("reliability diagram: no calibration rows");
  const auto& overall = report.rows.back();
  auto series = [](const char* what, const ConfidenceFit& f) {
    char label[80];
    std::snprintf(label, sizeof label, "%s (ECE %.3f, n %lld)", what, f.ece,
                  static_cast<long long>(f.n));
    return reliability_series(label, f.bins);
  };
  plot::ChartOptions o;
  o.title = "Reliability of the specialist answers (10 bins; correct = all fields right)";
  o.x_label = "mean confidence in bin";
  o.y_label = "fraction of answers all right";
  plot::save_line_chart(path,
                        {{"perfect calibration", {0, 1}, {0, 1}},
                         series("stated [confidence: X]", overall.stated),
                         series("answer probability", overall.probability),
                         series("one temperature", overall.temperature_only),
                         series("per-specialist scaling (served)", overall.calibrated)},
                        o);
}

std::vector<CalibrationRow> measure_served_confidence(const std::vector<AnswerOutcome>& outcomes,
                                                      const AnswerCalibration& calibration) {
  std::map<std::string, std::vector<const AnswerOutcome*>> by;
  std::vector<const AnswerOutcome*> tasks;
  for (const auto& o : outcomes) {
    by[o.specialist].push_back(&o);
    if (is_task(o.specialist)) tasks.push_back(&o);
  }
  std::vector<CalibrationRow> rows;
  for (const auto& [name, set] : by) rows.push_back(measure_row(name, set, calibration));
  rows.push_back(measure_row("overall", tasks, calibration));
  for (auto& row : rows) row.stated = ConfidenceFit{};
  return rows;
}

std::string format_served_confidence(const std::vector<CalibrationRow>& rows,
                                     const AnswerCalibration& calibration) {
  char buf[240];
  std::snprintf(buf, sizeof buf,
                "served confidence (temperature %.3f and %zu specialist scalings from the model's "
                "answer_calibration.json, ECE %.3f on held-out answers when trained), on every "
                "answer\n"
                "specialist                 records  exact    answer prob.     served\n",
                calibration.temperature, calibration.specialists.size(),
                calibration.ece_calibrated);
  std::string s = buf;
  for (const auto& row : rows) {
    std::snprintf(buf, sizeof buf, "%-26s %7lld  %6.1f%%  %.3f / %.3f    %.3f / %.3f\n",
                  row.specialist.c_str(), static_cast<long long>(row.records), 100 * row.accuracy,
                  row.probability.ece, row.probability.brier, row.calibrated.ece,
                  row.calibrated.brier);
    s += buf;
  }
  return s;
}

AnswerCalibration answer_calibration_of(const LmCalibrationReport& report) {
  AnswerCalibration c;
  c.temperature = report.temperature;
  c.specialists = report.specialists;
  c.fit_records = report.fit_records;
  for (const auto& row : report.rows) {
    if (row.specialist != "overall") continue;
    c.measured_records = row.records;
    c.ece_probability = row.probability.ece;
    c.ece_calibrated = row.calibrated.ece;
  }
  return c;
}

}  // namespace anvil::pipeline
