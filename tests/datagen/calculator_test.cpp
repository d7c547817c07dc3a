// The answer-time calculator against independent references (Python's datetime for the calendar
// facts, decimal arithmetic done by hand), the generation hook's trigger and the tokenization
// split that must agree with it, and the errors it names.
#include "anvil/datagen/calculator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "anvil/core/error.h"

namespace anvil::datagen {
namespace {

// Each expression's result is the text beside it.
void expect_results(const std::vector<std::pair<std::string, std::string>>& cases) {
  for (const auto& [expression, want] : cases) {
    std::string why;
    const auto got = calculate(expression, &why);
    ASSERT_TRUE(got.has_value()) << expression << ": " << why;
    EXPECT_EQ(*got, want) << expression;
  }
}

TEST(Calculator, ArithmeticFollowsPrecedenceAndPrintsUpToSixDecimals) {
  expect_results({
      {"2+3*4", "14"},
      {"(2+3)*4", "20"},
      {"10-4-3", "3"},
      {"100/8/5", "2.5"},
      {"-3*-2", "6"},
      {"1/3", "0.333333"},
      {"0.1+0.2", "0.3"},
      {"5-5.0", "0"},
      {"4*19.99+2*5.25", "90.46"},
      {"min(1099/24,2399/64)", "37.484375"},
      {"max(3, 7 , 5)", "7"},
  });
}

// Money as documents print it: a comma and exactly three digits up to a decimal point group
// thousands; anything else with a comma separates arguments.
TEST(Calculator, ThousandsGroupsAreReadAsDocumentsPrintThem) {
  expect_results({
      {"81,169.00+1,395.97-22.39", "82542.58"},
      {"round(8,709.99*0.556202,2)", "4844.51"},
      {"1,234,567.50*2", "2469135"},
      {"-1,000.25", "-1000.25"},
      {"max(3, 250.5)", "250.5"},
      {"max(3,250.5)", "3250.5"},  // the documented reading: one grouped number
      {"min(799/28,899/86)", "10.453488"},
      {"round(1,2)", "1.00"},
  });
  std::string why;
  EXPECT_FALSE(calculate("1,23.5", &why));
  EXPECT_FALSE(calculate("1,234", &why));  // no decimal point: not money, and not one number
}

TEST(Calculator, RoundIsHalfAwayFromZeroAsWrittenAndKeepsItsDecimals) {
  expect_results({
      {"round(1.005,2)", "1.01"},  // 1.00499999... in binary
      {"round(2.5,0)", "3"},
      {"round(-2.5,0)", "-3"},
      {"round(70*1.026,2)", "71.82"},
      {"round(37,4)", "37.0000"},
      {"round(-0.00001,2)", "0.00"},
      {"round((98.6-32)*5/9,4)", "37.0000"},
      {"round(12.5*0.3048/1609.344,6)", "0.002367"},
  });
}

TEST(Calculator, DatesAndTimesMatchPythonsDatetime) {
  expect_results({
      {"weekday(2024-03-07)", "Thursday"},
      {"weekday(2000-02-29)", "Tuesday"},
      {"weekday(1999-12-31)", "Friday"},
      {"add_days(2024-02-20,14)", "2024-03-05"},
      {"add_days(2024-03-01,-1)", "2024-02-29"},
      {"days_between(2023-11-02,2025-01-15)", "440"},
      {"add_months(2024-01-31,1)", "2024-02-29"},
      {"add_months(2023-11-15,14)", "2025-01-15"},
      {"add_months(2024-03-31,-1)", "2024-02-29"},
      // 2024-03-08 is a Friday: one working day later is Monday the 11th, five is Friday the 15th.
      {"add_workdays(2024-03-08,1)", "2024-03-11"},
      {"add_workdays(2024-03-08,5)", "2024-03-15"},
      {"add_workdays(2024-03-11,-1)", "2024-03-08"},
      {"next_weekday(2024-03-07,Thursday)", "2024-03-14"},
      {"next_weekday(2024-03-07,monday)", "2024-03-11"},
      {"add_minutes(09:30,45)", "10:15"},
      {"add_minutes(9:30,150)", "12:00"},
      {"minutes_between(07:15,15:45)", "510"},
      {"minutes_between(15:45,07:15)", "-510"},
  });
}

TEST(Calculator, ComparisonsAnswerYesOrNo) {
  expect_results({
      {"same(30,23)", "no"},
      {"same(113.50,113.5)", "yes"},
      {"same(1,234.50,1234.5)", "yes"},  // a thousands group reads as the document prints it
      {"same(2024-03-07,2024-03-07)", "yes"},
      {"at_most(11:15,11:00)", "no"},
      {"at_most(add_minutes(10:30,30),11:00)", "yes"},
      {"at_most(2024-02-29,2024-03-01)", "yes"},
      {"same(0.1+0.2,0.3)", "yes"},  // as on paper, not as in binary
      {"at_most(0.30001,0.3)", "no"},
  });
  std::string why;
  EXPECT_FALSE(calculate("same(2024-03-07,5)", &why));
  EXPECT_NE(why.find("compares two numbers, two dates or two times"), std::string::npos) << why;
  EXPECT_FALSE(calculate("same(1)", &why));
  EXPECT_FALSE(calculate("yes", &why));
  EXPECT_FALSE(calculate("same(same(1,1),same(2,2))", &why));
}

TEST(Calculator, BadExpressionsSayWhatAndWhere) {
  std::string why;
  EXPECT_FALSE(calculate("1/0", &why));
  EXPECT_NE(why.find("division by zero"), std::string::npos) << why;
  EXPECT_FALSE(calculate("sqrt(4)", &why));
  EXPECT_NE(why.find("unknown function sqrt()"), std::string::npos) << why;
  EXPECT_FALSE(calculate("2+", &why));
  EXPECT_NE(why.find("ends early"), std::string::npos) << why;
  EXPECT_FALSE(calculate("2 3", &why));
  EXPECT_NE(why.find("offset 2"), std::string::npos) << why;
  EXPECT_FALSE(calculate("2024-02-30", &why));
  EXPECT_FALSE(calculate("weekday(5)", &why));
  EXPECT_FALSE(calculate("add_minutes(23:30,60)", &why));
  EXPECT_FALSE(calculate("total", &why));
  EXPECT_FALSE(calculate("", &why));
  EXPECT_THROW(calculator_step("x+1"), Error);
  EXPECT_EQ(calculator_step("1.5*4"), "<<1.5*4=6>>");
}

TEST(Calculator, CompletesOnlyAnOpenCallThatEndsInEquals) {
  EXPECT_EQ(calculator_completion("Total: <<12.5+7.25="), "19.75>>");
  EXPECT_EQ(calculator_completion("<<1+1=2>>\n<<weekday(2024-03-07)="), "Thursday>>");
  EXPECT_EQ(calculator_completion("<<12.5+7.25"), "");       // no "=" yet
  EXPECT_EQ(calculator_completion("<<1+1=2>> x ="), "");     // the call is closed
  EXPECT_EQ(calculator_completion("<<1+\n1="), "");          // a line break ends it
  EXPECT_EQ(calculator_completion("std::cout << x ="), "");  // not an expression
  EXPECT_EQ(calculator_completion("a = b"), "");
}

TEST(Calculator, SplitsTextWhereGenerationFeedsResultsIn) {
  const std::string text =
      "busy: 09:00-10:00\n<<add_minutes(10:00,30)=10:30>> <= 12:00 free\n{\"start\":\"10:00\"}";
  const auto pieces = split_at_calculator_results(text);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0], "busy: 09:00-10:00\n<<add_minutes(10:00,30)=");
  EXPECT_EQ(pieces[1], "10:30>>");
  EXPECT_EQ(pieces[2], " <= 12:00 free\n{\"start\":\"10:00\"}");
  // Each cut is where calculator_completion fires on the text before it.
  EXPECT_EQ(calculator_completion(pieces[0]), pieces[1]);
  std::string joined;
  for (auto p : pieces) joined += p;
  EXPECT_EQ(joined, text);
  // Not calls: no closing ">>", a line break inside, an expression that does not evaluate.
  for (std::string plain : {"a << b = c", "<<1+1=2\n>>", "<<x=1>> and <<1+", "no calls"}) {
    const auto one = split_at_calculator_results(plain);
    ASSERT_EQ(one.size(), 1u) << plain;
    EXPECT_EQ(one[0], plain);
  }
  const auto two = split_at_calculator_results("<<1+1=2>><<2*3=6>>");
  EXPECT_EQ(std::vector<std::string_view>(two.begin(), two.end()),
            (std::vector<std::string_view>{"<<1+1=", "2>>", "<<2*3=", "6>>"}));
}

}  // namespace
}  // namespace anvil::datagen
