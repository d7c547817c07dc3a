// Typed reads of resolved config values. Every error names the key; unknown keys get a
// "did you mean" suggestion.
#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "core/config_node.h"

namespace anvil {

using namespace config_detail;

namespace {

[[noreturn]] void throw_wrong_type(const std::string& key, const YAML::Node& node,
                                   ValueKind expected) {
  throw usage_error("config key '" + key + "' = '" + display_value(node) + "': expected " +
                    kind_expectation(expected));
}

int64_t node_int(const std::string& key, const YAML::Node& node) {
  int64_t v;
  if (kind_of(node) != ValueKind::kInt || !parse_int(node.Scalar(), &v)) {
    throw_wrong_type(key, node, ValueKind::kInt);
  }
  return v;
}

double node_double(const std::string& key, const YAML::Node& node) {
  ValueKind kind = kind_of(node);
  double v;
  if (kind == ValueKind::kInt) return static_cast<double>(node_int(key, node));
  if (kind != ValueKind::kFloat || !parse_float(node.Scalar(), &v)) {
    throw_wrong_type(key, node, ValueKind::kFloat);
  }
  return v;
}

std::string node_string(const std::string& key, const YAML::Node& node) {
  if (!node.IsScalar()) throw_wrong_type(key, node, ValueKind::kString);
  return node.Scalar();
}

template <typename T, typename ReadElement>
std::vector<T> node_list(const std::string& key, const YAML::Node& node, ReadElement read) {
  if (!node.IsSequence()) throw_wrong_type(key, node, ValueKind::kList);
  std::vector<T> out;
  for (size_t i = 0; i < node.size(); ++i)
    out.push_back(read(key + "." + std::to_string(i), node[i]));
  return out;
}

// The node at `key`; throws "unknown config key" with a suggestion if absent.
YAML::Node lookup(const YAML::Node& tree, const std::string& key) {
  std::optional<YAML::Node> node = find_node(tree, key);
  if (!node) throw usage_error(unknown_key_message(key, tree));
  return *node;
}

}  // namespace

bool Config::has(const std::string& key) const { return find_node(impl_->root, key).has_value(); }

std::vector<std::string> Config::keys(const std::string& section) const {
  resolve();
  YAML::Node node = section.empty() ? *impl_->resolved : lookup(*impl_->resolved, section);
  if (!node.IsMap()) throw_wrong_type(section, node, ValueKind::kMap);
  std::vector<std::string> out;
  for (const auto& entry : node) out.push_back(entry.first.Scalar());
  return out;
}

std::vector<std::string> Config::all_keys() const { return collect_keys(impl_->root); }

bool Config::is_null(const std::string& key) const {
  resolve();
  return kind_of(lookup(*impl_->resolved, key)) == ValueKind::kNull;
}

int64_t Config::get_int(const std::string& key) const {
  resolve();
  return node_int(key, lookup(*impl_->resolved, key));
}

double Config::get_double(const std::string& key) const {
  resolve();
  return node_double(key, lookup(*impl_->resolved, key));
}

bool Config::get_bool(const std::string& key) const {
  resolve();
  YAML::Node node = lookup(*impl_->resolved, key);
  bool v;
  if (kind_of(node) != ValueKind::kBool || !parse_bool(node.Scalar(), &v)) {
    throw_wrong_type(key, node, ValueKind::kBool);
  }
  return v;
}

std::string Config::get_string(const std::string& key) const {
  resolve();
  return node_string(key, lookup(*impl_->resolved, key));
}

std::vector<std::string> Config::get_string_list(const std::string& key) const {
  resolve();
  return node_list<std::string>(key, lookup(*impl_->resolved, key), node_string);
}

std::vector<int64_t> Config::get_int_list(const std::string& key) const {
  resolve();
  return node_list<int64_t>(key, lookup(*impl_->resolved, key), node_int);
}

std::vector<double> Config::get_double_list(const std::string& key) const {
  resolve();
  return node_list<double>(key, lookup(*impl_->resolved, key), node_double);
}

}  // namespace anvil
