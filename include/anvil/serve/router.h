// The neural router behind "model": "auto": a byte-CNN intent classifier trained on router
// records (datagen/router_records.h) reads the request's router view and names the specialist,
// or refuses: blank, its "none" class wins, or its calibrated confidence is under the model's
// threshold (the intent pipeline's abstention, pipeline/abstention.h).
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "anvil/datagen/record.h"
#include "anvil/models/intent_model.h"
#include "anvil/serve/server.h"

namespace anvil::serve {

class Router {
 public:
  // A model folder written by `anvil train` on router records. `threshold` < 0 takes the
  // model's calibrated threshold.
  explicit Router(const std::string& model_dir, double threshold = -1);
  RouteDecision route(const std::string& text);
  // Throws naming the specialists the router can pick that no served model answers.
  void check_covers(const std::vector<std::string>& served) const;
  const std::vector<std::string>& labels() const { return model_.intents; }
  double threshold() const { return threshold_; }

 private:
  models::IntentModel model_;
  double threshold_ = 0;
  std::mutex mutex_;
};

struct RouterEvaluation {
  int64_t in_domain = 0, routed_right = 0, routed_wrong = 0, refused_in_domain = 0;
  struct Category {
    std::string name;
    int64_t n = 0, refused = 0;
  };
  std::vector<Category> out_of_domain;                              // refused = caught
  std::vector<std::pair<std::string, std::string>> first_mistakes;  // (expected, got: text)
};

// Routes `in_domain` records (intent = the right specialist) and out-of-domain requests grouped
// by category name, counting right, wrong and refused.
RouterEvaluation evaluate_router(
    Router& router, const std::vector<datagen::Record>& in_domain,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& out_of_domain);

}  // namespace anvil::serve
