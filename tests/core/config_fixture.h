// Shared by the config tests: a small defaults schema covering every value type, and helpers to
// build configs and capture error messages.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"

namespace anvil::testing {

inline constexpr const char* kTestDefaults = R"(
run:
  name: default
  seed: 42
  verbose: false
  tags: {}
model:
  channels: [64, 128]
  dropout: 0.1
train:
  epochs: 20
  lr: 1.0e-3
  optimizer: adamw
  loss_weights:
    intent: 1.0
    count: 0.5
data:
  path: ""
  dirs: [lib, examples]
  extra: null
)";

inline Config test_config() { return Config::from_yaml_string(kTestDefaults, "test defaults"); }

// The message of the anvil::Error that `fn` throws, or "" (and a test failure) if none.
template <typename Fn>
std::string error_of(Fn&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an anvil::Error";
  return "";
}

// Passes if `haystack` contains `needle`; the failure shows both.
inline ::testing::AssertionResult contains(const std::string& haystack, const std::string& needle) {
  if (haystack.find(needle) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "'" << haystack << "' does not contain '" << needle << "'";
}

// Writes `text` to a fresh file under the test temp dir and returns its path.
inline std::string write_temp_yaml(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + "anvil_config_test_" + name;
  write_file_atomic(path, text);
  return path;
}

}  // namespace anvil::testing
