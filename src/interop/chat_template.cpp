// Chat templates for exports (see chat_template.h).
#include "anvil/interop/chat_template.h"

#include <nlohmann/json.hpp>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"

namespace anvil::interop {

using tokenize::ChatFormat;

std::string jinja_chat_template(ChatFormat format) {
  switch (format) {
    case ChatFormat::kChatMl:
      return "{%- for message in messages %}"
             "{%- set role = 'system' if message['role'] == 'developer' else message['role'] %}"
             "{{- '<|im_start|>' + role + '\\n' + message['content'] + '<|im_end|>\\n' }}"
             "{%- endfor %}"
             "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}";
    case ChatFormat::kLlama3:
      return "{{- bos_token }}"
             "{%- for message in messages %}"
             "{%- set role = 'system' if message['role'] == 'developer' else message['role'] %}"
             "{{- '<|start_header_id|>' + role + '<|end_header_id|>\\n\\n' + message['content'] + "
             "'<|eot_id|>' }}"
             "{%- endfor %}"
             "{%- if add_generation_prompt %}"
             "{{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{%- endif %}";
    case ChatFormat::kAnvil:
      break;
  }
  return "{%- for message in messages %}"
         "{%- if message['role'] == 'system' or message['role'] == 'developer' %}"
         "{{- message['content'] + '\\n\\n' }}{%- endif %}"
         "{%- endfor %}"
         "{%- for message in messages %}"
         "{%- if message['role'] == 'user' %}{{- message['content'] }}"
         "{%- elif message['role'] == 'assistant' %}"
         "{{- '\\n\\nAssistant: ' + message['content'] + '\\n\\n' }}{%- endif %}"
         "{%- endfor %}"
         "{%- if add_generation_prompt %}{{- '\\n\\nAssistant: ' }}{%- endif %}";
}

std::string ollama_chat_template(ChatFormat format) {
  switch (format) {
    case ChatFormat::kChatMl:
      return "{{ if .System }}<|im_start|>system\n{{ .System }}<|im_end|>\n{{ end }}"
             "{{ range .Messages }}{{ if eq .Role \"user\" }}<|im_start|>user\n{{ .Content }}"
             "<|im_end|>\n{{ else if eq .Role \"assistant\" }}<|im_start|>assistant\n"
             "{{ .Content }}<|im_end|>\n{{ end }}{{ end }}<|im_start|>assistant\n";
    case ChatFormat::kLlama3:
      return "<|begin_of_text|>{{ if .System }}<|start_header_id|>system<|end_header_id|>\n\n"
             "{{ .System }}<|eot_id|>{{ end }}{{ range .Messages }}{{ if eq .Role \"user\" }}"
             "<|start_header_id|>user<|end_header_id|>\n\n{{ .Content }}<|eot_id|>"
             "{{ else if eq .Role \"assistant\" }}<|start_header_id|>assistant<|end_header_id|>"
             "\n\n{{ .Content }}<|eot_id|>{{ end }}{{ end }}"
             "<|start_header_id|>assistant<|end_header_id|>\n\n";
    case ChatFormat::kAnvil:
      break;
  }
  return "{{ if .System }}{{ .System }}\n\n{{ end }}{{ range .Messages }}"
         "{{ if eq .Role \"user\" }}{{ .Content }}{{ else if eq .Role \"assistant\" }}"
         "\n\nAssistant: {{ .Content }}\n\n{{ end }}{{ end }}\n\nAssistant: ";
}

std::vector<std::string> chat_stop_strings(ChatFormat format) {
  switch (format) {
    case ChatFormat::kChatMl:
      return {"<|im_end|>", "<|endoftext|>"};
    case ChatFormat::kLlama3:
      return {"<|eot_id|>", "<|end_of_text|>"};
    case ChatFormat::kAnvil:
      break;
  }
  // The specialist records end with "\n[confidence: X]": the answer is what comes before.
  return {"<|endoftext|>", "[confidence:"};
}

std::optional<std::string> read_chat_template(const std::string& model_dir) {
  const std::string path = model_dir + "/tokenizer_config.json";
  if (!file_exists(path)) return std::nullopt;
  const auto j = nlohmann::json::parse(read_file(path), nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw Error(path + ": not a JSON object");
  auto it = j.find("chat_template");
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_array())
    for (const auto& t : *it)
      if (t.is_object() && t.value("name", "") == "default" && t.contains("template") &&
          t["template"].is_string())
        return t["template"].get<std::string>();
  throw Error(path + ": \"chat_template\" is neither a string nor a list with a \"default\"");
}

}  // namespace anvil::interop
