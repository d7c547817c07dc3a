// The neural router (see router.h).
#include "anvil/serve/router.h"

#include <torch/torch.h>

#include <cstdio>

#include "anvil/datagen/out_of_domain.h"
#include "anvil/datagen/router_records.h"
#include "anvil/pipeline/abstention.h"

namespace anvil::serve {

Router::Router(const std::string& model_dir, double threshold)
    : model_(models::load_intent_model(model_dir, torch::kCPU)) {
  model_.net->eval();
  threshold_ = threshold >= 0 ? threshold : model_.calibration.threshold;
  bool has_none = false;
  for (const auto& l : model_.intents) has_none = has_none || l == datagen::kNoIntent;
  if (!has_none)
    throw Error(model_dir + ": this classifier has no \"" + std::string(datagen::kNoIntent) +
                "\" class, so it cannot refuse requests for no specialist; train it on router "
                "records (anvil datagen --router)");
}

RouteDecision Router::route(const std::string& text) {
  const auto view = datagen::router_view(text, model_.net->config().max_length);
  pipeline::Judgement j;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    j = pipeline::judge_requests(model_, {view}).front();
  }
  RouteDecision d;
  d.confidence = j.confidence;
  const std::string why = pipeline::abstain_reason(j, threshold_);
  if (why.empty()) {
    d.model = j.intent;
    d.reason = "routed to " + j.intent;
    return d;
  }
  d.reason = why + "; best guesses:";
  for (const auto& [name, p] : j.guesses) {
    char buf[32];
    std::snprintf(buf, sizeof buf, " %.3f", p);
    d.reason += " " + name + buf;
  }
  return d;
}

void Router::check_covers(const std::vector<std::string>& served) const {
  std::string missing;
  for (const auto& l : model_.intents) {
    if (l == datagen::kNoIntent) continue;
    if (std::find(served.begin(), served.end(), l) == served.end())
      missing += (missing.empty() ? "" : ", ") + l;
  }
  if (!missing.empty())
    throw usage_error("the router can choose specialists no served model answers: " + missing +
                      " (serve an adapter folder named after each)")
        .about("router");
}

RouterEvaluation evaluate_router(
    Router& router, const std::vector<datagen::Record>& in_domain,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& out_of_domain) {
  RouterEvaluation e;
  for (const auto& r : in_domain) {
    const RouteDecision d = router.route(r.text);
    ++e.in_domain;
    if (d.model == r.intent) {
      ++e.routed_right;
      continue;
    }
    if (d.model.empty())
      ++e.refused_in_domain;
    else
      ++e.routed_wrong;
    if (e.first_mistakes.size() < 10)
      e.first_mistakes.push_back(
          {r.intent, (d.model.empty() ? "refused (" + d.reason + ")" : d.model) + ": " +
                         r.text.substr(0, 120)});
  }
  for (const auto& [name, texts] : out_of_domain) {
    RouterEvaluation::Category c{name, 0, 0};
    for (const auto& t : texts) {
      ++c.n;
      if (router.route(t).model.empty()) ++c.refused;
    }
    e.out_of_domain.push_back(c);
  }
  return e;
}

}  // namespace anvil::serve
