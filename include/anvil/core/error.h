// anvil::Error: the one exception type library code throws. It carries a message plus context
// frames added as it unwinds ("while loading checkpoint runs/x: ..."), and a kind so the CLI can
// choose its exit code (usage errors exit 2, everything else 1).
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace anvil {

enum class ErrorKind { kRuntime, kUsage };

class Error : public std::runtime_error {
 public:
  explicit Error(std::string message, ErrorKind kind = ErrorKind::kRuntime)
      : std::runtime_error(message), message_(std::move(message)), kind_(kind) {}

  // Returns a copy with `context` prefixed: "context: message".
  Error with_context(const std::string& context) const {
    return Error(context + ": " + message_, kind_);
  }
  const char* what() const noexcept override { return message_.c_str(); }
  ErrorKind kind() const { return kind_; }

 private:
  std::string message_;
  ErrorKind kind_;
};

// A usage error: bad flag, bad config key, bad value given by the user. Exit code 2.
inline Error usage_error(std::string message) {
  return Error(std::move(message), ErrorKind::kUsage);
}

// Runs `fn`; if it throws, rethrows an anvil::Error with `context` prefixed. std::exceptions
// (including c10::Error from LibTorch) are converted, keeping their first line.
template <typename Fn>
auto with_context(const std::string& context, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Error& e) {
    throw e.with_context(context);
  } catch (const std::exception& e) {
    std::string what = e.what();
    auto nl = what.find('\n');
    if (nl != std::string::npos) what.resize(nl);
    throw Error(context + ": " + what);
  }
}

}  // namespace anvil
