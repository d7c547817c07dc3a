// Specialist records: writing (text and chat forms) and strict reading with path:line errors.
#include "anvil/datagen/specialist_record.h"

#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "anvil/core/error.h"
#include "anvil/datagen/intents.h"
#include "anvil/datagen/record.h"

namespace anvil::datagen {
namespace {

void append_conversation(const Example& ex, std::string* out) {
  for (const Turn& t : ex.history) {
    *out += "User: ";
    *out += t.user;
    *out += "\n\nAssistant: ";
    *out += t.assistant;
    *out += "\n\n";
  }
  *out += "User: ";
  *out += ex.prompt;
}

// The assistant's turn before its confidence line: the worked steps, if any, then the answer.
void append_answer(std::string_view work, std::string_view response, std::string* out) {
  if (!work.empty()) {
    *out += work;
    *out += '\n';
  }
  *out += response;
}

void append_meta(const Example& ex, uint64_t index, std::string* out) {
  *out += ",\"meta\":{\"index\":";
  append_int(*out, static_cast<int64_t>(index));
  *out += ",\"template\":";
  append_int(*out, ex.template_id);
  *out += ",\"layout\":";
  append_int(*out, ex.layout_id);
  *out += ",\"confidence\":";
  *out += format_confidence(ex.confidence);
  *out += "}}";
}

}  // namespace

RecordFormat parse_record_format(std::string_view name) {
  if (name == "text") return RecordFormat::kText;
  if (name == "messages" || name == "chat") return RecordFormat::kMessages;
  throw usage_error("unknown record format '" + std::string(name) +
                    "' (expected text or messages)");
}

std::string format_confidence(double c) {
  const int64_t hundredths = static_cast<int64_t>(std::llround(c * 100.0));
  std::string s = std::to_string(hundredths / 100);
  s += '.';
  s += static_cast<char>('0' + hundredths % 100 / 10);
  s += static_cast<char>('0' + hundredths % 10);
  return s;
}

void append_training_text(const Example& ex, std::string* out) {
  if (ex.history.empty()) {
    *out += ex.prompt;
  } else {
    append_conversation(ex, out);
  }
  *out += "\n\nAssistant: ";
  append_answer(ex.work, ex.response, out);
  *out += "\n[confidence: ";
  *out += format_confidence(ex.confidence);
  *out += ']';
}

void append_specialist_record(const SpecialistSpec& spec, const Example& ex, uint64_t index,
                              RecordFormat format, std::string* out) {
  *out += "{\"specialist\":";
  append_json_string(spec.name, out);
  if (format == RecordFormat::kText) {
    // Escaping is compositional, so the text field reuses the escaped prompt and response.
    *out += ",\"prompt\":";
    const size_t prompt_begin = out->size() + 1;
    if (ex.history.empty()) {
      append_json_string(ex.prompt, out);
    } else {
      std::string conversation;
      append_conversation(ex, &conversation);
      append_json_string(conversation, out);
    }
    const size_t prompt_end = out->size() - 1;
    *out += ",\"response\":";
    const size_t response_begin = out->size() + 1;
    append_json_string(ex.response, out);
    const size_t response_end = out->size() - 1;
    size_t work_begin = 0, work_end = 0;
    if (!ex.work.empty()) {
      *out += ",\"work\":";
      work_begin = out->size() + 1;
      append_json_string(ex.work, out);
      work_end = out->size() - 1;
    }
    // Grow first (geometrically) so the self-appends below never reallocate mid-copy.
    const size_t need = out->size() + (prompt_end - prompt_begin) + (work_end - work_begin) +
                        (response_end - response_begin) + 64;
    if (out->capacity() < need) out->reserve(std::max(need, 2 * out->capacity()));
    *out += ",\"text\":\"";
    out->append(*out, prompt_begin, prompt_end - prompt_begin);
    *out += "\\n\\nAssistant: ";
    if (work_end > work_begin) {
      out->append(*out, work_begin, work_end - work_begin);
      *out += "\\n";
    }
    out->append(*out, response_begin, response_end - response_begin);
    *out += "\\n[confidence: ";
    *out += format_confidence(ex.confidence);
    *out += "]\"";
  } else {
    *out += ",\"messages\":[";
    for (const Turn& t : ex.history) {
      *out += "{\"role\":\"user\",\"content\":";
      append_json_string(t.user, out);
      *out += "},{\"role\":\"assistant\",\"content\":";
      append_json_string(t.assistant, out);
      *out += "},";
    }
    *out += "{\"role\":\"user\",\"content\":";
    append_json_string(ex.prompt, out);
    *out += "},{\"role\":\"assistant\",\"content\":";
    std::string answer;
    append_answer(ex.work, ex.response, &answer);
    append_json_string(answer, out);
    *out += "}]";
  }
  append_meta(ex, index, out);
}

struct SpecialistRecordParser::Impl {
  simdjson::dom::parser parser;
};

SpecialistRecordParser::SpecialistRecordParser() : impl_(std::make_unique<Impl>()) {}
SpecialistRecordParser::~SpecialistRecordParser() = default;

SpecialistRecord parse_specialist_record(std::string_view line, const std::string& path,
                                         size_t line_number) {
  SpecialistRecordParser parser;
  return parser.parse(line, path, line_number);
}

SpecialistRecord SpecialistRecordParser::parse(std::string_view line, const std::string& path,
                                               size_t line_number) {
  const std::string where = path + ":" + std::to_string(line_number) + ": ";
  simdjson::dom::element root;
  if (auto err = impl_->parser.parse(line.data(), line.size(), true).get(root)) {
    throw Error(where + "invalid JSON (" + simdjson::error_message(err) + ")");
  }
  if (!root.is_object()) throw Error(where + "expected a JSON object");
  auto get_string = [&](simdjson::dom::element obj, const char* key, std::string* out) {
    std::string_view v;
    simdjson::dom::element e;
    if (obj[key].get(e)) throw Error(where + "missing key '" + key + "' (expected a string)");
    if (e.get_string().get(v)) throw Error(where + "key '" + key + "' must be a string");
    *out = std::string(v);
  };
  SpecialistRecord r;
  get_string(root, "specialist", &r.specialist);
  simdjson::dom::element messages;
  if (!root["messages"].get(messages)) {
    r.format = RecordFormat::kMessages;
    simdjson::dom::array arr;
    if (messages.get_array().get(arr)) throw Error(where + "key 'messages' must be an array");
    std::vector<std::pair<std::string, std::string>> turns;
    for (simdjson::dom::element m : arr) {
      if (!m.is_object()) throw Error(where + "each message must be an object");
      std::string role, content;
      get_string(m, "role", &role);
      get_string(m, "content", &content);
      turns.emplace_back(role, content);
    }
    if (turns.size() < 2 || turns.size() % 2 != 0) {
      throw Error(where + "'messages' must alternate user/assistant and end with the assistant");
    }
    for (size_t i = 0; i < turns.size(); ++i) {
      const char* expected = i % 2 == 0 ? "user" : "assistant";
      if (turns[i].first != expected) {
        throw Error(where + "message " + std::to_string(i) + " has role '" + turns[i].first +
                    "', expected '" + expected + "'");
      }
    }
    for (size_t i = 0; i + 2 < turns.size(); i += 2) {
      r.history.push_back({turns[i].second, turns[i + 1].second});
    }
    r.prompt = turns[turns.size() - 2].second;
    r.response = turns.back().second;
    // Worked steps come before the answer on lines of their own; the answer is the JSON object.
    const size_t answer = r.response.find("\n{");
    if (!r.response.empty() && r.response[0] != '{' && answer != std::string::npos) {
      r.work = r.response.substr(0, answer);
      r.response.erase(0, answer + 1);
    }
  } else {
    get_string(root, "prompt", &r.prompt);
    get_string(root, "response", &r.response);
    get_string(root, "text", &r.text);
    if (root["work"].error() == simdjson::SUCCESS) get_string(root, "work", &r.work);
  }
  simdjson::dom::element meta;
  if (root["meta"].get(meta)) throw Error(where + "missing key 'meta' (expected an object)");
  if (!meta.is_object()) throw Error(where + "key 'meta' must be an object");
  double confidence;
  simdjson::dom::element ce;
  if (!meta["confidence"].get(ce)) {
    if (ce.get_double().get(confidence)) throw Error(where + "meta.confidence must be a number");
    r.confidence = confidence;
    r.has_confidence = true;
  }
  return r;
}

}  // namespace anvil::datagen
