// Knowing when not to answer. Each request is judged once (digits of other scripts normalised to
// ASCII, the classifier run, its confidence calibrated by the model's temperature), then refused
// when it is blank, when the model's "none" class wins, when the request spells out fewer or more
// numbers than the intent takes, or when the calibrated confidence is below the model's threshold.
// The threshold is chosen between the in-domain validation requests (a stated false-abstain rate
// caps it) and generated out-of-domain requests (margin_threshold).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "anvil/models/intent_model.h"

namespace anvil::pipeline {

struct Judgement {
  std::string text;  // the request with digits normalised to ASCII
  bool digits_normalised = false;
  std::string intent;         // the model's best intent (may be datagen::kNoIntent)
  double confidence = 0;      // calibrated probability of `intent`
  double raw_confidence = 0;  // the same at temperature 1
  std::vector<std::pair<std::string, double>> guesses;  // best 3 intents, calibrated
  models::Prediction prediction;                        // operand count and values
  int64_t numbers = 0;      // integers written in the request (that fit in int64)
  std::string rule_reason;  // refused whatever the threshold: blank, "none", number count
};

// Judges every request in batches of `batch_size` (model in eval mode, no gradients).
std::vector<Judgement> judge_requests(models::IntentModel& model,
                                      const std::vector<std::string>& texts,
                                      int64_t batch_size = 1024);

// Why to abstain on `j` at `threshold`, or "" to answer.
std::string abstain_reason(const Judgement& j, double threshold);

// The highest threshold at which at most `target` of `in_domain` requests are abstained
// (counting those refused by a rule, which no threshold saves); 0 if the rules alone exceed it.
double choose_threshold(const std::vector<Judgement>& in_domain, double target);

// Midway between `ceiling` (choose_threshold on the in-domain requests) and the floor: the highest
// confidence among `out_of_domain` requests that no rule refuses and that `ceiling` catches (0 when
// none does). Every such request the ceiling catches is still caught, and the margin keeps
// in-domain requests worded a little unlike the validation split answered: the validation split
// shares its phrasings with training, so its confidences sit near 1 and the ceiling with them.
// Sets *floor to the floor when given.
double margin_threshold(double ceiling, const std::vector<Judgement>& out_of_domain,
                        double* floor = nullptr);

// Fraction of `judged` abstained at `threshold`.
double abstain_rate(const std::vector<Judgement>& judged, double threshold);

}  // namespace anvil::pipeline
