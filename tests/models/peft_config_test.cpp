// adapter_config.json parsing: PEFT's fields, and every malformed file an anvil::Error naming it.
#include "anvil/models/peft_config.h"

#include <gtest/gtest.h>

#include "anvil/core/error.h"

namespace anvil::models {
namespace {

TEST(PeftConfig, ReadsPeftFieldsWithDefaults) {
  const auto c = parse_peft_adapter_config(
      R"({"peft_type":"LORA","r":4,"lora_alpha":8,"target_modules":["q_proj","v_proj"],
          "base_model_name_or_path":"base/model"})",
      "a/adapter_config.json");
  EXPECT_EQ(c.r, 4);
  EXPECT_EQ(c.alpha, 8.0);
  EXPECT_EQ(c.dropout, 0.0);
  EXPECT_FALSE(c.rslora);
  EXPECT_EQ(c.target_modules, (std::vector<std::string>{"q_proj", "v_proj"}));
  EXPECT_EQ(c.base_model, "base/model");
  const auto one = parse_peft_adapter_config(
      R"({"peft_type":"LORA","r":2,"lora_alpha":2,"target_modules":"q_proj"})", "x");
  EXPECT_EQ(one.target_modules, (std::vector<std::string>{"q_proj"}));
  EXPECT_EQ(one.base_model, "");
}

TEST(PeftConfig, MalformedFilesAreErrorsNamingTheFile) {
  for (
      const char* text :
      {"", "[1]", "\"LORA\"", R"({"peft_type":"IA3","r":1})", R"({"peft_type":"LORA"})",
       R"({"peft_type":"LORA","r":"4","lora_alpha":8,"target_modules":[]})",
       R"({"peft_type":"LORA","r":4,"lora_alpha":8,"target_modules":[1]})",
       R"({"peft_type":"LORA","r":4,"lora_alpha":8,"target_modules":"q","use_rslora":"yes"})",
       // Before parse_peft_adapter_config, a base model that was not a string escaped as a JSON
       // library error from load_model_with_adapters.
       R"({"peft_type":"LORA","r":4,"lora_alpha":8,"target_modules":"q","base_model_name_or_path":7})",
       R"({"peft_type":7,"r":4})"}) {
    try {
      parse_peft_adapter_config(text, "a/adapter_config.json");
      ADD_FAILURE() << "accepted: " << text;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()).rfind("a/adapter_config.json: ", 0), 0u) << e.what();
    }
  }
}

}  // namespace
}  // namespace anvil::models
