// `anvil tokenizer encode|decode|train|info`: byte-level BPE tokenizers (tokenizer.json or GPT-2's
// encoder.json + vocab.bpe). Thin: parse arguments, call anvil::tokenize, print.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <sstream>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/tokenize/bpe_trainer.h"
#include "anvil/tokenize/tokenizer_json.h"
#include "commands.h"

namespace anvil::cli {

namespace {

using tokenize::BpeTokenizer;

struct TokenizerSource {
  std::string file;      // tokenizer.json
  std::string gpt2_dir;  // holds encoder.json + vocab.bpe
};

void add_source_args(CLI::App& cmd, TokenizerSource& src) {
  cmd.add_option("-t,--tokenizer", src.file, "tokenizer.json to use");
  cmd.add_option("--gpt2-dir", src.gpt2_dir, "directory with GPT-2's encoder.json and vocab.bpe");
}

BpeTokenizer load(const TokenizerSource& src) {
  if (src.file.empty() == src.gpt2_dir.empty())
    throw usage_error("give exactly one of --tokenizer FILE or --gpt2-dir DIR");
  if (!src.file.empty()) return tokenize::load_tokenizer_json(src.file);
  return tokenize::load_gpt2_files(src.gpt2_dir + "/encoder.json", src.gpt2_dir + "/vocab.bpe");
}

std::string read_stdin() {
  std::ostringstream ss;
  ss << std::cin.rdbuf();
  return ss.str();
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void register_encode(CLI::App& parent) {
  auto* cmd = parent.add_subcommand("encode", "Print the token ids of a text (no specials added)");
  struct Args {
    TokenizerSource src;
    std::string text, input;
    bool tokens = false;
    bool parse_special = false;
  };
  auto a = std::make_shared<Args>();
  add_source_args(*cmd, a->src);
  cmd->add_option("text", a->text, "text to encode (default: --input, else stdin)");
  cmd->add_option("-i,--input", a->input, "file whose bytes are encoded");
  cmd->add_flag("--tokens", a->tokens, "print token strings (byte chars) instead of ids");
  cmd->add_flag("--parse-special", a->parse_special,
                "turn special tokens spelled in the text (e.g. <|endoftext|>) into their ids; by "
                "default they are encoded as plain text, as untrusted text must be");
  cmd->callback([a] {
    auto tok = load(a->src);
    const std::string text = !a->text.empty()    ? a->text
                             : !a->input.empty() ? read_file(a->input)
                                                 : read_stdin();
    const auto ids = a->parse_special ? tok.encode(text) : tok.encode_text(text);
    std::string out;
    for (size_t i = 0; i < ids.size(); ++i) {
      if (i) out.push_back(' ');
      out += a->tokens ? tok.token(ids[i]) : std::to_string(ids[i]);
    }
    std::printf("%s\n", out.c_str());
  });
}

void register_decode(CLI::App& parent) {
  auto* cmd = parent.add_subcommand("decode", "Write the bytes of token ids to stdout");
  struct Args {
    TokenizerSource src;
    std::vector<std::string> ids;
  };
  auto a = std::make_shared<Args>();
  add_source_args(*cmd, a->src);
  cmd->add_option("ids", a->ids, "token ids (default: read whitespace-separated ids from stdin)");
  cmd->callback([a] {
    auto tok = load(a->src);
    std::vector<std::string> words = a->ids;
    if (words.empty()) {
      std::istringstream in(read_stdin());
      words.assign(std::istream_iterator<std::string>(in), {});
    }
    std::vector<int64_t> ids;
    for (size_t i = 0; i < words.size(); ++i) {
      size_t used = 0;
      int64_t v = -1;
      try {
        v = std::stoll(words[i], &used);
      } catch (const std::exception&) {
      }
      if (used != words[i].size() || words[i].empty())
        throw usage_error("decode: id " + std::to_string(i + 1) + " is '" + words[i] +
                          "', expected an integer");
      ids.push_back(v);
    }
    const std::string bytes = tok.decode(ids);
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
  });
}

void register_train(CLI::App& parent) {
  auto* cmd = parent.add_subcommand("train", "Train a byte-level BPE tokenizer on a JSONL field");
  struct Args {
    std::string input, field = "text", output = "tokenizer.json", pattern = "gpt2";
    tokenize::BpeTrainOptions options;
    bool quiet = false;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--input", a->input, "JSONL file, one record per line")->required();
  cmd->add_option("--field", a->field, "string field holding the text")->capture_default_str();
  cmd->add_option("--vocab-size", a->options.vocab_size, "specials + 256 bytes + merges")
      ->capture_default_str();
  cmd->add_option("--min-frequency", a->options.min_frequency,
                  "pairs seen fewer times stop training")
      ->capture_default_str();
  cmd->add_option("--special", a->options.special_tokens,
                  "special token (repeatable), ids 0.. in the order given");
  cmd->add_option("--pattern", a->pattern,
                  "pre-tokenizer regex: gpt2 | cl100k | qwen2 (digits one by one)")
      ->capture_default_str();
  cmd->add_option("--threads", a->options.threads, "word counting threads (0 = all)")
      ->capture_default_str();
  cmd->add_option("-o,--output", a->output, "tokenizer.json to write")->capture_default_str();
  cmd->add_flag("-q,--quiet", a->quiet, "no progress bars");
  cmd->callback([a] {
    auto& o = a->options;
    o.pattern = tokenize::pattern_by_name(a->pattern);
    o.progress = !a->quiet;
    o.validate();
    const auto t0 = std::chrono::steady_clock::now();
    const auto words =
        tokenize::count_words_jsonl(a->input, a->field, o.pattern, o.threads, o.progress);
    const double count_s = seconds_since(t0);
    const auto tok = tokenize::train_bpe(words, o);
    tokenize::save_tokenizer_json(tok, a->output);
    const double total_s = seconds_since(t0);
    const double mb = static_cast<double>(read_file(a->input).size()) / 1e6;
    std::printf(
        "wrote %s: %lld tokens, %zu merges from %zu distinct words; %.1f MB in %.2fs (count %.2fs, "
        "merges %.2fs), %.1f MB/s\n",
        a->output.c_str(), static_cast<long long>(tok.vocab_size()), tok.merges().size(),
        words.size(), mb, total_s, count_s, total_s - count_s, total_s > 0 ? mb / total_s : 0.0);
  });
}

void register_info(CLI::App& parent) {
  auto* cmd = parent.add_subcommand("info", "Describe a tokenizer: sizes, specials, pre-tokenizer");
  auto src = std::make_shared<TokenizerSource>();
  add_source_args(*cmd, *src);
  cmd->callback([src] {
    const auto t0 = std::chrono::steady_clock::now();
    auto tok = load(*src);
    const double s = seconds_since(t0);
    const auto& c = tok.config();
    const char* pattern = c.pattern == tokenize::kGpt2Pattern     ? "gpt2"
                          : c.pattern == tokenize::kCl100kPattern ? "cl100k"
                          : c.pattern.empty()                     ? "none"
                                                                  : "custom";
    std::printf("vocab size     %lld (%zu model tokens + added)\n",
                static_cast<long long>(tok.vocab_size()), tok.vocab().size());
    std::printf("merges         %zu\n", tok.merges().size());
    std::printf("pre-tokenizer  %s%s\n", pattern, c.add_prefix_space ? " (add_prefix_space)" : "");
    if (std::string(pattern) == "custom") std::printf("regex          %s\n", c.pattern.c_str());
    std::printf("ignore_merges  %s\n", c.ignore_merges ? "true" : "false");
    std::printf("added tokens   %zu\n", tok.added_tokens().size());
    for (size_t i = 0; i < tok.added_tokens().size() && i < 8; ++i)
      std::printf("  %lld  %s%s\n", static_cast<long long>(tok.added_tokens()[i].id),
                  tok.added_tokens()[i].content.c_str(),
                  tok.added_tokens()[i].special ? " (special)" : "");
    if (tok.added_tokens().size() > 8) std::printf("  ...\n");
    std::printf("loaded in      %.3fs\n", s);
  });
}

}  // namespace

void register_tokenizer(CLI::App& app, Context&) {
  auto* cmd =
      app.add_subcommand("tokenizer", "Byte-level BPE tokenizers: encode, decode, train, info");
  cmd->require_subcommand(1);
  register_encode(*cmd);
  register_decode(*cmd);
  register_train(*cmd);
  register_info(*cmd);
}

}  // namespace anvil::cli
