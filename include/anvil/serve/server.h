// `anvil serve`: an HTTP server speaking OpenAI's API over anvil language models.
//   POST /v1/chat/completions   messages -> answer (chat format from the tokenizer, chat_prompt.h)
//   POST /v1/completions        prompt -> continuation
//   GET  /v1/models             the base model and each adapter, by id
//   GET  /health                {"status": "ok", ...} with queue statistics
// "stream": true answers with server-sent events ("data: {chunk}" ... "data: [DONE]"). "model"
// picks the base or an adapter by id; "auto" asks the router (a classifier over the request).
// Requests are checked (400 naming the field, 404 for an unknown model, 413 for a body over the
// limit, 400 context_length_exceeded, 503 when the queue is full); a client that disconnects
// mid-stream stops its decoding. Binds to loopback by default; there is no authentication.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "anvil/serve/generation_queue.h"

namespace anvil::serve {

// Picks a model id for a request's text ("" = none of them: the request is out of scope), with a
// reason for the log and the answer's headers.
struct RouteDecision {
  std::string model;
  double confidence = 0;
  std::string reason;
};
using RouteFn = std::function<RouteDecision(const std::string& text)>;

struct ServeOptions {
  std::string model;                  // base: model folder or .gguf file
  std::vector<std::string> adapters;  // LoRA adapter folders on that base
  std::string device = "cpu";
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 = any free port
  QueueOptions queue;
  int64_t default_max_tokens = 256;  // when a request gives none (capped by the context)
  double default_temperature = 0.0;  // when a request gives none: greedy
  size_t max_body_bytes = 1 << 20;   // larger requests get 413
  int http_threads = 0;              // 0 = max_queue + 4 (a streaming request holds one)
  void validate() const;
};

class Server {
 public:
  // Loads the models (errors name the path); does not listen yet.
  explicit Server(ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // A router for "model": "auto" (see RouteFn). Without one, "auto" is a 400.
  void set_router(RouteFn router);
  // Binds and serves on a background thread; throws naming host:port if it cannot bind.
  void start();
  void stop();
  void wait();  // until stop() (from another thread)
  int port() const;
  std::string url() const;  // http://host:port
  const ModelSet& models() const;
  GenerationQueue::Stats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace anvil::serve
