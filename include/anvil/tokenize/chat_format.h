// Which chat format a tokenizer's model speaks, told by its special tokens: ChatML (<|im_start|>,
// <|im_end|>: Qwen2), Llama 3 (<|start_header_id|>, <|eot_id|>), else anvil's specialist turn
// ("PROMPT\n\nAssistant: ", the records' layout). The server builds prompts in it
// (serve/chat_prompt.h) and exports write it as templates (interop/chat_template.h).
#pragma once

#include "anvil/tokenize/bpe_tokenizer.h"

namespace anvil::tokenize {

enum class ChatFormat { kAnvil, kChatMl, kLlama3 };

ChatFormat detect_chat_format(const BpeTokenizer& tokenizer);
const char* chat_format_name(ChatFormat format);  // "anvil" | "chatml" | "llama3"

}  // namespace anvil::tokenize
