// ${...} interpolation: key references keep their type, concatenation, env vars with and
// without defaults, nesting, cycles, escapes, and type checks after resolution.
#include <gtest/gtest.h>

#include <cstdlib>

#include "anvil/core/config.h"
#include "core/config_fixture.h"

namespace anvil {
namespace {

using testing::contains;
using testing::error_of;
using testing::test_config;

Config from(const char* yaml) { return Config::from_yaml_string(yaml, "test"); }

TEST(ConfigInterpolation, WholeReferenceKeepsTheType) {
  Config c = from(
      "a: {lr: 0.5, n: 3, on: true, list: [1, 2], map: {x: 1}}\n"
      "b: {lr: '${a.lr}', n: '${a.n}', on: '${a.on}', list: '${a.list}', m: '${a.map}'}\n");
  EXPECT_DOUBLE_EQ(c.get_double("b.lr"), 0.5);
  EXPECT_EQ(c.get_int("b.n"), 3);
  EXPECT_TRUE(c.get_bool("b.on"));
  EXPECT_EQ(c.get_int_list("b.list"), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(c.get_int("b.m.x"), 1);
  EXPECT_EQ(c.get_int("b.list.1"), 2);
}

TEST(ConfigInterpolation, OverrideCanInterpolateIntoATypedKey) {
  Config c = test_config();
  c.apply_overrides({"train.epochs=${run.seed}", "run.name=${train.optimizer}_${train.epochs}"});
  EXPECT_EQ(c.get_int("train.epochs"), 42);
  EXPECT_EQ(c.get_string("run.name"), "adamw_42");
}

TEST(ConfigInterpolation, ConcatenationMakesAString) {
  Config c = from("n: 10\nname: run${n}\nid: '${n}${n}'\npath: ${dir}/x\ndir: /tmp\n");
  EXPECT_EQ(c.get_string("name"), "run10");
  EXPECT_EQ(c.get_string("id"), "1010");
  EXPECT_THROW(c.get_int("id"), Error);  // concatenation is a string even if it looks numeric
  EXPECT_EQ(c.get_string("path"), "/tmp/x");
}

TEST(ConfigInterpolation, ChainsAndNestedReferences) {
  Config c = from("a: ${b}\nb: ${c.d}\nc: {d: 7, which: d}\ne: ${c.${c.which}}\n");
  EXPECT_EQ(c.get_int("a"), 7);
  EXPECT_EQ(c.get_int("e"), 7);
}

TEST(ConfigInterpolation, EnvWithAndWithoutDefault) {
  setenv("ANVIL_TEST_EPOCHS", "12", 1);
  unsetenv("ANVIL_TEST_UNSET");
  Config c = from(
      "e: ${env:ANVIL_TEST_EPOCHS}\nd: ${env:ANVIL_TEST_UNSET,fallback}\n"
      "n: ${env:ANVIL_TEST_UNSET, 3}\ns: x${env:ANVIL_TEST_EPOCHS}\n");
  EXPECT_EQ(c.get_int("e"), 12);  // typed like a plain scalar
  EXPECT_EQ(c.get_string("d"), "fallback");
  EXPECT_EQ(c.get_int("n"), 3);
  EXPECT_EQ(c.get_string("s"), "x12");
  unsetenv("ANVIL_TEST_EPOCHS");
}

TEST(ConfigInterpolation, MissingEnvVarNamesTheKey) {
  unsetenv("ANVIL_TEST_UNSET");
  Config c = from("a: {b: '${env:ANVIL_TEST_UNSET}'}\n");
  EXPECT_EQ(error_of([&] { c.resolve(); }),
            "config key 'a.b' = '${env:ANVIL_TEST_UNSET}': environment variable ANVIL_TEST_UNSET "
            "is not set (give a default with ${env:ANVIL_TEST_UNSET,default})");
}

TEST(ConfigInterpolation, MissingKeyNamesHolderAndSuggests) {
  Config c = from("train: {lr: 1}\nx: ${train.lrr}\n");
  EXPECT_EQ(error_of([&] { c.get_int("x"); }),
            "config key 'x' = '${train.lrr}': no such key 'train.lrr' (did you mean 'train.lr'?)");
}

TEST(ConfigInterpolation, CycleNamesTheChain) {
  Config c = from("a: ${b}\nb: ${c}\nc: ${a}\n");
  EXPECT_TRUE(contains(error_of([&] { c.resolve(); }), "interpolation cycle a -> b -> c -> a"));
  Config self = from("m: {x: '${m}'}\n");
  EXPECT_TRUE(contains(error_of([&] { self.resolve(); }), "interpolation cycle m -> m.x -> m"));
}

TEST(ConfigInterpolation, MalformedReferences) {
  EXPECT_TRUE(contains(error_of([] { from("a: ${b\n").resolve(); }), "unterminated '${'"));
  EXPECT_TRUE(contains(error_of([] { from("a: x${}\n").resolve(); }), "empty '${}'"));
  EXPECT_TRUE(
      contains(error_of([] { from("a: ${oc.foo:x}\n").resolve(); }), "unknown resolver 'oc.foo'"));
  EXPECT_TRUE(contains(error_of([] { from("a: [1]\nb: x${a}\n").resolve(); }),
                       "cannot be part of a string"));
}

TEST(ConfigInterpolation, EscapedDollarBraceIsLiteral) {
  Config c = from("a: 1\nb: \\${a}\nc: 'x\\${a}${a}'\n");
  EXPECT_EQ(c.get_string("b"), "${a}");
  EXPECT_EQ(c.get_string("c"), "x${a}1");
  // The dump re-escapes, so reloading keeps the literal text.
  Config back = Config::from_yaml_string(c.to_yaml(), "dump");
  EXPECT_EQ(back.get_string("b"), "${a}");
  EXPECT_EQ(back.get_string("c"), "x${a}1");
  EXPECT_EQ(c.resolved().get_string("c"), "x${a}1");
}

TEST(ConfigInterpolation, ResolvedTypeIsCheckedAgainstTheSchema) {
  setenv("ANVIL_TEST_WORD", "ten", 1);
  Config c = test_config();
  c.apply_override("train.epochs=${env:ANVIL_TEST_WORD}");
  EXPECT_EQ(error_of([&] { c.resolve(); }),
            "config key 'train.epochs' = 'ten' (from '${env:ANVIL_TEST_WORD}'): expected an "
            "integer");
  unsetenv("ANVIL_TEST_WORD");
}

TEST(ConfigInterpolation, ResolvedAndToYamlHoldNoReferences) {
  Config c = test_config();
  c.apply_overrides({"run.name=${train.optimizer}-${run.seed}", "train.lr=${model.dropout}"});
  Config r = c.resolved();
  EXPECT_EQ(r.get_string("run.name"), "adamw-42");
  EXPECT_DOUBLE_EQ(r.get_double("train.lr"), 0.1);
  EXPECT_EQ(c.to_yaml().find("${"), std::string::npos);
  EXPECT_EQ(r.hash(), c.hash());
  // Later changes to the source are seen (the resolved cache is invalidated).
  c.apply_override("train.optimizer=sgd");
  EXPECT_EQ(c.get_string("run.name"), "sgd-42");
}

}  // namespace
}  // namespace anvil
