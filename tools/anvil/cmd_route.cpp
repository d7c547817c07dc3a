// `anvil route`: ask a router which specialist takes a request, or measure it (--eval) on
// held-out specialist prompts and on requests no specialist should take.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/datagen/out_of_domain.h"
#include "anvil/datagen/router_records.h"
#include "anvil/serve/router.h"
#include "commands.h"

namespace anvil::cli {

namespace {

void print_evaluation(const serve::RouterEvaluation& e) {
  const auto pct = [](int64_t a, int64_t b) { return b ? 100.0 * a / b : 0.0; };
  std::printf("in-domain: %lld requests, routed right %.2f%%, wrong %.2f%%, refused %.2f%%\n",
              static_cast<long long>(e.in_domain), pct(e.routed_right, e.in_domain),
              pct(e.routed_wrong, e.in_domain), pct(e.refused_in_domain, e.in_domain));
  for (const auto& c : e.out_of_domain)
    std::printf("out-of-domain %-17s %5lld requests, refused %.2f%%\n", c.name.c_str(),
                static_cast<long long>(c.n), pct(c.refused, c.n));
  for (const auto& [want, got] : e.first_mistakes)
    std::printf("  mistake: %s -> %s\n", want.c_str(), got.c_str());
}

}  // namespace

void register_route(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "route", "Route requests to specialists with a trained router, or evaluate it (--eval)");
  struct Args {
    std::string router = "runs/latest/model";
    std::vector<std::string> texts;
    double threshold = -1;
    bool eval = false;
    int64_t seed = 777;
    int64_t per_specialist = 20;
    int64_t ood_n = 200;
    std::string specialists = "all";
    std::string data;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("texts", a->texts, "requests to route");
  cmd->add_option("--router", a->router, "router model folder")->capture_default_str();
  cmd->add_option("--threshold", a->threshold,
                  "refuse below this calibrated confidence (default: the model's threshold)");
  cmd->add_flag("--eval", a->eval,
                "measure: held-out prompts of every specialist and out-of-domain requests");
  cmd->add_option("--seed", a->seed, "with --eval: seed of the held-out requests")
      ->capture_default_str();
  cmd->add_option("-n,--per-specialist", a->per_specialist,
                  "with --eval: prompts per specialist")
      ->capture_default_str();
  cmd->add_option("--ood-n", a->ood_n, "with --eval: out-of-domain requests per category")
      ->capture_default_str();
  cmd->add_option("--specialist", a->specialists, "with --eval: the specialists routed to")
      ->capture_default_str();
  cmd->add_option("--data", a->data,
                  "with --eval: measure on this JSONL instead ({\"text\": ..., \"specialist\": "
                  "NAME or \"none\"} per line), e.g. requests written by hand");
  cmd->callback([a, &ctx] {
    serve::Router router(a->router, a->threshold);
    if (a->eval && !a->data.empty()) {
      std::vector<datagen::Record> in;
      std::vector<std::string> out;
      const std::string text = read_file(a->data);
      size_t line_no = 0, pos = 0;
      while (pos < text.size()) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        const std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_object() || !j.contains("text") || !j["text"].is_string() ||
            !j.contains("specialist") || !j["specialist"].is_string())
          throw Error(a->data + ":" + std::to_string(line_no) +
                      ": expected {\"text\": string, \"specialist\": string}");
        datagen::Record r;
        r.text = j["text"].get<std::string>();
        r.intent = j["specialist"].get<std::string>();
        if (r.intent == datagen::kNoIntent)
          out.push_back(r.text);
        else
          in.push_back(std::move(r));
      }
      std::printf("router %s on %s: %zu in-domain, %zu out-of-domain requests\n",
                  a->router.c_str(), a->data.c_str(), in.size(), out.size());
      print_evaluation(serve::evaluate_router(router, in, {{"from the file", out}}));
      return;
    }
    if (a->eval) {
      const auto in = datagen::router_eval_records(a->specialists, a->per_specialist,
                                                   static_cast<uint64_t>(a->seed));
      const auto ood = datagen::router_ood_requests(a->ood_n, static_cast<uint64_t>(a->seed));
      std::printf("router %s: %zu labels, threshold %.4f, held-out seed %lld\n",
                  a->router.c_str(), router.labels().size(), router.threshold(),
                  static_cast<long long>(a->seed));
      print_evaluation(serve::evaluate_router(router, in, ood));
      return;
    }
    if (a->texts.empty()) throw usage_error("route: give requests to route, or --eval");
    bool refused = false;
    for (const auto& t : a->texts) {
      const auto d = router.route(t);
      if (d.model.empty()) {
        refused = true;
        std::printf("none (%.4f): %s\n", d.confidence, d.reason.c_str());
      } else {
        std::printf("%s (%.4f)\n", d.model.c_str(), d.confidence);
      }
    }
    if (refused) ctx.exit_code = 3;
  });
}

}  // namespace anvil::cli
