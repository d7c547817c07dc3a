// Chat format detection (see chat_format.h).
#include "anvil/tokenize/chat_format.h"

namespace anvil::tokenize {

ChatFormat detect_chat_format(const BpeTokenizer& tokenizer) {
  if (tokenizer.token_id("<|im_start|>") >= 0 && tokenizer.token_id("<|im_end|>") >= 0)
    return ChatFormat::kChatMl;
  if (tokenizer.token_id("<|start_header_id|>") >= 0 && tokenizer.token_id("<|eot_id|>") >= 0)
    return ChatFormat::kLlama3;
  return ChatFormat::kAnvil;
}

const char* chat_format_name(ChatFormat format) {
  switch (format) {
    case ChatFormat::kChatMl:
      return "chatml";
    case ChatFormat::kLlama3:
      return "llama3";
    case ChatFormat::kAnvil:
      break;
  }
  return "anvil";
}

}  // namespace anvil::tokenize
