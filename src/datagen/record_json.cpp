// Hand-written JSON serialisation of dataset records: no allocation beyond the output buffer,
// fixed key order, so the generator can write >100k records/s.
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

void append_json_string(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  *out += '"';
  size_t run_start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run_start, i - run_start);
    run_start = i + 1;
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\f':
        *out += "\\f";
        break;
      default:
        *out += "\\u00";
        *out += kHex[c >> 4];
        *out += kHex[c & 15];
    }
  }
  out->append(s.data() + run_start, s.size() - run_start);
  *out += '"';
}

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
