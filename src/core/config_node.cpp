// Scalar typing, dotted key paths and error-message helpers over yaml-cpp trees (see
// config_node.h). Scalars follow the YAML 1.2 core schema, not yaml-cpp's permissive 1.1 rules:
// "yes" is a string, "1e-3" is a float.
#include "core/config_node.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "anvil/core/error.h"
#include "anvil/core/suggest.h"

namespace anvil::config_detail {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Matches [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? or the .inf / .nan spellings.
bool looks_like_float(const std::string& s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  std::string rest = s.substr(i);
  if (rest == ".inf" || rest == ".Inf" || rest == ".INF") return true;
  if (i == 0 && (rest == ".nan" || rest == ".NaN" || rest == ".NAN")) return true;
  size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

bool is_null_text(const std::string& s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

}  // namespace

bool parse_int(const std::string& text, int64_t* out) {
  size_t i = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  if (i == text.size()) return false;
  for (size_t j = i; j < text.size(); ++j)
    if (!is_digit(text[j])) return false;
  errno = 0;
  long long v = std::strtoll(text.c_str(), nullptr, 10);
  if (errno == ERANGE) return false;
  *out = static_cast<int64_t>(v);
  return true;
}

bool parse_float(const std::string& text, double* out) {
  if (!looks_like_float(text)) return false;
  if (text.find_first_of("iI") != std::string::npos) {
    *out = text[0] == '-' ? -HUGE_VAL : HUGE_VAL;
  } else if (text.find_first_of("nN") != std::string::npos) {
    *out = std::nan("");
  } else {
    *out = std::strtod(text.c_str(), nullptr);  // the shape is checked, so this consumes it all
  }
  return true;
}

bool parse_bool(const std::string& text, bool* out) {
  if (text == "true" || text == "True" || text == "TRUE") return *out = true, true;
  if (text == "false" || text == "False" || text == "FALSE") return *out = false, true;
  return false;
}

ValueKind kind_of(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return ValueKind::kNull;
    case YAML::NodeType::Sequence:
      return ValueKind::kList;
    case YAML::NodeType::Map:
      return ValueKind::kMap;
    case YAML::NodeType::Scalar:
      break;
  }
  const std::string& tag = node.Tag();
  if (tag == "!" || ends_with(tag, ":str")) return ValueKind::kString;
  if (ends_with(tag, ":int")) return ValueKind::kInt;
  if (ends_with(tag, ":float")) return ValueKind::kFloat;
  if (ends_with(tag, ":bool")) return ValueKind::kBool;
  const std::string& text = node.Scalar();
  bool b;
  int64_t i;
  if (is_null_text(text)) return ValueKind::kNull;
  if (parse_bool(text, &b)) return ValueKind::kBool;
  if (parse_int(text, &i)) return ValueKind::kInt;
  if (looks_like_float(text)) return ValueKind::kFloat;
  return ValueKind::kString;
}

const char* kind_expectation(ValueKind kind) {
  switch (kind) {
    case ValueKind::kNull:
      return "null";
    case ValueKind::kBool:
      return "a bool (true or false)";
    case ValueKind::kInt:
      return "an integer";
    case ValueKind::kFloat:
      return "a float";
    case ValueKind::kString:
      return "a string";
    case ValueKind::kList:
      return "a list";
    case ValueKind::kMap:
      return "a map";
  }
  return "?";
}

bool has_interpolation(const std::string& text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\\' && text.compare(i + 1, 2, "${") == 0) {
      i += 2;  // escaped: skip "\${"
    } else if (text[i] == '$' && text[i + 1] == '{') {
      return true;
    }
  }
  return false;
}

bool is_interpolation(const YAML::Node& node) {
  return node.IsScalar() && kind_of(node) == ValueKind::kString && has_interpolation(node.Scalar());
}

std::string display_value(const YAML::Node& node) {
  if (node.IsScalar()) return node.Scalar();
  if (!node.IsDefined() || node.IsNull()) return "null";
  YAML::Emitter out;
  out << YAML::Flow << node;
  return out.c_str();
}

std::vector<std::string> split_key(const std::string& key) {
  std::vector<std::string> parts;
  if (key.empty()) return parts;
  size_t start = 0;
  while (true) {
    size_t dot = key.find('.', start);
    parts.push_back(key.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

std::string join_key(const std::string& parent, const std::string& child) {
  return parent.empty() ? child : parent + "." + child;
}

namespace {

std::optional<YAML::Node> find_path(const YAML::Node& node, const std::vector<std::string>& parts,
                                    size_t i) {
  if (i == parts.size()) return node;
  if (node.IsMap()) {
    const YAML::Node child = node[parts[i]];
    if (!child.IsDefined()) return std::nullopt;
    return find_path(child, parts, i + 1);
  }
  int64_t index;
  if (node.IsSequence() && parse_int(parts[i], &index) && index >= 0 &&
      static_cast<size_t>(index) < node.size()) {
    return find_path(node[static_cast<size_t>(index)], parts, i + 1);
  }
  return std::nullopt;
}

void collect_into(const YAML::Node& node, const std::string& prefix,
                  std::vector<std::string>* out) {
  if (!node.IsMap()) return;
  for (const auto& entry : node) {
    std::string key = join_key(prefix, entry.first.Scalar());
    out->push_back(key);
    collect_into(entry.second, key, out);
  }
}

}  // namespace

std::optional<YAML::Node> find_node(const YAML::Node& root, const std::string& key) {
  return find_path(root, split_key(key), 0);
}

std::vector<std::string> collect_keys(const YAML::Node& root) {
  std::vector<std::string> keys;
  collect_into(root, "", &keys);
  return keys;
}

std::string unknown_key_message(const std::string& key, const YAML::Node& tree) {
  return "unknown config key '" + key + "'" + did_you_mean(key, collect_keys(tree));
}

void check_map_keys(const YAML::Node& node, const std::string& prefix, const std::string& origin) {
  if (node.IsSequence()) {
    for (size_t i = 0; i < node.size(); ++i)
      check_map_keys(node[i], join_key(prefix, std::to_string(i)), origin);
    return;
  }
  if (!node.IsMap()) return;
  for (const auto& entry : node) {
    const YAML::Node& key = entry.first;
    const bool usable =
        key.IsScalar() && !key.Scalar().empty() && key.Scalar().find('.') == std::string::npos;
    if (!usable) {
      const std::string where = prefix.empty() ? "at the top level" : "under '" + prefix + "'";
      throw usage_error(origin + ": line " + std::to_string(key.Mark().line + 1) + ": the key '" +
                        display_value(key) + "' " + where +
                        " cannot be a config key (keys are non-empty names without '.')");
    }
    check_map_keys(entry.second, join_key(prefix, key.Scalar()), origin);
  }
}

YAML::Node parse_yaml_map(std::string_view yaml, const std::string& origin) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw usage_error(origin + ": YAML syntax error at line " + std::to_string(e.mark.line + 1) +
                      ", column " + std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  if (!root.IsDefined() || root.IsNull()) return YAML::Node(YAML::NodeType::Map);
  if (!root.IsMap()) {
    throw usage_error(origin + ": expected a map of config keys at the top level, found " +
                      kind_expectation(kind_of(root)) + " ('" + display_value(root) + "')");
  }
  check_map_keys(root, "", origin);
  return root;
}

}  // namespace anvil::config_detail
