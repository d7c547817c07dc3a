// The specialist system end to end through the CLI: a base model, one LoRA adapter per
// specialist, a router trained on router records; `anvil serve` routes "model": "auto" requests
// to the right adapter (whose answer equals `anvil generate --chat` with that adapter) and
// refuses a request no specialist takes. Also: `anvil route` and its --eval report.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/run_cli.h"

namespace anvil::testing {
namespace {

using nlohmann::json;

const std::string kTiny =
    "-q model.type=llama llama.hidden_size=32 llama.intermediate_size=64 llama.layers=1 "
    "llama.heads=2 llama.kv_heads=1 llama.max_position=256 lm.tokenizer_vocab=400 lm.seq_len=256 "
    "lm.eval_per_specialist=2 lm.max_new_tokens=24 train.epochs=1 train.batch_size=4 "
    "train.warmup_steps=2 run.threads=1 ";
const std::string kSpecialists = "address_parsing,spam_detection,unit_conversion";

// `anvil serve` in the background on a free port; stopped (SIGTERM) when destroyed.
class ServeProcess {
 public:
  ServeProcess(const std::string& args, const std::string& dir) : log_(dir + "/serve.log") {
    const auto r =
        run_command("cd '" + dir + "' && { '" + std::string(ANVIL_BINARY) + "' serve --port 0 " +
                    args + " > serve.out 2> serve.log & echo $!; }");
    pid_ = std::atoi(r.output.c_str());
    for (int i = 0; i < 600 && port_ == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      const std::string text = read_text(log_);
      const auto at = text.find("at http://127.0.0.1:");
      if (at != std::string::npos) port_ = std::atoi(text.c_str() + at + 20);
      if (text.find("error") != std::string::npos) break;
    }
  }
  ~ServeProcess() {
    if (pid_ > 0) ::kill(pid_, SIGTERM);
  }
  int port() const { return port_; }
  std::string log() const { return read_text(log_); }

 private:
  std::string log_;
  int pid_ = 0;
  int port_ = 0;
};

TEST(ServeCli, RoutesEachRequestToItsSpecialistsAdapter) {
  TempDir dir("serve-cli");
  ASSERT_EQ(
      run_anvil("datagen --specialist " + kSpecialists + " -n 150 --seed 2 -o d.jsonl", dir.path())
          .exit_code,
      0);
  auto base = run_anvil("train --data d.jsonl --run-dir base " + kTiny, dir.path());
  ASSERT_EQ(base.exit_code, 0) << base.output;
  std::string adapters;
  for (const std::string name : {"address_parsing", "spam_detection", "unit_conversion"}) {
    ASSERT_EQ(run_anvil("datagen --specialist " + name + " -n 40 --seed 5 -o " + name + ".jsonl",
                        dir.path())
                  .exit_code,
              0);
    auto a = run_anvil("train --data " + name + ".jsonl --run-dir " + name + " " + kTiny +
                           "lora.enabled=true lm.base_model=base/model lora.r=4 train.lr=1e-2",
                       dir.path());
    ASSERT_EQ(a.exit_code, 0) << a.output;
    adapters += " " + name + "=" + name + "/model";
  }
  // 1,800 records: with 900 the tiny router refused one address of 60 once the negatives' near-miss
  // requests came capitalised and punctuated like the prompts (session 29; 100% with 1,200 and
  // 1,800).
  auto data = run_anvil("datagen --router --specialist " + kSpecialists +
                            " -n 1800 --router-bytes 96 --seed 3 -o router.jsonl",
                        dir.path());
  ASSERT_EQ(data.exit_code, 0) << data.output;
  EXPECT_NE(data.output.find("3 specialists"), std::string::npos) << data.output;
  auto router = run_anvil(
      "train --data router.jsonl --run-dir router -q data.max_length=96 train.epochs=8 "
      "train.batch_size=32 model.embed_dim=32 'model.channels=[32,32,64]' run.threads=1",
      dir.path());
  ASSERT_EQ(router.exit_code, 0) << router.output;

  // The router on prompts from a seed it never saw, and on requests for no specialist.
  auto eval = run_anvil("route --router router/model --eval --specialist " + kSpecialists +
                            " -n 20 --ood-n 40 --seed 99",
                        dir.path());
  ASSERT_EQ(eval.exit_code, 0) << eval.output;
  EXPECT_NE(eval.output.find("routed right 100.00%"), std::string::npos) << eval.output;
  auto one = run_anvil("route --router router/model 'How many feet is 12.5 meters?'", dir.path());
  EXPECT_EQ(one.exit_code, 0) << one.output;
  EXPECT_EQ(one.output.rfind("unit_conversion (", 0), 0u) << one.output;

  ServeProcess serve("--model base/model --router router/model --adapters" + adapters, dir.path());
  ASSERT_GT(serve.port(), 0) << serve.log();
  httplib::Client client("127.0.0.1", serve.port());
  client.set_read_timeout(60, 0);
  auto models = client.Get("/v1/models");
  ASSERT_TRUE(models);
  std::vector<std::string> ids;
  const json listed = json::parse(models->body);
  for (const auto& m : listed["data"]) ids.push_back(m["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"model", "address_parsing", "spam_detection",
                                           "unit_conversion", "auto"}));

