// Router training and evaluation records (see router_records.h).
#include "anvil/datagen/router_records.h"

#include "anvil/core/error.h"
#include "anvil/core/rng.h"
#include "anvil/datagen/generator.h"
#include "anvil/datagen/intents.h"
#include "anvil/datagen/out_of_domain.h"
#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_generator.h"
#include "jsonl_writer.h"

namespace anvil::datagen {

namespace {

// The largest cut <= `at` that does not split a UTF-8 character.
size_t char_boundary(std::string_view s, size_t at) {
  while (at > 0 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return at;
}

Record router_record(std::string text, std::string label) {
  Record r;
  r.text = std::move(text);
  r.intent = std::move(label);
  return r;
}

// Training negatives: everything the out-of-domain training split draws except specialist
// prompts (in scope for the router). Blank requests are refused by a rule, not learnt.
OodRequest draw_negative(Rng& rng) {
  for (;;) {
    OodRequest r = sample_out_of_domain(OodSplit::kTraining, rng);
    if (r.category != OodCategory::kSpecialist && !r.text.empty()) return r;
  }
}

}  // namespace

std::string router_view(std::string_view text, int64_t max_bytes) {
  if (max_bytes < 2) throw usage_error("router_view: max_bytes must be >= 2");
  const size_t max = static_cast<size_t>(max_bytes);
  if (text.size() <= max) return std::string(text);
  const size_t half = (max - 1) / 2;
  const size_t head = char_boundary(text, half);
  size_t tail = text.size() - half;
  while (tail < text.size() && (static_cast<unsigned char>(text[tail]) & 0xC0) == 0x80) ++tail;
  return std::string(text.substr(0, head)) + "\n" + std::string(text.substr(tail));
}

namespace {

// The specialists a router chooses among: those named, without weights (a router's classes are
// not a data mix); "all" leaves out auxiliary skills (copy_drill, copy_repeat, compare_drill),
// which no request is routed to.
std::vector<const SpecialistSpec*> routed_specialists(const std::string& names) {
  std::vector<const SpecialistSpec*> out;
  for (const auto& w : select_weighted_specialists(names)) {
    if (w.weight != 1)
      throw usage_error("router records take no weights: '" + w.spec->name + "*" +
                        std::to_string(w.weight) + "' in '" + names + "'");
    if (names == "all" && w.spec->auxiliary) continue;
    out.push_back(w.spec);
  }
  return out;
}

}  // namespace

void RouterDataOptions::validate() const {
  if (n < 1) throw usage_error("router data: n must be >= 1, got " + std::to_string(n));
  if (!(negatives >= 0 && negatives <= 0.5))
    throw usage_error("router data: negatives must be in [0, 0.5], got " +
                      std::to_string(negatives));
  if (max_bytes < 16)
    throw usage_error("router data: max_bytes must be >= 16, got " + std::to_string(max_bytes));
  if (output.empty()) throw usage_error("router data: output path is required");
  routed_specialists(specialists);
}

RouterDataReport generate_router_dataset(const RouterDataOptions& options) {
  options.validate();
  const auto specs = routed_specialists(options.specialists);
  Rng rng(options.seed ^ 0x726f75746572ULL);  // "router": its own stream
  detail::JsonlWriter writer(options.output);
  RouterDataReport report;
  report.specialists = static_cast<int64_t>(specs.size());
  Example ex;
  int64_t positive = 0;
  for (int64_t i = 0; i < options.n; ++i) {
    Record r;
    if (rng.uniform() < options.negatives) {
      r = router_record(router_view(draw_negative(rng).text, options.max_bytes), kNoIntent);
      ++report.negatives;
    } else {
      const SpecialistSpec& spec = *specs[static_cast<size_t>(positive) % specs.size()];
      generate_specialist_example(spec, options.seed, static_cast<uint64_t>(positive), &ex);
      r = router_record(router_view(ex.prompt, options.max_bytes), spec.name);
      ++positive;
    }
    writer.buffer() += record_to_json(r);
    writer.buffer() += '\n';
    writer.maybe_flush();
    ++report.written;
  }
  writer.commit();
  return report;
}

std::vector<Record> router_eval_records(const std::string& specialists, int64_t per_specialist,
                                        uint64_t seed) {
  const auto specs = routed_specialists(specialists);
  std::vector<Record> out;
  Example ex;
  for (int64_t i = 0; i < per_specialist; ++i)
    for (const SpecialistSpec* spec : specs) {
      generate_specialist_example(*spec, seed, static_cast<uint64_t>(i), &ex);
      out.push_back(router_record(ex.prompt, spec->name));
    }
  return out;
}

std::vector<std::pair<std::string, std::vector<std::string>>> router_ood_requests(int64_t n,
                                                                                  uint64_t seed) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  Rng rng(seed);
  std::vector<std::string> arithmetic;
  const auto& intents = intent_table();
  Record r;
  for (int64_t i = 0; i < n; ++i) {
    make_synthetic_record(intents[static_cast<size_t>(i) % intents.size()], rng, &r);
    arithmetic.push_back(r.text);
  }
  out.emplace_back("arithmetic", std::move(arithmetic));
  for (OodCategory c : {OodCategory::kRandomText, OodCategory::kBlank, OodCategory::kNoNumbers,
                        OodCategory::kTooManyNumbers}) {
    std::vector<std::string> texts;
    Rng draw(seed ^ (0x9E3779B97F4A7C15ULL * (static_cast<uint64_t>(c) + 1)));
    while (static_cast<int64_t>(texts.size()) < n) {
      OodRequest q = sample_out_of_domain(OodSplit::kEvaluation, draw);
      if (q.category == c) texts.push_back(std::move(q.text));
    }
    out.emplace_back(ood_category_name(c), std::move(texts));
  }
  return out;
}

}  // namespace anvil::datagen
