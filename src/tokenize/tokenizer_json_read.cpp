// tokenizer.json reader (docs/formats.md §3.1): simdjson DOM for speed on large vocabularies;
// errors name the file, the key path and what was expected.
#include <simdjson.h>

#include <nlohmann/json.hpp>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/tokenize/tokenizer_json.h"

namespace anvil::tokenize {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

std::string describe(element e) {
  switch (e.type()) {
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    case element_type::STRING:
      return "the string \"" + std::string(std::string_view(e)) + "\"";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "the number " + simdjson::minify(e);
    case element_type::BOOL:
      return bool(e) ? "true" : "false";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

// Key lookups with errors that carry the key path.
struct Reader {
  std::string source;

  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    throw Error(source + ": " + path + ": " + what);
  }
  bool has(object obj, const char* key, element& out) const {
    return obj.at_key(key).get(out) == simdjson::SUCCESS;
  }
  bool present(object obj, const char* key, element& out) const {  // present and not null
    return has(obj, key, out) && !out.is_null();
  }
  object as_object(element e, const std::string& path) const {
    object o;
    if (e.get_object().get(o) != simdjson::SUCCESS)
      fail(path, "expected an object, found " + describe(e));
    return o;
  }
  array as_array(element e, const std::string& path) const {
    array a;
    if (e.get_array().get(a) != simdjson::SUCCESS)
      fail(path, "expected an array, found " + describe(e));
    return a;
  }
  std::string as_string(element e, const std::string& path) const {
    std::string_view s;
    if (e.get_string().get(s) != simdjson::SUCCESS)
      fail(path, "expected a string, found " + describe(e));
    return std::string(s);
  }
  bool as_bool(element e, const std::string& path) const {
    bool b;
    if (e.get_bool().get(b) != simdjson::SUCCESS)
      fail(path, "expected true or false, found " + describe(e));
    return b;
  }
  int64_t as_id(element e, const std::string& path) const {
    int64_t v;
    if (e.get_int64().get(v) != simdjson::SUCCESS || v < 0 || v >= 0x7FFFFFFF)
      fail(path, "expected a token id (an integer in [0, 2^31-1)), found " + describe(e));
    return v;
  }
  bool opt_bool(object obj, const char* key, const std::string& path, bool fallback) const {
    element e;
    return present(obj, key, e) ? as_bool(e, path + "." + key) : fallback;
  }
  std::string type_of(object obj, const std::string& path) const {
    element e;
    if (!has(obj, "type", e)) fail(path, "missing key 'type'");
    return as_string(e, path + ".type");
  }
};

std::vector<std::string> read_vocab(const Reader& r, object model) {
  element e;
  if (!r.has(model, "vocab", e)) r.fail("model", "missing key 'vocab'");
  object vocab = r.as_object(e, "model.vocab");
  std::vector<std::string> by_id(vocab.size());
  std::vector<bool> seen(vocab.size(), false);
  for (auto field : vocab) {
    const std::string token(field.key);
    const std::string path = "model.vocab[\"" + token + "\"]";
    const int64_t id = r.as_id(field.value, path);
    if (static_cast<size_t>(id) >= by_id.size())
      r.fail(path, "id " + std::to_string(id) +
                       " is out of range: " + std::to_string(by_id.size()) +
                       " tokens need ids 0.." + std::to_string(by_id.size() - 1));
    if (seen[id])
      r.fail(path, "duplicate id " + std::to_string(id) + " (also used by \"" + by_id[id] + "\")");
    seen[id] = true;
    by_id[id] = token;
  }
  return by_id;
}

std::vector<std::pair<std::string, std::string>> read_merges(const Reader& r, object model) {
  element e;
  if (!r.has(model, "merges", e)) r.fail("model", "missing key 'merges'");
  array merges = r.as_array(e, "model.merges");
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(merges.size());
  size_t i = 0;
  for (element m : merges) {
    const std::string path = "model.merges[" + std::to_string(i++) + "]";
    if (m.is_string()) {  // legacy "left right"
      const std::string s{std::string_view(m)};
      if (s.rfind("#version", 0) == 0) continue;
      const size_t sp = s.find(' ');
      if (sp == std::string::npos || sp == 0 || sp + 1 == s.size() ||
          s.find(' ', sp + 1) != std::string::npos)
        r.fail(path,
               "expected \"left right\" (two tokens separated by one space), found \"" + s + "\"");
      out.emplace_back(s.substr(0, sp), s.substr(sp + 1));
    } else {
      array pair;
      if (m.get_array().get(pair) != simdjson::SUCCESS || pair.size() != 2)
        r.fail(path, "expected a pair [\"left\", \"right\"] or a \"left right\" string, found " +
                         describe(m));
      out.emplace_back(r.as_string(pair.at(0).value(), path + "[0]"),
                       r.as_string(pair.at(1).value(), path + "[1]"));
    }
  }
  return out;
}

std::vector<AddedToken> read_added_tokens(const Reader& r, object doc) {
  std::vector<AddedToken> out;
  element e;
  if (!r.present(doc, "added_tokens", e)) return out;
  size_t i = 0;
  for (element item : r.as_array(e, "added_tokens")) {
    const std::string path = "added_tokens[" + std::to_string(i++) + "]";
    object obj = r.as_object(item, path);
    AddedToken t;
    element v;
    if (!r.has(obj, "id", v)) r.fail(path, "missing key 'id'");
    t.id = r.as_id(v, path + ".id");
    if (!r.has(obj, "content", v)) r.fail(path, "missing key 'content'");
    t.content = r.as_string(v, path + ".content");
    t.single_word = r.opt_bool(obj, "single_word", path, false);
    t.lstrip = r.opt_bool(obj, "lstrip", path, false);
    t.rstrip = r.opt_bool(obj, "rstrip", path, false);
    t.normalized = r.opt_bool(obj, "normalized", path, false);
    t.special = r.opt_bool(obj, "special", path, false);
    out.push_back(std::move(t));
  }
  return out;
}

// ByteLevel fields; returns use_regex.
bool read_byte_level(const Reader& r, object obj, const std::string& path, BpeConfig& config) {
  config.add_prefix_space = r.opt_bool(obj, "add_prefix_space", path, false);
  return r.opt_bool(obj, "use_regex", path, true);
}

void read_pre_tokenizer(const Reader& r, object doc, BpeConfig& config) {
  element e;
  if (!r.present(doc, "pre_tokenizer", e))
    r.fail("pre_tokenizer", "missing; byte-level BPE needs a ByteLevel pre-tokenizer");
  object pre = r.as_object(e, "pre_tokenizer");
  const std::string type = r.type_of(pre, "pre_tokenizer");
  const char* supported = " (anvil supports ByteLevel, or a Sequence of Split then ByteLevel)";
  if (type == "ByteLevel") {
    config.pattern = read_byte_level(r, pre, "pre_tokenizer", config) ? kGpt2Pattern : "";
    return;
  }
  if (type != "Sequence")
    r.fail("pre_tokenizer.type", "unsupported type \"" + type + "\"" + supported);
  element v;
  if (!r.has(pre, "pretokenizers", v)) r.fail("pre_tokenizer", "missing key 'pretokenizers'");
  array seq = r.as_array(v, "pre_tokenizer.pretokenizers");
  if (seq.size() != 2)
    r.fail("pre_tokenizer.pretokenizers", "expected 2 entries" + std::string(supported));
  object split = r.as_object(seq.at(0).value(), "pre_tokenizer.pretokenizers[0]");
  object byte_level = r.as_object(seq.at(1).value(), "pre_tokenizer.pretokenizers[1]");
  const std::string p0 = "pre_tokenizer.pretokenizers[0]", p1 = "pre_tokenizer.pretokenizers[1]";
  if (r.type_of(split, p0) != "Split")
    r.fail(p0 + ".type", "expected \"Split\"" + std::string(supported));
  if (r.type_of(byte_level, p1) != "ByteLevel")
    r.fail(p1 + ".type", "expected \"ByteLevel\"" + std::string(supported));
  if (!r.has(split, "pattern", v)) r.fail(p0, "missing key 'pattern'");
  object pattern = r.as_object(v, p0 + ".pattern");
  if (r.has(pattern, "Regex", v)) {
    config.pattern = r.as_string(v, p0 + ".pattern.Regex");
  } else {
    r.fail(p0 + ".pattern", "expected {\"Regex\": ...}");
  }
  if (r.has(split, "behavior", v) && r.as_string(v, p0 + ".behavior") != "Isolated")
    r.fail(p0 + ".behavior",
           "unsupported behavior \"" + r.as_string(v, p0) + "\" (expected \"Isolated\")");
  if (r.opt_bool(split, "invert", p0, false))
    r.fail(p0 + ".invert", "invert = true is not supported");
  if (read_byte_level(r, byte_level, p1, config))
    r.fail(p1 + ".use_regex", "expected false after a Split (two regex splits are not supported)");
}

void read_model_options(const Reader& r, object model, BpeConfig& config) {
  element v;
  if (r.has(model, "type", v) && r.as_string(v, "model.type") != "BPE")
    r.fail("model.type",
           "unsupported model \"" + r.as_string(v, "model.type") + "\" (expected \"BPE\")");
  if (r.present(model, "dropout", v)) {
    double d = 0;
    if (v.get_double().get(d) != simdjson::SUCCESS || d != 0.0)
      r.fail("model.dropout", "BPE dropout is not supported, found " + describe(v));
  }
  for (const char* key : {"continuing_subword_prefix", "end_of_word_suffix"})
    if (r.present(model, key, v) && !r.as_string(v, std::string("model.") + key).empty())
      r.fail(std::string("model.") + key, "not supported by byte-level BPE, found " + describe(v));
  if (r.opt_bool(model, "byte_fallback", "model", false))
    r.fail("model.byte_fallback",
           "byte_fallback = true is not supported (byte-level BPE needs no fallback)");
  config.ignore_merges = r.opt_bool(model, "ignore_merges", "model", false);
  if (r.present(model, "unk_token", v)) config.unk_token = r.as_string(v, "model.unk_token");
}

}  // namespace

BpeTokenizer parse_tokenizer_json(std::string_view json, const std::string& source) {
  Reader r{source};
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  element root;
  if (auto err = parser.parse(padded).get(root); err != simdjson::SUCCESS) {
    try {  // nlohmann reports line and column; simdjson does not
      nlohmann::json parsed = nlohmann::json::parse(json);
      (void)parsed;
    } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for 1e99999
      throw Error(source + ": not valid JSON: " + e.what());
    }
    throw Error(source + ": not valid JSON: " + simdjson::error_message(err));
  }
  object doc;
  if (root.get_object().get(doc) != simdjson::SUCCESS)
    throw Error(source + ": expected a JSON object at the top level, found " + describe(root));
  element v;
  if (!r.has(doc, "version", v)) r.fail("version", "missing (expected \"1.0\")");
  if (!v.is_string() || std::string_view(v) != "1.0")
    r.fail("version", "unknown tokenizer version " + describe(v) + " (expected \"1.0\")");
  if (!r.present(doc, "model", v)) r.fail("model", "missing (expected a BPE model object)");
  object model = r.as_object(v, "model");

