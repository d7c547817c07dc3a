// anvil serve end to end over real HTTP on loopback: answers equal the library's greedy
// generation for the same prompt ids, streams add up to the whole answer, concurrent requests
// (batched) get the answers they get alone, a client that disconnects mid-stream stops its
// decoding, and every bad request gets its 4xx with an OpenAI error body instead of a crash.
#include "anvil/serve/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/models/generation.h"
#include "anvil/serve/chat_prompt.h"
#include "support/run_cli.h"
#include "support/tiny_lm.h"

namespace anvil::serve {
namespace {

using nlohmann::json;
using testing::TempDir;

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("serve");
    testing::save_tiny_lm(*dir_ / "tiny", {"<|endoftext|>", "<|pad|>"});
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override { start({}); }

  void start(QueueOptions q) {
    server_.reset();
    ServeOptions o;
    o.model = *dir_ / "tiny";
    o.port = 0;
    o.queue = q;
    server_ = std::make_unique<Server>(o);
    server_->start();
  }
  httplib::Client client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(60, 0);
    return c;
  }
  httplib::Result post(const std::string& path, const json& body) {
    auto c = client();
    return c.Post(path.c_str(), body.dump(), "application/json");
  }
  // The library's own greedy answer for these prompt ids (no server, no batching).
  std::string reference(const std::vector<int64_t>& ids, int64_t max_tokens) {
    auto& m = const_cast<ModelSet&>(server_->models());
    models::GenerationOptions o;
    o.max_new_tokens = max_tokens;
    o.stop_token_ids = {m.tokenizer().token_id("<|endoftext|>")};
    o.stop_strings = {"\n[confidence"};
    return models::generate_ids(m.find("tiny")->model, m.tokenizer(), {ids}, o, nullptr, m.pad_id())
        .texts[0];
  }
  std::string reference_json(const std::vector<int64_t>& ids, int64_t max_tokens) {
    return testing::as_json_text(reference(ids, max_tokens));
  }
  std::vector<int64_t> chat_ids(const std::string& user) {
    return build_chat_prompt(server_->models().tokenizer(), ChatFormat::kAnvil, {{"user", user}})
        .ids;
  }
  static json chat(const std::string& user, int64_t max_tokens, bool stream = false) {
    return {{"model", "tiny"},
            {"max_tokens", max_tokens},
            {"stream", stream},
            {"messages", {{{"role", "user"}, {"content", user}}}}};
  }

  static TempDir* dir_;
  std::unique_ptr<Server> server_;
};
TempDir* ServerTest::dir_ = nullptr;

// The "data: ..." payloads of a server-sent-event body.
std::vector<std::string> events(const std::string& body) {
  std::vector<std::string> out;
  size_t pos = 0;
  while ((pos = body.find("data: ", pos)) != std::string::npos) {
    const size_t end = body.find("\n\n", pos);
    out.push_back(body.substr(pos + 6, end - pos - 6));
    pos = end;
  }
  return out;
}

TEST_F(ServerTest, ChatAnswerIsTheLibrarysGreedyGeneration) {
  const std::string user = "Parse this address: 400 Greenwood Terrace, Madison";
  auto r = post("/v1/chat/completions", chat(user, 12));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json j = json::parse(r->body);
  EXPECT_EQ(j["object"], "chat.completion");
  EXPECT_EQ(j["model"], "tiny");
  EXPECT_EQ(j["choices"][0]["message"]["content"], reference_json(chat_ids(user), 12));
  EXPECT_EQ(j["usage"]["prompt_tokens"], chat_ids(user).size());
  EXPECT_LE(j["usage"]["completion_tokens"].get<int>(), 12);
  EXPECT_EQ(r->get_header_value("X-Anvil-Model"), "tiny");
}

