// Intent records: strict parsing of one JSONL line with simdjson (DOM, reused parser) and loading
// of a whole file with optional skipping of bad lines.
#include "anvil/data/intent_record.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <optional>

#include "anvil/core/error.h"
#include "anvil/core/utf8.h"
#include "anvil/data/jsonl.h"

namespace anvil::data {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

// Thrown inside the parser and turned into "path:LINE: problem" at the boundary.
struct Problem {
  std::string text;
};

[[noreturn]] void fail(std::string text) { throw Problem{std::move(text)}; }

std::string double_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.17g", v);
  std::string s = buf;
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";  // keep it visibly non-integer
  return s;
}

// "a string \"abc\"", "the number 2.5", "an array of 3 values", ... for "found ..." messages.
std::string describe(const element& e) {
  switch (e.type()) {
    case element_type::ARRAY:
      return "an array of " + std::to_string(array(e).size()) + " values";
    case element_type::OBJECT:
      return "an object";
    case element_type::INT64:
      return "the number " + std::to_string(int64_t(e));
    case element_type::UINT64:
      return "the number " + std::to_string(uint64_t(e));
    case element_type::DOUBLE:
      return "the number " + double_text(double(e));
    case element_type::STRING: {
      std::string_view s = e;
      if (s.size() > 40) return "a string \"" + std::string(s.substr(0, 40)) + "...\"";
      return "a string \"" + std::string(s) + "\"";
    }
    case element_type::BOOL:
      return bool(e) ? "true" : "false";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "an unknown value";
}

// The field `key`, or nullopt when absent (or null, if `null_is_absent`).
std::optional<element> find_field(const object& obj, std::string_view key, bool null_is_absent) {
  element value;
  if (obj.at_key(key).get(value) != simdjson::SUCCESS) return std::nullopt;
  if (null_is_absent && value.is_null()) return std::nullopt;
  return value;
}

element required_field(const object& obj, std::string_view key) {
  auto value = find_field(obj, key, /*null_is_absent=*/false);
  if (!value) fail("missing required field '" + std::string(key) + "'");
  return *value;
}

std::string as_string(const element& e, const std::string& field) {
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS) {
    fail("field '" + field + "' must be a string (found " + describe(e) + ")");
  }
  return std::string(s);
}

int64_t as_int64(const element& e, const std::string& field) {
  int64_t v;
  if (e.get_int64().get(v) != simdjson::SUCCESS) {
    fail("field '" + field + "' must be an integer (found " + describe(e) + ")");
  }
  return v;
}

int as_int(const element& e, const std::string& field) {
  const int64_t v = as_int64(e, field);
  if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
    fail("field '" + field + "' is " + std::to_string(v) + ", outside the int range");
  }
  return static_cast<int>(v);
}

std::vector<int64_t> as_int_array(const element& e, const std::string& field) {
  array arr;
  if (e.get_array().get(arr) != simdjson::SUCCESS) {
    fail("field '" + field + "' must be an array of integers (found " + describe(e) + ")");
  }
  std::vector<int64_t> out;
  out.reserve(arr.size());
  for (element item : arr) {
    int64_t v;
    if (item.get_int64().get(v) != simdjson::SUCCESS) {
      fail("field '" + field + "' must be an array of integers (found " + describe(item) +
           " at index " + std::to_string(out.size()) + ")");
    }
    out.push_back(v);
  }
  return out;
}

std::array<int64_t, kIntentMaxOperands> as_operands(const element& e) {
  const std::string expected =
      "field 'operands' must be an array of " + std::to_string(kIntentMaxOperands) + " integers";
  array arr;
  if (e.get_array().get(arr) != simdjson::SUCCESS || arr.size() != kIntentMaxOperands) {
    fail(expected + " (found " + describe(e) + ")");
  }
  std::array<int64_t, kIntentMaxOperands> out{};
  size_t i = 0;
  for (element item : arr) {
    if (item.get_int64().get(out[i]) != simdjson::SUCCESS) {
      fail(expected + " (found " + describe(item) + " at index " + std::to_string(i) + ")");
    }
    ++i;
  }
  return out;
}

std::vector<TestCase> as_test_cases(const element& e) {
  array arr;
  if (e.get_array().get(arr) != simdjson::SUCCESS) {
    fail("field 'test_cases' must be an array of objects (found " + describe(e) + ")");
  }
  std::vector<TestCase> out;
  out.reserve(arr.size());
  for (element item : arr) {
    const std::string field = "test_cases[" + std::to_string(out.size()) + "]";
    object obj;
    if (item.get_object().get(obj) != simdjson::SUCCESS) {
      fail("field '" + field + "' must be an object (found " + describe(item) + ")");
    }
    TestCase tc;
    auto inputs = find_field(obj, "inputs", false);
    if (!inputs) fail("missing required field '" + field + ".inputs'");
    tc.inputs = as_int_array(*inputs, field + ".inputs");
    auto output = find_field(obj, "output", false);
    if (!output) fail("missing required field '" + field + ".output'");
    tc.output = as_int_array(*output, field + ".output");
    out.push_back(std::move(tc));
  }
  return out;
}

