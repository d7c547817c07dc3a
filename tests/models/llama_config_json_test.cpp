// LlamaConfig::from_hf_json on malformed config.json values: errors naming the file and field.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "anvil/core/error.h"
#include "anvil/models/llama_config.h"

namespace anvil::models {
namespace {

// Found by bench/fuzz (hf_config, regress-float-size): a size of 3e22 was converted from double
// to int64, which is undefined behaviour; sizes must be JSON integers.
TEST(LlamaConfigJson, NonIntegerSizesAreErrorsNamingTheField) {
  const auto base = nlohmann::json::parse(
      R"({"vocab_size":300,"hidden_size":16,"intermediate_size":32,"num_hidden_layers":1,
          "num_attention_heads":2})");
  EXPECT_NO_THROW(LlamaConfig::from_hf_json(base, "config.json"));
  for (const char* key :
       {"vocab_size", "hidden_size", "num_key_value_heads", "max_position_embeddings"}) {
    for (const char* value : {"3e22", "2.5", "\"16\""}) {
      auto j = base;
      j[key] = nlohmann::json::parse(value);
      try {
        LlamaConfig::from_hf_json(j, "m/config.json");
        ADD_FAILURE() << key << " = " << value << " accepted";
      } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("m/config.json"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(key), std::string::npos) << e.what();
      }
    }
  }
  EXPECT_THROW(LlamaConfig::from_hf_json(nlohmann::json::array(), "c.json"), Error);
}

// Real configs: Llama 3.1/3.2 Instruct list several end tokens; newer transformers write head_dim.
TEST(LlamaConfigJson, EosListKeepsTheFirstAndHeadDimMustMatch) {
  auto j = nlohmann::json::parse(
      R"({"vocab_size":300,"hidden_size":16,"intermediate_size":32,"num_hidden_layers":1,
          "num_attention_heads":2,"eos_token_id":[128001,128008,128009],"head_dim":8})");
  EXPECT_EQ(LlamaConfig::from_hf_json(j, "c.json").eos_token_id, 128001);
  j["head_dim"] = 4;
  try {
    LlamaConfig::from_hf_json(j, "m/config.json");
    ADD_FAILURE() << "head_dim 4 with hidden 16 and 2 heads accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("m/config.json"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("head_dim = 4"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace anvil::models