TEST_F(ServerTest, StreamedDeltasAddUpToTheAnswer) {
  const std::string user = "Is this spam? The quick brown fox";
  auto whole = post("/v1/chat/completions", chat(user, 20));
  ASSERT_TRUE(whole && whole->status == 200);
  json req = chat(user, 20, true);
  req["stream_options"] = {{"include_usage", true}};
  auto r = post("/v1/chat/completions", req);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->get_header_value("Content-Type").find("text/event-stream"), std::string::npos);
  const auto ev = events(r->body);
  ASSERT_GE(ev.size(), 4u) << r->body;
  EXPECT_EQ(ev.back(), "[DONE]");
  std::string text;
  std::string finish;
  for (size_t i = 0; i + 1 < ev.size(); ++i) {
    const json c = json::parse(ev[i]);  // every chunk is valid JSON
    EXPECT_EQ(c["object"], "chat.completion.chunk");
    if (c["choices"].empty()) {
      EXPECT_EQ(c["usage"]["completion_tokens"],
                json::parse(whole->body)["usage"]["completion_tokens"]);
      continue;
    }
    if (i == 0) {
      EXPECT_EQ(c["choices"][0]["delta"]["role"], "assistant");
    }
    if (c["choices"][0]["delta"].contains("content"))
      text += c["choices"][0]["delta"]["content"].get<std::string>();
    if (!c["choices"][0]["finish_reason"].is_null()) finish = c["choices"][0]["finish_reason"];
  }
  EXPECT_EQ(text, json::parse(whole->body)["choices"][0]["message"]["content"]);
  EXPECT_EQ(finish, json::parse(whole->body)["choices"][0]["finish_reason"]);
}

