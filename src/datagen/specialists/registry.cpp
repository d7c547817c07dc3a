// The specialist table (one entry per generator file) and name lookup.
#include <algorithm>
#include <utility>

#include "anvil/core/error.h"
#include "anvil/core/suggest.h"
#include "anvil/datagen/specialist.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen {

const std::vector<SpecialistSpec>& specialist_table() {
  using namespace specialists;
  static const std::vector<SpecialistSpec> kTable = {
      invoice_processing_spec(),
      receipt_parsing_spec(),
      document_extraction_spec(),
      contract_analysis_spec(),
      email_triage_spec(),
      support_ticket_routing_spec(),
      sentiment_analysis_spec(),
      entity_extraction_spec(),
      pii_redaction_spec(),
      address_parsing_spec(),
      date_normalization_spec(),
      unit_conversion_spec(),
      currency_conversion_spec(),
      math_word_problems_spec(),
      table_to_json_spec(),
      csv_cleaning_spec(),
      json_repair_spec(),
      log_analysis_spec(),
      sql_generation_spec(),
      regex_extraction_spec(),
      resume_parsing_spec(),
      purchase_order_matching_spec(),
      expense_categorization_spec(),
      bank_reconciliation_spec(),
      product_categorization_spec(),
      spam_detection_spec(),
      intent_classification_spec(),
      calendar_scheduling_spec(),
      meeting_action_items_spec(),
      question_answering_spec(),
      fact_verification_spec(),
      context_protocol_spec(),
      confidence_calibration_spec(),
      copy_drill_spec(),     // auxiliary: copying by label, for recipes to mix in
      copy_repeat_spec(),    // auxiliary: verbatim copying, for recipes to mix in
      compare_drill_spec(),  // auxiliary: same or not, for confidence_calibration's count
  };
  return kTable;
}

const SpecialistSpec* find_specialist(std::string_view name) {
  for (const SpecialistSpec& s : specialist_table()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

namespace {

// "name" or "name*K" -> the name and K (1 without a weight). `entry` is trimmed.
std::pair<std::string, int64_t> split_weight(const std::string& entry) {
  const size_t star = entry.find('*');
  if (star == std::string::npos) return {entry, 1};
  std::string name = entry.substr(0, star);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  std::string k = entry.substr(star + 1);
  while (!k.empty() && k.front() == ' ') k.erase(0, 1);
  const bool digits =
      !k.empty() && k.size() <= 4 && k.find_first_not_of("0123456789") == std::string::npos;
  const int64_t weight = digits ? std::stoll(k) : 0;
  if (weight < 1 || weight > 1000) {
    throw usage_error("specialist weight in '" + entry +
                      "' must be a whole number from 1 to 1000 (name*K)");
  }
  return {name, weight};
}

}  // namespace

std::vector<WeightedSpecialist> select_weighted_specialists(std::string_view names) {
  std::vector<WeightedSpecialist> out;
  if (names == "all") {
    for (const SpecialistSpec& s : specialist_table()) out.push_back({&s, 1});
    return out;
  }
  std::vector<std::string> known;
  for (const SpecialistSpec& s : specialist_table()) known.push_back(s.name);
  size_t pos = 0;
  while (pos <= names.size()) {
    size_t comma = names.find(',', pos);
    if (comma == std::string_view::npos) comma = names.size();
    std::string entry(names.substr(pos, comma - pos));
    while (!entry.empty() && entry.back() == ' ') entry.pop_back();
    while (!entry.empty() && entry.front() == ' ') entry.erase(0, 1);
    if (!entry.empty()) {
      const auto [name, weight] = split_weight(entry);
      const SpecialistSpec* s = find_specialist(name);
      if (!s) {
        throw usage_error("unknown specialist '" + name + "'" + did_you_mean(name, known) +
                          " (see `anvil datagen --list`)");
      }
      bool dup = false;
      for (const auto& o : out) dup |= o.spec == s;
      if (dup)
        throw usage_error("specialist '" + name + "' is named twice in '" + std::string(names) +
                          "'");
      out.push_back({s, weight});
    }
    pos = comma + 1;
  }
  if (out.empty()) throw usage_error("no specialist named in '" + std::string(names) + "'");
  return out;
}

std::vector<const SpecialistSpec*> select_specialists(std::string_view names) {
  std::vector<const SpecialistSpec*> out;
  for (const auto& w : select_weighted_specialists(names)) out.push_back(w.spec);
  return out;
}

std::vector<const SpecialistSpec*> mix_cycle(const std::vector<WeightedSpecialist>& mix) {
  std::vector<const SpecialistSpec*> cycle;
  int64_t rounds = 0;
  for (const auto& w : mix) rounds = std::max(rounds, w.weight);
  for (int64_t r = 0; r < rounds; ++r) {
    for (const auto& w : mix) {
      if (w.weight > r) cycle.push_back(w.spec);
    }
  }
  return cycle;
}

}  // namespace anvil::datagen
