// Dotlist overrides: set (type-checked), +add, ~delete, list and quoted values, malformed input.
#include <gtest/gtest.h>

#include "anvil/core/config.h"
#include "core/config_fixture.h"

namespace anvil {
namespace {

using testing::contains;
using testing::error_of;
using testing::test_config;

TEST(ConfigOverride, SetsEachType) {
  Config c = test_config();
  c.apply_overrides({"train.lr=5e-4", "train.epochs=3", "run.verbose=true", "run.name=\"a b\"",
                     "model.channels=[32,64,96]", "data.dirs=[x, 'y z']", "model.dropout=0",
                     "train.optimizer=sgd"});
  EXPECT_DOUBLE_EQ(c.get_double("train.lr"), 5e-4);
  EXPECT_EQ(c.get_int("train.epochs"), 3);
  EXPECT_TRUE(c.get_bool("run.verbose"));
  EXPECT_EQ(c.get_string("run.name"), "a b");
  EXPECT_EQ(c.get_int_list("model.channels"), (std::vector<int64_t>{32, 64, 96}));
  EXPECT_EQ(c.get_string_list("data.dirs"), (std::vector<std::string>{"x", "y z"}));
  EXPECT_DOUBLE_EQ(c.get_double("model.dropout"), 0.0);
  EXPECT_EQ(c.get_string("train.optimizer"), "sgd");
}

TEST(ConfigOverride, EmptyValueIsEmptyStringAndNullIsNull) {
  Config c = test_config();
  c.apply_overrides({"run.name=", "train.optimizer=null", "model.channels=[]"});
  EXPECT_EQ(c.get_string("run.name"), "");
  EXPECT_TRUE(c.is_null("train.optimizer"));
  EXPECT_TRUE(c.get_int_list("model.channels").empty());
}

TEST(ConfigOverride, MapValueMergesIntoTheSection) {
  Config c = test_config();
  c.apply_override("train.loss_weights={count: 2}");
  EXPECT_DOUBLE_EQ(c.get_double("train.loss_weights.count"), 2.0);
  EXPECT_DOUBLE_EQ(c.get_double("train.loss_weights.intent"), 1.0);
}

TEST(ConfigOverride, UnknownKeySuggestsAndPointsAtPlus) {
  Config c = test_config();
  EXPECT_EQ(error_of([&] { c.apply_override("train.lrr=1"); }),
            "override 'train.lrr=1': unknown config key 'train.lrr' (did you mean 'train.lr'?); "
            "to add a new key use '+train.lrr=1'");
}

TEST(ConfigOverride, TypeErrorsNameTheOverrideKeyValueAndType) {
  Config c = test_config();
  EXPECT_EQ(error_of([&] { c.apply_override("train.epochs=ten"); }),
            "override 'train.epochs=ten': config key 'train.epochs' = 'ten': expected an integer");
  EXPECT_TRUE(contains(error_of([&] { c.apply_override("train.lr=abc"); }),
                       "config key 'train.lr' = 'abc': expected a float"));
  EXPECT_TRUE(contains(error_of([&] { c.apply_override("run.verbose=yes"); }),
                       "config key 'run.verbose' = 'yes': expected a bool"));
  EXPECT_TRUE(contains(error_of([&] { c.apply_override("model.channels=64"); }),
                       "config key 'model.channels' = '64': expected a list"));
  EXPECT_TRUE(contains(error_of([&] { c.apply_override("model.channels=[1,2.5]"); }),
                       "config key 'model.channels.1' = '2.5': expected an integer"));
  EXPECT_TRUE(contains(error_of([&] { c.apply_override("run.name=[1]"); }),
                       "config key 'run.name' = '[1]': expected a string"));
  EXPECT_TRUE(contains(error_of([&] { c.apply_override("train=3"); }),
                       "config key 'train' = '3': expected a map"));
  EXPECT_TRUE(contains(error_of([&] { c.apply_override("train.lr=[1,"); }),
                       "override 'train.lr=[1,': invalid value '[1,'"));
  EXPECT_EQ(c.get_int("train.epochs"), 20);  // nothing changed
}

TEST(ConfigOverride, PlusAddsNewKeysWithIntermediateMaps) {
  Config c = test_config();
  c.apply_overrides({"+train.new_key=1", "+extra.deep.list=[a,b]", "+run.tags.team=nlp"});
  EXPECT_EQ(c.get_int("train.new_key"), 1);
  EXPECT_EQ(c.get_string_list("extra.deep.list"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(c.get_string("run.tags.team"), "nlp");
  // An added key joins the schema: it can be set afterwards, type-checked by its added value.
  c.apply_override("train.new_key=5");
  EXPECT_EQ(c.get_int("train.new_key"), 5);
  EXPECT_TRUE(
      contains(error_of([&] { c.apply_override("train.new_key=x"); }), "expected an integer"));
  c.merge_yaml_string("extra: {deep: {list: [c]}}", "f.yaml");
  EXPECT_EQ(c.get_string_list("extra.deep.list"), (std::vector<std::string>{"c"}));
}

TEST(ConfigOverride, PlusOnExistingKeyFails) {
  Config c = test_config();
  EXPECT_EQ(error_of([&] { c.apply_override("+train.lr=1"); }),
            "override '+train.lr=1': config key 'train.lr' already exists (= '1.0e-3'); "
            "to change it use 'train.lr=1'");
  EXPECT_TRUE(contains(error_of([&] { c.apply_override("+train.lr.x=1"); }), "not a map"));
}

TEST(ConfigOverride, TildeDeletes) {
  Config c = test_config();
  c.apply_overrides({"~train.loss_weights.count", "~data"});
  EXPECT_FALSE(c.has("train.loss_weights.count"));
  EXPECT_TRUE(c.has("train.loss_weights.intent"));
  EXPECT_FALSE(c.has("data"));
  EXPECT_TRUE(
      contains(error_of([&] { c.get_string("data.path"); }), "unknown config key 'data.path'"));
  // Deleted keys leave the schema: setting fails, adding again works.
  EXPECT_TRUE(contains(error_of([&] { c.apply_override("data.path=x"); }), "unknown config key"));
  c.apply_override("+data.path=x");
  EXPECT_EQ(c.get_string("data.path"), "x");
}

TEST(ConfigOverride, TildeOnMissingKeyFails) {
  Config c = test_config();
  EXPECT_EQ(error_of([&] { c.apply_override("~train.lrr"); }),
            "override '~train.lrr': cannot delete: unknown config key 'train.lrr' "
            "(did you mean 'train.lr'?)");
}

TEST(ConfigOverride, MalformedOverridesAreUsageErrors) {
  Config c = test_config();
  for (const char* bad :
       {"train.lr", "=3", "a..b=1", "+=1", "~", "~train.lr=1", ".a=1", "a.=1", "a b=1", ""}) {
    try {
      c.apply_override(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kUsage) << bad;
      EXPECT_TRUE(contains(e.what(), std::string("malformed override '") + bad + "'"));
      EXPECT_TRUE(contains(e.what(), "expected KEY=VALUE"));
    }
  }
}

}  // namespace
}  // namespace anvil
