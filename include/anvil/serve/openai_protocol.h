// The OpenAI HTTP API as anvil's server speaks it: chat-completions and completions requests
// parsed from JSON and checked field by field (an ApiError names the field and carries the HTTP
// status and OpenAI error code), and the response, stream-chunk, model-list and error bodies.
// Fields anvil does not implement are refused when they would change the answer (n > 1,
// logprobs, tools) and ignored when they would not (user, metadata).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anvil/core/error.h"

namespace anvil::serve {

// A request the server answers with an OpenAI error body: status 400 (invalid_request_error),
// 404 (model_not_found), 413, 503 (server busy) ...
class ApiError : public Error {
 public:
  ApiError(int status, std::string message, std::string param = "", std::string code = "")
      : Error(std::move(message), ErrorKind::kUsage),
        status_(status),
        param_(std::move(param)),
        code_(std::move(code)) {}
  int status() const { return status_; }
  const std::string& param() const { return param_; }
  const std::string& code() const { return code_; }

 private:
  int status_;
  std::string param_, code_;
};

struct ChatMessage {
  std::string role;  // system | developer | user | assistant
  std::string content;
};

// What both endpoints share. Unset numbers take the server's defaults.
struct SamplingRequest {
  std::string model;
  std::optional<int64_t> max_tokens;  // max_tokens or max_completion_tokens
  std::optional<double> temperature;  // 0..2
  double top_p = 1.0;
  std::vector<std::string> stop;  // at most 4
  std::optional<uint64_t> seed;
  bool stream = false;
  bool include_usage = false;  // stream_options.include_usage: a last chunk with usage
};

struct ChatRequest : SamplingRequest {
  std::vector<ChatMessage> messages;
};

struct CompletionRequest : SamplingRequest {
  std::string prompt;
  bool echo = false;
};

// Parse and check a request body. Throws ApiError (400) naming the field or the byte offset of
// a JSON syntax error.
ChatRequest parse_chat_request(std::string_view body);
CompletionRequest parse_completion_request(std::string_view body);

struct Usage {
  int64_t prompt_tokens = 0, completion_tokens = 0;
};

// Response bodies (JSON text). `finish_reason` is "stop" or "length". A calibrated `confidence`
// (a model with answer_calibration.json) goes in anvil's own member: "anvil": {"confidence": p}.
std::string chat_completion_json(const std::string& id, int64_t created, const std::string& model,
                                 const std::string& content, const std::string& finish_reason,
                                 const Usage& usage,
                                 std::optional<double> confidence = std::nullopt);
std::string completion_json(const std::string& id, int64_t created, const std::string& model,
                            const std::string& text, const std::string& finish_reason,
                            const Usage& usage, std::optional<double> confidence = std::nullopt);
// One server-sent event ("data: {...}\n\n") of a stream. Chat chunks carry a delta (the first
// one the role), completion chunks the text; a finish reason ends the choice (and carries the
// confidence, as above); usage-only chunks have no choices.
std::string chat_chunk_event(const std::string& id, int64_t created, const std::string& model,
                             const std::optional<std::string>& role, const std::string& content,
                             const std::optional<std::string>& finish_reason,
                             std::optional<double> confidence = std::nullopt);
std::string completion_chunk_event(const std::string& id, int64_t created, const std::string& model,
                                   const std::string& text,
                                   const std::optional<std::string>& finish_reason,
                                   std::optional<double> confidence = std::nullopt);
std::string usage_chunk_event(const std::string& id, int64_t created, const std::string& model,
                              const char* object, const Usage& usage);
inline constexpr const char* kStreamDone = "data: [DONE]\n\n";

std::string models_json(const std::vector<std::string>& ids, int64_t created);
std::string error_json(const ApiError& e);

}  // namespace anvil::serve