// A model folder with answer_calibration.json answers with a calibrated confidence: the answer's
// probability by a teacher-forced forward pass of prompt + answer, its log-odds divided by the
// temperature, through a sigmoid. An answer cut off by max_tokens gets none (its probability is a
// part's), and neither does a model without the file (the fixture's).
TEST_F(ServerTest, AModelWithACalibrationServesTheAnswersCalibratedConfidence) {
  const auto plain = post("/v1/chat/completions", chat("Is this spam?", 6));
  ASSERT_TRUE(plain && plain->status == 200);
  EXPECT_FALSE(json::parse(plain->body).contains("anvil")) << plain->body;
  EXPECT_FALSE(plain->has_header("X-Anvil-Confidence"));

  const std::string dir = *dir_ / "calibrated";
  testing::save_tiny_lm(dir, {"<|endoftext|>", "<|pad|>"});
  const double temperature = 1.7;
  write_file_atomic(dir + "/answer_calibration.json", json{{"temperature", temperature},
                                                           {"fit_records", 10},
                                                           {"measured_records", 10},
                                                           {"ece_answer_probability", 0.2},
                                                           {"ece_calibrated", 0.1}}
                                                          .dump());
  server_.reset();
  ServeOptions o;
  o.model = dir;
  o.port = 0;
  server_ = std::make_unique<Server>(o);
  server_->start();
  auto body = chat("Is this spam?", 8);
  body["model"] = "calibrated";
  const auto cut = post("/v1/chat/completions", body);
  ASSERT_TRUE(cut && cut->status == 200);
  EXPECT_EQ(json::parse(cut->body)["choices"][0]["finish_reason"], "length");
  EXPECT_FALSE(json::parse(cut->body).contains("anvil")) << cut->body;

  // The greedy answer, ended early by a stop string taken from its own text.
  auto& m = const_cast<ModelSet&>(server_->models());
  const auto prompt = chat_ids("Is this spam?");
  models::GenerationOptions g;
  g.max_new_tokens = 8;
  g.stop_token_ids = {m.tokenizer().token_id("<|endoftext|>")};
  g.stop_strings = {"\n[confidence"};
  const auto gen = models::generate_ids(m.find("calibrated")->model, m.tokenizer(), {prompt}, g,
                                        nullptr, m.pad_id());
  const auto [stop, answer_bytes] = testing::stop_inside(gen.texts[0]);
  ASSERT_GT(answer_bytes, 0u) << "no usable stop string in " << gen.texts[0];
  const size_t answer_tokens =
      testing::tokens_before(m.tokenizer(), gen.token_ids[0], answer_bytes);
  body["stop"] = stop;
  const auto r = post("/v1/chat/completions", body);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json j = json::parse(r->body);
  EXPECT_EQ(j["choices"][0]["finish_reason"], "stop");
  ASSERT_TRUE(j.contains("anvil")) << r->body;
  const double served = j["anvil"]["confidence"].get<double>();

  // Reference: the answer's tokens scored by one forward pass over prompt + answer.
  std::vector<int64_t> all = prompt;
  all.insert(all.end(), gen.token_ids[0].begin(), gen.token_ids[0].begin() + answer_tokens);
  torch::NoGradGuard no_grad;
  const auto logits =
      m.find("calibrated")->model->forward({torch::tensor(all, torch::kLong).unsqueeze(0)});
  const auto log_probs = torch::log_softmax(logits[0].to(torch::kDouble), -1);
  double lp = 0;
  for (size_t i = 0; i < answer_tokens; ++i)
    lp +=
        log_probs[static_cast<int64_t>(prompt.size() + i) - 1][gen.token_ids[0][i]].item<double>();
  const double p = std::exp(lp);
  const double log_odds = std::clamp(std::log(p / (1 - p)), -50.0, 50.0);
  const double expected = 1 / (1 + std::exp(-log_odds / temperature));
  EXPECT_NEAR(served, expected, 1e-4 * std::max(expected, 1e-3)) << "answer log-prob " << lp;
  EXPECT_NEAR(std::stod(r->get_header_value("X-Anvil-Confidence")), expected, 1e-4);

  // Streamed: the chunk that ends the answer carries the same confidence.
  body["stream"] = true;
  const auto streamed = post("/v1/chat/completions", body);
  ASSERT_TRUE(streamed && streamed->status == 200);
  double from_stream = -1;
  for (const auto& e : events(streamed->body)) {
    if (e == "[DONE]") continue;
    const json c = json::parse(e);
    if (c.contains("anvil")) {
      EXPECT_FALSE(c["choices"][0]["finish_reason"].is_null()) << e;
      from_stream = c["anvil"]["confidence"].get<double>();
    }
  }
  EXPECT_DOUBLE_EQ(from_stream, served);

  // A malformed calibration file stops the server from starting, naming the file and the key.
  write_file_atomic(dir + "/answer_calibration.json", R"({"temperature": -1})");
  try {
    Server bad(o);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("answer_calibration.json"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("temperature"), std::string::npos) << e.what();
  }
}

