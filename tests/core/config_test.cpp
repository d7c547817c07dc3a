// Config: defaults, merging user files (unknown keys, type errors, syntax errors), getters,
// dump/reload round trip and hashing.
#include "anvil/core/config.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "anvil/core/suggest.h"
#include "core/config_fixture.h"

namespace anvil {
namespace {

using testing::contains;
using testing::error_of;
using testing::test_config;
using testing::write_temp_yaml;

TEST(Config, GettersReadDefaultsWithTheirTypes) {
  Config c = test_config();
  EXPECT_EQ(c.get_string("run.name"), "default");
  EXPECT_EQ(c.get_int("run.seed"), 42);
  EXPECT_FALSE(c.get_bool("run.verbose"));
  EXPECT_DOUBLE_EQ(c.get_double("train.lr"), 1e-3);
  EXPECT_DOUBLE_EQ(c.get_double("train.epochs"), 20.0);  // ints read as doubles
  EXPECT_EQ(c.get_int_list("model.channels"), (std::vector<int64_t>{64, 128}));
  EXPECT_EQ(c.get_double_list("model.channels"), (std::vector<double>{64, 128}));
  EXPECT_EQ(c.get_string_list("data.dirs"), (std::vector<std::string>{"lib", "examples"}));
  EXPECT_EQ(c.get_string("data.path"), "");
  EXPECT_TRUE(c.is_null("data.extra"));
  EXPECT_TRUE(c.has("train.loss_weights.intent"));
  EXPECT_FALSE(c.has("train.nope"));
  EXPECT_EQ(c.keys("train.loss_weights"), (std::vector<std::string>{"intent", "count"}));
  EXPECT_EQ(c.keys(), (std::vector<std::string>{"run", "model", "train", "data"}));
  EXPECT_EQ(c.get_int("model.channels.1"), 128);
}

TEST(Config, GetterErrorsNameTheKey) {
  Config c = test_config();
  EXPECT_EQ(error_of([&] { c.get_int("train.lrr"); }),
            "unknown config key 'train.lrr' (did you mean 'train.lr'?)");
  EXPECT_EQ(error_of([&] { c.get_int("train.lr"); }),
            "config key 'train.lr' = '1.0e-3': expected an integer");
  EXPECT_TRUE(contains(error_of([&] { c.get_bool("run.name"); }), "expected a bool"));
  EXPECT_TRUE(contains(error_of([&] { c.get_int_list("data.dirs"); }),
                       "config key 'data.dirs.0' = 'lib': expected an integer"));
  EXPECT_TRUE(contains(error_of([&] { c.keys("run.name"); }), "expected a map"));
}

TEST(Config, MergeFileOverridesValuesAndKeepsTheRest) {
  Config c = test_config();
  c.merge_file(write_temp_yaml("merge.yaml",
                               "train:\n  epochs: 5\n  lr: 3   # int literal for a float key\n"
                               "  loss_weights:\n    count: 2.5\nmodel:\n  channels: [8]\n"));
  EXPECT_EQ(c.get_int("train.epochs"), 5);
  EXPECT_DOUBLE_EQ(c.get_double("train.lr"), 3.0);
  EXPECT_DOUBLE_EQ(c.get_double("train.loss_weights.count"), 2.5);
  EXPECT_DOUBLE_EQ(c.get_double("train.loss_weights.intent"), 1.0);        // untouched sibling
  EXPECT_EQ(c.get_int_list("model.channels"), (std::vector<int64_t>{8}));  // lists replace
  EXPECT_EQ(c.get_string("train.optimizer"), "adamw");
}

TEST(Config, MergeEmptySectionOrFileIsANoOp) {
  Config c = test_config();
  c.merge_yaml_string("train:\n", "a.yaml");
  c.merge_yaml_string("", "empty.yaml");
  EXPECT_EQ(c.get_int("train.epochs"), 20);
}

TEST(Config, MergeUnknownKeyNamesFileKeyAndSuggestion) {
  Config c = test_config();
  std::string path = write_temp_yaml("my.yaml", "train:\n  lrr: 0.1\n");
  EXPECT_EQ(error_of([&] { c.merge_file(path); }),
            path + ": unknown config key 'train.lrr' (did you mean 'train.lr'?)");
  EXPECT_EQ(error_of([&] { c.merge_yaml_string("trian:\n  lr: 1\n", "my.yaml"); }),
            "my.yaml: unknown config key 'trian' (did you mean 'train'?)");
  EXPECT_EQ(error_of([&] { c.merge_yaml_string("zzz: 1\n", "my.yaml"); }),
            "my.yaml: unknown config key 'zzz'");
  EXPECT_DOUBLE_EQ(c.get_double("train.lr"), 1e-3);  // failed merges change nothing
}

TEST(Config, MergeTypeErrorsNameKeyValueAndExpectedType) {
  struct Case {
    const char* yaml;
    const char* message;
  };
  const Case cases[] = {
      {"train: {epochs: ten}", "my.yaml: config key 'train.epochs' = 'ten': expected an integer"},
      {"train: {epochs: 1.5}", "my.yaml: config key 'train.epochs' = '1.5': expected an integer"},
      {"train: {lr: fast}", "my.yaml: config key 'train.lr' = 'fast': expected a float"},
      {"run: {verbose: 1}", "my.yaml: config key 'run.verbose' = '1': expected a bool"},
      {"run: {verbose: 'true'}", "my.yaml: config key 'run.verbose' = 'true': expected a bool"},
      {"run: {name: [a, b]}", "my.yaml: config key 'run.name' = '[a, b]': expected a string"},
      {"model: {channels: 64}", "my.yaml: config key 'model.channels' = '64': expected a list"},
      {"model: {channels: [64, x]}",
       "my.yaml: config key 'model.channels.1' = 'x': expected an integer"},
      {"train: {loss_weights: 1}",
       "my.yaml: config key 'train.loss_weights' = '1': expected a map"},
  };
  for (const Case& c : cases) {
    Config config = test_config();
    EXPECT_TRUE(contains(error_of([&] { config.merge_yaml_string(c.yaml, "my.yaml"); }), c.message))
        << c.yaml;
  }
}

TEST(Config, MergeAcceptsAnyScalarForStringsAndNullForScalars) {
  Config c = test_config();
  c.merge_yaml_string("run: {name: 2024}\ndata: {extra: [1, {a: b}], path: null}", "ok.yaml");
  EXPECT_EQ(c.get_string("run.name"), "2024");
  EXPECT_TRUE(c.is_null("data.path"));
}

TEST(Config, OpenMapAcceptsAnyKeys) {
  Config c = test_config();
  c.merge_yaml_string("run:\n  tags: {team: nlp, sweep: {id: 3}}\n", "tags.yaml");
  EXPECT_EQ(c.get_string("run.tags.team"), "nlp");
  EXPECT_EQ(c.get_int("run.tags.sweep.id"), 3);
}

// Found by the config fuzz target: a key no dotted path reaches (inside a list, where the schema
// accepts anything) used to be looked up by its path during interpolation and dereferenced
// unchecked. Such keys are now refused where they are read, with the file, line and path.
TEST(Config, KeysNoDottedPathReachesAreRefusedWithFileLineAndPath) {
  Config c = test_config();
  EXPECT_TRUE(contains(
      error_of([&] { c.merge_yaml_string("data:\n  dirs:\n    - {\"a.b\": x}\n", "dots.yaml"); }),
      "dots.yaml: line 3: the key 'a.b' under 'data.dirs.0' cannot be a config key"));
  EXPECT_TRUE(
      contains(error_of([&] { c.merge_yaml_string("run:\n  tags: {\"\": 1}\n", "empty.yaml"); }),
               "empty.yaml: line 2: the key '' under 'run.tags' cannot be a config key"));
  EXPECT_TRUE(
      contains(error_of([&] { c.merge_yaml_string("? [a, b]\n: 1\n", "list_key.yaml"); }),
               "list_key.yaml: line 1: the key '[a, b]' at the top level cannot be a config key"));
  EXPECT_TRUE(
      contains(error_of([&] { c.apply_override("data.dirs=[{x.y: 1}]"); }),
               "override 'data.dirs=[{x.y: 1}]': line 1: the key 'x.y' under 'data.dirs.0'"));
  // The config is unchanged by the refused inputs and still resolves.
  EXPECT_EQ(c.get_string("data.dirs.0"), "lib");
}

TEST(Config, YamlSyntaxErrorNamesFileAndLine) {
  Config c = test_config();
  std::string msg =
      error_of([&] { c.merge_yaml_string("train:\n  lr: [1,\n  x: 2\n", "bad.yaml"); });
  EXPECT_TRUE(contains(msg, "bad.yaml: YAML syntax error at line "));
  EXPECT_TRUE(contains(error_of([&] { c.merge_yaml_string("- 1\n- 2\n", "list.yaml"); }),
                       "list.yaml: expected a map of config keys at the top level, found a list"));
  EXPECT_TRUE(contains(error_of([&] { c.merge_file("/nonexistent/anvil.yaml"); }),
                       "/nonexistent/anvil.yaml"));
}

TEST(Config, ParsesTheRealDefaultConfig) {
  std::string text = read_file(ANVIL_SOURCE_DIR "/configs/default.yaml");
  Config c = Config::from_yaml_string(text, "configs/default.yaml");
  EXPECT_GT(c.get_int("train.epochs"), 0);
  EXPECT_GT(c.get_double("train.lr"), 0.0);
  EXPECT_FALSE(c.get_string("model.type").empty());
  EXPECT_FALSE(c.get_int_list("model.channels").empty());
  EXPECT_FALSE(c.get_string_list("pipeline.predict").empty());
  EXPECT_EQ(c.get_string("data.path"), "");
  EXPECT_EQ(c.get_string("run.device"), "auto");
  Config reloaded = Config::from_yaml_string(c.to_yaml(), "dump");
  EXPECT_EQ(reloaded.to_yaml(), c.to_yaml());
  EXPECT_EQ(reloaded.hash(), c.hash());
}

// The recipes users run (`anvil pipeline --config configs/X.yaml`, and the grouped recipe's
// configs/all-specialists/*.yaml) name only known keys, with the types the defaults declare.
TEST(Config, ShippedConfigsMergeOverTheDefaults) {
  int checked = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(ANVIL_SOURCE_DIR "/configs")) {
    if (entry.path().extension() != ".yaml" || entry.path().filename() == "default.yaml") continue;
    Config c = Config::from_defaults();
    EXPECT_NO_THROW(c.merge_file(entry.path().string())) << entry.path();
    ++checked;
  }
  EXPECT_GE(checked, 5);
}

TEST(Config, FromDefaultsIsTheCompiledInDefaultFile) {
  Config built_in = Config::from_defaults();
  Config file = Config::from_yaml_string(read_file(ANVIL_SOURCE_DIR "/configs/default.yaml"), "f");
  EXPECT_EQ(built_in.to_yaml(), file.to_yaml());
  EXPECT_EQ(built_in.hash(), file.hash());
}

TEST(Config, ToYamlRoundTripKeepsValuesAndTypes) {
  Config c = test_config();
  c.merge_yaml_string(
      "run: {name: '10', tags: {flag: 'true', empty: '', nul: 'null'}}\n"
      "train: {optimizer: 'a: b # c', lr: 0.1}\n",
      "x.yaml");
  Config back = Config::from_yaml_string(c.to_yaml(), "dump");
  EXPECT_EQ(back.get_string("run.name"), "10");
  EXPECT_EQ(back.get_string("run.tags.flag"), "true");
  EXPECT_EQ(back.get_string("run.tags.empty"), "");
  EXPECT_FALSE(back.is_null("run.tags.nul"));
  EXPECT_EQ(back.get_string("train.optimizer"), "a: b # c");
  EXPECT_DOUBLE_EQ(back.get_double("train.lr"), 0.1);
  EXPECT_EQ(back.get_int("run.seed"), 42);
  EXPECT_FALSE(back.get_bool("run.verbose"));
  EXPECT_EQ(back.get_int_list("model.channels"), c.get_int_list("model.channels"));
  EXPECT_EQ(back.get_string_list("data.dirs"), c.get_string_list("data.dirs"));
  EXPECT_TRUE(back.is_null("data.extra"));
  EXPECT_EQ(back.to_yaml(), c.to_yaml());
  // A reloaded dump is itself a valid schema for the same user file.
  back.merge_yaml_string("train: {epochs: 7}", "y.yaml");
  EXPECT_EQ(back.get_int("train.epochs"), 7);
}

TEST(Config, SaveWritesTheResolvedYaml) {
  Config c = test_config();
  std::string path = ::testing::TempDir() + "anvil_config_test_saved/config.yaml";
  c.save(path);
  EXPECT_EQ(read_file(path), c.to_yaml());
}

TEST(Config, HashIsStableAndChangesWithAnyValue) {
  Config a = test_config();
  Config b = test_config();
  EXPECT_EQ(a.hash(), b.hash());
  EXPECT_EQ(a.hash().size(), 16u);
  // Same values written differently, in a different key order: same hash.
  Config reordered = Config::from_yaml_string(
      "data: {extra: null, dirs: [lib, examples], path: ''}\n"
      "train: {loss_weights: {intent: 1.0, count: 0.5}, optimizer: adamw, lr: 0.001, epochs: 20}\n"
      "model: {dropout: 0.1, channels: [64, 128]}\n"
      "run: {tags: {}, verbose: false, seed: 42, name: default}\n",
      "reordered");
  EXPECT_EQ(reordered.hash(), a.hash());
  for (const char* change : {"train.lr=0.0011", "train.epochs=21", "run.name=x", "run.verbose=true",
                             "model.channels=[64,129]", "data.extra=0", "+run.tags.x=1"}) {
    Config changed = test_config();
    changed.apply_override(change);
    EXPECT_NE(changed.hash(), a.hash()) << change;
  }
  Config copy = a;
  copy.apply_override("train.epochs=3");
  EXPECT_EQ(a.get_int("train.epochs"), 20);  // copies are deep
  EXPECT_NE(copy.hash(), a.hash());
}

TEST(Suggest, ClosestMatchByEditDistance) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(closest_match("trian", {"eval", "train", "pipeline"}), "train");
  EXPECT_EQ(closest_match("train.lrr", {"train.lr", "train.lr_min"}), "train.lr");
  EXPECT_EQ(closest_match("foo", {"train", "eval"}), "");
  EXPECT_EQ(closest_match("x", {}), "");
  EXPECT_EQ(did_you_mean("evl", {"eval"}), " (did you mean 'eval'?)");
  EXPECT_EQ(did_you_mean("zzzz", {"eval"}), "");
}

}  // namespace
}  // namespace anvil
