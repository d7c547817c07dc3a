// Tests for the intent table: every intent's program agrees with its independent C++ reference,
// phrasings are plentiful, well-formed and unique, and the table covers every curriculum level.
#include "anvil/datagen/intents.h"

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <set>
#include <string>

#include "anvil/datagen/isa.h"

namespace anvil::datagen {
namespace {

std::string join(const std::vector<int64_t>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(v[i]);
  }
  return s;
}

TEST(IntentTable, HasAtLeast54IntentsCoveringAllFiveLevels) {
  const auto& table = intent_table();
  EXPECT_GE(table.size(), 54u);
  std::map<int, int> per_level;
  for (const IntentSpec& spec : table) per_level[spec.level]++;
  for (int level = 1; level <= kNumLevels; ++level) {
    EXPECT_GE(per_level[level], 8) << "level " << level;
  }
  EXPECT_EQ(per_level.size(), 5u);
}

TEST(IntentTable, NamesAreUniqueSnakeCaseAndIncludeTheRequiredOnes) {
  std::set<std::string> names;
  for (const IntentSpec& spec : intent_table()) {
    EXPECT_TRUE(names.insert(spec.name).second) << "duplicate intent " << spec.name;
    for (char c : spec.name) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') << spec.name;
    }
  }
  for (const char* required : {"factorial", "add", "gcd", "is_prime"}) {
    EXPECT_TRUE(names.count(required)) << required;
    EXPECT_NE(find_intent(required), nullptr) << required;
  }
  EXPECT_EQ(find_intent("no_such_intent"), nullptr);
}

TEST(IntentTable, EachIntentHasFiveDistinctPhrasingsUsingExactlyItsOperands) {
  for (const IntentSpec& spec : intent_table()) {
    ASSERT_GE(spec.operand_count, 0);
    ASSERT_LE(spec.operand_count, kMaxOperands);
    std::set<std::string> distinct(spec.phrasings.begin(), spec.phrasings.end());
    EXPECT_GE(distinct.size(), 5u) << spec.name;
    EXPECT_EQ(distinct.size(), spec.phrasings.size()) << spec.name;
    for (const std::string& p : spec.phrasings) {
      std::set<int> used;
      for (size_t i = 0; i + 2 < p.size(); ++i) {
        if (p[i] == '{' && p[i + 2] == '}') used.insert(p[i + 1] - '0');
      }
      EXPECT_EQ(used.size(), static_cast<size_t>(spec.operand_count)) << spec.name << ": " << p;
      for (int k : used) EXPECT_LT(k, spec.operand_count) << spec.name << ": " << p;
      // Digits only inside placeholders: the numbers in the text must be the operands.
      for (size_t i = 0; i < p.size(); ++i) {
        if (p[i] >= '0' && p[i] <= '9') {
          EXPECT_TRUE(i > 0 && p[i - 1] == '{' && i + 1 < p.size() && p[i + 1] == '}')
              << spec.name << ": " << p;
        }
      }
    }
  }
}

TEST(IntentTable, NoTwoIntentsShareAPhrasing) {
  std::map<std::string, std::string> owner;
  for (const IntentSpec& spec : intent_table()) {
    for (const std::string& p : spec.phrasings) {
      auto [it, inserted] = owner.emplace(p, spec.name);
      EXPECT_TRUE(inserted) << "'" << p << "' used by " << it->second << " and " << spec.name;
    }
  }
}

TEST(IntentPrograms, EveryIntentMatchesItsReferenceOn50SampledOperandSets) {
  Rng rng(1234);
  for (const IntentSpec& spec : intent_table()) {
    for (int trial = 0; trial < 50; ++trial) {
      const std::vector<int64_t> ops = spec.sample(rng);
      ASSERT_EQ(ops.size(), static_cast<size_t>(spec.operand_count)) << spec.name;
      const std::string source = instantiate_program(spec, ops);
      RunResult result;
      try {
        result = run(assemble(source, spec.name));
      } catch (const std::exception& e) {
        FAIL() << spec.name << "(" << join(ops) << "): " << e.what();
      }
      EXPECT_EQ(result.output, spec.reference(ops)) << spec.name << "(" << join(ops) << ")";
    }
  }
}

