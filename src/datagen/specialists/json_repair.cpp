// json_repair: a small JSON document (user profile, app config, order, or an open one: 2-6 fields
// drawn from 39 keys of configs, payloads and manifests, one level of nesting) broken the ways
// people and other programs break JSON (single quotes, unquoted keys, Python literals, trailing
// commas, comments, a missing comma or closing brace) -> the repaired document and the list of
// problems fixed. The broken text is written from the same value tree as the answer. Worked steps
// point at each problem where the text shows it ("missing_comma: 'horizon-api' 'port'").
#include <cctype>

#include "anvil/core/error.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

struct Value {
  enum Kind { kString, kInt, kBool, kNull, kArray, kObject } kind = kNull;
  std::string text;  // string value, or the number's digits
  bool flag = false;
  std::vector<std::pair<std::string, Value>> members;
  std::vector<Value> items;
};

Value str(std::string s) {
  Value v;
  v.kind = Value::kString;
  v.text = std::move(s);
  return v;
}
Value num(std::string digits) {
  Value v;
  v.kind = Value::kInt;
  v.text = std::move(digits);
  return v;
}
Value boolean(bool b) {
  Value v;
  v.kind = Value::kBool;
  v.flag = b;
  return v;
}

struct Style {
  bool single_quotes = false;
  bool unquoted_keys = false;
  bool python_literals = false;
  bool trailing_comma = false;
  bool pretty = false;
};

void write(const Value& v, const Style& s, int depth, std::string* out) {
  const char q = s.single_quotes ? '\'' : '"';
  const std::string nl =
      s.pretty ? "\n" + std::string(static_cast<size_t>(depth + 1) * 2, ' ') : "";
  const std::string close_nl =
      s.pretty ? "\n" + std::string(static_cast<size_t>(depth) * 2, ' ') : "";
  switch (v.kind) {
    case Value::kString:
      *out += q;
      *out += v.text;
      *out += q;
      break;
    case Value::kInt:
      *out += v.text;
      break;
    case Value::kBool:
      *out += s.python_literals ? (v.flag ? "True" : "False") : (v.flag ? "true" : "false");
      break;
    case Value::kNull:
      *out += s.python_literals ? "None" : "null";
      break;
    case Value::kArray:
      *out += '[';
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) *out += s.pretty ? "," : ", ";
        *out += nl;
        write(v.items[i], s, depth + 1, out);
      }
      if (s.trailing_comma && !v.items.empty()) *out += ',';
      *out += close_nl + "]";
      break;
    case Value::kObject:
      *out += '{';
      for (size_t i = 0; i < v.members.size(); ++i) {
        if (i) *out += s.pretty ? "," : ", ";
        *out += nl;
        if (s.unquoted_keys) {
          *out += v.members[i].first;
        } else {
          *out += q;
          *out += v.members[i].first;
          *out += q;
        }
        *out += ": ";
        write(v.members[i].second, s, depth + 1, out);
      }
      if (s.trailing_comma && !v.members.empty()) *out += ',';
      *out += close_nl + "}";
      break;
  }
}

void write_canonical(const Value& v, JsonBuilder& j) {
  switch (v.kind) {
    case Value::kString:
      j.str(v.text);
      break;
    case Value::kInt:
      j.raw(v.text);
      break;
    case Value::kBool:
      j.boolean(v.flag);
      break;
    case Value::kNull:
      j.null();
      break;
    case Value::kArray:
      j.begin_array();
      for (const Value& item : v.items) write_canonical(item, j);
      j.end_array();
      break;
    case Value::kObject:
      j.begin_object();
      for (const auto& [k, m] : v.members) {
        j.key(k);
        write_canonical(m, j);
      }
      j.end_object();
  }
}

// Names without apostrophes, so single-quoted output stays parseable by a lenient reader.
std::string safe_name(Faker& f) {
  std::string n = f.first_name();
  return n;
}

