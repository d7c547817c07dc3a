// Specialist dataset records, one JSON object per line. Text form (the default):
//   {"specialist":..., "prompt":..., "response":..., "text":..., "meta":{...}}
// `response` is the canonical JSON answer as a string; `text` is the training string:
//   <prompt>\n\nAssistant: <response>\n[confidence: 0.97]
// (multi-turn examples render earlier turns as "User: ...\n\nAssistant: ..." before the prompt).
// Chat form: {"specialist":..., "messages":[{"role":"user","content":...},
//   {"role":"assistant","content":...}, ...], "meta":{...}}; the last assistant message is the
// response. meta = {"index", "template", "layout", "confidence"}.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "anvil/datagen/specialist.h"

namespace anvil::datagen {

enum class RecordFormat { kText, kMessages };

// "text" | "messages"; throws a usage error otherwise.
RecordFormat parse_record_format(std::string_view name);

// Appends the record (no trailing newline) for example number `index`.
void append_specialist_record(const SpecialistSpec& spec, const Example& example, uint64_t index,
                              RecordFormat format, std::string* out);

// The training string of a text-form record.
void append_training_text(const Example& example, std::string* out);

// "0.97": confidence with two decimals.
std::string format_confidence(double confidence);

// A record read back (either form).
struct SpecialistRecord {
  std::string specialist;
  std::string prompt;    // text form: prompt; chat form: the last user message
  std::string response;  // canonical JSON answer
  std::string work;      // worked steps before the answer (calculator calls), usually empty
  std::string text;      // text form only
  double confidence = 1.0;
  bool has_confidence = false;
  std::vector<Turn> history;  // chat form: earlier user/assistant pairs
  RecordFormat format = RecordFormat::kText;
};

// Parses record lines, reusing its buffers (one per thread). Throws anvil::Error
// "path:line: ..." naming the missing or mistyped key, or the JSON error.
class SpecialistRecordParser {
 public:
  SpecialistRecordParser();
  ~SpecialistRecordParser();
  SpecialistRecord parse(std::string_view line, const std::string& path, size_t line_number);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One-off convenience form of SpecialistRecordParser::parse.
SpecialistRecord parse_specialist_record(std::string_view line, const std::string& path,
                                         size_t line_number);

}  // namespace anvil::datagen
