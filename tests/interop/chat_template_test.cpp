// Exported chat templates render exactly the prompt anvil's server builds: the Jinja template (GGUF
// tokenizer.chat_template, HF chat_template) through Hugging Face's Jinja engine, and the Ollama
// Modelfile TEMPLATE through Go's text/template (Ollama's engine), for anvil's, ChatML and Llama 3
// formats; `anvil export gguf` and `anvil export ollama` write them.
#include "anvil/interop/chat_template.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "anvil/core/fs.h"
#include "anvil/interop/gguf_export.h"
#include "anvil/interop/ollama_export.h"
#include "anvil/io/gguf.h"
#include "anvil/serve/chat_prompt.h"
#include "support/npm_packages.h"
#include "support/run_cli.h"
#include "support/tiny_lm.h"

namespace anvil::interop {
namespace {

using nlohmann::json;
using tokenize::ChatFormat;

struct Case {
  ChatFormat format;
  std::vector<std::string> specials;
};

const std::vector<Case> kCases = {
    {ChatFormat::kAnvil, {"<|endoftext|>", "<|pad|>"}},
    {ChatFormat::kChatMl, {"<|endoftext|>", "<|im_start|>", "<|im_end|>"}},
    {ChatFormat::kLlama3,
     {"<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>",
      "<|eot_id|>"}},
};

const std::vector<serve::ChatMessage> kMessages = {
    {"system", "Answer in JSON."},
    {"user", "Parse: 400 Greenwood Terrace, Madison"},
    {"assistant", "{\"street_number\":\"400\"}"},
    {"user", "And \"221B Baker Street\"? <|im_end|> stays text"}};

json messages_json() {
  json m = json::array();
  for (const auto& x : kMessages) m.push_back({{"role", x.role}, {"content", x.content}});
  return m;
}

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// What anvil's server sends the model for kMessages, as text.
std::string server_prompt(const Case& c) {
  const auto tok = testing::tiny_tokenizer(c.specials);
  EXPECT_EQ(tokenize::detect_chat_format(tok), c.format);
  return tok.decode(serve::build_chat_prompt(tok, c.format, kMessages).ids);
}

TEST(ChatTemplate, JinjaRendersTheServersPromptInHuggingFacesEngine) {
  const auto setup = testing::ensure_npm_packages("jinja-npm");
  if (!setup.skip_reason.empty()) GTEST_SKIP() << setup.skip_reason;
  ASSERT_TRUE(setup.error.empty()) << setup.error;
  testing::TempDir dir("jinja");
  for (const auto& c : kCases) {
    write_file_atomic(dir / "template.jinja", jinja_chat_template(c.format));
    write_file_atomic(dir / "context.json", json{{"messages", messages_json()},
                                                 {"add_generation_prompt", true},
                                                 {"bos_token", "<|begin_of_text|>"},
                                                 {"eos_token", "<|endoftext|>"}}
                                                .dump());
    const auto r = testing::run_command(
        "node '" ANVIL_SOURCE_DIR "/tests/interop/render_jinja.mjs' " +
        quote(testing::npm_cache_dir()) + " " + quote(dir / "template.jinja") + " " +
        quote(dir / "context.json") + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << tokenize::chat_format_name(c.format) << ": " << r.output;
    EXPECT_EQ(json::parse(r.output).get<std::string>(), server_prompt(c))
        << tokenize::chat_format_name(c.format);
  }
}

TEST(ChatTemplate, OllamaTemplateRendersTheServersPromptInGoTextTemplate) {
  if (testing::run_command("command -v go").exit_code != 0)
    GTEST_SKIP() << "go is not installed (scripts/packages.d/ollama.list): Ollama's template "
                    "engine is not checked";
  testing::TempDir dir("gotmpl");
  write_file_atomic(dir / "messages.json", messages_json().dump());
  for (const auto& c : kCases) {
    write_file_atomic(dir / "template.txt", ollama_chat_template(c.format));
    const auto r = testing::run_command(
        "cd " + quote(dir.path()) + " && HOME=" + quote(dir.path()) + " GOCACHE=" +
        quote(dir / "gocache") + " GOFLAGS=-mod=mod go run '" ANVIL_SOURCE_DIR
        "/tests/interop/render_ollama_template.go' template.txt messages.json 2>&1");
    ASSERT_EQ(r.exit_code, 0) << tokenize::chat_format_name(c.format) << ": " << r.output;
    EXPECT_EQ(json::parse(r.output).get<std::string>(), server_prompt(c))
        << tokenize::chat_format_name(c.format);
  }
}

TEST(ChatTemplate, ExportsCarryTheTemplate) {
  testing::TempDir dir("template-export");
  testing::save_tiny_lm(dir / "model", {"<|endoftext|>", "<|pad|>"}, 256);
  GgufExportOptions g;
  g.model_dir = dir / "model";
  g.output_path = dir / "model.gguf";
  g.type = GgufExportType::kF32;
  export_gguf(g);
  const auto file = io::read_gguf(dir / "model.gguf");
  ASSERT_NE(file.find("tokenizer.chat_template"), nullptr);
  EXPECT_EQ(file.find("tokenizer.chat_template")->as_string(), jinja_chat_template(ChatFormat::kAnvil));
  // A model folder's own template (tokenizer_config.json) wins.
  write_file_atomic(dir / "model/tokenizer_config.json",
                    json{{"chat_template", "{{ messages[0]['content'] }}"}}.dump());
  export_gguf(g);
  EXPECT_EQ(io::read_gguf(dir / "model.gguf").find("tokenizer.chat_template")->as_string(),
            "{{ messages[0]['content'] }}");

  OllamaExportOptions o;
  o.model_dir = dir / "model";
  o.output_dir = dir / "ollama";
  o.type = GgufExportType::kQ8_0;
  const auto out = export_ollama(o);
  const std::string modelfile = read_file(dir / "ollama/Modelfile");
  EXPECT_EQ(modelfile, out.modelfile);
  EXPECT_NE(modelfile.find("\nFROM ./model.gguf\n"), std::string::npos) << modelfile;
  EXPECT_EQ(modelfile.find("ADAPTER"), std::string::npos);
  EXPECT_NE(modelfile.find("TEMPLATE \"\"\"" + ollama_chat_template(ChatFormat::kAnvil) + "\"\"\"\n"),
            std::string::npos)
      << modelfile;
  EXPECT_NE(modelfile.find("PARAMETER stop \"[confidence:\"\n"), std::string::npos);
  EXPECT_NE(modelfile.find("PARAMETER num_ctx 256\n"), std::string::npos);
  EXPECT_EQ(io::read_gguf(dir / "ollama/model.gguf").find("general.file_type")->as_u32(),
            gguf_file_type(GgufExportType::kQ8_0));
}

}  // namespace
}  // namespace anvil::interop
