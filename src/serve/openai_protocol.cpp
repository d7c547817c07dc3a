// OpenAI request parsing and response bodies (see openai_protocol.h).
#include "anvil/serve/openai_protocol.h"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "anvil/core/json_text.h"

namespace anvil::serve {

namespace {

using nlohmann::json;

ApiError invalid(const std::string& param, const std::string& why) {
  return ApiError(400, "'" + param + "': " + why, param, "invalid_value");
}

json parse_body(std::string_view body) {
  if (body.empty()) throw ApiError(400, "the request has no body: expected a JSON object");
  json j;
  try {
    j = json::parse(body.begin(), body.end());
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    const auto colon = what.find("parse error");
    throw ApiError(400,
                   "the body is not valid JSON (byte " + std::to_string(e.byte) +
                       "): " + (colon == std::string::npos ? what : what.substr(colon)),
                   "", "invalid_json");
  }
  if (!j.is_object()) throw ApiError(400, "the body must be a JSON object");
  return j;
}

const json* field(const json& j, const char* name) {
  auto it = j.find(name);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

double number(const json& j, const char* name, double lo, double hi) {
  const json* v = field(j, name);
  if (!v->is_number()) throw invalid(name, "must be a number");
  const double x = v->get<double>();
  if (!(x >= lo && x <= hi))
    throw invalid(
        name, "must be in [" + json(lo).dump() + ", " + json(hi).dump() + "], got " + v->dump());
  return x;
}

int64_t integer(const json& j, const char* name, int64_t lo) {
  const json* v = field(j, name);
  if (!v->is_number_integer()) throw invalid(name, "must be an integer");
  if (v->is_number_unsigned() && v->get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
    throw invalid(name, "is too large");
  const int64_t x = v->get<int64_t>();
  if (x < lo) throw invalid(name, "must be >= " + std::to_string(lo) + ", got " + v->dump());
  return x;
}

bool boolean(const json& j, const char* name) {
  const json* v = field(j, name);
  if (!v->is_boolean()) throw invalid(name, "must be true or false");
  return v->get<bool>();
}

// A string, or (chat content) an array of {"type": "text", "text": ...} parts.
std::string text_content(const json& v, const std::string& param) {
  if (v.is_string()) return v.get<std::string>();
  if (!v.is_array()) throw invalid(param, "must be a string or an array of text parts");
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    const json& part = v[i];
    const std::string p = param + "[" + std::to_string(i) + "]";
    if (!part.is_object() || !part.contains("type") || !part["type"].is_string())
      throw invalid(p, "must be an object with a \"type\"");
    if (part["type"] != "text")
      throw invalid(p + ".type", "only \"text\" parts are supported, got " + part["type"].dump());
    if (!part.contains("text") || !part["text"].is_string())
      throw invalid(p + ".text", "must be a string");
    out += part["text"].get<std::string>();
  }
  return out;
}

void refuse_unsupported(const json& j) {
  if (field(j, "n") && integer(j, "n", 1) != 1)
    throw ApiError(400, "'n': only one choice per request is supported", "n", "unsupported_value");
  for (const char* name : {"logprobs", "top_logprobs", "tools", "functions", "tool_choice",
                           "response_format", "logit_bias", "best_of", "suffix"}) {
    const json* v = field(j, name);
    if (!v || (v->is_boolean() && !v->get<bool>())) continue;
    if (std::string(name) == "response_format" && v->is_object() && v->value("type", "") == "text")
      continue;
    throw ApiError(400, std::string("'") + name + "' is not supported by this server", name,
                   "unsupported_parameter");
  }
  for (const char* name : {"frequency_penalty", "presence_penalty"})
    if (field(j, name) && number(j, name, -2, 2) != 0)
      throw ApiError(400, std::string("'") + name + "' is not supported (only 0)", name,
                     "unsupported_value");
}

void parse_sampling(const json& j, SamplingRequest& r) {
  const json* model = field(j, "model");
  if (!model || !model->is_string() || model->get<std::string>().empty())
    throw invalid("model", "required: a model id from /v1/models (or \"auto\")");
  r.model = model->get<std::string>();
  refuse_unsupported(j);
  if (field(j, "max_completion_tokens")) r.max_tokens = integer(j, "max_completion_tokens", 1);
  if (field(j, "max_tokens")) r.max_tokens = integer(j, "max_tokens", 1);
  if (field(j, "temperature")) r.temperature = number(j, "temperature", 0, 2);
  if (field(j, "top_p")) {
    r.top_p = number(j, "top_p", 0, 1);
    if (r.top_p == 0) throw invalid("top_p", "must be > 0");
  }
  if (const json* stop = field(j, "stop")) {
    if (stop->is_string()) {
      r.stop = {stop->get<std::string>()};
    } else if (stop->is_array() && stop->size() <= 4) {
      for (const auto& s : *stop) {
        if (!s.is_string()) throw invalid("stop", "must be a string or up to 4 strings");
        r.stop.push_back(s.get<std::string>());
      }
    } else {
      throw invalid("stop", "must be a string or up to 4 strings");
    }
    for (const auto& s : r.stop)
      if (s.empty()) throw invalid("stop", "an empty stop string would end every answer at once");
  }
  if (const json* seed = field(j, "seed")) {
    if (!seed->is_number_integer()) throw invalid("seed", "must be an integer");
    r.seed = seed->is_number_unsigned() ? seed->get<uint64_t>()
                                        : static_cast<uint64_t>(seed->get<int64_t>());
  }
  if (field(j, "stream")) r.stream = boolean(j, "stream");
  if (const json* so = field(j, "stream_options")) {
    if (!so->is_object()) throw invalid("stream_options", "must be an object");
    if (!r.stream) throw invalid("stream_options", "is only allowed with \"stream\": true");
    if (field(*so, "include_usage")) r.include_usage = boolean(*so, "include_usage");
  }
}

json usage_json(const Usage& u) {
  return {{"prompt_tokens", u.prompt_tokens},
          {"completion_tokens", u.completion_tokens},
          {"total_tokens", u.prompt_tokens + u.completion_tokens}};
}

std::string dump(const json& j) { return dump_json_replacing_invalid_utf8(j); }

std::string event(const json& j) { return "data: " + dump(j) + "\n\n"; }

json nullable(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

}  // namespace

ChatRequest parse_chat_request(std::string_view body) {
  const json j = parse_body(body);
  ChatRequest r;
  parse_sampling(j, r);
  const json* messages = field(j, "messages");
  if (!messages || !messages->is_array() || messages->empty())
    throw invalid("messages", "required: a non-empty array of {role, content}");
  for (size_t i = 0; i < messages->size(); ++i) {
    const json& m = (*messages)[i];
    const std::string p = "messages[" + std::to_string(i) + "]";
    if (!m.is_object()) throw invalid(p, "must be an object with role and content");
    const json* role = field(m, "role");
    if (!role || !role->is_string()) throw invalid(p + ".role", "must be a string");
    ChatMessage msg{role->get<std::string>(), ""};
    if (msg.role != "system" && msg.role != "developer" && msg.role != "user" &&
        msg.role != "assistant")
      throw invalid(p + ".role",
                    "must be system, developer, user or assistant, got " + role->dump());
    const json* content = field(m, "content");
    if (!content) throw invalid(p + ".content", "required");
    msg.content = text_content(*content, p + ".content");
    r.messages.push_back(std::move(msg));
  }
  if (r.messages.back().role == "assistant")
    throw invalid("messages", "the last message must not be the assistant's (nothing to answer)");
  return r;
}

CompletionRequest parse_completion_request(std::string_view body) {
  const json j = parse_body(body);
  CompletionRequest r;
  parse_sampling(j, r);
  const json* prompt = field(j, "prompt");
  if (!prompt) throw invalid("prompt", "required: a string");
  if (prompt->is_array() && prompt->size() == 1 && (*prompt)[0].is_string())
    r.prompt = (*prompt)[0].get<std::string>();
  else if (prompt->is_string())
    r.prompt = prompt->get<std::string>();
  else
    throw invalid("prompt",
                  "must be a string (token arrays and several prompts are not supported)");
  if (field(j, "echo")) r.echo = boolean(j, "echo");
  return r;
}

namespace {

// The envelope every response and chunk shares; `choice` is choices[0] (none: an empty list).
json envelope(const std::string& id, const char* object, int64_t created, const std::string& model,
              std::optional<json> choice) {
  json choices = json::array();
  if (choice) {
    (*choice)["index"] = 0;
    (*choice)["logprobs"] = nullptr;
    choices.push_back(std::move(*choice));
  }
  return {
      {"id", id}, {"object", object}, {"created", created}, {"model", model}, {"choices", choices}};
}

// anvil's own member of a response, beside OpenAI's (clients keep unknown members).
json with_confidence(json j, std::optional<double> confidence) {
  if (confidence) j["anvil"] = {{"confidence", *confidence}};
  return j;
}

}  // namespace

std::string chat_completion_json(const std::string& id, int64_t created, const std::string& model,
                                 const std::string& content, const std::string& finish_reason,
                                 const Usage& usage, std::optional<double> confidence) {
  json j = envelope(id, "chat.completion", created, model,
                    json{{"message", {{"role", "assistant"}, {"content", content}}},
                         {"finish_reason", finish_reason}});
  j["usage"] = usage_json(usage);
  return dump(with_confidence(std::move(j), confidence));
}

std::string completion_json(const std::string& id, int64_t created, const std::string& model,
                            const std::string& text, const std::string& finish_reason,
                            const Usage& usage, std::optional<double> confidence) {
  json j = envelope(id, "text_completion", created, model,
                    json{{"text", text}, {"finish_reason", finish_reason}});
  j["usage"] = usage_json(usage);
  return dump(with_confidence(std::move(j), confidence));
}

std::string chat_chunk_event(const std::string& id, int64_t created, const std::string& model,
                             const std::optional<std::string>& role, const std::string& content,
                             const std::optional<std::string>& finish_reason,
                             std::optional<double> confidence) {
  json delta = json::object();
  if (role) delta["role"] = *role;
  if (!content.empty() || role) delta["content"] = content;
  return event(
      with_confidence(envelope(id, "chat.completion.chunk", created, model,
                               json{{"delta", delta}, {"finish_reason", nullable(finish_reason)}}),
                      confidence));
}

std::string completion_chunk_event(const std::string& id, int64_t created, const std::string& model,
                                   const std::string& text,
                                   const std::optional<std::string>& finish_reason,
                                   std::optional<double> confidence) {
  return event(
      with_confidence(envelope(id, "text_completion", created, model,
                               json{{"text", text}, {"finish_reason", nullable(finish_reason)}}),
                      confidence));
}

std::string usage_chunk_event(const std::string& id, int64_t created, const std::string& model,
                              const char* object, const Usage& usage) {
  json j = envelope(id, object, created, model, std::nullopt);
  j["usage"] = usage_json(usage);
  return event(j);
}

std::string models_json(const std::vector<std::string>& ids, int64_t created) {
  json data = json::array();
  for (const auto& id : ids)
    data.push_back({{"id", id}, {"object", "model"}, {"created", created}, {"owned_by", "anvil"}});
  return dump({{"object", "list"}, {"data", data}});
}

std::string error_json(const ApiError& e) {
  const char* type = e.status() >= 500   ? "server_error"
                     : e.status() == 404 ? "not_found_error"
                     : e.status() == 429 ? "rate_limit_error"
                                         : "invalid_request_error";
  return dump({{"error",
                {{"message", e.what()},
                 {"type", type},
                 {"param", e.param().empty() ? json(nullptr) : json(e.param())},
                 {"code", e.code().empty() ? json(nullptr) : json(e.code())}}}});
}

}  // namespace anvil::serve
