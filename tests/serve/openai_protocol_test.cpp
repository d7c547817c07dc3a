// OpenAI request parsing and response bodies, checked against the API's published shapes:
// every field a client reads is where the API reference puts it, and every bad request names
// its field with a 400.
#include "anvil/serve/openai_protocol.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace anvil::serve {
namespace {

using nlohmann::json;

ApiError error_of(const std::string& body, bool chat = true) {
  try {
    if (chat)
      parse_chat_request(body);
    else
      parse_completion_request(body);
  } catch (const ApiError& e) {
    return e;
  }
  ADD_FAILURE() << "accepted: " << body;
  return ApiError(0, "");
}

TEST(OpenAiProtocol, ParsesAChatRequestAsClientsSendIt) {
  const auto r = parse_chat_request(R"({
    "model": "address_parsing", "max_tokens": 40, "temperature": 0, "top_p": 0.9,
    "stop": ["\n\n", "END"], "seed": 7, "stream": true, "stream_options": {"include_usage": true},
    "user": "ignored", "frequency_penalty": 0, "n": 1, "logprobs": false,
    "messages": [{"role": "system", "content": "Be brief."},
                 {"role": "user", "content": [{"type": "text", "text": "Parse "},
                                              {"type": "text", "text": "this."}]}]})");
  EXPECT_EQ(r.model, "address_parsing");
  EXPECT_EQ(r.max_tokens, 40);
  EXPECT_EQ(r.temperature, 0.0);
  EXPECT_DOUBLE_EQ(r.top_p, 0.9);
  EXPECT_EQ(r.stop, (std::vector<std::string>{"\n\n", "END"}));
  EXPECT_EQ(r.seed, 7u);
  EXPECT_TRUE(r.stream);
  EXPECT_TRUE(r.include_usage);
  ASSERT_EQ(r.messages.size(), 2u);
  EXPECT_EQ(r.messages[1].role, "user");
  EXPECT_EQ(r.messages[1].content, "Parse this.");
  // max_completion_tokens is the newer name; a single stop string is a list of one.
  const auto c = parse_chat_request(
      R"({"model":"m","max_completion_tokens":3,"stop":"x","messages":[{"role":"user","content":"hi"}]})");
  EXPECT_EQ(c.max_tokens, 3);
  EXPECT_EQ(c.stop, std::vector<std::string>{"x"});
  EXPECT_FALSE(c.temperature.has_value());  // the server's default applies
}

