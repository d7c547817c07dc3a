// `anvil serve`: an OpenAI-compatible HTTP server over a language model, its LoRA adapters and
// (optionally) a router that picks the adapter for "model": "auto".
#include <csignal>
#include <cstdio>

#include "anvil/serve/router.h"
#include "anvil/serve/server.h"
#include "anvil/train/device.h"
#include "commands.h"

namespace anvil::cli {

void register_serve(CLI::App& app, Context&) {
  auto* cmd = app.add_subcommand(
      "serve", "Serve a language model (and its adapters) over OpenAI's chat/completions API");
  struct Args {
    serve::ServeOptions o;
    std::string router;
    int64_t threads = 0;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--model", a->o.model, "base model: model folder or .gguf file")->required();
  cmd->add_option("--adapters", a->o.adapters,
                  "LoRA adapters on that model: DIR (served under its folder name) or NAME=DIR")
      ->expected(1, -1);
  cmd->add_option("--router", a->router,
                  "router model folder (anvil train on router records): enables \"model\": "
                  "\"auto\"");
  cmd->add_option("--port", a->o.port, "port; 0 picks a free one")->capture_default_str();
  cmd->add_option("--host", a->o.host,
                  "address to bind; the default serves this machine only (there is no "
                  "authentication)")
      ->capture_default_str();
  cmd->add_option("--device", a->o.device, "auto | cpu | cuda[:N]")->capture_default_str();
  cmd->add_option("--max-batch", a->o.queue.max_batch, "greedy requests decoded together at most")
      ->capture_default_str();
  cmd->add_option("--max-queue", a->o.queue.max_queue,
                  "requests queued or decoding at most; more get HTTP 503")
      ->capture_default_str();
  cmd->add_option("--max-tokens", a->o.default_max_tokens,
                  "new tokens when a request sets no max_tokens")
      ->capture_default_str();
  cmd->add_option("--temperature", a->o.default_temperature,
                  "temperature when a request sets none (0 = greedy)")
      ->capture_default_str();
  cmd->add_option("--threads", a->threads, "compute threads (0 = all cores)")
      ->capture_default_str();
  cmd->callback([a] {
    train::configure_threads(a->threads);
    serve::Server server(a->o);
    std::unique_ptr<serve::Router> router;
    if (!a->router.empty()) {
      router = std::make_unique<serve::Router>(a->router);
      router->check_covers(server.models().ids());
      server.set_router([r = router.get()](const std::string& text) { return r->route(text); });
    }
    server.start();
    const auto& m = server.models();
    std::fprintf(stderr, "anvil serve: %zu model(s) [", m.ids().size());
    for (size_t i = 0; i < m.ids().size(); ++i)
      std::fprintf(stderr, "%s%s", i ? ", " : "", m.ids()[i].c_str());
    std::fprintf(stderr, "%s], chat format %s, context %lld, at %s/v1 (Ctrl-C stops)\n",
                 router ? ", auto" : "", serve::chat_format_name(m.chat_format()),
                 static_cast<long long>(m.context_length()), server.url().c_str());
    server.wait();
  });
}

}  // namespace anvil::cli
