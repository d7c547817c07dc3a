// Evaluation, execution accuracy and prediction for the intent classifier.
#include "anvil/pipeline/intent_eval.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "anvil/datagen/intents.h"
#include "anvil/datagen/isa.h"
#include "anvil/models/intent_features.h"

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
  try {
    std::string text = datagen::instantiate_program(*spec, ops);
    datagen::RunOptions ro;
    ro.max_steps = 200000;  // predicted operands can be far outside the generator's ranges
    auto result = datagen::run(datagen::assemble(text, intent), ro);
    if (output) *output = result.output;
    if (program) *program = std::move(text);
    return true;
  } catch (const std::exception& e) {
    if (error) *error = e.what();
    return false;
  }
}

IntentEvalReport evaluate_intent_model(models::IntentModel& model,
                                       const std::vector<data::IntentRecord>& records,
                                       int64_t batch_size) {
  const auto t0 = std::chrono::steady_clock::now();
  torch::NoGradGuard no_grad;
  model.net->eval();
  const auto& cfg = model.net->config();
  IntentEvalReport report;
  report.records = static_cast<int64_t>(records.size());
  std::map<std::string, IntentStat> stats;
  std::map<std::string, std::map<std::string, int64_t>> confusion;
  int64_t intent_ok = 0, count_ok = 0, operand_ok = 0, exec_ok = 0;
  for (size_t i = 0; i < records.size(); i += static_cast<size_t>(batch_size)) {
    const size_t end = std::min(records.size(), i + static_cast<size_t>(batch_size));
    std::vector<std::string> texts;
    for (size_t j = i; j < end; ++j) texts.push_back(records[j].text);
    auto in = models::encode_requests(texts, cfg.max_length, cfg.max_numbers).to(model.device);
    auto preds = model.net->decode(model.net->forward(in), in);
    for (size_t j = i; j < end; ++j) {
      const auto& r = records[j];
      const auto& p = preds[j - i];
      const std::string predicted = model.intents[static_cast<size_t>(p.intent)];
      auto& st = stats[r.intent];
      st.intent = r.intent;
      ++st.total;
      if (predicted == r.intent) {
        ++intent_ok;
        ++st.correct;
      } else {
        ++confusion[r.intent][predicted];
      }
      count_ok += p.count == r.operand_count;
      bool ops_ok = true;
      for (int k = 0; k < 4; ++k) ops_ok = ops_ok && p.operands[k] == r.operands[k];
      operand_ok += ops_ok;
      if (!r.test_cases.empty()) {
        std::vector<int64_t> out;
        if (execute_intent(predicted, p.operands, &out, nullptr, nullptr) &&
            out == r.test_cases.front().output)
          ++exec_ok;
      }
    }
  }
  const double n = static_cast<double>(std::max<int64_t>(report.records, 1));
  report.intent_acc = intent_ok / n;
  report.count_acc = count_ok / n;
  report.operand_acc = operand_ok / n;
  report.execution_acc = exec_ok / n;
  for (auto& [name, st] : stats) {
    for (const auto& [other, c] : confusion[name])
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
  char buf[256];
  std::string s;
  std::snprintf(buf, sizeof buf,
                "records            %lld\nintent accuracy    %.2f%%\noperand count acc  %.2f%%\n"
                "exact operands     %.2f%%\nexecution accuracy %.2f%%\n",
                static_cast<long long>(r.records), 100 * r.intent_acc, 100 * r.count_acc,
                100 * r.operand_acc, 100 * r.execution_acc);
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

std::vector<PredictResult> predict_requests(models::IntentModel& model,
                                            const std::vector<std::string>& texts) {
  torch::NoGradGuard no_grad;
  model.net->eval();
  const auto& cfg = model.net->config();
  const auto t0 = std::chrono::steady_clock::now();
  auto in = models::encode_requests(texts, cfg.max_length, cfg.max_numbers).to(model.device);
  auto preds = model.net->decode(model.net->forward(in), in);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::vector<PredictResult> results;
  for (const auto& p : preds) {
    PredictResult r;
    r.intent = model.intents[static_cast<size_t>(p.intent)];
    r.confidence = p.intent_confidence;
    r.operand_count = p.count;
    r.operands.assign(p.operands.begin(), p.operands.begin() + std::min<int64_t>(p.count, 4));
    r.model_ms = ms / static_cast<double>(texts.size());
    execute_intent(r.intent, p.operands, &r.output, &r.program, &r.error);
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace anvil::pipeline
