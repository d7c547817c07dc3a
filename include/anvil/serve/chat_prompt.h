// Chat messages -> the prompt ids a model was trained to answer, without ever letting user text
// become a control token. The format is chosen from the tokenizer's special tokens: ChatML
// (<|im_start|>, Qwen2), Llama 3 (<|start_header_id|>), else anvil's specialist format (the
// records' "PROMPT\n\nAssistant: " turn). Template markers are inserted as ids; every message's
// text is encoded with Tokenizer::encode_text, so "<|endoftext|>" or "<|im_end|>" typed by a user
// stays text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "anvil/serve/openai_protocol.h"
#include "anvil/tokenize/bpe_tokenizer.h"
#include "anvil/tokenize/chat_format.h"

namespace anvil::serve {

using tokenize::chat_format_name;
using tokenize::ChatFormat;
using tokenize::detect_chat_format;

struct ChatPrompt {
  std::vector<int64_t> ids;
  std::vector<int64_t> stop_ids;          // end-of-turn / end-of-text ids of the format
  std::vector<std::string> stop_strings;  // anvil: the records' "\n[confidence" line
};

ChatPrompt build_chat_prompt(const tokenize::BpeTokenizer& tokenizer, ChatFormat format,
                             const std::vector<ChatMessage>& messages);

// Plain completion: the prompt as untrusted text, and the format's end-of-text ids as stops.
ChatPrompt build_completion_prompt(const tokenize::BpeTokenizer& tokenizer, ChatFormat format,
                                   const std::string& prompt);

}  // namespace anvil::serve
