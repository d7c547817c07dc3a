// JsonBuilder: appends compact JSON to a string in exactly the order it is called, so a
// specialist's answer has one canonical form (stable key order, fixed number formats) and is
// cheap to produce. It does not check nesting; generators are tested for well-formed output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace anvil::datagen {

class JsonBuilder {
 public:
  explicit JsonBuilder(std::string* out) : out_(out) {}

  JsonBuilder& begin_object();
  JsonBuilder& end_object();
  JsonBuilder& begin_array();
  JsonBuilder& end_array();
  JsonBuilder& key(std::string_view k);

  JsonBuilder& str(std::string_view s);
  JsonBuilder& integer(int64_t v);
  JsonBuilder& boolean(bool b);
  JsonBuilder& null();
  // Cents as a decimal with two places: 123456 -> 1234.56.
  JsonBuilder& money(int64_t cents);
  // Fixed-point with at most `decimals` places, trailing zeros dropped: 2.500 -> 2.5.
  JsonBuilder& number(double v, int decimals);
  // A JSON value already in canonical form.
  JsonBuilder& raw(std::string_view json);

 private:
  void separate() {
    if (need_comma_) *out_ += ',';
    need_comma_ = true;
  }
  std::string* out_;
  bool need_comma_ = false;
};

// Formats like JsonBuilder::number: "2.5", "-0.125", "3".
std::string format_number(double v, int decimals);

}  // namespace anvil::datagen