  const std::vector<std::pair<std::string, std::string>> requests = {
      {"address_parsing",
       "Split the address below into its components as JSON.\n\n\"\"\"\n2181 Mill Ct, Hartford, "
       "CT 06147\n\"\"\""},
      {"unit_conversion", "Convert 3704890 millimeters to miles. Round to 4 decimal places."}};
  for (const auto& [specialist, prompt] : requests) {
    json body = {{"model", "auto"},
                 {"max_tokens", 10},
                 {"messages", {{{"role", "user"}, {"content", prompt}}}}};
    auto r = client.Post("/v1/chat/completions", body.dump(), "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(r->get_header_value("X-Anvil-Model"), specialist) << prompt;
    const json j = json::parse(r->body);
    EXPECT_EQ(j["model"], specialist);
    // The adapter's own answer, from `anvil generate` on the adapter folder.
    auto g = run_anvil("generate --model " + specialist + "/model --chat --json --max-tokens 10 '" +
                           prompt + "' 2>/dev/null",
                       dir.path());
    ASSERT_EQ(g.exit_code, 0) << g.output;
    EXPECT_EQ(j["choices"][0]["message"]["content"],
              json::parse(g.output)["text"].get<std::string>())
        << specialist;
  }
  json blank = {{"model", "auto"}, {"messages", {{{"role", "user"}, {"content", "   "}}}}};
  auto refused = client.Post("/v1/chat/completions", blank.dump(), "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422) << refused->body;
  EXPECT_EQ(json::parse(refused->body)["error"]["code"], "out_of_scope");
}

TEST(ServeCli, ServesAnExportedGgufFileAsItsModelFolder) {
  TempDir dir("serve-gguf");
  ASSERT_EQ(run_anvil("datagen --specialist spam_detection -n 60 --seed 2 -o d.jsonl", dir.path())
                .exit_code,
            0);
  ASSERT_EQ(run_anvil("train --data d.jsonl --run-dir base " + kTiny, dir.path()).exit_code, 0);
  auto e = run_anvil("export gguf --model base/model --type f32 -o base.gguf", dir.path());
  ASSERT_EQ(e.exit_code, 0) << e.output;
  const json body = {{"model", "base"},
                     {"max_tokens", 12},
                     {"messages", {{{"role", "user"}, {"content", "Is this spam? Win a prize"}}}}};
  std::vector<json> answers;
  for (const std::string model : {"base/model", "base.gguf"}) {
    ServeProcess serve("--model " + model, dir.path());
    ASSERT_GT(serve.port(), 0) << serve.log();
    httplib::Client client("127.0.0.1", serve.port());
    client.set_read_timeout(60, 0);
    json b = body;
    b["model"] = model == "base.gguf" ? "base" : "model";
    auto r = client.Post("/v1/chat/completions", b.dump(), "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    answers.push_back(json::parse(r->body)["choices"][0]["message"]);
  }
  EXPECT_EQ(answers[0], answers[1]);
}

TEST(ServeCli, MistakesAreClearErrors) {
  TempDir dir("serve-err");
  auto none = run_anvil("serve --model nowhere --port 0", dir.path());
  EXPECT_NE(none.exit_code, 0);
  EXPECT_NE(none.output.find("nowhere"), std::string::npos) << none.output;
  auto missing = run_anvil("serve", dir.path());
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  // A router's classes are not a data mix: a weight is refused, naming it.
  auto weighted = run_anvil(
      "datagen --router --specialist 'spam_detection,copy_repeat*2' -n 20 -o r.jsonl", dir.path());
  EXPECT_EQ(weighted.exit_code, 2) << weighted.output;
  EXPECT_NE(weighted.output.find("router records take no weights: 'copy_repeat*2'"),
            std::string::npos)
      << weighted.output;
  // "all" routes among the 33 tasks, not the auxiliary skills.
  auto all = run_anvil("datagen --router -n 400 --negatives 0 -o all.jsonl", dir.path());
  ASSERT_EQ(all.exit_code, 0) << all.output;
  const std::string records = read_text(dir / "all.jsonl");
  EXPECT_EQ(records.find("copy_repeat"), std::string::npos);
  EXPECT_EQ(records.find("copy_drill"), std::string::npos);
  EXPECT_NE(records.find("confidence_calibration"), std::string::npos);
  auto route = run_anvil("route --router nowhere 'hello'", dir.path());
  EXPECT_NE(route.exit_code, 0);
  EXPECT_NE(route.output.find("nowhere"), std::string::npos) << route.output;
}

}  // namespace
}  // namespace anvil::testing
