// Internal helpers shared by the config sources: scalar typing (YAML 1.2 core schema), dotted key
// paths over yaml-cpp trees, value display for error messages, and the canonical YAML dump.
// Not a public header: yaml-cpp stays out of include/.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "anvil/core/config.h"

namespace anvil {

struct Config::Impl {
  YAML::Node root;    // current values; ${...} still unresolved
  YAML::Node schema;  // defaults + '+' additions - '~' deletions: the valid keys and their types
  mutable std::optional<YAML::Node> resolved;  // cache of resolve(root); reset on every change
};

namespace config_detail {

enum class ValueKind { kNull, kBool, kInt, kFloat, kString, kList, kMap };

// The type of a node. Plain scalars are typed by their text ("10" int, "1e-3" float, "true"
// bool); quoted or !!str-tagged scalars are strings.
ValueKind kind_of(const YAML::Node& node);
// "an integer", "a float", ... for "expected ..." messages.
const char* kind_expectation(ValueKind kind);

bool parse_int(const std::string& text, int64_t* out);
bool parse_float(const std::string& text, double* out);
bool parse_bool(const std::string& text, bool* out);

// True if `text` holds an unescaped "${".
bool has_interpolation(const std::string& text);
// True if `node` is a string scalar holding an unescaped "${".
bool is_interpolation(const YAML::Node& node);

// A value as the user would write it: scalar text, "null", or flow YAML for lists and maps.
std::string display_value(const YAML::Node& node);

// "a.b.c" -> {"a", "b", "c"}; "" -> {}.
std::vector<std::string> split_key(const std::string& key);
std::string join_key(const std::string& parent, const std::string& child);

// The node at a dotted path (map keys, or indices into lists), or nullopt if absent.
std::optional<YAML::Node> find_node(const YAML::Node& root, const std::string& key);
// Every map key under `root` as a dotted path, depth first.
std::vector<std::string> collect_keys(const YAML::Node& root);

// "unknown config key 'k' (did you mean 'x'?)" with candidates from `tree`.
std::string unknown_key_message(const std::string& key, const YAML::Node& tree);

// Throws a usage error naming `origin`, the key path under `prefix` and the line if any map in
// `node` has a key that no dotted path can reach: a list or map as a key, an empty key, or one
// holding a '.'.
void check_map_keys(const YAML::Node& node, const std::string& prefix, const std::string& origin);

// Parses `yaml` into a map (empty text -> empty map). Syntax errors, a non-map top level and keys
// that check_map_keys refuses throw usage errors naming `origin` and the line.
YAML::Node parse_yaml_map(std::string_view yaml, const std::string& origin);

// Canonical YAML: ints and floats normalised, strings quoted where needed to keep their type,
// lists of scalars in flow style. With escape_interpolation, a literal "${" is written "\${" so
// that reloading does not interpolate it.
std::string dump_yaml(const YAML::Node& root, bool sort_keys, bool escape_interpolation);

// ---- Schema checks (config_validate.cpp) ----

// Throws a usage error "config key 'k' = 'v'<note>: expected X" if `value` does not fit the type
// of the schema node (see the schema rules in config.h). Lists are checked element by element.
void check_value(const std::string& key, const YAML::Node& schema, const YAML::Node& value,
                 const std::string& note = "");

// Merges `value` into parent[name] (dotted path `key`). `schema` is the schema node for `key`, or
// null inside an open map (no checks). Maps merge key by key, anything else replaces; unknown
// keys are errors with a suggestion from `schema_root`.
void merge_value(YAML::Node parent, const std::string& name, const std::string& key,
                 const YAML::Node* schema, const YAML::Node& value, const YAML::Node& schema_root);

// Merges a whole tree (a map) into `root`.
void merge_tree(YAML::Node root, const YAML::Node& schema_root, const YAML::Node& src);

// Type-checks values that came from interpolation, after resolution.
void validate_resolved(const YAML::Node& schema_root, const YAML::Node& raw_root,
                       const YAML::Node& resolved_root);

// ---- Interpolation (config_interpolation.cpp) ----

// A copy of `raw` with every ${...} resolved and "\${" unescaped.
YAML::Node resolve_interpolations(const YAML::Node& raw);

}  // namespace config_detail
}  // namespace anvil