TEST(OpenAiProtocol, BadRequestsNameTheirField) {
  const std::string user = R"("messages":[{"role":"user","content":"hi"}])";
  struct Case {
    std::string body, param;
  };
  for (const auto& [body, param] : std::vector<Case>{
           {R"({"messages":[{"role":"user","content":"hi"}]})", "model"},
           {R"({"model":"m"})", "messages"},
           {R"({"model":"m","messages":[]})", "messages"},
           {R"({"model":"m","messages":[{"role":"robot","content":"hi"}]})", "messages[0].role"},
           {R"({"model":"m","messages":[{"role":"user"}]})", "messages[0].content"},
           {R"({"model":"m","messages":[{"role":"user","content":[{"type":"image_url"}]}]})",
            "messages[0].content[0].type"},
           {R"({"model":"m","messages":[{"role":"assistant","content":"hi"}]})", "messages"},
           {R"({"model":"m","temperature":2.5,)" + user + "}", "temperature"},
           {R"({"model":"m","temperature":"hot",)" + user + "}", "temperature"},
           {R"({"model":"m","top_p":0,)" + user + "}", "top_p"},
           {R"({"model":"m","max_tokens":0,)" + user + "}", "max_tokens"},
           {R"({"model":"m","max_tokens":1.5,)" + user + "}", "max_tokens"},
           {R"({"model":"m","max_tokens":99999999999999999999,)" + user + "}", "max_tokens"},
           {R"({"model":"m","n":2,)" + user + "}", "n"},
           {R"({"model":"m","stop":["a","b","c","d","e"],)" + user + "}", "stop"},
           {R"({"model":"m","stop":[""],)" + user + "}", "stop"},
           {R"({"model":"m","stream":"yes",)" + user + "}", "stream"},
           {R"({"model":"m","stream_options":{"include_usage":true},)" + user + "}",
            "stream_options"},
           {R"({"model":"m","logprobs":true,)" + user + "}", "logprobs"},
           {R"({"model":"m","tools":[{}],)" + user + "}", "tools"},
           {R"({"model":"m","presence_penalty":1,)" + user + "}", "presence_penalty"},
       }) {
    const ApiError e = error_of(body);
    EXPECT_EQ(e.status(), 400) << body;
    EXPECT_EQ(e.param(), param) << body << " -> " << e.what();
    EXPECT_NE(std::string(e.what()).find(param.substr(0, param.find('['))), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(error_of(R"({"model":"m","prompt":["a","b"]})", false).param(), "prompt");
  EXPECT_EQ(error_of(R"({"model":"m","prompt":[1,2,3]})", false).param(), "prompt");
  EXPECT_EQ(error_of(R"({"model":"m"})", false).param(), "prompt");
}

TEST(OpenAiProtocol, BrokenJsonSaysWhereAndIsNeverACrash) {
  const ApiError e = error_of(R"({"model": "m", "messages": [}")");
  EXPECT_EQ(e.status(), 400);
  EXPECT_EQ(e.code(), "invalid_json");
  EXPECT_NE(std::string(e.what()).find("byte 29"), std::string::npos) << e.what();
  for (const std::string& body : std::vector<std::string>{
           "", "[]", "42", "\"text\"", "null", "{\"model\":\"m\"", "{\"model\":\"\xff\"}",
           std::string(1, '\0')}) {
    const ApiError bad = error_of(body);
    EXPECT_EQ(bad.status(), 400) << body;
  }
}

TEST(OpenAiProtocol, ResponsesHaveTheApiReferenceShape) {
  const Usage u{12, 5};
  const json chat = json::parse(chat_completion_json("chatcmpl-1", 1700000000, "m", "Hi", "stop", u));
  EXPECT_EQ(chat["object"], "chat.completion");
  EXPECT_EQ(chat["choices"][0]["message"]["role"], "assistant");
  EXPECT_EQ(chat["choices"][0]["message"]["content"], "Hi");
  EXPECT_EQ(chat["choices"][0]["finish_reason"], "stop");
  EXPECT_EQ(chat["usage"]["total_tokens"], 17);
  const json text = json::parse(completion_json("cmpl-1", 1, "m", "abc", "length", u));
  EXPECT_EQ(text["object"], "text_completion");
  EXPECT_EQ(text["choices"][0]["text"], "abc");
  EXPECT_EQ(text["choices"][0]["finish_reason"], "length");

  const std::string first = chat_chunk_event("c", 1, "m", "assistant", "", {});
  ASSERT_EQ(first.rfind("data: ", 0), 0u);
  ASSERT_EQ(first.substr(first.size() - 2), "\n\n");
  const json j = json::parse(first.substr(6));
  EXPECT_EQ(j["object"], "chat.completion.chunk");
  EXPECT_EQ(j["choices"][0]["delta"]["role"], "assistant");
  EXPECT_TRUE(j["choices"][0]["finish_reason"].is_null());
  const json last = json::parse(chat_chunk_event("c", 1, "m", {}, "", "length").substr(6));
  EXPECT_TRUE(last["choices"][0]["delta"].empty());
  EXPECT_EQ(last["choices"][0]["finish_reason"], "length");
  const json usage =
      json::parse(usage_chunk_event("c", 1, "m", "chat.completion.chunk", u).substr(6));
  EXPECT_TRUE(usage["choices"].empty());
  EXPECT_EQ(usage["usage"]["completion_tokens"], 5);
  // Model text that is not UTF-8 (a token cut inside a character) still makes valid JSON.
  EXPECT_NO_THROW(json::parse(chat_chunk_event("c", 1, "m", {}, "\xe2\x82", {}).substr(6)));

  const json models = json::parse(models_json({"base", "address_parsing"}, 5));
  EXPECT_EQ(models["object"], "list");
  EXPECT_EQ(models["data"][1]["id"], "address_parsing");
  EXPECT_EQ(models["data"][1]["object"], "model");
  const json err = json::parse(error_json(ApiError(404, "no such model", "model", "model_not_found")));
  EXPECT_EQ(err["error"]["type"], "not_found_error");
  EXPECT_EQ(err["error"]["param"], "model");
  EXPECT_EQ(err["error"]["code"], "model_not_found");
}

}  // namespace
}  // namespace anvil::serve