// Keys of open documents (configs, API payloads, manifests, records) with the kind of value each
// holds, so a repaired document is copied from the prompt, not recalled from three fixed schemas.
enum class Holds {
  kWord,
  kName,
  kEmail,
  kVersion,
  kCount,
  kId,
  kFlag,
  kNothing,
  kWords,
  kNumbers,
  kPrice,
  kPath,
  kUrl,
  kDate,
  kObject
};
const std::vector<std::pair<std::string_view, Holds>> kFields = {
    {"name", Holds::kWord},
    {"title", Holds::kWord},
    {"status", Holds::kWord},
    {"region", Holds::kWord},
    {"owner", Holds::kName},
    {"author", Holds::kName},
    {"contact", Holds::kEmail},
    {"email", Holds::kEmail},
    {"version", Holds::kVersion},
    {"apiVersion", Holds::kVersion},
    {"retries", Holds::kCount},
    {"deadline_ms", Holds::kCount},
    {"max_connections", Holds::kCount},
    {"pageSize", Holds::kCount},
    {"user_id", Holds::kId},
    {"accountId", Holds::kId},
    {"enabled", Holds::kFlag},
    {"confirmed", Holds::kFlag},
    {"private", Holds::kFlag},
    {"strict", Holds::kFlag},
    {"last_seen", Holds::kNothing},
    {"parent", Holds::kNothing},
    {"tags", Holds::kWords},
    {"roles", Holds::kWords},
    {"include", Holds::kWords},
    {"ports", Holds::kNumbers},
    {"price", Holds::kPrice},
    {"threshold", Holds::kPrice},
    {"outDir", Holds::kPath},
    {"logFile", Holds::kPath},
    {"homepage", Holds::kUrl},
    {"webhook_url", Holds::kUrl},
    {"created_at", Holds::kDate},
    {"expires", Holds::kDate},
    {"compilerOptions", Holds::kObject},
    {"settings", Holds::kObject},
    {"scripts", Holds::kObject},
    {"limits", Holds::kObject},
    {"extra_info", Holds::kObject}};

Value open_value(Faker& f, Holds holds, int depth);

// 2-6 distinct fields (2-4 inside a nested object, which holds no further objects).
Value open_object(Faker& f, int depth) {
  Value v;
  v.kind = Value::kObject;
  const int64_t n = depth == 0 ? f.integer(2, 6) : f.integer(2, 4);
  while (static_cast<int64_t>(v.members.size()) < n) {
    const auto& [key, holds] = f.pick(kFields);
    if (depth > 0 && holds == Holds::kObject) continue;
    bool taken = false;
    for (const auto& m : v.members) taken |= m.first == key;
    if (!taken) v.members.push_back({std::string(key), open_value(f, holds, depth)});
  }
  return v;
}

Value open_value(Faker& f, Holds holds, int depth) {
  switch (holds) {
    case Holds::kWord: {
      if (f.chance(0.5)) return str(std::string(f.pick(f.locale().words)));
      const std::string company = snake_label(f.pick(f.locale().company_words));
      return str(company + "-" + std::string(f.pick(f.locale().words)));
    }
    case Holds::kName:
      return str(safe_name(f));
    case Holds::kEmail: {
      const fake::Person p = f.person();
      return str(f.personal_email(p));
    }
    case Holds::kVersion: {
      const int64_t major = f.integer(0, 4);
      const int64_t minor = f.integer(0, 12);
      return str(std::to_string(major) + "." + std::to_string(minor) + "." +
                 std::to_string(f.integer(0, 9)));
    }
    case Holds::kCount:
      return num(std::to_string(f.integer(1, 5000)));
    case Holds::kId:
      return num(std::to_string(f.integer(1000, 999999)));
    case Holds::kFlag:
      return boolean(f.chance(0.5));
    case Holds::kNothing:
      return Value{};
    case Holds::kWords:
    case Holds::kNumbers: {
      Value list;
      list.kind = Value::kArray;
      const int64_t n = f.integer(0, 3);
      for (int64_t i = 0; i < n; ++i)
        list.items.push_back(holds == Holds::kWords ? str(std::string(f.pick(f.locale().words)))
                                                    : num(std::to_string(f.integer(80, 9000))));
      return list;
    }
    case Holds::kPrice:
      return num(fake::decimal_cents(f.integer(1, 99999)));
    case Holds::kPath:
      return str(f.chance(0.5) ? "dist" : "logs/" + std::string(f.pick(f.locale().words)) + ".log");
    case Holds::kUrl:
      return str(f.url(f.company().domain));
    case Holds::kDate:
      return str(fake::iso_date(f.recent_date()));
    case Holds::kObject:
      return open_object(f, depth + 1);
  }
  return Value{};
}

