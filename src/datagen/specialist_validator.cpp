// Field-by-field scoring of specialist answers: normalization per FieldKind, partial credit for
// sets (F1) and lists (matching positions), and the response shape check.
#include "anvil/datagen/specialist_validator.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "anvil/core/ascii.h"
#include "anvil/core/error.h"
#include "anvil/datagen/json_builder.h"

namespace anvil::datagen {
namespace {

using json = nlohmann::json;

std::string normalize_text(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ascii_lower(c);
  }
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string normalize_number(double v) { return format_number(v, 4); }

// "$1,234.50" -> 1234.5; false if `s` is not a number once currency signs and commas go.
bool parse_numeric_string(const std::string& s, double* out) {
  std::string digits;
  for (char c : s) {
    if (c == '$' || c == ',' || c == ' ') continue;
    digits += c;
  }
  if (digits.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(digits.c_str(), &end);
  return end && *end == '\0';
}

// Canonical text of a value with object keys sorted, strings normalized as kText and numbers
// rounded to 4 decimals: the form used for kSet/kList elements and kJson.
std::string deep_normalize(const json& v) {
  switch (v.type()) {
    case json::value_t::object: {
      std::map<std::string, std::string> sorted;
      for (auto it = v.begin(); it != v.end(); ++it) sorted[it.key()] = deep_normalize(it.value());
      std::string out = "{";
      for (const auto& [k, s] : sorted) {
        if (out.size() > 1) out += ',';
        out += json(k).dump() + ":" + s;
      }
      return out + "}";
    }
    case json::value_t::array: {
      std::string out = "[";
      for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + deep_normalize(v[i]);
      return out + "]";
    }
    case json::value_t::string:
      return json(normalize_text(v.get<std::string>())).dump();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return normalize_number(v.get<double>());
    default:
      return v.dump();
  }
}

std::string normalize_scalar(const json& v, FieldKind kind) {
  switch (kind) {
    case FieldKind::kText:
      return v.is_string() ? json(normalize_text(v.get<std::string>())).dump() : deep_normalize(v);
    case FieldKind::kExact:
      return v.is_string() ? json(trim(v.get<std::string>())).dump() : deep_normalize(v);
    case FieldKind::kNumber:
    case FieldKind::kConfidence: {
      double d;
      if (v.is_number()) return normalize_number(v.get<double>());
      if (v.is_string() && parse_numeric_string(v.get<std::string>(), &d))
        return normalize_number(d);
      return deep_normalize(v);
    }
    case FieldKind::kBool:
      if (v.is_string()) {
        const std::string s = normalize_text(v.get<std::string>());
        if (s == "true" || s == "yes") return "true";
        if (s == "false" || s == "no") return "false";
      }
      return v.dump();
    default:
      return deep_normalize(v);
  }
}

std::vector<std::string> normalized_elements(const json& v) {
  std::vector<std::string> out;
  if (!v.is_array()) return out;
  for (const json& e : v) out.push_back(deep_normalize(e));
  return out;
}

double set_f1(std::vector<std::string> expected, std::vector<std::string> got) {
  if (expected.empty() && got.empty()) return 1.0;
  if (expected.empty() || got.empty()) return 0.0;
  std::sort(expected.begin(), expected.end());
  std::sort(got.begin(), got.end());
  std::vector<std::string> common;
  std::set_intersection(expected.begin(), expected.end(), got.begin(), got.end(),
                        std::back_inserter(common));
  if (common.empty()) return 0.0;
  const double p = static_cast<double>(common.size()) / static_cast<double>(got.size());
  const double r = static_cast<double>(common.size()) / static_cast<double>(expected.size());
  return 2 * p * r / (p + r);
}

double list_score(const std::vector<std::string>& expected, const std::vector<std::string>& got) {
  if (expected.empty() && got.empty()) return 1.0;
  size_t same = 0;
  for (size_t i = 0; i < std::min(expected.size(), got.size()); ++i) same += expected[i] == got[i];
  return static_cast<double>(same) / static_cast<double>(std::max(expected.size(), got.size()));
}

double field_score(const json& expected, const json& got, FieldKind kind) {
  switch (kind) {
    case FieldKind::kSet:
      if (!got.is_array()) return 0.0;
      return set_f1(normalized_elements(expected), normalized_elements(got));
    case FieldKind::kList:
      if (!got.is_array()) return 0.0;
      return list_score(normalized_elements(expected), normalized_elements(got));
    case FieldKind::kConfidence: {
      if (!expected.is_number() || !got.is_number()) return 0.0;
      return std::fabs(expected.get<double>() - got.get<double>()) <= 0.1 + 1e-9 ? 1.0 : 0.0;
    }
    default:
      return normalize_scalar(expected, kind) == normalize_scalar(got, kind) ? 1.0 : 0.0;
  }
}

}  // namespace

std::string_view extract_json_object(std::string_view text) {
  size_t start = text.find('{');
  while (start != std::string_view::npos) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (size_t i = start; i < text.size(); ++i) {
      const char c = text[i];
      if (in_string) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          in_string = false;
        }
        continue;
      }
      if (c == '"') {
        in_string = true;
      } else if (c == '{') {
        ++depth;
      } else if (c == '}' && --depth == 0) {
        return text.substr(start, i - start + 1);
      }
    }
    start = text.find('{', start + 1);
  }
  return {};
}

