// Internal: one factory per specialist generator file (src/datagen/specialists/<name>.cpp);
// registry.cpp lists them in table order.
#pragma once

#include "anvil/datagen/specialist.h"

namespace anvil::datagen::specialists {

SpecialistSpec invoice_processing_spec();
SpecialistSpec receipt_parsing_spec();
SpecialistSpec document_extraction_spec();
SpecialistSpec contract_analysis_spec();
SpecialistSpec email_triage_spec();
SpecialistSpec support_ticket_routing_spec();
SpecialistSpec sentiment_analysis_spec();
SpecialistSpec entity_extraction_spec();
SpecialistSpec pii_redaction_spec();
SpecialistSpec address_parsing_spec();
SpecialistSpec date_normalization_spec();
SpecialistSpec unit_conversion_spec();
SpecialistSpec currency_conversion_spec();
SpecialistSpec math_word_problems_spec();
SpecialistSpec table_to_json_spec();
SpecialistSpec csv_cleaning_spec();
SpecialistSpec json_repair_spec();
SpecialistSpec log_analysis_spec();
SpecialistSpec sql_generation_spec();
SpecialistSpec regex_extraction_spec();
SpecialistSpec resume_parsing_spec();
SpecialistSpec purchase_order_matching_spec();
SpecialistSpec expense_categorization_spec();
SpecialistSpec bank_reconciliation_spec();
SpecialistSpec product_categorization_spec();
SpecialistSpec spam_detection_spec();
SpecialistSpec intent_classification_spec();
SpecialistSpec calendar_scheduling_spec();
SpecialistSpec meeting_action_items_spec();
SpecialistSpec question_answering_spec();
SpecialistSpec fact_verification_spec();
SpecialistSpec context_protocol_spec();
SpecialistSpec confidence_calibration_spec();
SpecialistSpec copy_drill_spec();
SpecialistSpec copy_repeat_spec();
SpecialistSpec compare_drill_spec();

}  // namespace anvil::datagen::specialists
