// Evaluation, execution accuracy, calibration, abstention and prediction for the intent
// classifier.
#include "anvil/pipeline/intent_eval.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "anvil/core/plot.h"
#include "anvil/data/number_spans.h"
#include "anvil/datagen/intents.h"
#include "anvil/datagen/isa.h"
#include "anvil/pipeline/abstention.h"
#include "pipeline/reliability_series.h"

namespace anvil::pipeline {

bool execute_intent(const std::string& intent, const std::vector<int64_t>& operands,
                    std::vector<int64_t>* output, std::string* program, std::string* error) {
  const datagen::IntentSpec* spec = datagen::find_intent(intent);
  if (!spec) {
    if (error) *error = "intent '" + intent + "' has no built-in program";
    return false;
  }
  std::vector<int64_t> ops(
      operands.begin(), operands.begin() + std::min<size_t>(operands.size(), spec->operand_count));
  ops.resize(static_cast<size_t>(spec->operand_count), 0);
  std::string text = datagen::instantiate_program(*spec, ops);
  if (program) *program = text;
  try {
    datagen::RunOptions ro;
    ro.max_steps = 200000;  // predicted operands can be far outside the generator's ranges
    auto result = datagen::run(datagen::assemble(text, intent), ro);
    if (output) *output = result.output;
    return true;
  } catch (const std::exception& e) {
    if (error) *error = e.what();
    return false;
  }
}

namespace {

struct Tally {
  int64_t intent_ok = 0, count_ok = 0, operand_ok = 0, exec_ok = 0;
  int64_t answered = 0, answered_intent_ok = 0, answered_exec_ok = 0;
  std::vector<double> raw_conf, cal_conf;
  std::vector<bool> intent_correct;
  std::map<std::string, IntentStat> stats;
  std::map<std::string, std::map<std::string, int64_t>> confusion;

