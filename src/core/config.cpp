// anvil::Config: construction from defaults, merging user files, resolution, dump/save/hash.
// Overrides live in config_override.cpp, getters in config_get.cpp, interpolation in
// config_interpolation.cpp, schema checks in config_validate.cpp.
#include "anvil/core/config.h"

#include "anvil/core/default_config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "core/config_node.h"

namespace anvil {

using namespace config_detail;

Config::Config() : impl_(std::make_unique<Impl>()) {
  impl_->root.reset(YAML::Node(YAML::NodeType::Map));
  impl_->schema.reset(YAML::Node(YAML::NodeType::Map));
}

Config::Config(const Config& other) : impl_(std::make_unique<Impl>()) { *this = other; }

Config& Config::operator=(const Config& other) {
  if (this == &other) return *this;
  // yaml-cpp nodes are handles and Node::operator= writes through to the referenced node, so
  // rebind with reset() and clone so that copies never share storage.
  impl_->root.reset(YAML::Clone(other.impl_->root));
  impl_->schema.reset(YAML::Clone(other.impl_->schema));
  impl_->resolved.reset();
  if (other.impl_->resolved) impl_->resolved.emplace(YAML::Clone(*other.impl_->resolved));
  return *this;
}

Config::Config(Config&&) noexcept = default;
Config& Config::operator=(Config&&) noexcept = default;
Config::~Config() = default;

Config Config::from_defaults() {
  return from_yaml_string(default_config_yaml(), "built-in defaults (configs/default.yaml)");
}

Config Config::from_yaml_string(std::string_view yaml, const std::string& origin) {
  Config config;
  config.impl_->root.reset(parse_yaml_map(yaml, origin));
  config.impl_->schema.reset(YAML::Clone(config.impl_->root));
  return config;
}

void Config::merge_file(const std::string& path) { merge_yaml_string(read_file(path), path); }

void Config::merge_yaml_string(std::string_view yaml, const std::string& origin) {
  YAML::Node src = parse_yaml_map(yaml, origin);
  // Merge into a copy so a failed merge leaves this config unchanged.
  YAML::Node merged = YAML::Clone(impl_->root);
  with_context(origin, [&] { merge_tree(merged, impl_->schema, src); });
  impl_->root.reset(merged);
  impl_->resolved.reset();
}

void Config::resolve() const {
  if (impl_->resolved) return;
  YAML::Node resolved = resolve_interpolations(impl_->root);
  validate_resolved(impl_->schema, impl_->root, resolved);
  impl_->resolved.emplace(resolved);
}

Config Config::resolved() const {
  resolve();
  Config out;
  // Round-trip through the escaped dump so literal "${" stays literal in the copy's raw tree.
  out.impl_->root.reset(parse_yaml_map(dump_yaml(*impl_->resolved, false, true), "resolved"));
  out.impl_->schema.reset(YAML::Clone(impl_->schema));
  out.impl_->resolved.emplace(YAML::Clone(*impl_->resolved));
  return out;
}

std::string Config::to_yaml() const {
  resolve();
  return dump_yaml(*impl_->resolved, false, true);
}

void Config::save(const std::string& path) const {
  with_context("saving config to " + path, [&] { write_file_atomic(path, to_yaml()); });
}

std::string Config::hash() const {
  resolve();
  const std::string canonical = dump_yaml(*impl_->resolved, true, true);
  uint64_t h = 14695981039346656037ull;  // FNV-1a 64 offset basis
  for (unsigned char c : canonical) {
    h ^= c;
    h *= 1099511628211ull;  // FNV-1a 64 prime
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kHex[h & 0xf];
  return out;
}

}  // namespace anvil