Value make_document(Faker& f, int kind) {
  Value root;
  root.kind = Value::kObject;
  if (kind == 0) {
    root.members.push_back({"id", num(std::to_string(f.integer(1000, 99999)))});
    root.members.push_back({"name", str(safe_name(f))});
    root.members.push_back({"active", boolean(f.chance(0.7))});
    Value tags;
    tags.kind = Value::kArray;
    const int64_t n = f.integer(0, 3);
    for (int64_t i = 0; i < n; ++i)
      tags.items.push_back(str(std::string(f.pick(f.locale().words))));
    root.members.push_back({"tags", tags});
    Value address;
    address.kind = Value::kObject;
    const fake::City& c = f.pick(f.locale().cities);
    address.members.push_back({"city", str(std::string(c.name))});
    address.members.push_back({"zip", str(std::string(c.zip_prefix) + f.digits(2))});
    root.members.push_back({"address", address});
  } else if (kind == 1) {
    root.members.push_back(
        {"service", str(snake_label(f.pick(f.locale().company_words)) + "-api")});
    root.members.push_back({"port", num(std::to_string(f.integer(1024, 9999)))});
    root.members.push_back({"debug", boolean(f.chance(0.3))});
    root.members.push_back({"replicas", num(std::to_string(f.integer(1, 12)))});
    Value hosts;
    hosts.kind = Value::kArray;
    const int64_t n = f.integer(1, 3);
    for (int64_t i = 0; i < n; ++i)
      hosts.items.push_back(
          str("10.0." + std::to_string(i) + "." + std::to_string(f.integer(2, 250))));
    root.members.push_back({"hosts", hosts});
    root.members.push_back({"proxy", Value{}});
  } else {
    root.members.push_back({"order_id", str(f.reference("ORD-", 6))});
    root.members.push_back({"customer", str(safe_name(f))});
    root.members.push_back({"paid", boolean(f.chance(0.5))});
    Value items;
    items.kind = Value::kArray;
    const int64_t n = f.integer(1, 3);
    for (int64_t i = 0; i < n; ++i) {
      Value item;
      item.kind = Value::kObject;
      item.members.push_back({"sku", str(f.sku("ITEM"))});
      item.members.push_back({"qty", num(std::to_string(f.integer(1, 20)))});
      items.items.push_back(item);
    }
    root.members.push_back({"items", items});
    root.members.push_back({"coupon", Value{}});
  }
  return root;
}

const std::vector<std::string_view> kInstructions = {
    "This JSON is invalid. Repair it and list the problems you fixed (errors).",
    "Fix the broken JSON below. Return {\"repaired\": <the valid document>, \"errors\": [...]}.",
    "Our parser rejects this payload. Return the corrected JSON and what was wrong with it.",
};

const InstructionParts kParts = {
    {"Fix", "Repair", "Correct", "Clean up", "Make valid"},
    {"this JSON", "the payload below", "this broken JSON", "this", "the following"},
    {"", "and list what was wrong", "and list the errors you fixed", "(repaired + errors)",
     "-> json"},
};

// Whether `v` holds a value of one of `kinds` anywhere (a style shows only on values it changes).
bool holds_any(const Value& v, std::initializer_list<Value::Kind> kinds) {
  for (Value::Kind k : kinds)
    if (v.kind == k) return true;
  for (const auto& [key, m] : v.members)
    if (holds_any(m, kinds)) return true;
  for (const Value& item : v.items)
    if (holds_any(item, kinds)) return true;
  return false;
}

// A token of the broken text as written: a quoted string ('s'), a bare word or number ('w'), a
// comment ('c'), or one punctuation character (the character itself).
struct Token {
  size_t begin = 0, end = 0;
  char kind = 0;
};

std::vector<Token> tokens_of(const std::string& t) {
  std::vector<Token> out;
  auto bare = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  };
  for (size_t i = 0; i < t.size();) {
    const char c = t[i];
    Token tok{i, i + 1, c};
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (c == '"' || c == '\'') {
      const size_t close = t.find(c, i + 1);
      tok = {i, close == std::string::npos ? t.size() : close + 1, 's'};
    } else if (t.compare(i, 2, "//") == 0) {
      tok = {i, std::min(t.find('\n', i), t.size()), 'c'};
    } else if (bare(c)) {
      size_t end = i;
      while (end < t.size() && bare(t[end])) ++end;
      tok = {i, end, 'w'};
    }
    out.push_back(tok);
    i = tok.end;
  }
  return out;
}

// The broken text from `a` through `b`, each run of spaces and line breaks written as one space.
std::string span(const std::string& t, const Token& a, const Token& b) {
  std::string out;
  for (size_t i = a.begin; i < b.end; ++i) {
    const bool space = std::isspace(static_cast<unsigned char>(t[i]));
    if (!space)
      out += t[i];
    else if (out.back() != ' ')
      out += ' ';
  }
  return out;
}

