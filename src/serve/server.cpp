// The OpenAI-compatible HTTP server (see server.h).
#include "anvil/serve/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <thread>

#include "anvil/core/error.h"
#include "anvil/serve/chat_prompt.h"
#include "anvil/serve/openai_protocol.h"

namespace anvil::serve {

void ServeOptions::validate() const {
  if (model.empty()) throw usage_error("serve: no model given").about("model");
  if (port < 0 || port > 65535)
    throw usage_error("port " + std::to_string(port) + ": must be 0..65535").about("port");
  queue.validate();
  if (default_max_tokens < 1)
    throw usage_error("max_tokens = " + std::to_string(default_max_tokens) + ": must be >= 1")
        .about("max_tokens");
  if (!(default_temperature >= 0 && default_temperature <= 2))
    throw usage_error("temperature must be in [0, 2]").about("temperature");
  if (max_body_bytes < 1024) throw usage_error("max_body_bytes must be >= 1024");
}

namespace {

constexpr const char* kJson = "application/json";

const char* finish_name(models::FinishReason f) {
  return f == models::FinishReason::kLength ? "length" : "stop";
}

// One request on its way through: the chosen model, its prompt and options, and the ids.
struct Prepared {
  ServedModel* model = nullptr;
  RouteDecision route;
  Job job;
  std::string id;
  int64_t created = 0;
  bool stream = false, include_usage = false;
  std::string echo;  // completions with echo: the prompt, sent before the answer
};

}  // namespace

struct Server::Impl {
  explicit Impl(ServeOptions o)
      : options(std::move(o)),
        models(options.model, options.adapters, options.device),
        queue(models, options.queue) {}

  ServeOptions options;
  ModelSet models;
  GenerationQueue queue;
  RouteFn router;
  httplib::Server http;
  std::thread thread;
  int port = 0;
  std::atomic<uint64_t> next_id{1};
  const int64_t started = static_cast<int64_t>(std::time(nullptr));

  void routes();
  std::string new_id(const char* prefix) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s-%lx-%llu", prefix, static_cast<unsigned long>(started),
                  static_cast<unsigned long long>(next_id++));
    return buf;
  }
  ServedModel* choose_model(const SamplingRequest& r, const std::string& text, RouteDecision& d);
  void fill_options(const SamplingRequest& r, const ChatPrompt& prompt, Prepared& p);
  void answer(Prepared p, bool chat, httplib::Response& res);
};

ServedModel* Server::Impl::choose_model(const SamplingRequest& r, const std::string& text,
                                        RouteDecision& d) {
  if (r.model == "auto") {
    if (!router)
      throw ApiError(400, "'model': \"auto\" needs a router (anvil serve --router DIR)", "model",
                     "no_router");
    d = router(text);
    if (d.model.empty())
      throw ApiError(422, "no specialist takes this request: " + d.reason, "model", "out_of_scope");
    if (ServedModel* m = models.find(d.model)) return m;
    throw ApiError(500, "the router chose '" + d.model + "', which this server does not serve",
                   "model");
  }
  if (ServedModel* m = models.find(r.model)) return m;
  std::string known;
  for (const auto& id : models.ids()) known += (known.empty() ? "" : ", ") + id;
  throw ApiError(404,
                 "the model '" + r.model + "' does not exist here; served: " + known +
                     (router ? ", auto" : ""),
                 "model", "model_not_found");
}

void Server::Impl::fill_options(const SamplingRequest& r, const ChatPrompt& prompt, Prepared& p) {
  const int64_t context = models.context_length();
  const int64_t n = static_cast<int64_t>(prompt.ids.size());
  if (n == 0) throw ApiError(400, "the prompt is empty", "prompt");
  if (n >= context)
    throw ApiError(400,
                   "this model's maximum context length is " + std::to_string(context) +
                       " tokens, but the prompt has " + std::to_string(n),
                   "messages", "context_length_exceeded");
  auto& o = p.job.options;
  o.max_new_tokens = std::min(r.max_tokens.value_or(options.default_max_tokens), context - n);
  o.temperature = r.temperature.value_or(options.default_temperature);
  o.top_p = r.top_p;
  o.seed = r.seed.value_or(p.job.options.seed);
  o.stop_token_ids = prompt.stop_ids;
  o.stop_strings = prompt.stop_strings;
  for (const auto& s : r.stop) o.stop_strings.push_back(s);
  p.job.model = p.model;
  p.job.prompt = prompt.ids;
  p.stream = r.stream;
  p.include_usage = r.include_usage;
  p.created = static_cast<int64_t>(std::time(nullptr));
}

