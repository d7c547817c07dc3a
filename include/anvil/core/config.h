// anvil::Config: the run configuration, OmegaConf/Hydra style. Built-in defaults (which are also
// the schema: every valid key and its type), then user YAML files merged over them, then dotlist
// overrides (train.lr=5e-4, +run.tags=[a], ~eval.predict), then ${...} interpolation.
//
// Schema rules. A key's type comes from its default value: int, float (an int is accepted), bool,
// string (any scalar is accepted), list (elements checked against the default's element type when
// the default list is non-empty and all of one scalar type), map. A null default, or a default
// that is an interpolation, accepts anything. An empty map default ({}) is open: any keys may be
// merged into it. null is accepted for any non-map key; null over a map is a no-op (so an empty
// `train:` section in a file changes nothing). A value containing ${...} is accepted for any
// non-map key and type-checked after resolution. Every map key, at any depth (inside lists too),
// must be a non-empty name without '.', so that a dotted path reaches it; others are refused
// with the file, line and path.
//
// Interpolation. "${train.lr}" refers to another key by absolute dotted path (list elements by
// index: ${model.channels.0}); "${env:NAME}" reads an environment variable and "${env:NAME,dflt}"
// gives a default (env values are typed like plain YAML scalars: "10" is an int). A string that is
// exactly one ${...} takes the referenced value (and type); otherwise the pieces are concatenated
// into a string. References may be nested ("${a.${b}}") and chained; cycles are errors. "\${" is
// a literal "${".
//
// Reading. Getters read the resolved tree, resolving lazily on first use after a change (so they
// may throw an interpolation error); call resolve() to surface such errors early. The lazy cache
// makes concurrent first reads unsafe: resolve() before sharing a Config across threads.
//
// Errors are anvil::Error of kind kUsage (user mistakes) and name the source (file or override),
// the full dotted key, the bad value and what was expected, with a "did you mean" for unknown keys.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace anvil {

class Config {
 public:
  // The built-in defaults (configs/default.yaml compiled in). They are also the schema.
  static Config from_defaults();
  // A config whose defaults (and schema) are `yaml`. `origin` names it in error messages.
  static Config from_yaml_string(std::string_view yaml, const std::string& origin);

  Config();  // empty: no keys
  Config(const Config& other);
  Config& operator=(const Config& other);
  Config(Config&&) noexcept;
  Config& operator=(Config&&) noexcept;
  ~Config();

  // Merges a user YAML file over the current values: maps merge key by key, everything else is
  // replaced. Unknown keys and type mismatches are errors naming `path`.
  void merge_file(const std::string& path);
  // Same, from text; `origin` names it in error messages.
  void merge_yaml_string(std::string_view yaml, const std::string& origin);

  // One dotlist override:
  //   key=value    set an existing key (type-checked); value is YAML: 5e-4, [32,64], "a b", null
  //   +key=value   add a key that must not exist yet (creates intermediate maps; no schema check)
  //   ~key         delete an existing key
  void apply_override(const std::string& arg);
  void apply_overrides(const std::vector<std::string>& args);

  // Resolves all interpolations now (throws on a missing key, unset env var, cycle or type error).
  void resolve() const;
  // A copy whose values are the resolved ones (no ${...} left; literal "${" re-escaped as "\${").
  Config resolved() const;

  bool has(const std::string& key) const;
  // Child keys of a map, in order; "" means the top level. Throws if `section` is not a map.
  std::vector<std::string> keys(const std::string& section = "") const;
  // Every key (maps and leaves) as a dotted path, depth first, in order.
  std::vector<std::string> all_keys() const;
  bool is_null(const std::string& key) const;

  int64_t get_int(const std::string& key) const;
  double get_double(const std::string& key) const;  // ints are accepted
  bool get_bool(const std::string& key) const;
  std::string get_string(const std::string& key) const;  // any scalar, as written
  std::vector<std::string> get_string_list(const std::string& key) const;
  std::vector<int64_t> get_int_list(const std::string& key) const;
  std::vector<double> get_double_list(const std::string& key) const;

  // The resolved config as YAML in key order (floats in shortest round-trip form). Loading it
  // with from_yaml_string gives a config with the same values. Saved with every run.
  std::string to_yaml() const;
  // Writes to_yaml() to `path` atomically.
  void save(const std::string& path) const;
  // 16 hex digits: FNV-1a 64 of the resolved config dumped with sorted keys. Equal values give
  // equal hashes regardless of key order or how numbers were written (1e-3 vs 0.001).
  std::string hash() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace anvil
