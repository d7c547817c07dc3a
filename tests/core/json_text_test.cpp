// Tests for JSON that carries text which may not be UTF-8: nlohmann's strict parser reads every
// document back, and each invalid or cut-off sequence becomes one U+FFFD.
#include "anvil/core/json_text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace anvil {
namespace {

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD

TEST(JsonText, EachInvalidOrCutOffSequenceIsWrittenAsOneReplacementCharacter) {
  // A lead byte without its continuation, a continuation byte with no lead, a cut-off end.
  const nlohmann::json j = {{"text", "caf\xC3 \x98ok\xE2\x82"}};
  EXPECT_THROW(j.dump(), nlohmann::json::type_error);  // what the helper exists for
  const auto back = nlohmann::json::parse(dump_json_replacing_invalid_utf8(j));
  EXPECT_EQ(back["text"], "caf" + kReplacement + " " + kReplacement + "ok" + kReplacement);
}

TEST(JsonText, ValidTextIsWrittenAsNlohmannWritesIt) {
  const nlohmann::json j = {{"a", "caf\xC3\xA9 \xF0\x9F\x98\x80"}, {"b", {1, 2}}};
  EXPECT_EQ(dump_json_replacing_invalid_utf8(j), j.dump());
  EXPECT_EQ(dump_json_replacing_invalid_utf8(j, 2), j.dump(2));
  EXPECT_EQ(dump_json_replacing_invalid_utf8(j).find('\n'), std::string::npos);
}

}  // namespace
}  // namespace anvil
