// Early stopping on a validation score.
#include "anvil/train/handlers/early_stopping.h"

#include <cstdio>
#include <sstream>

#include "anvil/core/error.h"

namespace anvil::train {

EarlyStopping::EarlyStopping(EarlyStoppingOptions options) : options_(std::move(options)) {
  if (options_.patience < 0)
    throw Error("early stopping: patience = " + std::to_string(options_.patience) +
                ": must be >= 0");
}

void EarlyStopping::attach(Engine& engine) {
  engine.on(on(Event::kEpochCompleted), [this](Engine& e) {
    if (options_.patience == 0) return;
    auto it = e.state().metrics.find(options_.score_key);
    if (it == e.state().metrics.end())
      throw Error("early stopping: metric '" + options_.score_key +
                  "' was not produced; attach an evaluator that computes it first");
    if (it->second > best_ + options_.min_delta) {
      best_ = it->second;
      bad_epochs_ = 0;
    } else if (++bad_epochs_ >= options_.patience) {
      char by[48] = "";
      if (options_.min_delta > 0) std::snprintf(by, sizeof by, " by more than %g", options_.min_delta);
      char msg[200];
      std::snprintf(msg, sizeof msg, "early stopping: %s has not improved on %.4f%s for %lld epochs",
                    options_.score_key.c_str(), best_, by, static_cast<long long>(bad_epochs_));
      e.terminate(msg);
    }
  });
}

std::string EarlyStopping::save_state() const {
  std::ostringstream os;
  os.precision(17);
  os << best_ << ' ' << bad_epochs_;
  return os.str();
}

void EarlyStopping::load_state(const std::string& state) {
  std::istringstream is(state);
  std::string best;
  if (!(is >> best >> bad_epochs_))
    throw Error("early stopping: invalid saved state '" + state + "'");
  best_ = std::stod(best);
}

}  // namespace anvil::train
