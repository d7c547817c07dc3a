// JsonBuilder: compact, canonical JSON appended in call order.
#include "anvil/datagen/json_builder.h"

#include <cmath>
#include <cstdio>

#include "anvil/datagen/fake/money.h"
#include "anvil/datagen/intents.h"
#include "anvil/datagen/record.h"

namespace anvil::datagen {

JsonBuilder& JsonBuilder::begin_object() {
  separate();
  *out_ += '{';
  need_comma_ = false;
  return *this;
}

JsonBuilder& JsonBuilder::end_object() {
  *out_ += '}';
  need_comma_ = true;
  return *this;
}

JsonBuilder& JsonBuilder::begin_array() {
  separate();
  *out_ += '[';
  need_comma_ = false;
  return *this;
}

JsonBuilder& JsonBuilder::end_array() {
  *out_ += ']';
  need_comma_ = true;
  return *this;
}

JsonBuilder& JsonBuilder::key(std::string_view k) {
  separate();
  append_json_string(k, out_);
  *out_ += ':';
  need_comma_ = false;
  return *this;
}

JsonBuilder& JsonBuilder::str(std::string_view s) {
  separate();
  append_json_string(s, out_);
  return *this;
}

JsonBuilder& JsonBuilder::integer(int64_t v) {
  separate();
  append_int(*out_, v);
  return *this;
}

JsonBuilder& JsonBuilder::boolean(bool b) {
  separate();
  *out_ += b ? "true" : "false";
  return *this;
}

JsonBuilder& JsonBuilder::null() {
  separate();
  *out_ += "null";
  return *this;
}

JsonBuilder& JsonBuilder::money(int64_t cents) {
  separate();
  fake::append_decimal_cents(out_, cents);
  return *this;
}

JsonBuilder& JsonBuilder::number(double v, int decimals) {
  separate();
  *out_ += format_number(v, decimals);
  return *this;
}

JsonBuilder& JsonBuilder::raw(std::string_view json) {
  separate();
  *out_ += json;
  return *this;
}

std::string format_number(double v, int decimals) {
  char buf[64];
  const double scale = std::pow(10.0, decimals);
  double r = std::round(v * scale) / scale;
  if (r == 0) r = 0;  // no "-0"
  std::snprintf(buf, sizeof buf, "%.*f", decimals, r);
  std::string s(buf);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

}  // namespace anvil::datagen