TEST_F(ServerTest, CompletionsTakeThePromptAsPlainText) {
  const std::string prompt = "Madison, Wisconsin <|endoftext|> 53773";
  auto r = post("/v1/completions",
                {{"model", "tiny"}, {"prompt", prompt}, {"max_tokens", 6}, {"echo", true}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json j = json::parse(r->body);
  const auto& tok = server_->models().tokenizer();
  // The literal <|endoftext|> was text (more tokens than with the special id), not an id.
  EXPECT_EQ(j["usage"]["prompt_tokens"], tok.encode_text(prompt).size());
  EXPECT_GT(tok.encode_text(prompt).size(), tok.encode(prompt).size());
  EXPECT_EQ(j["choices"][0]["text"],
            testing::as_json_text(prompt + reference(tok.encode_text(prompt), 6)));
}

TEST_F(ServerTest, ConcurrentRequestsAreBatchedAndGetTheirOwnAnswers) {
  start(QueueOptions{8, 64});
  // A long request first: the eight below arrive while it decodes, so they wait together.
  auto blocker = std::async(std::launch::async,
                            [&] { return post("/v1/chat/completions", chat("The quick", 480)); });
  for (int i = 0; i < 400 && server_->stats().requests < 1; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::vector<std::string> users;
  for (int i = 0; i < 8; ++i)
    users.push_back("Request " + std::to_string(i) + ": the quick brown fox " +
                    std::string(static_cast<size_t>(i) * 3, 'x'));
  std::vector<std::future<httplib::Result>> futures;
  for (const auto& u : users)
    futures.push_back(std::async(std::launch::async,
                                 [&, u] { return post("/v1/chat/completions", chat(u, 16)); }));
  for (size_t i = 0; i < users.size(); ++i) {
    auto r = futures[i].get();
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(json::parse(r->body)["choices"][0]["message"]["content"],
              reference_json(chat_ids(users[i]), 16))
        << users[i];
  }
  ASSERT_EQ(blocker.get()->status, 200);
  const auto st = server_->stats();
  EXPECT_EQ(st.requests, 9);
  EXPECT_GT(st.largest_batch, 1) << "8 simultaneous greedy requests were never batched";
}

TEST_F(ServerTest, ClientThatDisconnectsMidStreamStopsItsDecoding) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const std::string body = chat("The quick brown fox", 480, true).dump();
  const std::string req =
      "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: "
      "application/json\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  ASSERT_EQ(::send(fd, req.data(), req.size(), 0), static_cast<ssize_t>(req.size()));
  char buf[512];
  ASSERT_GT(::recv(fd, buf, sizeof buf, 0), 0);  // the stream has started
  ::close(fd);
  // Decoding ends well before its 480 tokens; the server keeps serving.
  for (int i = 0; i < 200 && server_->stats().batches < 1; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(server_->stats().batches, 1);
  EXPECT_LT(server_->stats().tokens, 480);
  auto ok = post("/v1/chat/completions", chat("still there?", 2));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(ServerTest, BadRequestsGetErrorBodiesNotCrashes) {
  const auto error_of = [&](const httplib::Result& r, int status) {
    EXPECT_TRUE(r);
    if (!r) return std::string();
    EXPECT_EQ(r->status, status) << r->body;
    const json j = json::parse(r->body);
    EXPECT_TRUE(j["error"]["message"].is_string()) << r->body;
    return j["error"]["code"].is_string() ? j["error"]["code"].get<std::string>() : "";
  };
  auto c = client();
  EXPECT_EQ(error_of(c.Post("/v1/chat/completions", "{\"model\": [", "application/json"), 400),
            "invalid_json");
  json unknown = chat("hi", 4);
  unknown["model"] = "gpt-4";
  EXPECT_EQ(error_of(post("/v1/chat/completions", unknown), 404), "model_not_found");
  json auto_model = chat("hi", 4);
  auto_model["model"] = "auto";
  EXPECT_EQ(error_of(post("/v1/chat/completions", auto_model), 400), "no_router");
  // Longer than the 512-token context.
  std::string huge;
  for (int i = 0; i < 400; ++i) huge += "Greenwood " + std::to_string(i) + " ";
  EXPECT_EQ(error_of(post("/v1/chat/completions", chat(huge, 4)), 400), "context_length_exceeded");
  // A body over the 1 MiB limit.
  EXPECT_EQ(
      error_of(c.Post("/v1/chat/completions", std::string(2 << 20, ' '), "application/json"), 413),
      "");
  EXPECT_EQ(error_of(c.Get("/v1/engines"), 404), "");
  auto health = c.Get("/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(json::parse(health->body)["status"], "ok");
  auto list = c.Get("/v1/models");
  ASSERT_TRUE(list);
  EXPECT_EQ(json::parse(list->body)["data"][0]["id"], "tiny");
}

TEST_F(ServerTest, AFullQueueSays503) {
  start(QueueOptions{1, 1});
  auto busy = std::async(std::launch::async,
                         [&] { return post("/v1/chat/completions", chat("The quick", 400)); });
  for (int i = 0; i < 200 && server_->stats().requests < 1; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto refused = post("/v1/chat/completions", chat("and me?", 2));
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503) << refused->body;
  EXPECT_EQ(json::parse(refused->body)["error"]["code"], "server_busy");
  EXPECT_EQ(busy.get()->status, 200);
}

}  // namespace
}  // namespace anvil::serve
