// Hand-written JSON serialisation of dataset records: no allocation beyond the output buffer,
// fixed key order, so the generator can write >100k records/s.
#include <cstring>

#include "anvil/datagen/intents.h"
#include "anvil/datagen/record.h"

namespace anvil::datagen {
namespace {

void append_int_list(const int64_t* values, size_t count, std::string* out) {
  *out += '[';
  for (size_t i = 0; i < count; ++i) {
    if (i) *out += ',';
    append_int(*out, values[i]);
  }
  *out += ']';
}

}  // namespace

void append_record_json(const Record& record, std::string* out) {
  *out += "{\"text\":";
  append_json_string(record.text, out);
  *out += ",\"intent\":";
  append_json_string(record.intent, out);
  *out += ",\"level\":";
  append_int(*out, record.level);
  *out += ",\"operand_count\":";
  append_int(*out, record.operand_count);
  *out += ",\"operands\":";
  append_int_list(record.operands.data(), record.operands.size(), out);
  *out += ",\"program\":";
  append_json_string(record.program, out);
  *out += ",\"test_cases\":[";
  for (size_t i = 0; i < record.test_cases.size(); ++i) {
    const TestCase& tc = record.test_cases[i];
    if (i) *out += ',';
    *out += "{\"inputs\":";
    append_int_list(tc.inputs.data(), tc.inputs.size(), out);
    *out += ",\"output\":";
    append_int_list(tc.output.data(), tc.output.size(), out);
    *out += '}';
  }
  *out += "]}";
}

std::string record_to_json(const Record& record) {
  std::string out;
  append_record_json(record, &out);
  return out;
}

}  // namespace anvil::datagen