  BpeConfig config;
  read_model_options(r, model, config);
  if (r.present(doc, "normalizer", v)) {
    object norm = r.as_object(v, "normalizer");
    const std::string type = r.type_of(norm, "normalizer");
    if (type != "NFC")
      r.fail("normalizer.type",
             "unsupported normalizer \"" + type + "\" (expected null or \"NFC\")");
    config.normalizer = Normalizer::kNfc;
  }
  read_pre_tokenizer(r, doc, config);
  if (r.present(doc, "decoder", v)) {
    object dec = r.as_object(v, "decoder");
    const std::string type = r.type_of(dec, "decoder");
    if (type != "ByteLevel")
      r.fail("decoder.type", "unsupported decoder \"" + type + "\" (expected \"ByteLevel\")");
  }
  if (r.has(doc, "truncation", v)) config.truncation_json = simdjson::minify(v);
  if (r.has(doc, "padding", v)) config.padding_json = simdjson::minify(v);
  if (r.has(doc, "post_processor", v)) config.post_processor_json = simdjson::minify(v);

  auto vocab = read_vocab(r, model);
  auto merges = read_merges(r, model);
  auto added = read_added_tokens(r, doc);
  return with_context(source, [&] {
    return BpeTokenizer(std::move(vocab), merges, std::move(added), std::move(config));
  });
}

BpeTokenizer load_tokenizer_json(const std::string& path) {
  return parse_tokenizer_json(read_file(path), path);
}

}  // namespace anvil::tokenize
