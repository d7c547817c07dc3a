// Training data for the router that sends each request to the specialist that handles it: the
// specialists' prompts labelled with their specialist's name, plus out-of-domain requests
// labelled "none", written as intent records (record.h) so `anvil train` trains the byte-CNN
// classifier on them unchanged. The classifier sees a fixed-size view of a request (router_view:
// its head and tail, where the instruction is), the same at training and at serving.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "anvil/datagen/record.h"

namespace anvil::datagen {

// At most `max_bytes` of `text`: all of it if it fits, else its first and last max_bytes/2
// bytes joined by "\n", cut on UTF-8 character boundaries.
std::string router_view(std::string_view text, int64_t max_bytes);

struct RouterDataOptions {
  std::string specialists = "all";  // "all", a name or "a,b,c"
  int64_t n = 20000;                // records in total (specialists in equal parts + negatives)
  double negatives = 0.1;           // fraction labelled "none" (0..0.5)
  uint64_t seed = 42;
  int64_t max_bytes = 256;  // the router's view of a request (match data.max_length)
  std::string output;       // JSONL path (required); written atomically
  void validate() const;
};

struct RouterDataReport {
  int64_t written = 0, negatives = 0, specialists = 0;
};

// Negatives are the training split of out_of_domain.h without its specialist-prompt category
// (random text, arithmetic phrasings stripped of their numbers, requests with too many numbers).
RouterDataReport generate_router_dataset(const RouterDataOptions& options);

// A held-out set for evaluating a router: `per_specialist` prompts of each specialist drawn with
// `seed` (use one training never saw). Records' text is the full prompt, not the view.
std::vector<Record> router_eval_records(const std::string& specialists, int64_t per_specialist,
                                        uint64_t seed);

// Requests no specialist should take, `n` per category, drawn with `seed`: "arithmetic" (the
// intent classifier's requests, a category router training never sees), then the evaluation
// split of out_of_domain.h: "random_text", "blank", "no_numbers", "too_many_numbers".
std::vector<std::pair<std::string, std::vector<std::string>>> router_ood_requests(int64_t n,
                                                                                 uint64_t seed);

}  // namespace anvil::datagen