// Where the text shows `error`: its first single-quoted string, bare key with its colon, Python
// literal, comma before a closing bracket or the text's end (with the value before it), comment,
// value followed by the next value with no comma between, or for a missing brace the text's last
// two tokens.
std::string evidence(const std::string& t, const std::vector<Token>& all,
                     const std::string& error) {
  std::vector<Token> toks;
  for (const Token& k : all)
    if (k.kind != 'c') toks.push_back(k);
  auto text = [&](const Token& k) { return t.substr(k.begin, k.end - k.begin); };
  auto value_end = [](char k) { return k == 's' || k == 'w' || k == '}' || k == ']'; };
  if (error == "comment") {
    for (const Token& k : all)
      if (k.kind == 'c') return text(k);
  }
  if (error == "missing_closing_brace" && toks.size() >= 2)
    return span(t, toks[toks.size() - 2], toks.back());
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& k = toks[i];
    const Token* next = i + 1 < toks.size() ? &toks[i + 1] : nullptr;
    if (error == "single_quotes" && k.kind == 's' && t[k.begin] == '\'') return text(k);
    if (error == "python_literals" && k.kind == 'w' &&
        (text(k) == "True" || text(k) == "False" || text(k) == "None"))
      return text(k);
    if (error == "trailing_comma" && i > 0 && k.kind == ',' && !next)  // the brace missing too
      return span(t, toks[i - 1], k);
    if (!next) continue;
    if (error == "unquoted_keys" && k.kind == 'w' && next->kind == ':') return span(t, k, *next);
    if (error == "missing_comma" && value_end(k.kind) && (next->kind == 's' || next->kind == 'w'))
      return span(t, k, *next);
    if (error == "trailing_comma" && i > 0 && k.kind == ',' &&
        (next->kind == '}' || next->kind == ']'))
      return span(t, toks[i - 1], *next);
  }
  throw Error("json_repair: the broken text shows no " + error + ":\n" + t);
}

void generate(Faker& f, Example* ex) {
  // A user profile, app config or order (the first three kinds), or an open document.
  const int kind = static_cast<int>(f.integer(0, 4));
  const Value doc_value = kind < 3 ? make_document(f, kind) : open_object(f, 0);
  Style style;
  style.pretty = f.chance(0.5);
  ex->layout_id = style.pretty ? 1 : 0;
  // 1-3 distinct problems, in a fixed order of kinds.
  std::vector<std::string> errors;
  bool comment = false, missing_brace = false, missing_comma = false;
  while (errors.empty()) {
    style.single_quotes = f.chance(0.3) && holds_any(doc_value, {Value::kString});
    style.unquoted_keys = f.chance(0.3);
    style.python_literals = f.chance(0.3) && holds_any(doc_value, {Value::kBool, Value::kNull});
    style.trailing_comma = f.chance(0.3);
    comment = style.pretty && f.chance(0.3);
    missing_brace = f.chance(0.2);
    missing_comma = !missing_brace && f.chance(0.2);
    if (style.single_quotes) errors.push_back("single_quotes");
    if (style.unquoted_keys) errors.push_back("unquoted_keys");
    if (style.python_literals) errors.push_back("python_literals");
    if (style.trailing_comma) errors.push_back("trailing_comma");
    if (comment) errors.push_back("comment");
    if (missing_comma) errors.push_back("missing_comma");
    if (missing_brace) errors.push_back("missing_closing_brace");
  }
  std::string broken;
  write(doc_value, style, 0, &broken);
  if (comment) {
    const size_t nl = broken.find('\n');
    broken.insert(nl + 1, "  // exported by " + f.first_name() + "\n");
  }
  if (missing_comma) {
    // Drop the first separator (a comma with a value after it, not a trailing one: dropping that
    // left the record listing a missing comma its text did not have).
    size_t at = broken.find(',');
    while (at != std::string::npos &&
           broken.find_first_of("}]", at + 1) == broken.find_first_not_of(" \n", at + 1))
      at = broken.find(',', at + 1);
    if (at != std::string::npos) broken.erase(at, 1);
  }
  if (missing_brace) broken.pop_back();
  compose_prompt(f, ex, kInstructions, kParts, broken);
  const std::vector<Token> tokens = tokens_of(broken);
  for (const std::string& e : errors)
    ex->work += (ex->work.empty() ? "" : "\n") + e + ": " + evidence(broken, tokens, e);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("repaired");
  write_canonical(doc_value, j);
  j.key("errors").begin_array();
  for (const auto& e : errors) j.str(e);
  j.end_array();
  j.end_object();
}

}  // namespace

SpecialistSpec json_repair_spec() {
  return {"json_repair",
          "JSON (a profile, config or order, or an open document of 39 keys) broken 7 ways "
          "(quotes, keys, literals, commas, comments, braces) -> repaired + errors",
          {{"repaired", FieldKind::kJson}, {"errors", FieldKind::kSet}},
          &generate};
}

}  // namespace anvil::datagen::specialists
