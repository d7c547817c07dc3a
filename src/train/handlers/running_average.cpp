// Per-epoch running means of step outputs.
#include "anvil/train/handlers/running_average.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "anvil/core/error.h"

namespace anvil::train {

void RunningAverage::attach(Engine& engine) {
  engine.on(on(Event::kEpochStarted), [this](Engine&) { sums_.clear(); });
  engine.on(on(Event::kIterationCompleted), [this](Engine& e) {
    for (const auto& [k, v] : e.state().output) {
      auto& s = sums_[k];
      s.first += v;
      s.second += 1;
    }
  });
  engine.on(on(Event::kEpochCompleted), [this](Engine& e) {
    for (const auto& [k, s] : sums_) e.state().metrics["train_" + k] = s.first / s.second;
  });
}

namespace {

// JSON has no NaN or infinity: those sums are kept as strings.
nlohmann::json sum_to_json(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return v;
}

double sum_from_json(const nlohmann::json& j) {
  if (!j.is_string()) return j.get<double>();
  const auto s = j.get<std::string>();
  if (s == "nan") return NAN;
  if (s == "inf") return INFINITY;
  if (s == "-inf") return -INFINITY;
  throw Error("running_average state: '" + s + "' is not a number");
}

}  // namespace

std::string RunningAverage::save_state() const {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, s] : sums_) j[k] = {sum_to_json(s.first), s.second};
  return j.dump();
}

void RunningAverage::load_state(const std::string& state) {
  sums_.clear();
  if (state.empty()) return;  // checkpoints written before the sums were saved
  try {
    const auto saved = nlohmann::json::parse(state);  // alive for the loop: items() refers to it
    for (const auto& [k, v] : saved.items())
      sums_[k] = {sum_from_json(v.at(0)), v.at(1).get<int64_t>()};
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("running_average state: ") + e.what());
  }
}

double RunningAverage::mean(const std::string& key) const {
  auto it = sums_.find(key);
  return it == sums_.end() || it->second.second == 0 ? NAN : it->second.first / it->second.second;
}

}  // namespace anvil::train
