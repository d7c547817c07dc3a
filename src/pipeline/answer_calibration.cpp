// A trained model's answer calibration: the file in its folder and one answer's confidence.
#include "anvil/pipeline/answer_calibration.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/datagen/specialist_validator.h"
#include "anvil/pipeline/sft_data.h"

namespace anvil::pipeline {

// log(p / (1 - p)) of p = exp(log_prob), kept finite for answers the model is sure of.
double answer_log_odds(double log_prob) {
  const double lp = std::min(log_prob, -1e-12);
  return std::clamp(lp - std::log(-std::expm1(lp)), -50.0, 50.0);
}

double calibrated_confidence(double log_prob, double temperature) {
  return 1.0 / (1.0 + std::exp(-answer_log_odds(log_prob) / temperature));
}

double AnswerCalibration::confidence(double log_prob, const std::string& specialist) const {
  const auto it = specialists.find(specialist);
  if (it == specialists.end()) return confidence(log_prob);
  const double z = it->second.scale * answer_log_odds(log_prob) + it->second.bias;
  return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z));
}

double AnswerCalibration::confidence_of_answer(double log_prob, std::string_view answer) const {
  const auto* spec = datagen::specialist_of_answer(answer);
  return confidence(log_prob, spec ? spec->name : std::string());
}

double answer_log_prob(const tokenize::Tokenizer& tok, size_t answer_bytes,
                       const std::vector<int64_t>& ids, const std::vector<float>& logprobs) {
  double sum = 0;
  size_t at = 0;  // bytes of text before token i
  for (size_t i = 0; i < ids.size() && i < logprobs.size() && at < answer_bytes; ++i) {
    sum += logprobs[i];
    at += tok.decode({ids[i]}).size();
  }
  return sum;
}

std::optional<double> served_confidence(const AnswerCalibration& calibration,
                                        const tokenize::Tokenizer& tok, const std::string& text,
                                        bool ended, const std::vector<int64_t>& ids,
                                        const std::vector<float>& logprobs) {
  const size_t line = text.find(kSftConfidence);
  if (!ended && line == std::string::npos) return std::nullopt;
  const size_t answer = line == std::string::npos ? text.size() : line;
  return calibration.confidence_of_answer(answer_log_prob(tok, answer, ids, logprobs),
                                          std::string_view(text).substr(0, answer));
}

void save_answer_calibration(const AnswerCalibration& c, const std::string& model_dir) {
  nlohmann::json specialists = nlohmann::json::object();
  for (const auto& [name, f] : c.specialists)
    specialists[name] = {{"scale", f.scale}, {"bias", f.bias}, {"fit_records", f.fit_records}};
  const nlohmann::json j = {
      {"format", "anvil answer calibration"},
      {"version", 2},
      {"signal", "answer probability: exp(sum of the answer tokens' log-probabilities)"},
      {"confidence",
       "sigmoid(scale * log(p / (1 - p)) + bias) with the scaling of the specialist whose fields "
       "the answer's JSON has, else sigmoid(log(p / (1 - p)) / temperature)"},
      {"temperature", c.temperature},
      {"specialists", specialists},
      {"fit_records", c.fit_records},
      {"measured_records", c.measured_records},
      {"ece_answer_probability", c.ece_probability},
      {"ece_calibrated", c.ece_calibrated}};
  write_file_atomic(model_dir + "/" + kAnswerCalibrationFile, j.dump(2) + "\n");
}

std::optional<AnswerCalibration> load_answer_calibration(const std::string& model_dir) {
  const std::string path = model_dir + "/" + kAnswerCalibrationFile;
  if (!std::filesystem::is_directory(model_dir) || !file_exists(path)) return std::nullopt;
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(read_file(path));
  } catch (const nlohmann::json::exception& e) {
    throw Error(path + ": not valid JSON (" + e.what() + ")");
  }
  auto number = [&](const char* key) {
    if (!j.is_object() || !j.contains(key) || !j[key].is_number())
      throw Error(path + ": '" + key + "' must be a number");
    return j[key].get<double>();
  };
  AnswerCalibration c;
  c.temperature = number("temperature");
  if (!std::isfinite(c.temperature) || c.temperature <= 0)
    throw Error(path + ": 'temperature' must be a positive number, got " + j["temperature"].dump());
  auto count = [&](const char* key) {
    const double v = number(key);
    if (!(v >= 0 && v <= 1e12 && v == std::floor(v)))
      throw Error(path + ": '" + key + "' must be a whole number of answers, got " + j[key].dump());
    return static_cast<int64_t>(v);
  };
  c.fit_records = count("fit_records");
  c.measured_records = count("measured_records");
  c.ece_probability = number("ece_answer_probability");
  c.ece_calibrated = number("ece_calibrated");
  // Version 1 files (one temperature) have no per-specialist scalings.
  if (!j.contains("specialists")) return c;
  if (!j["specialists"].is_object())
    throw Error(path + ": 'specialists' must be an object of {scale, bias, fit_records}");
  for (const auto& [name, f] : j["specialists"].items()) {
    const std::string key = "specialists." + name;
    auto field = [&](const char* what) {
      if (!f.is_object() || !f.contains(what) || !f[what].is_number() ||
          !std::isfinite(f[what].get<double>()))
        throw Error(path + ": '" + key + "." + what + "' must be a number");
      return f[what].get<double>();
    };
    c.specialists[name] = {field("scale"), field("bias"),
                           static_cast<int64_t>(field("fit_records"))};
  }
  return c;
}

}  // namespace anvil::pipeline