// For an invalid UTF-8 byte at `offset`: the top-level field whose value holds it, or "" if it is
// in a key or outside any field. A lexical walk; the JSON has not been parsed yet.
std::string top_level_field_at(std::string_view line, size_t offset) {
  int depth = 0;
  bool in_string = false, expect_key = false;
  size_t string_start = 0;
  std::string last_key_candidate, current_key;
  for (size_t i = 0; i < line.size() && i < offset; ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
        if (depth == 1 && expect_key) {
          last_key_candidate = std::string(line.substr(string_start, i - string_start));
        }
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        string_start = i + 1;
        break;
      case '{':
      case '[':
        if (++depth == 1) expect_key = (c == '{');
        break;
      case '}':
      case ']':
        --depth;
        break;
      case ',':
        if (depth == 1) expect_key = true;
        break;
      case ':':
        if (depth == 1 && expect_key) {
          expect_key = false;
          current_key = last_key_candidate;
        }
        break;
      default:
        break;
    }
  }
  if (depth == 1 && expect_key) return "";
  return depth >= 1 ? current_key : "";
}

IntentRecord parse_record(simdjson::dom::parser& parser, std::string_view line) {
  if (auto bad = find_invalid_utf8(line)) {
    const std::string field = top_level_field_at(line, *bad);
    fail("invalid UTF-8 " + (field.empty() ? std::string() : "in '" + field + "' ") + "at column " +
         std::to_string(*bad + 1));
  }
  element doc;
  if (auto err = parser.parse(line.data(), line.size()).get(doc)) {
    fail(std::string("invalid JSON (truncated or malformed line): ") +
         simdjson::error_message(err));
  }
  object obj;
  if (doc.get_object().get(obj) != simdjson::SUCCESS) {
    fail("expected a JSON object, found " + describe(doc));
  }

  IntentRecord r;
  r.text = as_string(required_field(obj, "text"), "text");
  if (r.text.empty()) fail("field 'text' must be a non-empty string (found \"\")");
  r.intent = as_string(required_field(obj, "intent"), "intent");
  r.operand_count = as_int(required_field(obj, "operand_count"), "operand_count");
  if (r.operand_count < 0 || r.operand_count > kIntentMaxOperands) {
    fail("field 'operand_count' is " + std::to_string(r.operand_count) + ", outside 0.." +
         std::to_string(kIntentMaxOperands));
  }
  r.operands = as_operands(required_field(obj, "operands"));
  if (auto level = find_field(obj, "level", true)) r.level = as_int(*level, "level");
  if (auto program = find_field(obj, "program", true)) r.program = as_string(*program, "program");
  if (auto cases = find_field(obj, "test_cases", true)) r.test_cases = as_test_cases(*cases);
  return r;
}

IntentRecord parse_labelled(simdjson::dom::parser& parser, std::string_view line,
                            const std::string& path, size_t line_no) {
  try {
    return parse_record(parser, line);
  } catch (const Problem& p) {
    throw Error(path + ":" + std::to_string(line_no) + ": " + p.text);
  }
}

}  // namespace

IntentRecord parse_intent_record(std::string_view json_line, const std::string& path,
                                 size_t line_no) {
  thread_local simdjson::dom::parser parser;  // reused: keeps its buffers between lines
  return parse_labelled(parser, json_line, path, line_no);
}

std::vector<IntentRecord> load_intent_records(const std::string& path, const LoadOptions& options,
                                              LoadReport* report) {
  const JsonlFile file(path);
  simdjson::dom::parser parser;
  LoadReport local;
  std::vector<IntentRecord> records;
  records.reserve(options.max_records ? std::min(options.max_records, file.size()) : file.size());
  for (size_t i = 0; i < file.size(); ++i) {
    if (options.max_records != 0 && records.size() >= options.max_records) break;
    try {
      records.push_back(parse_labelled(parser, file.line(i), path, file.line_number(i)));
    } catch (const Error& e) {
      if (!options.skip_errors) throw;
      ++local.skipped;
      if (local.first_errors.size() < options.max_reported_errors) {
        local.first_errors.push_back(e.what());
      }
    }
  }
  local.loaded = records.size();
  if (report) *report = local;
  if (records.empty()) {
    std::string why = file.size() == 0 ? "the file has no non-blank lines"
                                       : std::to_string(local.skipped) + " bad lines skipped";
    if (!local.first_errors.empty()) why += "; first: " + local.first_errors.front();
    throw Error(path + " contains no records (" + why + ")");
  }
  return records;
}

}  // namespace anvil::data
