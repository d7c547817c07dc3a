// Chat formats: anvil's specialist turn, ChatML and Llama 3 (see chat_prompt.h).
#include "anvil/serve/chat_prompt.h"

#include "anvil/pipeline/sft_data.h"

namespace anvil::serve {

namespace {

int64_t id_of(const tokenize::BpeTokenizer& tok, const char* token) { return tok.token_id(token); }

void add_stop(const tokenize::BpeTokenizer& tok, ChatPrompt& p, const char* token) {
  const int64_t id = id_of(tok, token);
  if (id >= 0) p.stop_ids.push_back(id);
}

class PromptBuilder {
 public:
  explicit PromptBuilder(const tokenize::BpeTokenizer& tok) : tok_(tok) {}
  PromptBuilder& special(const char* token) {
    const int64_t id = id_of(tok_, token);
    if (id < 0) throw Error(std::string("chat format: the tokenizer has no ") + token);
    ids_.push_back(id);
    return *this;
  }
  PromptBuilder& text(const std::string& s) {
    tok_.encode_text_append(s, ids_);
    return *this;
  }
  std::vector<int64_t> take() { return std::move(ids_); }

 private:
  const tokenize::BpeTokenizer& tok_;
  std::vector<int64_t> ids_;
};

// System and developer text first, then the turns: "USER\n\nAssistant: REPLY\n\nUSER..." ending
// with "\n\nAssistant: ", which is how the specialist records put one turn.
std::vector<int64_t> anvil_turns(const tokenize::BpeTokenizer& tok,
                                 const std::vector<ChatMessage>& messages) {
  std::string text;
  for (const auto& m : messages)
    if (m.role == "system" || m.role == "developer") text += m.content + "\n\n";
  for (const auto& m : messages) {
    if (m.role == "user") text += m.content;
    if (m.role == "assistant") text += pipeline::kSftAssistant + m.content + "\n\n";
  }
  text += pipeline::kSftAssistant;
  return tok.encode_text(text);
}

std::vector<int64_t> chatml_turns(const tokenize::BpeTokenizer& tok,
                                  const std::vector<ChatMessage>& messages) {
  PromptBuilder b(tok);
  for (const auto& m : messages) {
    const std::string role = m.role == "developer" ? "system" : m.role;
    b.special("<|im_start|>").text(role + "\n" + m.content).special("<|im_end|>").text("\n");
  }
  b.special("<|im_start|>").text("assistant\n");
  return b.take();
}

std::vector<int64_t> llama3_turns(const tokenize::BpeTokenizer& tok,
                                  const std::vector<ChatMessage>& messages) {
  PromptBuilder b(tok);
  if (id_of(tok, "<|begin_of_text|>") >= 0) b.special("<|begin_of_text|>");
  for (const auto& m : messages) {
    const std::string role = m.role == "developer" ? "system" : m.role;
    b.special("<|start_header_id|>").text(role).special("<|end_header_id|>");
    b.text("\n\n" + m.content).special("<|eot_id|>");
  }
  b.special("<|start_header_id|>").text("assistant").special("<|end_header_id|>").text("\n\n");
  return b.take();
}

ChatPrompt stops_of(const tokenize::BpeTokenizer& tok, ChatFormat format) {
  ChatPrompt p;
  switch (format) {
    case ChatFormat::kChatMl:
      add_stop(tok, p, "<|im_end|>");
      add_stop(tok, p, "<|endoftext|>");
      break;
    case ChatFormat::kLlama3:
      add_stop(tok, p, "<|eot_id|>");
      add_stop(tok, p, "<|end_of_text|>");
      break;
    case ChatFormat::kAnvil:
      add_stop(tok, p, pipeline::kSftEos);
      break;
  }
  return p;
}

}  // namespace

ChatPrompt build_chat_prompt(const tokenize::BpeTokenizer& tokenizer, ChatFormat format,
                             const std::vector<ChatMessage>& messages) {
  ChatPrompt p = stops_of(tokenizer, format);
  switch (format) {
    case ChatFormat::kChatMl:
      p.ids = chatml_turns(tokenizer, messages);
      break;
    case ChatFormat::kLlama3:
      p.ids = llama3_turns(tokenizer, messages);
      break;
    case ChatFormat::kAnvil:
      p.ids = anvil_turns(tokenizer, messages);
      p.stop_strings.push_back(pipeline::kSftConfidence);
      break;
  }
  return p;
}

ChatPrompt build_completion_prompt(const tokenize::BpeTokenizer& tokenizer, ChatFormat format,
                                   const std::string& prompt) {
  ChatPrompt p = stops_of(tokenizer, format);
  p.ids = tokenizer.encode_text(prompt);
  return p;
}

}  // namespace anvil::serve
