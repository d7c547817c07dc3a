// The answer-time calculator: a recursive-descent evaluator over numbers, dates and times.
#include "anvil/datagen/calculator.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "anvil/core/ascii.h"
#include "anvil/core/error.h"
#include "anvil/datagen/fake/date.h"

namespace anvil::datagen {
namespace {

constexpr std::string_view kOpen = "<<";
constexpr std::string_view kClose = ">>";

struct Value {
  enum Kind { kNumber, kDate, kTime, kName, kAnswer } kind = kNumber;
  double number = 0;
  int decimals = -1;  // round()'s n: print exactly this many; -1 = up to 6, zeros dropped
  fake::Date date;
  int minutes = 0;   // kTime: minutes after midnight
  std::string name;  // kName: a bare word (a weekday name as an argument) or weekday()'s answer
  bool yes = false;  // kAnswer: a comparison's answer, printed yes or no
};

struct Failure {
  std::string why;
};

double round_half_away(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double scaled = v * scale;
  // A nudge of a few units in the last place so 1.005 (1.00499999... in binary) rounds as
  // written; none where that would reach a thousandth of the last decimal (huge values).
  const double nudge = std::abs(scaled) * 16 * std::numeric_limits<double>::epsilon();
  return std::round(nudge < 1e-3 ? scaled + std::copysign(nudge, scaled) : scaled) / scale;
}

std::string print_number(double v, int decimals) {
  char buf[64];
  if (decimals >= 0) {
    std::snprintf(buf, sizeof buf, "%.*f", decimals, round_half_away(v, decimals));
  } else {
    std::snprintf(buf, sizeof buf, "%.6f", round_half_away(v, 6));
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
  }
  std::string s = buf;
  if (s.size() > 1 && s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string print(const Value& v) {
  switch (v.kind) {
    case Value::kNumber:
      return print_number(v.number, v.decimals);
    case Value::kDate:
      return fake::iso_date(v.date);
    case Value::kTime:
      return fake::iso_time({v.minutes / 60 % 24, v.minutes % 60});
    case Value::kName:
      return v.name;
    case Value::kAnswer:
      return v.yes ? "yes" : "no";
  }
  return "";
}

int weekday_index(const std::string& name) {
  for (int i = 0; i < 7; ++i) {
    if (ascii_lower(fake::weekday_name(i)) == ascii_lower(name)) return i;
  }
  return -1;
}

fake::Date add_months(const fake::Date& d, int64_t n) {
  const int64_t index = d.year * 12LL + (d.month - 1) + n;
  fake::Date r;
  r.year = static_cast<int>(index / 12);
  r.month = static_cast<int>(index % 12) + 1;
  r.day = std::min(d.day, fake::days_in_month(r.year, r.month));
  return r;
}

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  Value parse() {
    Value v = sum();
    skip_space();
    if (pos_ != s_.size()) fail("unexpected '" + std::string(1, s_[pos_]) + "'");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw Failure{why + " at offset " + std::to_string(pos_)};
  }
  void skip_space() {
    while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
  }
  bool eat(char c) {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  double number_of(const Value& v, const char* what) const {
    if (v.kind != Value::kNumber) fail(std::string(what) + " needs a number");
    return v.number;
  }
  static Value num(double x) {
    Value v;
    v.number = x;
    return v;
  }

  Value sum() {
    Value v = product();
    for (;;) {
      if (eat('+')) {
        v = num(number_of(v, "+") + number_of(product(), "+"));
      } else if (eat('-')) {
        v = num(number_of(v, "-") - number_of(product(), "-"));
      } else {
        return v;
      }
    }
  }

  Value product() {
    Value v = unary();
    for (;;) {
      if (eat('*')) {
        v = num(number_of(v, "*") * number_of(unary(), "*"));
      } else if (eat('/')) {
        const double d = number_of(unary(), "/");
        if (d == 0) fail("division by zero");
        v = num(number_of(v, "/") / d);
      } else {
        return v;
      }
    }
  }

  Value unary() {
    if (eat('-')) return num(-number_of(unary(), "-"));
    return primary();
  }

  size_t digits_at(size_t p) const {
    size_t n = 0;
    while (p + n < s_.size() && std::isdigit(static_cast<unsigned char>(s_[p + n]))) ++n;
    return n;
  }

  Value primary() {
    skip_space();
    if (pos_ >= s_.size()) fail("expression ends early");
    if (eat('(')) {
      Value v = sum();
      if (!eat(')')) fail("missing ')'");
      return v;
    }
    const char c = s_[pos_];
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') return literal();
    if (std::isalpha(static_cast<unsigned char>(c))) return word();
    fail("unexpected '" + std::string(1, c) + "'");
  }

  // 2024-03-07, 14:05 or a number.
  Value literal() {
    const size_t lead = digits_at(pos_);
    if (lead == 4 && s_.size() >= pos_ + 10 && s_[pos_ + 4] == '-' && digits_at(pos_ + 5) == 2 &&
        s_[pos_ + 7] == '-' && digits_at(pos_ + 8) == 2) {
      Value v;
      v.kind = Value::kDate;
      v.date.year = std::atoi(std::string(s_.substr(pos_, 4)).c_str());
      v.date.month = std::atoi(std::string(s_.substr(pos_ + 5, 2)).c_str());
      v.date.day = std::atoi(std::string(s_.substr(pos_ + 8, 2)).c_str());
      if (v.date.month < 1 || v.date.month > 12 || v.date.day < 1 ||
          v.date.day > fake::days_in_month(v.date.year, v.date.month))
        fail("no such date");
      pos_ += 10;
      return v;
    }
    if ((lead == 1 || lead == 2) && pos_ + lead < s_.size() && s_[pos_ + lead] == ':' &&
        digits_at(pos_ + lead + 1) == 2) {
      const int h = std::atoi(std::string(s_.substr(pos_, lead)).c_str());
      const int m = std::atoi(std::string(s_.substr(pos_ + lead + 1, 2)).c_str());
      if (h > 23 || m > 59) fail("no such time");
      pos_ += lead + 3;
      Value v;
      v.kind = Value::kTime;
      v.minutes = h * 60 + m;
      return v;
    }
    // Thousands groups as documents print them, "81,169.00": copied digit for digit, the model
    // need not regroup digits it reads in other chunks than it writes them.
    size_t end = pos_ + lead;
    std::string text(s_.substr(pos_, lead));
    if (lead <= 3) {
      size_t p = end;
      std::string grouped = text;
      while (p < s_.size() && s_[p] == ',' && digits_at(p + 1) == 3) {
        grouped += s_.substr(p + 1, 3);
        p += 4;
      }
      if (p > end && p < s_.size() && s_[p] == '.' && digits_at(p + 1) > 0) {
        text = grouped;
        end = p;
      }
    }
    if (end < s_.size() && s_[end] == '.') {
      const size_t decimals = digits_at(end + 1);
      text += s_.substr(end, 1 + decimals);
      end += 1 + decimals;
    }
    if (end == pos_ + 1 && s_[pos_] == '.') fail("a lone '.'");
    const double x = std::strtod(text.c_str(), nullptr);
    pos_ = end;
    return num(x);
  }

  Value word() {
    const size_t begin = pos_;
    while (pos_ < s_.size() &&
           (std::isalpha(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_'))
      ++pos_;
    Value name;
    name.kind = Value::kName;
    name.name = std::string(s_.substr(begin, pos_ - begin));
    if (!eat('(')) return name;
    std::vector<Value> args;
    if (!eat(')')) {
      do args.push_back(sum());
      while (eat(','));
      if (!eat(')')) fail("missing ')' after the arguments of " + name.name);
    }
    return call(name.name, args);
  }

  // same(): a == b; at_most(): a <= b. Two numbers, two dates or two times.
  bool compare(const Value& a, const Value& b, const std::string& f) const {
    if (a.kind != b.kind || a.kind == Value::kName || a.kind == Value::kAnswer)
      fail(f + "() compares two numbers, two dates or two times");
    auto key = [](const Value& v) {
      return v.kind == Value::kNumber ? v.number
             : v.kind == Value::kDate ? static_cast<double>(fake::days_from_civil(v.date))
                                      : static_cast<double>(v.minutes);
    };
    // Numbers within a billionth (relative) are the same: 0.1+0.2 is 0.3, as on paper.
    const double x = key(a), y = key(b);
    const bool equal = std::abs(x - y) <= 1e-9 * std::max({1.0, std::abs(x), std::abs(y)});
    return f == "same" ? equal : equal || x < y;
  }

  Value call(const std::string& f, const std::vector<Value>& a) {
    auto arity = [&](size_t n) {
      if (a.size() != n) fail(f + "() takes " + std::to_string(n) + " arguments");
    };
    auto date_arg = [&](size_t i) {
      if (a[i].kind != Value::kDate) fail(f + "() needs a date YYYY-MM-DD");
      return a[i].date;
    };
    auto int_arg = [&](size_t i) {
      const double x = number_of(a[i], f.c_str());
      if (x != std::floor(x) || std::abs(x) > 1e6) fail(f + "() needs a whole number");
      return static_cast<int64_t>(x);
    };
    auto date_value = [](const fake::Date& d) {
      Value v;
      v.kind = Value::kDate;
      v.date = d;
      return v;
    };
    if (f == "round") {
      arity(2);
      const int64_t n = int_arg(1);
      if (n < 0 || n > 10) fail("round() keeps 0 to 10 decimals");
      Value v = num(round_half_away(number_of(a[0], "round"), static_cast<int>(n)));
      v.decimals = static_cast<int>(n);
      return v;
    }
    if (f == "min" || f == "max") {
      if (a.empty()) fail(f + "() needs arguments");
      double best = number_of(a[0], f.c_str());
      for (const Value& v : a) {
        const double x = number_of(v, f.c_str());
        best = f == "min" ? std::min(best, x) : std::max(best, x);
      }
      return num(best);
    }
    if (f == "same" || f == "at_most") {
      arity(2);
      Value v;
      v.kind = Value::kAnswer;
      v.yes = compare(a[0], a[1], f);
      return v;
    }
    if (f == "weekday") {
      arity(1);
      Value v;
      v.kind = Value::kName;
      v.name = fake::weekday_name(fake::weekday(date_arg(0)));
      return v;
    }
    if (f == "add_days") {
      arity(2);
      return date_value(fake::add_days(date_arg(0), int_arg(1)));
    }
    if (f == "add_workdays") {
      arity(2);
      fake::Date d = date_arg(0);
      int64_t n = int_arg(1);
      const int step = n < 0 ? -1 : 1;
      while (n != 0) {
        d = fake::add_days(d, step);
        if (fake::weekday(d) < 5) n -= step;
      }
      return date_value(d);
    }
    if (f == "add_months") {
      arity(2);
      return date_value(add_months(date_arg(0), int_arg(1)));
    }
    if (f == "next_weekday") {
      arity(2);
      const int wd = a[1].kind == Value::kName ? weekday_index(a[1].name) : -1;
      if (wd < 0) fail("next_weekday() needs a weekday name");
      const fake::Date d = date_arg(0);
      int delta = (wd - fake::weekday(d) + 7) % 7;
      return date_value(fake::add_days(d, delta == 0 ? 7 : delta));
    }
    if (f == "days_between") {
      arity(2);
      return num(static_cast<double>(fake::days_from_civil(date_arg(1)) -
                                     fake::days_from_civil(date_arg(0))));
    }
    if (f == "minutes_between") {
      arity(2);
      if (a[0].kind != Value::kTime || a[1].kind != Value::kTime)
        fail("minutes_between() needs two times HH:MM");
      return num(a[1].minutes - a[0].minutes);
    }
    if (f == "add_minutes") {
      arity(2);
      if (a[0].kind != Value::kTime) fail("add_minutes() needs a time HH:MM");
      const int64_t m = a[0].minutes + int_arg(1);
      if (m < 0 || m >= 24 * 60) fail("add_minutes() leaves the day");
      Value v = a[0];
      v.minutes = static_cast<int>(m);
      return v;
    }
    fail("unknown function " + f + "()");
  }

  std::string_view s_;
  size_t pos_ = 0;
};

// Where the open "<<" of `text`'s last line starts, if the text ends inside one; npos if not.
size_t open_call(std::string_view text) {
  const size_t open = text.rfind(kOpen);
  if (open == std::string_view::npos) return open;
  const std::string_view rest = text.substr(open + kOpen.size());
  if (rest.find(kClose) != std::string_view::npos || rest.find('\n') != std::string_view::npos)
    return std::string_view::npos;
  return open;
}

}  // namespace

std::optional<std::string> calculate(std::string_view expression, std::string* error) {
  try {
    const Value v = Parser(expression).parse();
    if (v.kind == Value::kName && weekday_index(v.name) < 0)
      throw Failure{"'" + v.name + "' is not a value"};
    if (v.kind == Value::kNumber && !std::isfinite(v.number)) throw Failure{"not a finite number"};
    return print(v);
  } catch (const Failure& f) {
    if (error) *error = f.why;
    return std::nullopt;
  }
}

std::string calculator_result(std::string_view expression) {
  std::string why;
  auto r = calculate(expression, &why);
  if (!r) throw Error("calculator: '" + std::string(expression) + "': " + why);
  return *r;
}

std::string calculator_step(std::string_view expression) {
  return std::string(kOpen) + std::string(expression) + "=" + calculator_result(expression) +
         std::string(kClose);
}

std::string calculator_completion(std::string_view generated) {
  if (generated.empty() || generated.back() != '=') return "";
  const size_t open = open_call(generated.substr(0, generated.size() - 1));
  if (open == std::string_view::npos) return "";
  const size_t begin = open + kOpen.size();
  auto r = calculate(generated.substr(begin, generated.size() - 1 - begin));
  return r ? *r + std::string(kClose) : "";
}

std::vector<std::string_view> split_at_calculator_results(std::string_view text) {
  std::vector<std::string_view> pieces;
  size_t begin = 0;  // start of the piece being built
  size_t search = 0;
  for (;;) {
    const size_t open = text.find(kOpen, search);
    if (open == std::string_view::npos) break;
    const size_t eq = text.find('=', open);
    const size_t close = eq == std::string_view::npos ? eq : text.find(kClose, eq);
    const size_t newline = text.find('\n', open);
    if (close == std::string_view::npos || newline < close) {
      search = open + kOpen.size();
      continue;
    }
    const size_t expr = open + kOpen.size();
    if (!calculate(text.substr(expr, eq - expr))) {
      search = expr;
      continue;
    }
    pieces.push_back(text.substr(begin, eq + 1 - begin));
    pieces.push_back(text.substr(eq + 1, close + kClose.size() - eq - 1));
    begin = close + kClose.size();
    search = begin;
  }
  if (begin < text.size()) pieces.push_back(text.substr(begin));
  return pieces;
}

}  // namespace anvil::datagen
