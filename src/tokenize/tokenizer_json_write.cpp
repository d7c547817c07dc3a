// tokenizer.json writer: HF's key order and layout (one vocab entry / merge per line), merges as
// pairs. Written by hand: an ordered JSON object of 100k+ entries is slow in nlohmann.
#include "anvil/core/fs.h"
#include "anvil/core/json_string.h"
#include "anvil/tokenize/tokenizer_json.h"

namespace anvil::tokenize {

namespace {

void append_quoted(std::string& out, std::string_view s) { append_json_string(s, &out); }

const char* boolean(bool b) { return b ? "true" : "false"; }

std::string byte_level_json(bool add_prefix_space, bool trim_offsets, bool use_regex) {
  return std::string("{\"type\": \"ByteLevel\", \"add_prefix_space\": ") +
         boolean(add_prefix_space) + ", \"trim_offsets\": " + boolean(trim_offsets) +
         ", \"use_regex\": " + boolean(use_regex) + "}";
}

std::string pre_tokenizer_json(const BpeConfig& c) {
  if (c.pattern == kGpt2Pattern) return byte_level_json(c.add_prefix_space, true, true);
  if (c.pattern.empty()) return byte_level_json(c.add_prefix_space, true, false);
  std::string split = "{\"type\": \"Split\", \"pattern\": {\"Regex\": ";
  append_quoted(split, c.pattern);
  split += "}, \"behavior\": \"Isolated\", \"invert\": false}";
  return "{\"type\": \"Sequence\", \"pretokenizers\": [" + split + ", " +
         byte_level_json(c.add_prefix_space, true, false) + "]}";
}

}  // namespace

std::string to_tokenizer_json(const BpeTokenizer& tok) {
  const BpeConfig& c = tok.config();
  const auto& vocab = tok.vocab();
  std::string out;
  out.reserve(vocab.size() * 40 + tok.merges().size() * 30);
  out += "{\n  \"version\": \"1.0\",\n  \"truncation\": " + c.truncation_json +
         ",\n  \"padding\": " + c.padding_json + ",\n  \"added_tokens\": [";
  const auto& added = tok.added_tokens();
  for (size_t i = 0; i < added.size(); ++i) {
    const AddedToken& t = added[i];
    out += i ? ",\n    {" : "\n    {";
    out += "\"id\": " + std::to_string(t.id) + ", \"content\": ";
    append_quoted(out, t.content);
    out += std::string(", \"single_word\": ") + boolean(t.single_word) +
           ", \"lstrip\": " + boolean(t.lstrip) + ", \"rstrip\": " + boolean(t.rstrip) +
           ", \"normalized\": " + boolean(t.normalized) + ", \"special\": " + boolean(t.special) +
           "}";
  }
  out += added.empty() ? "],\n" : "\n  ],\n";
  out += std::string("  \"normalizer\": ") +
         (c.normalizer == Normalizer::kNfc ? "{\"type\": \"NFC\"}" : "null") +
         ",\n  \"pre_tokenizer\": " + pre_tokenizer_json(c) + ",\n";
  out += "  \"post_processor\": " + c.post_processor_json + ",\n";
  out += "  \"decoder\": " + byte_level_json(true, true, true) + ",\n";
  out += "  \"model\": {\n    \"type\": \"BPE\",\n    \"dropout\": null,\n    \"unk_token\": ";
  if (c.unk_token.empty()) {
    out += "null";
  } else {
    append_quoted(out, c.unk_token);
  }
  out += ",\n    \"continuing_subword_prefix\": null,\n    \"end_of_word_suffix\": null,\n";
  out += "    \"fuse_unk\": false,\n    \"byte_fallback\": false,\n    \"ignore_merges\": ";
  out += boolean(c.ignore_merges);
  out += ",\n    \"vocab\": {";
  for (size_t id = 0; id < vocab.size(); ++id) {
    out += id ? ",\n      " : "\n      ";
    append_quoted(out, vocab[id]);
    out += ": " + std::to_string(id);
  }
  out += vocab.empty() ? "},\n    \"merges\": [" : "\n    },\n    \"merges\": [";
  const auto& merges = tok.merges();
  for (size_t i = 0; i < merges.size(); ++i) {
    out += i ? ",\n      [" : "\n      [";
    append_quoted(out, vocab[merges[i].first]);
    out += ", ";
    append_quoted(out, vocab[merges[i].second]);
    out += "]";
  }
  out += merges.empty() ? "]\n  }\n}\n" : "\n    ]\n  }\n}\n";
  return out;
}

void save_tokenizer_json(const BpeTokenizer& tokenizer, const std::string& path) {
  write_file_atomic(path, to_tokenizer_json(tokenizer));
}

}  // namespace anvil::tokenize
