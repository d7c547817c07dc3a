// A model's chat template in the forms other tools read: Jinja for Hugging Face
// (tokenizer_config.json "chat_template") and GGUF ("tokenizer.chat_template"), and a Go
// text/template for Ollama's Modelfile TEMPLATE. Each renders exactly the prompt anvil's server
// builds for the format (serve/chat_prompt.h): the same turns, markers and generation prompt.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "anvil/tokenize/chat_format.h"

namespace anvil::interop {

std::string jinja_chat_template(tokenize::ChatFormat format);
std::string ollama_chat_template(tokenize::ChatFormat format);
// Strings that end an answer besides the end-of-text token (Modelfile PARAMETER stop).
std::vector<std::string> chat_stop_strings(tokenize::ChatFormat format);

// The "chat_template" of DIR/tokenizer_config.json if the folder has one (a string; a list of
// named templates yields the one named "default"), else nullopt. Errors name the file.
std::optional<std::string> read_chat_template(const std::string& model_dir);

}  // namespace anvil::interop
