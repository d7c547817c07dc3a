// Retention table: ratios against the own-phase score, missing cells, targets, JSON shape.
#include "anvil/pipeline/retention.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "anvil/core/error.h"

namespace anvil::pipeline {
namespace {

TEST(RetentionTable, RetentionIsTheScoreNowOverTheScoreAfterTheOwnPhase) {
  RetentionTable t({{"a", "b"}, {"c"}});
  t.record(0, {{"a", 0.8}, {"b", 0.5}});
  t.record(1, {{"a", 0.6}, {"b", 0.5}, {"c", 0.95}});
  EXPECT_DOUBLE_EQ(*t.retention("a", 1), 0.75);
  EXPECT_DOUBLE_EQ(*t.retention("b", 1), 1.0);
  EXPECT_DOUBLE_EQ(*t.retention("c", 1), 1.0);
  EXPECT_FALSE(t.score("c", 0).has_value());
  EXPECT_FALSE(t.retention("c", 0).has_value());
  EXPECT_FALSE(t.targets_met({}));  // a kept only 75%
  EXPECT_TRUE(t.targets_met({0.9, 0.7}));
  EXPECT_FALSE(t.targets_met({0.96, 0.7}));  // the new phase's c is at 95%

  auto j = nlohmann::json::parse(t.to_json({}));
  ASSERT_EQ(j["rows"].size(), 3u);
  EXPECT_EQ(j["rows"][2]["specialist"], "c");
  EXPECT_EQ(j["rows"][2]["phase"], 1);
  EXPECT_TRUE(j["rows"][2]["field_accuracy"][0].is_null());
  EXPECT_DOUBLE_EQ(j["rows"][0]["retention"][1].get<double>(), 0.75);
  EXPECT_EQ(j["targets"]["met"], false);
  const std::string md = t.to_markdown();
  EXPECT_NE(md.find("| a | 0 | 80.0% | 60.0% | 75.0% |"), std::string::npos) << md;
  EXPECT_NE(md.find("| c | 1 | - | 95.0% | 100.0% |"), std::string::npos) << md;
}

TEST(RetentionTable, MisuseIsAnError) {
  EXPECT_THROW(RetentionTable({{"a"}, {"a"}}), Error);  // a specialist in two phases
  RetentionTable t({{"a"}, {"b"}});
  EXPECT_THROW(t.record(1, {{"a", 1.0}, {"b", 1.0}}), Error);  // out of order
  EXPECT_THROW(t.record(0, {{"b", 1.0}}), Error);              // a missing
}

}  // namespace
}  // namespace anvil::pipeline