TEST(IntentPrograms, InstantiateProgramMovesOperandsIntoR1ToR4) {
  const IntentSpec* add = find_intent("add");
  ASSERT_NE(add, nullptr);
  const std::string program = instantiate_program(*add, {5, -3});
  EXPECT_EQ(program.rfind("mov r1, 5\nmov r2, -3\n", 0), 0u) << program;
  EXPECT_EQ(run(assemble(program)).output, std::vector<int64_t>{2});
}

TEST(IntentPhrasing, RendersOperandsAsDecimalWithMinusSign) {
  EXPECT_EQ(render_phrasing("subtract {1} from {0}", {7, -12}), "subtract -12 from 7");
  EXPECT_THROW(render_phrasing("add {0} and {1}", {1}), std::exception);
}

TEST(IntentPhrasing, SurfaceVariantsKeepTheWordsAndVaryOnlyCasePunctuationAndPlease) {
  // Over many draws each variant shows up at about its rate, and taking the variant apart again
  // (lower-case the first letter, drop the closing mark and "please") gives the text back.
  std::map<std::string, int> seen;
  Rng rng(11);
  const int n = 4000;
  for (int i = 0; i < n; ++i) {
    const std::string base = i % 2 ? "add 5 and 3" : "what is 5 plus 3";
    std::string v = vary_surface(base, rng);
    if (v[0] >= 'A' && v[0] <= 'Z') {
      seen["capital"]++;
      v[0] = static_cast<char>(v[0] - 'A' + 'a');
    }
    if (v.back() == '?' || v.back() == '.') {
      seen["closed"]++;
      v.pop_back();
    }
    if (v.rfind("please ", 0) == 0) {
      seen["please first"]++;
      EXPECT_EQ(base, "add 5 and 3");  // not in front of a question
      v = v.substr(7);
    } else if (v.size() > 7 && v.substr(v.size() - 7) == " please") {
      seen["please last"]++;
      v.resize(v.size() - 7);
    }
    EXPECT_EQ(v, base);
  }
  EXPECT_NEAR(seen["capital"] / double(n), 0.30, 0.02);
  EXPECT_NEAR(seen["closed"] / double(n), 0.25, 0.02);
  EXPECT_NEAR(seen["please first"] / double(n / 2), 0.10, 0.02);
  // 0.1 on the question; 0.9 * 0.1 on the command, where "please" in front came first.
  EXPECT_NEAR(seen["please last"] / double(n), 0.095, 0.015);
  // A phrasing that already asks politely or ends in a mark gets neither again.
  for (int i = 0; i < 200; ++i) {
    const std::string v = vary_surface("Please add 4 to 9?", rng);
    EXPECT_EQ(v, "Please add 4 to 9?");
  }
  // Over every phrasing of the table: one "please" at most, never in front of a question, and a
  // capital letter only at the start.
  for (const IntentSpec& spec : intent_table())
    for (const std::string& phrasing : spec.phrasings)
      for (int i = 0; i < 40; ++i) {
        const std::string v = vary_surface(phrasing, rng);
        std::string lower = v;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const size_t please = lower.find("please");
        EXPECT_EQ(lower.find("please", please + 1), std::string::npos) << v;
        if (v.rfind("please ", 0) == 0 && phrasing.rfind("please ", 0) != 0) {
          EXPECT_NE(phrasing.back(), '?') << v;
          EXPECT_FALSE(std::isupper(static_cast<unsigned char>(v[7]))) << v;
        }
      }
  // The same seed gives the same variants.
  Rng a(3), b(3);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(vary_surface("double 7", a), vary_surface("double 7", b));
}

TEST(IntentPhrasing, AppendIntHandlesExtremes) {
  std::string s;
  append_int(s, INT64_MIN);
  s += ' ';
  append_int(s, 0);
  s += ' ';
  append_int(s, INT64_MAX);
  EXPECT_EQ(s, "-9223372036854775808 0 9223372036854775807");
}

}  // namespace
}  // namespace anvil::datagen
