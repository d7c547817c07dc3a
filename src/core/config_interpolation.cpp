// ${...} interpolation over a config tree: key references (${train.lr}), environment variables
// (${env:NAME} / ${env:NAME,default}), nesting (${a.${b}}), chains, cycle detection, "\${"
// escapes. See config.h for the rules.
#include <algorithm>
#include <cstdlib>
#include <map>

#include "anvil/core/error.h"
#include "anvil/core/suggest.h"
#include "core/config_node.h"

namespace anvil::config_detail {
namespace {

// A string split into literal text and ${...} bodies (raw, possibly holding nested ${...}).
struct TemplatePiece {
  bool is_reference;
  std::string text;
};

std::vector<TemplatePiece> split_template(const std::string& s, const std::string& holder) {
  std::vector<TemplatePiece> pieces;
  std::string literal;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '\\' && s.compare(i + 1, 2, "${") == 0) {
      literal += "${";
      i += 3;
    } else if (s.compare(i, 2, "${") == 0) {
      size_t depth = 1, j = i + 2;
      while (j < s.size() && depth > 0) {
        if (s[j] == '\\' && s.compare(j + 1, 2, "${") == 0) {
          j += 3;
        } else if (s.compare(j, 2, "${") == 0) {
          ++depth, j += 2;
        } else {
          if (s[j] == '}') --depth;
          ++j;
        }
      }
      if (depth > 0) {
        throw usage_error("config key '" + holder + "' = '" + s + "': unterminated '${'");
      }
      if (!literal.empty()) pieces.push_back({false, literal});
      literal.clear();
      pieces.push_back({true, s.substr(i + 2, j - i - 3)});
      i = j;
    } else {
      literal += s[i++];
    }
  }
  if (!literal.empty() || pieces.empty()) pieces.push_back({false, literal});
  return pieces;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// A string node that stays a string whatever its text ("10" does not become an int).
YAML::Node string_node(const std::string& text) {
  YAML::Node node(text);
  node.SetTag("!");
  return node;
}

// An environment value or default, typed like a plain YAML scalar ("10" is an int).
YAML::Node plain_node(const std::string& text) {
  YAML::Node node(text);
  if (kind_of(node) == ValueKind::kNull) return YAML::Node(YAML::NodeType::Null);
  return node;
}

class Resolver {
 public:
  explicit Resolver(const YAML::Node& raw) : raw_(raw) {}

  YAML::Node resolve_root() {
    YAML::Node out(YAML::NodeType::Map);
    for (const auto& entry : raw_) out[entry.first.Scalar()] = resolve_key(entry.first.Scalar());
    return out;
  }

 private:
  // The resolved value of `key`, memoised; detects cycles through the keys being resolved.
  YAML::Node resolve_key(const std::string& key) {
    auto done = done_.find(key);
    if (done != done_.end()) return done->second;
    stack_.push_back(key);
    const YAML::Node raw = *find_node(raw_, key);
    YAML::Node value;
    if (raw.IsMap()) {
      value = YAML::Node(YAML::NodeType::Map);
      for (const auto& entry : raw) {
        value[entry.first.Scalar()] = resolve_key(join_key(key, entry.first.Scalar()));
      }
    } else if (raw.IsSequence()) {
      value = YAML::Node(YAML::NodeType::Sequence);
      for (size_t i = 0; i < raw.size(); ++i)
        value.push_back(resolve_key(key + "." + std::to_string(i)));
    } else if (raw.IsScalar() && kind_of(raw) == ValueKind::kString &&
               raw.Scalar().find("${") != std::string::npos) {
      value = resolve_string(raw.Scalar(), key);
    } else {
      value = YAML::Clone(raw);
    }
    stack_.pop_back();
    done_[key] = value;
    return value;
  }

  // Resolves a string held by `holder`: one whole ${...} keeps the referenced type, anything else
  // concatenates into a string.
  YAML::Node resolve_string(const std::string& text, const std::string& holder) {
    std::vector<TemplatePiece> pieces = split_template(text, holder);
    if (pieces.size() == 1 && pieces[0].is_reference) {
      return resolve_reference(pieces[0].text, text, holder);
    }
    std::string out;
    for (const TemplatePiece& piece : pieces) {
      if (!piece.is_reference) {
        out += piece.text;
        continue;
      }
      YAML::Node value = resolve_reference(piece.text, text, holder);
      if (value.IsMap() || value.IsSequence()) {
        throw usage_error("config key '" + holder + "' = '" + text + "': '${" + piece.text +
                          "}' is " + kind_expectation(kind_of(value)) +
                          ", which cannot be part of a string");
      }
      out += value.IsScalar() ? value.Scalar() : "null";
    }
    return string_node(out);
  }

  YAML::Node resolve_reference(const std::string& body_template, const std::string& text,
                               const std::string& holder) {
    std::string body = body_template;
    if (body.find("${") != std::string::npos) {  // nested: ${a.${b}}
      YAML::Node inner = resolve_string(body, holder);
      body = inner.IsScalar() ? inner.Scalar() : display_value(inner);
    }
    const std::string where = "config key '" + holder + "' = '" + text + "'";
    body = trim(body);
    if (body.empty()) throw usage_error(where + ": empty '${}'");
    size_t colon = body.find(':');
    if (colon != std::string::npos) {
      std::string resolver = trim(body.substr(0, colon));
      if (resolver != "env") {
        throw usage_error(where + ": unknown resolver '" + resolver +
                          "' (only 'env:' is supported)");
      }
      return resolve_env(body.substr(colon + 1), where);
    }
    const std::string& target = body;
    auto in_stack = std::find(stack_.begin(), stack_.end(), target);
    if (in_stack != stack_.end()) {
      std::string chain;
      for (auto it = in_stack; it != stack_.end(); ++it) chain += *it + " -> ";
      throw usage_error(where + ": interpolation cycle " + chain + target);
    }
    if (!find_node(raw_, target)) {
      throw usage_error(where + ": no such key '" + target + "'" +
                        did_you_mean(target, collect_keys(raw_)));
    }
    return resolve_key(target);
  }

  static YAML::Node resolve_env(const std::string& spec, const std::string& where) {
    size_t comma = spec.find(',');
    std::string name = trim(spec.substr(0, comma));
    if (name.empty()) throw usage_error(where + ": '${env:}' needs a variable name");
    if (const char* value = std::getenv(name.c_str())) return plain_node(value);
    if (comma != std::string::npos) return plain_node(trim(spec.substr(comma + 1)));
    throw usage_error(where + ": environment variable " + name +
                      " is not set (give a default with ${env:" + name + ",default})");
  }

  const YAML::Node raw_;
  std::map<std::string, YAML::Node> done_;
  std::vector<std::string> stack_;  // keys being resolved, outermost first
};

}  // namespace

YAML::Node resolve_interpolations(const YAML::Node& raw) { return Resolver(raw).resolve_root(); }

}  // namespace anvil::config_detail