const SpecialistSpec* specialist_of_answer(std::string_view output) {
  const std::string_view object = extract_json_object(output);
  if (object.empty()) return nullptr;
  const json v = json::parse(object, nullptr, /*allow_exceptions=*/false);
  if (!v.is_object()) return nullptr;
  for (const SpecialistSpec& spec : specialist_table()) {
    if (spec.auxiliary || spec.fields.size() != v.size()) continue;
    bool all = true;
    for (const FieldRule& rule : spec.fields) all = all && v.contains(rule.name);
    if (all) return &spec;
  }
  return nullptr;
}

std::string check_response_shape(const SpecialistSpec& spec, std::string_view response) {
  const json v = json::parse(response.begin(), response.end(), nullptr, false);
  if (v.is_discarded()) return "response is not valid JSON";
  if (!v.is_object()) return "response is not a JSON object";
  if (v.size() != spec.fields.size()) {
    return "response has " + std::to_string(v.size()) + " fields, expected " +
           std::to_string(spec.fields.size());
  }
  for (const FieldRule& rule : spec.fields) {
    if (!v.contains(rule.name)) return std::string("response lacks field '") + rule.name + "'";
    const json& f = v[rule.name];
    bool ok = true;
    switch (rule.kind) {
      case FieldKind::kText:
      case FieldKind::kExact:
        ok = f.is_string() || f.is_null();
        break;
      case FieldKind::kNumber:
        ok = f.is_number() || f.is_null();
        break;
      case FieldKind::kBool:
        ok = f.is_boolean();
        break;
      case FieldKind::kSet:
      case FieldKind::kList:
        ok = f.is_array();
        break;
      case FieldKind::kConfidence:
        ok = f.is_number() && f.get<double>() >= 0 && f.get<double>() <= 1;
        break;
      case FieldKind::kJson:
      case FieldKind::kUnscored:
        break;
    }
    if (!ok) return std::string("field '") + rule.name + "' has the wrong type: " + f.dump();
  }
  return "";
}

ValidationResult score_output(const SpecialistSpec& spec, std::string_view expected_response,
                              std::string_view output) {
  const json expected =
      json::parse(expected_response.begin(), expected_response.end(), nullptr, false);
  if (expected.is_discarded() || !expected.is_object()) {
    throw Error(spec.name + ": the record's response is not a JSON object");
  }
  ValidationResult result;
  const std::string_view object = extract_json_object(output);
  json got;
  if (object.empty()) {
    result.error = "no JSON object in the output";
  } else {
    got = json::parse(object.begin(), object.end(), nullptr, false);
    if (got.is_discarded()) {
      result.error = "the output's JSON object does not parse";
    } else {
      result.parsed = true;
    }
  }
  double total = 0;
  int scored = 0;
  for (const FieldRule& rule : spec.fields) {
    if (rule.kind == FieldKind::kUnscored) continue;
    if (!expected.contains(rule.name)) {
      throw Error(spec.name + ": the record's response lacks field '" + rule.name + "'");
    }
    FieldScore fs;
    fs.field = rule.name;
    const json& e = expected[rule.name];
    fs.expected = deep_normalize(e);
    if (result.parsed && got.contains(rule.name)) {
      fs.score = field_score(e, got[rule.name], rule.kind);
      fs.got = deep_normalize(got[rule.name]);
    } else {
      fs.got = "<missing>";
    }
    total += fs.score;
    ++scored;
    result.fields.push_back(std::move(fs));
  }
  result.score = result.parsed && scored ? total / scored : 0.0;
  return result;
}

}  // namespace anvil::datagen