void Server::Impl::answer(Prepared p, bool chat, httplib::Response& res) {
  const Usage prompt_usage{static_cast<int64_t>(p.job.prompt.size()), 0};
  res.set_header("X-Anvil-Model", p.model->id);
  if (!p.route.model.empty()) {
    char conf[32];
    std::snprintf(conf, sizeof conf, "%.4f", p.route.confidence);
    res.set_header("X-Anvil-Route-Confidence", conf);
  }
  auto ticket = queue.submit(std::move(p.job));
  const std::string model_id = p.model->id;
  if (!p.stream) {
    std::string piece;
    while (ticket->next(piece)) {
    }
    if (ticket->error()) throw ApiError(500, "generation failed: " + *ticket->error());
    const Usage usage{prompt_usage.prompt_tokens, ticket->completion_tokens()};
    const std::string finish = finish_name(ticket->finish());
    if (ticket->confidence()) {
      char conf[32];
      std::snprintf(conf, sizeof conf, "%.4f", *ticket->confidence());
      res.set_header("X-Anvil-Confidence", conf);
    }
    res.set_content(chat ? chat_completion_json(p.id, p.created, model_id, ticket->text(), finish,
                                                usage, ticket->confidence())
                         : completion_json(p.id, p.created, model_id, p.echo + ticket->text(),
                                           finish, usage, ticket->confidence()),
                    kJson);
    return;
  }
  res.set_header("Cache-Control", "no-cache");
  res.set_chunked_content_provider(
      "text/event-stream",
      [ticket, p, chat, model_id, prompt_usage](size_t, httplib::DataSink& sink) {
        const auto send = [&](const std::string& event) {
          if (sink.write(event.data(), event.size())) return true;
          ticket->cancel();  // the client went away: stop decoding its request
          return false;
        };
        if (chat ? !send(chat_chunk_event(p.id, p.created, model_id, "assistant", "", {}))
                 : (!p.echo.empty() &&
                    !send(completion_chunk_event(p.id, p.created, model_id, p.echo, {}))))
          return false;
        std::string piece;
        while (ticket->next(piece)) {
          const std::string e = chat ? chat_chunk_event(p.id, p.created, model_id, {}, piece, {})
                                     : completion_chunk_event(p.id, p.created, model_id, piece, {});
          if (!send(e)) return false;
        }
        if (ticket->error()) {
          const ApiError err(500, "generation failed: " + *ticket->error());
          send("data: " + error_json(err) + "\n\n");
        } else {
          const std::string finish = finish_name(ticket->finish());
          const auto confidence = ticket->confidence();
          if (!send(
                  chat ? chat_chunk_event(p.id, p.created, model_id, {}, "", finish, confidence)
                       : completion_chunk_event(p.id, p.created, model_id, "", finish, confidence)))
            return false;
          if (p.include_usage &&
              !send(usage_chunk_event(p.id, p.created, model_id,
                                      chat ? "chat.completion.chunk" : "text_completion",
                                      {prompt_usage.prompt_tokens, ticket->completion_tokens()})))
            return false;
        }
        if (!send(kStreamDone)) return false;
        sink.done();
        return true;
      },
      [ticket](bool) { ticket->cancel(); });
}

namespace {

// Runs a handler; ApiError and anvil errors become OpenAI error bodies.
template <typename Fn>
void respond(httplib::Response& res, Fn&& fn) {
  try {
    fn();
  } catch (const ApiError& e) {
    res.status = e.status();
    res.set_content(error_json(e), kJson);
  } catch (const std::exception& e) {
    const ApiError err(500, e.what());
    res.status = 500;
    res.set_content(error_json(err), kJson);
  }
}

std::string last_user_text(const std::vector<ChatMessage>& messages) {
  for (auto it = messages.rbegin(); it != messages.rend(); ++it)
    if (it->role == "user") return it->content;
  return messages.back().content;
}

}  // namespace

