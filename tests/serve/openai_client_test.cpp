// anvil serve against OpenAI's official Node client (npm `openai`): listing models, a chat
// completion, the same streamed, a completion, the calibrated confidence anvil adds, and the
// client's typed errors for a 404 and a 400.
// The answers must equal anvil's own greedy generation for the same prompt.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "anvil/models/generation.h"
#include "anvil/serve/chat_prompt.h"
#include "anvil/serve/server.h"
#include "support/npm_packages.h"
#include "support/tiny_lm.h"

namespace anvil::serve {
namespace {

using nlohmann::json;

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

TEST(OpenAiClient, TalksToAnvilServeStreamingAndNot) {
  const auto setup = testing::ensure_npm_packages("openai-npm");
  if (!setup.skip_reason.empty()) GTEST_SKIP() << setup.skip_reason;
  ASSERT_TRUE(setup.error.empty()) << setup.error;
  testing::TempDir dir("openai");
  testing::save_tiny_lm(dir / "specialist", {"<|endoftext|>", "<|pad|>"});
  // A calibrated model: its answers carry "anvil": {"confidence": p}, which the client keeps.
  std::ofstream(dir / "specialist/answer_calibration.json")
      << R"({"temperature": 1.3, "fit_records": 8, "measured_records": 8,
             "ece_answer_probability": 0.2, "ece_calibrated": 0.1})";
  ServeOptions o;
  o.model = dir / "specialist";
  o.port = 0;
  Server server(o);
  server.start();

  const std::string prompt = "Parse this address: 400 Greenwood Terrace <|endoftext|> Madison";
  // A stop string from the greedy answer's own text, so that one request ends before max_tokens.
  auto& served = const_cast<ModelSet&>(server.models());
  models::GenerationOptions first;
  first.max_new_tokens = 24;
  first.stop_token_ids = {served.tokenizer().token_id("<|endoftext|>")};
  first.stop_strings = {"\n[confidence"};
  const auto chat_answer = models::generate_ids(
      served.find("specialist")->model, served.tokenizer(),
      {build_chat_prompt(served.tokenizer(), ChatFormat::kAnvil, {{"user", prompt}}).ids}, first,
      nullptr, served.pad_id());
  const auto stop = testing::stop_inside(chat_answer.texts[0]).first;
  ASSERT_FALSE(stop.empty()) << chat_answer.texts[0];
  const auto r =
      testing::run_command("node '" ANVIL_SOURCE_DIR "/tests/serve/openai_client.mjs' " +
                           quote(testing::npm_cache_dir()) + " " + quote(server.url() + "/v1") +
                           " specialist " + quote(prompt) + " " + quote(stop) + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const json out = json::parse(r.output);

  auto& models = const_cast<ModelSet&>(server.models());
  const auto& tok = models.tokenizer();
  const auto greedy = [&](const std::vector<int64_t>& ids, int64_t n) {
    models::GenerationOptions g;
    g.max_new_tokens = n;
    g.stop_token_ids = {tok.token_id("<|endoftext|>")};
    g.stop_strings = {"\n[confidence"};
    return models::generate_ids(models.find("specialist")->model, tok, {ids}, g, nullptr,
                                models.pad_id())
        .texts[0];
  };
  const auto greedy_json = [&](const std::vector<int64_t>& ids, int64_t n) {
    return testing::as_json_text(greedy(ids, n));
  };
  const auto chat_ids = build_chat_prompt(tok, ChatFormat::kAnvil, {{"user", prompt}}).ids;
  const std::string expected = greedy_json(chat_ids, 24);

  EXPECT_EQ(out["models"], json::array({"specialist"}));
  EXPECT_EQ(out["chat"]["object"], "chat.completion");
  EXPECT_EQ(out["chat"]["content"], expected);
  EXPECT_EQ(out["chat"]["usage"]["prompt_tokens"], chat_ids.size());
  EXPECT_EQ(out["stream"]["content"], expected);
  // Cut off by max_tokens: no confidence. Ended by the stop string: one, streamed the same.
  EXPECT_EQ(out["chat"]["finish"], "length");
  EXPECT_TRUE(out["chat"]["confidence"].is_null()) << r.output;
  EXPECT_EQ(out["ended"]["finish"], "stop");
  ASSERT_TRUE(out["ended"]["confidence"].is_number()) << r.output;
  EXPECT_GT(out["ended"]["confidence"].get<double>(), 0.0);
  EXPECT_LT(out["ended"]["confidence"].get<double>(), 1.0);
  EXPECT_EQ(out["ended"]["streamed"], out["ended"]["confidence"]);
  EXPECT_EQ(out["stream"]["finish"], out["chat"]["finish"]);
  EXPECT_GE(out["stream"]["chunks"].get<int>(), 3);
  EXPECT_EQ(out["stream"]["usage"]["completion_tokens"], out["chat"]["usage"]["completion_tokens"]);
  EXPECT_EQ(out["completion"]["text"], greedy_json(tok.encode_text(prompt), 8));
  EXPECT_EQ(out["unknown_model"]["status"], 404);
  EXPECT_EQ(out["unknown_model"]["kind"], "NotFoundError");
  EXPECT_EQ(out["unknown_model"]["code"], "model_not_found");
  EXPECT_EQ(out["bad_temperature"]["status"], 400);
  EXPECT_EQ(out["bad_temperature"]["kind"], "BadRequestError");
  EXPECT_EQ(out["bad_temperature"]["param"], "temperature");
}

}  // namespace
}  // namespace anvil::serve
