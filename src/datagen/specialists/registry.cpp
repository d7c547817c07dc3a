// The specialist table (one entry per generator file) and name lookup.
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
      copy_drill_spec(),  // auxiliary: copying by label, for recipes to mix in
  };
  return kTable;
}

const SpecialistSpec* find_specialist(std::string_view name) {
  for (const SpecialistSpec& s : specialist_table()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::vector<const SpecialistSpec*> select_specialists(std::string_view names) {
  std::vector<const SpecialistSpec*> out;
  if (names == "all") {
    for (const SpecialistSpec& s : specialist_table()) out.push_back(&s);
    return out;
  }
  std::vector<std::string> known;
  for (const SpecialistSpec& s : specialist_table()) known.push_back(s.name);
  size_t pos = 0;
  while (pos <= names.size()) {
    size_t comma = names.find(',', pos);
    if (comma == std::string_view::npos) comma = names.size();
    std::string name(names.substr(pos, comma - pos));
    while (!name.empty() && name.back() == ' ') name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    if (!name.empty()) {
      const SpecialistSpec* s = find_specialist(name);
      if (!s) {
        throw usage_error("unknown specialist '" + name + "'" + did_you_mean(name, known) +
                          " (see `anvil datagen --list`)");
      }
      bool dup = false;
      for (auto* o : out) dup |= o == s;
      if (!dup) out.push_back(s);
    }
    pos = comma + 1;
  }
  if (out.empty()) throw usage_error("no specialist named in '" + std::string(names) + "'");
  return out;
}

}  // namespace anvil::datagen