void Server::Impl::routes() {
  auto& s = http;
  s.Get("/health", [this](const httplib::Request&, httplib::Response& res) {
    const auto st = queue.stats();
    nlohmann::json j = {{"status", "ok"},
                        {"models", models.ids()},
                        {"chat_format", chat_format_name(models.chat_format())},
                        {"context_length", models.context_length()},
                        {"router", static_cast<bool>(router)},
                        {"requests", st.requests},
                        {"waiting", st.waiting},
                        {"batches", st.batches},
                        {"largest_batch", st.largest_batch},
                        {"tokens", st.tokens}};
    res.set_content(j.dump(), kJson);
  });
  s.Get("/v1/models", [this](const httplib::Request&, httplib::Response& res) {
    auto ids = models.ids();
    if (router) ids.push_back("auto");
    res.set_content(models_json(ids, started), kJson);
  });
  s.Post("/v1/chat/completions", [this](const httplib::Request& req, httplib::Response& res) {
    respond(res, [&] {
      const ChatRequest r = parse_chat_request(req.body);
      Prepared p;
      p.model = choose_model(r, last_user_text(r.messages), p.route);
      p.id = new_id("chatcmpl");
      fill_options(r, build_chat_prompt(models.tokenizer(), models.chat_format(), r.messages), p);
      answer(std::move(p), /*chat=*/true, res);
    });
  });
  s.Post("/v1/completions", [this](const httplib::Request& req, httplib::Response& res) {
    respond(res, [&] {
      const CompletionRequest r = parse_completion_request(req.body);
      Prepared p;
      p.model = choose_model(r, r.prompt, p.route);
      p.id = new_id("cmpl");
      if (r.echo) p.echo = r.prompt;
      fill_options(r, build_completion_prompt(models.tokenizer(), models.chat_format(), r.prompt),
                   p);
      answer(std::move(p), /*chat=*/false, res);
    });
  });
  s.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    const int status = res.status;
    const ApiError e(status, status == 413 ? "the request body is larger than this server accepts"
                             : status == 404
                                 ? "nothing at " + req.method + " " + req.path +
                                       " (try /v1/chat/completions, /v1/completions, "
                                       "/v1/models, /health)"
                                 : "the request was refused (HTTP " + std::to_string(status) + ")");
    res.set_content(error_json(e), kJson);
  });
}

Server::Server(ServeOptions options) {
  options.validate();
  impl_ = std::make_unique<Impl>(std::move(options));
  auto& o = impl_->options;
  auto& s = impl_->http;
  s.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  s.set_payload_max_length(o.max_body_bytes);
  s.set_read_timeout(30, 0);
  s.set_write_timeout(30, 0);
  const size_t threads =
      o.http_threads > 0 ? static_cast<size_t>(o.http_threads) : o.queue.max_queue + 4;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  impl_->routes();
}

Server::~Server() { stop(); }

void Server::set_router(RouteFn router) { impl_->router = std::move(router); }

void Server::start() {
  auto& o = impl_->options;
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.host.c_str());
    if (impl_->port <= 0) throw Error("serve: cannot listen on " + o.host + " (any port)");
  } else {
    if (!impl_->http.bind_to_port(o.host.c_str(), o.port))
      throw Error("serve: cannot listen on " + o.host + ":" + std::to_string(o.port) +
                  " (port in use or not permitted)")
          .about("port");
    impl_->port = o.port;
  }
  impl_->thread = std::thread([this] { impl_->http.listen_after_bind(); });
  for (int i = 0; i < 500 && !impl_->http.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

void Server::stop() {
  if (!impl_) return;
  impl_->http.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

void Server::wait() {
  if (impl_->thread.joinable()) impl_->thread.join();
}

int Server::port() const { return impl_->port; }

std::string Server::url() const {
  return "http://" + impl_->options.host + ":" + std::to_string(impl_->port);
}

const ModelSet& Server::models() const { return impl_->models; }

GenerationQueue::Stats Server::stats() const { return impl_->queue.stats(); }

}  // namespace anvil::serve
