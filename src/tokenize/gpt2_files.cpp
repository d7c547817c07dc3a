// GPT-2's original vocabulary files: encoder.json ({token: id}) and vocab.bpe (merges, one
// "left right" per line after a "#version" line), as openai/gpt-2's encoder.py reads them.
#include <simdjson.h>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/tokenize/tokenizer_json.h"

namespace anvil::tokenize {

BpeTokenizer parse_gpt2_files(std::string_view encoder_json, std::string_view vocab_bpe,
                              const std::string& encoder_json_path,
                              const std::string& vocab_bpe_path) {
  simdjson::dom::parser parser;
  simdjson::padded_string json(encoder_json);
  simdjson::dom::object encoder;
  if (parser.parse(json).get_object().get(encoder) != simdjson::SUCCESS)
    throw Error(encoder_json_path + ": expected a JSON object {token: id}");
  std::vector<std::string> vocab(encoder.size());
  std::vector<bool> seen(vocab.size(), false);
  for (auto field : encoder) {
    int64_t id;
    const std::string token(field.key);
    if (field.value.get_int64().get(id) != simdjson::SUCCESS || id < 0 ||
        static_cast<size_t>(id) >= vocab.size())
      throw Error(encoder_json_path + ": [\"" + token + "\"]: expected an id in 0.." +
                  std::to_string(vocab.size() - 1));
    if (seen[id])
      throw Error(encoder_json_path + ": [\"" + token + "\"]: duplicate id " + std::to_string(id) +
                  " (also used by \"" + vocab[id] + "\")");
    seen[id] = true;
    vocab[id] = token;
  }

  const std::string_view bpe = vocab_bpe;
  std::vector<std::pair<std::string, std::string>> merges;
  size_t line_no = 0;
  for (size_t pos = 0; pos < bpe.size();) {
    size_t end = bpe.find('\n', pos);
    if (end == std::string::npos) end = bpe.size();
    std::string line(bpe.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.rfind("#version", 0) == 0) continue;
    const size_t sp = line.find(' ');
    if (sp == std::string::npos || sp == 0 || sp + 1 == line.size() ||
        line.find(' ', sp + 1) != std::string::npos)
      throw Error(vocab_bpe_path + ":" + std::to_string(line_no) +
                  ": expected \"left right\" (two tokens separated by one space), found \"" + line +
                  "\"");
    merges.emplace_back(line.substr(0, sp), line.substr(sp + 1));
  }

  std::vector<AddedToken> added;
  for (size_t id = 0; id < vocab.size(); ++id)
    if (vocab[id] == "<|endoftext|>")
      added.push_back(AddedToken{static_cast<int64_t>(id), vocab[id]});
  BpeConfig config;
  config.pattern = kGpt2Pattern;
  return with_context(encoder_json_path + " + " + vocab_bpe_path, [&] {
    return BpeTokenizer(std::move(vocab), merges, std::move(added), std::move(config));
  });
}

BpeTokenizer load_gpt2_files(const std::string& encoder_json_path,
                             const std::string& vocab_bpe_path) {
  return parse_gpt2_files(read_file(encoder_json_path), read_file(vocab_bpe_path),
                          encoder_json_path, vocab_bpe_path);
}

}  // namespace anvil::tokenize
