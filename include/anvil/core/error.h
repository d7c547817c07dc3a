// anvil::Error: the one exception type library code throws. It carries a message plus context
// frames added as it unwinds ("while loading checkpoint runs/x: ..."), a kind so the CLI can
// choose its exit code (usage errors exit 2, everything else 1), and optionally the option it is
// about ("output_path", "resume", a config key) with a value, so a front end can add its own hint
// (the CLI names the flag) while the library's message speaks of options and files.
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
    Error e(context + ": " + message_, kind_);
    e.option_ = option_;
    e.option_value_ = option_value_;
    return e;
  }
  // Marks the option the error is about (e.g. about("output_path"), about("resume", run_dir)).
  Error about(std::string option, std::string value = "") && {
    option_ = std::move(option);
    option_value_ = std::move(value);
    return std::move(*this);
  }
  const char* what() const noexcept override { return message_.c_str(); }
  ErrorKind kind() const { return kind_; }
  const std::string& option() const { return option_; }
  const std::string& option_value() const { return option_value_; }

 private:
  std::string message_;
  ErrorKind kind_;
  std::string option_;
  std::string option_value_;
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
