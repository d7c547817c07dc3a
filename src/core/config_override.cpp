// Dotlist overrides, Hydra style: `key=value` sets an existing key, `+key=value` adds a new one,
// `~key` deletes one. Values are YAML (5e-4, [32,64], "a b", null); an empty value is "".
#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/suggest.h"
#include "core/config_node.h"

namespace anvil {

using namespace config_detail;

namespace {

enum class OverrideOp { kSet, kAdd, kDelete };

struct Override {
  OverrideOp op = OverrideOp::kSet;
  std::string key;
  std::vector<std::string> parts;  // key split at '.'
  std::string value_text;
};

[[noreturn]] void throw_malformed(const std::string& arg, const std::string& why) {
  throw usage_error("malformed override '" + arg + "': " + why +
                    "; expected KEY=VALUE (set), +KEY=VALUE (add) or ~KEY (delete), where KEY "
                    "is a dotted path like train.lr, e.g. train.lr=5e-4");
}

bool valid_segment(const std::string& segment) {
  if (segment.empty()) return false;
  for (char c : segment) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Override parse_override(const std::string& arg) {
  Override o;
  size_t start = 0;
  if (!arg.empty() && (arg[0] == '+' || arg[0] == '~')) {
    o.op = arg[0] == '+' ? OverrideOp::kAdd : OverrideOp::kDelete;
    start = 1;
  }
  const size_t eq = arg.find('=', start);
  o.key = arg.substr(start, eq == std::string::npos ? std::string::npos : eq - start);
  if (o.key.empty()) throw_malformed(arg, "missing key");
  o.parts = split_key(o.key);
  for (const std::string& part : o.parts) {
    if (!valid_segment(part)) {
      throw_malformed(
          arg, "bad key '" + o.key + "' (dot-separated names of letters, digits, '_' and '-')");
    }
  }
  if (o.op == OverrideOp::kDelete) {
    if (eq != std::string::npos) throw_malformed(arg, "'~KEY' deletes a key and takes no value");
  } else {
    if (eq == std::string::npos) throw_malformed(arg, "missing '=VALUE'");
    o.value_text = arg.substr(eq + 1);
  }
  return o;
}

YAML::Node parse_value(const std::string& key, const std::string& text) {
  if (text.empty()) {
    YAML::Node empty(std::string{});
    empty.SetTag("!");
    return empty;
  }
  YAML::Node value;
  try {
    value = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw usage_error("invalid value '" + text + "': " + e.msg);
  }
  check_map_keys(value, key, "override '" + key + "=" + text + "'");
  return value;
}

// True if `parts` lies under a schema node that accepts any content: an empty map ({}) or a
// null / interpolated default.
bool in_open_region(const YAML::Node& schema_root, const std::vector<std::string>& parts) {
  YAML::Node node = schema_root;
  for (const std::string& part : parts) {
    if (!node.IsMap()) return kind_of(node) == ValueKind::kNull || is_interpolation(node);
    if (node.size() == 0) return true;
    const YAML::Node child = static_cast<const YAML::Node&>(node)[part];
    if (!child.IsDefined()) return false;
    node.reset(child);
  }
  return false;
}

// The map at parts[0..count), creating missing (or null) maps on the way.
YAML::Node ensure_map_path(YAML::Node root, const std::vector<std::string>& parts, size_t count) {
  YAML::Node node = root;
  std::string path;
  for (size_t i = 0; i < count; ++i) {
    path = join_key(path, parts[i]);
    const YAML::Node existing = static_cast<const YAML::Node&>(node)[parts[i]];
    if (!existing.IsDefined() || existing.IsNull())
      node[parts[i]] = YAML::Node(YAML::NodeType::Map);
    YAML::Node child = node[parts[i]];
    if (!child.IsMap()) {
      throw usage_error("config key '" + path + "' = '" + display_value(child) + "' is " +
                        kind_expectation(kind_of(child)) + ", not a map");
    }
    node.reset(child);
  }
  return node;
}

void apply_set(YAML::Node root, const YAML::Node& schema_root, const Override& o) {
  std::optional<YAML::Node> schema = find_node(schema_root, o.key);
  if (!schema && !in_open_region(schema_root, o.parts)) {
    throw usage_error(unknown_key_message(o.key, schema_root) + "; to add a new key use '+" +
                      o.key + "=" + o.value_text + "'");
  }
  YAML::Node parent = ensure_map_path(root, o.parts, o.parts.size() - 1);
  merge_value(parent, o.parts.back(), o.key, schema ? &*schema : nullptr,
              parse_value(o.key, o.value_text), schema_root);
}

void apply_add(YAML::Node root, YAML::Node schema_root, const Override& o) {
  if (std::optional<YAML::Node> existing = find_node(root, o.key)) {
    throw usage_error("config key '" + o.key + "' already exists (= '" + display_value(*existing) +
                      "'); to change it use '" + o.key + "=" + o.value_text + "'");
  }
  YAML::Node value = parse_value(o.key, o.value_text);
  const bool open = in_open_region(schema_root, o.parts);
  ensure_map_path(root, o.parts, o.parts.size() - 1)[o.parts.back()] = YAML::Clone(value);
  if (!open) ensure_map_path(schema_root, o.parts, o.parts.size() - 1)[o.parts.back()] = value;
}

void apply_delete(YAML::Node root, YAML::Node schema_root, const Override& o) {
  if (!find_node(root, o.key)) {
    throw usage_error("cannot delete: " + unknown_key_message(o.key, root));
  }
  std::string parent_key;  // "" for a top-level key
  for (size_t i = 0; i + 1 < o.parts.size(); ++i) parent_key = join_key(parent_key, o.parts[i]);
  std::optional<YAML::Node> parent = find_node(root, parent_key);
  if (!parent->IsMap()) {
    throw usage_error("cannot delete '" + o.key + "': only map keys can be deleted");
  }
  parent->remove(o.parts.back());
  std::optional<YAML::Node> schema_parent = find_node(schema_root, parent_key);
  if (schema_parent && schema_parent->IsMap()) schema_parent->remove(o.parts.back());
}

}  // namespace

void Config::apply_override(const std::string& arg) {
  const Override o = parse_override(arg);
  // Work on copies so a failed override leaves this config unchanged.
  YAML::Node root = YAML::Clone(impl_->root);
  YAML::Node schema = YAML::Clone(impl_->schema);
  with_context("override '" + arg + "'", [&] {
    switch (o.op) {
      case OverrideOp::kSet:
        apply_set(root, schema, o);
        break;
      case OverrideOp::kAdd:
        apply_add(root, schema, o);
        break;
      case OverrideOp::kDelete:
        apply_delete(root, schema, o);
        break;
    }
  });
  impl_->root.reset(root);  // rebind: Node::operator= would write through
  impl_->schema.reset(schema);
  impl_->resolved.reset();
}

void Config::apply_overrides(const std::vector<std::string>& args) {
  for (const std::string& arg : args) apply_override(arg);
}

}  // namespace anvil