  void add(const data::IntentRecord& r, const Judgement& j, double threshold) {
    const auto& p = j.prediction;
    auto& st = stats[r.intent];
    st.intent = r.intent;
    ++st.total;
    const bool intent_right = j.intent == r.intent;
    if (intent_right) {
      ++intent_ok;
      ++st.correct;
    } else {
      ++confusion[r.intent][j.intent];
    }
    count_ok += p.count == r.operand_count;
    bool ops_ok = true;
    for (int k = 0; k < 4; ++k) ops_ok = ops_ok && p.operands[k] == r.operands[k];
    operand_ok += ops_ok;
    bool exec_right = false;
    if (!r.test_cases.empty()) {
      std::vector<int64_t> out;
      exec_right = execute_intent(j.intent, p.operands, &out, nullptr, nullptr) &&
                   out == r.test_cases.front().output;
      exec_ok += exec_right;
    }
    raw_conf.push_back(j.raw_confidence);
    cal_conf.push_back(j.confidence);
    intent_correct.push_back(intent_right);
    if (abstain_reason(j, threshold).empty()) {
      ++answered;
      answered_intent_ok += intent_right;
      answered_exec_ok += exec_right;
    }
  }
};

}  // namespace

IntentEvalReport evaluate_intent_model(models::IntentModel& model,
                                       const std::vector<data::IntentRecord>& records,
                                       int64_t batch_size) {
  const auto t0 = std::chrono::steady_clock::now();
  IntentEvalReport report;
  report.records = static_cast<int64_t>(records.size());
  report.threshold = model.calibration.threshold;
  std::vector<std::string> texts;
  texts.reserve(records.size());
  for (const auto& r : records) texts.push_back(r.text);
  const auto judged = judge_requests(model, texts, batch_size);
  Tally t;
  for (size_t i = 0; i < records.size(); ++i) t.add(records[i], judged[i], report.threshold);

  const double n = static_cast<double>(std::max<int64_t>(report.records, 1));
  report.intent_acc = t.intent_ok / n;
  report.count_acc = t.count_ok / n;
  report.operand_acc = t.operand_ok / n;
  report.execution_acc = t.exec_ok / n;
  report.reliability_raw = models::reliability_bins(t.raw_conf, t.intent_correct);
  report.reliability_calibrated = models::reliability_bins(t.cal_conf, t.intent_correct);
  report.ece_raw = models::expected_calibration_error(report.reliability_raw);
  report.ece_calibrated = models::expected_calibration_error(report.reliability_calibrated);
  report.coverage = t.answered / n;
  const double answered = static_cast<double>(std::max<int64_t>(t.answered, 1));
  report.answered_intent_acc = t.answered_intent_ok / answered;
  report.answered_execution_acc = t.answered_exec_ok / answered;
  for (auto& [name, st] : t.stats) {
    for (const auto& [other, c] : t.confusion[name])
      if (c > st.confused_count) {
        st.confused_count = c;
        st.confused_with = other;
      }
    report.per_intent.push_back(st);
  }
  std::stable_sort(
      report.per_intent.begin(), report.per_intent.end(),
      [](const IntentStat& a, const IntentStat& b) { return a.accuracy() < b.accuracy(); });
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return report;
}

std::string format_eval_report(const IntentEvalReport& r, int64_t worst) {
  char buf[320];
  std::string s;
  std::snprintf(buf, sizeof buf,
                "records            %lld\nintent accuracy    %.2f%%\noperand count acc  %.2f%%\n"
                "exact operands     %.2f%%\nexecution accuracy %.2f%%\n",
                static_cast<long long>(r.records), 100 * r.intent_acc, 100 * r.count_acc,
                100 * r.operand_acc, 100 * r.execution_acc);
  s += buf;
  std::snprintf(buf, sizeof buf,
                "calibration (ECE, 10 bins): %.4f raw, %.4f at the model's temperature\n"
                "abstention at threshold %.3f: coverage %.2f%%; on the answered requests intent "
                "%.2f%%, execution %.2f%%\n",
                r.ece_raw, r.ece_calibrated, r.threshold, 100 * r.coverage,
                100 * r.answered_intent_acc, 100 * r.answered_execution_acc);
  s += buf;
  s += "worst intents:\n";
  for (int64_t i = 0; i < worst && i < static_cast<int64_t>(r.per_intent.size()); ++i) {
    const auto& st = r.per_intent[static_cast<size_t>(i)];
    std::snprintf(buf, sizeof buf, "  %-22s %6.2f%% of %-5lld", st.intent.c_str(),
                  100 * st.accuracy(), static_cast<long long>(st.total));
    s += buf;
    if (!st.confused_with.empty()) {
      std::snprintf(buf, sizeof buf, " most often taken for %s (%lld)", st.confused_with.c_str(),
                    static_cast<long long>(st.confused_count));
      s += buf;
    }
    s += "\n";
  }
  return s;
}

void save_reliability_diagram(const IntentEvalReport& report, const std::string& path) {
  char raw[64], cal[64];
  std::snprintf(raw, sizeof raw, "temperature 1 (ECE %.4f)", report.ece_raw);
  std::snprintf(cal, sizeof cal, "calibrated (ECE %.4f)", report.ece_calibrated);
  plot::ChartOptions o;
  o.title = "Reliability of the intent head (10 bins)";
  o.x_label = "mean confidence in bin";
  o.y_label = "accuracy in bin";
  plot::save_line_chart(path,
                        {{"perfect calibration", {0, 1}, {0, 1}},
                         reliability_series(raw, report.reliability_raw),
                         reliability_series(cal, report.reliability_calibrated)},
                        o);
}

OodEvalReport evaluate_out_of_domain(models::IntentModel& model,
                                     const std::vector<datagen::OodRequest>& requests) {
  std::vector<std::string> texts;
  for (const auto& r : requests) texts.push_back(r.text);
  const auto judged = judge_requests(model, texts);
  OodEvalReport report;
  std::vector<OodEvalReport::Category> per(datagen::kOodCategories);
  for (size_t i = 0; i < requests.size(); ++i) {
    auto& c = per[static_cast<size_t>(requests[i].category)];
    c.name = datagen::ood_category_name(requests[i].category);
    const bool abstained = !abstain_reason(judged[i], model.calibration.threshold).empty();
    ++c.total;
    c.abstained += abstained;
    ++report.total;
    report.abstained += abstained;
  }
  for (auto& c : per)
    if (c.total > 0) report.categories.push_back(c);
  return report;
}

std::string format_ood_report(const OodEvalReport& r) {
  char buf[160];
  std::string s = "out-of-domain requests abstained on (catch rate):\n";
  for (const auto& c : r.categories) {
    std::snprintf(buf, sizeof buf, "  %-18s %7.2f%% of %lld\n", c.name.c_str(),
                  c.total ? 100.0 * c.abstained / c.total : 0.0, static_cast<long long>(c.total));
    s += buf;
  }
  std::snprintf(buf, sizeof buf, "  %-18s %7.2f%% of %lld\n", "all", 100 * r.catch_rate(),
                static_cast<long long>(r.total));
  return s + buf;
}

std::vector<PredictResult> predict_requests(models::IntentModel& model,
                                            const std::vector<std::string>& texts) {
  const auto t0 = std::chrono::steady_clock::now();
  const auto judged = judge_requests(model, texts);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::vector<PredictResult> results;
  for (const auto& j : judged) {
    PredictResult r;
    r.intent = j.intent;
    r.confidence = static_cast<float>(j.confidence);
    r.guesses = j.guesses;
    if (j.digits_normalised) r.normalised_text = j.text;
    r.operand_count = j.prediction.count;
    r.operands.assign(j.prediction.operands.begin(),
                      j.prediction.operands.begin() + std::min<int64_t>(j.prediction.count, 4));
    r.model_ms = ms / static_cast<double>(std::max<size_t>(texts.size(), 1));
    if (auto big = data::first_oversized_number(j.text)) {
      std::string digits = j.text.substr(big->begin, big->end - big->begin);
      if (digits.size() > 32)
        digits = digits.substr(0, 24) + "... (" + std::to_string(digits.size()) + " digits)";
      r.error = "the number " + digits +
                " does not fit in a 64-bit signed integer (the machine's registers)";
    } else if (r.abstain_reason = abstain_reason(j, model.calibration.threshold);
               !r.abstain_reason.empty()) {
      r.abstained = true;
    } else {
      execute_intent(r.intent, j.prediction.operands, &r.output, &r.program, &r.error);
    }
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace anvil::pipeline
