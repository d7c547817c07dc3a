// Schema checks for config values: a key's type comes from its default (see config.h). Used when
// merging files, applying overrides, and after interpolation.
#include "anvil/core/error.h"
#include "core/config_node.h"

namespace anvil::config_detail {
namespace {

[[noreturn]] void throw_type_error(const std::string& key, const YAML::Node& value,
                                   ValueKind expected, const std::string& note) {
  throw usage_error("config key '" + key + "' = '" + display_value(value) + "'" + note +
                    ": expected " + kind_expectation(expected));
}

// The common scalar type of a schema list's elements, or kNull (anything) if it is empty, mixed,
// or holds lists, maps or interpolations.
ValueKind element_kind(const YAML::Node& schema_list) {
  ValueKind common = ValueKind::kNull;
  for (const auto& element : schema_list) {
    ValueKind kind = kind_of(element);
    if (kind == ValueKind::kList || kind == ValueKind::kMap || kind == ValueKind::kNull ||
        is_interpolation(element)) {
      return ValueKind::kNull;
    }
    if (common != ValueKind::kNull && common != kind) {
      if ((common == ValueKind::kInt && kind == ValueKind::kFloat) ||
          (common == ValueKind::kFloat && kind == ValueKind::kInt)) {
        common = ValueKind::kFloat;
        continue;
      }
      return ValueKind::kNull;
    }
    common = kind;
  }
  return common;
}

// Whether a value of kind `got` fits a key of kind `want` (want kNull: anything).
bool fits(ValueKind want, ValueKind got) {
  if (want == ValueKind::kNull || got == want) return true;
  switch (want) {
    case ValueKind::kFloat:
      return got == ValueKind::kInt || got == ValueKind::kNull;
    case ValueKind::kString:  // any scalar reads fine as a string
      return got != ValueKind::kList && got != ValueKind::kMap;
    case ValueKind::kMap:
      return false;
    default:
      return got == ValueKind::kNull;
  }
}

bool contains_interpolation(const YAML::Node& node) {
  if (node.IsScalar()) return is_interpolation(node);
  for (const auto& element : node) {
    if (contains_interpolation(node.IsMap() ? element.second : element)) return true;
  }
  return false;
}

}  // namespace

void check_value(const std::string& key, const YAML::Node& schema, const YAML::Node& value,
                 const std::string& note) {
  ValueKind want = is_interpolation(schema) ? ValueKind::kNull : kind_of(schema);
  if (is_interpolation(value)) {
    if (want == ValueKind::kMap) throw_type_error(key, value, want, note);
    return;  // checked after resolution
  }
  ValueKind got = kind_of(value);
  if (!fits(want, got)) throw_type_error(key, value, want, note);
  if (want != ValueKind::kList || got != ValueKind::kList) return;
  const ValueKind element_want = element_kind(schema);
  if (element_want == ValueKind::kNull) return;
  for (size_t i = 0; i < value.size(); ++i) {
    const YAML::Node element = value[i];
    if (is_interpolation(element)) continue;
    const ValueKind element_got = kind_of(element);
    if (element_got == ValueKind::kNull || !fits(element_want, element_got)) {
      throw_type_error(key + "." + std::to_string(i), element, element_want, note);
    }
  }
}

void merge_value(YAML::Node parent, const std::string& name, const std::string& key,
                 const YAML::Node* schema, const YAML::Node& value, const YAML::Node& schema_root) {
  const bool schema_is_map = schema && schema->IsMap();
  const bool merge_maps = value.IsMap() && (schema ? schema_is_map : parent[name].IsMap());
  if (schema_is_map && kind_of(value) == ValueKind::kNull) return;  // empty section: no-op
  if (schema) check_value(key, *schema, value);
  if (!merge_maps) {
    parent[name] = YAML::Clone(value);
    return;
  }
  YAML::Node target = parent[name];
  if (!target.IsMap()) {
    parent[name] = YAML::Node(YAML::NodeType::Map);
    target.reset(parent[name]);
  }
  const bool open = !schema || schema->size() == 0;
  for (const auto& entry : value) {
    const std::string child = entry.first.Scalar();
    const std::string child_key = join_key(key, child);
    const YAML::Node child_schema =
        open ? YAML::Node() : static_cast<const YAML::Node&>(*schema)[child];
    if (!open && !child_schema.IsDefined()) {
      throw usage_error(unknown_key_message(child_key, schema_root));
    }
    merge_value(target, child, child_key, open ? nullptr : &child_schema, entry.second,
                schema_root);
  }
}

void merge_tree(YAML::Node root, const YAML::Node& schema_root, const YAML::Node& src) {
  const bool open = schema_root.size() == 0;
  for (const auto& entry : src) {
    const std::string key = entry.first.Scalar();
    const YAML::Node child_schema = open ? YAML::Node() : schema_root[key];
    if (!open && !child_schema.IsDefined()) {
      throw usage_error(unknown_key_message(key, schema_root));
    }
    merge_value(root, key, key, open ? nullptr : &child_schema, entry.second, schema_root);
  }
}

void validate_resolved(const YAML::Node& schema_root, const YAML::Node& raw_root,
                       const YAML::Node& resolved_root) {
  // Walk the schema; wherever the raw value held an interpolation, check the resolved value.
  struct Walker {
    static void walk(const std::string& key, const YAML::Node& schema, const YAML::Node& raw,
                     const YAML::Node& resolved) {
      if (!raw.IsDefined() || !resolved.IsDefined()) return;
      if (schema.IsMap() && raw.IsMap() && resolved.IsMap()) {
        for (const auto& entry : schema) {
          const std::string child = entry.first.Scalar();
          walk(join_key(key, child), entry.second, raw[child], resolved[child]);
        }
        return;
      }
      if (contains_interpolation(raw)) {
        check_value(key, schema, resolved, " (from '" + display_value(raw) + "')");
      }
    }
  };
  Walker::walk("", schema_root, raw_root, resolved_root);
}

}  // namespace anvil::config_detail
