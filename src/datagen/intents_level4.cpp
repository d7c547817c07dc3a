// Level 4 intents: functions, the stack and recursion (call/ret, push/pop). Recursive functions
// take their argument in r1, return in r0 and save what they need with push/pop.
#include "datagen/intent_levels.h"

namespace anvil::datagen::detail {
namespace {

using Ops = std::vector<int64_t>;

int64_t fib(int64_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int64_t ipow(int64_t base, int64_t exp) {
  int64_t r = 1;
  for (int64_t i = 0; i < exp; ++i) r *= base;
  return r;
}

}  // namespace

std::vector<IntentSpec> level4_intents() {
  return {
      {"factorial_recursive",
       4,
       1,
       {"compute factorial of {0} recursively", "recursive factorial of {0}",
        "use recursion to find {0}!", "Calculate {0} factorial with a recursive function",
        "factorial of {0} using recursion"},
       "call fact\nout r0\nhalt\n; fact(r1) -> r0\nfact:\ncmp r1, 1\njgt recurse\nmov r0, 1\nret\n"
       "recurse:\npush r1\nsub r1, r1, 1\ncall fact\npop r1\nmul r0, r0, r1\nret\n",
       [](Rng& rng) { return Ops{rng.uniform_int(0, 12)}; },
       [](const Ops& o) {
         int64_t f = 1;
         for (int64_t i = 2; i <= o[0]; ++i) f *= i;
         return Ops{f};
       }},
      {"sum_recursive",
       4,
       1,
       {"recursively sum the integers up to {0}", "recursive sum from one to {0}",
        "use recursion to add all numbers up to {0}", "Sum one through {0} with a recursive call",
        "compute the sum up to {0} recursively"},
       "call sum\nout r0\nhalt\n; sum(r1) = r1 + sum(r1 - 1)\nsum:\ncmp r1, 0\njgt recurse\n"
       "mov r0, 0\nret\nrecurse:\npush r1\nsub r1, r1, 1\ncall sum\npop r1\nadd r0, r0, r1\nret\n",
       [](Rng& rng) { return Ops{sample_skewed(rng, 0, 30, 0, 200)}; },
       [](const Ops& o) { return Ops{o[0] * (o[0] + 1) / 2}; }},
      {"square_twice",
       4,
       1,
       {"call the square function twice on {0}", "square {0} and then square the result",
        "apply square to {0} two times", "Fourth power of {0} via a square subroutine",
        "square {0} twice using a function"},
       "call square\nmov r1, r0\ncall square\nout r0\nhalt\nsquare:\nmul r0, r1, r1\nret\n",
       [](Rng& rng) { return Ops{sample_skewed(rng, -12, 12, -50, 50)}; },
       [](const Ops& o) { return Ops{o[0] * o[0] * o[0] * o[0]}; }},
      {"push_pop_reverse",
       4,
       3,
       {"push {0}, {1}, {2} on the stack and pop them", "use the stack to reverse {0}, {1}, {2}",
        "stack reverse of {0} {1} {2}", "Push then pop {0}, {1} and {2}",
        "pop {0}, {1}, {2} back off a stack after pushing them"},
       "push r1\npush r2\npush r3\npop r0\nout r0\npop r0\nout r0\npop r0\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_value(rng), sample_value(rng), sample_value(rng)};
       },
       [](const Ops& o) {
         return Ops{o[2], o[1], o[0]};
       }},
      {"fibonacci_recursive",
       4,
       1,
       {"recursive fibonacci of {0}", "compute fibonacci number {0} recursively",
        "Use recursion to get the fibonacci term {0}", "fib({0}) with a recursive function",
        "find fibonacci of {0} using recursion"},
       "call fib\nout r0\nhalt\n; fib(r1) -> r0\nfib:\ncmp r1, 2\njge recurse\nmov r0, r1\nret\n"
       "recurse:\npush r1\nsub r1, r1, 1\ncall fib\npop r1\npush r0\npush r1\nsub r1, r1, 2\n"
       "call fib\npop r1\npop r2\nadd r0, r0, r2\nret\n",
       [](Rng& rng) { return Ops{sample_skewed(rng, 0, 10, 0, 15)}; },
       [](const Ops& o) { return Ops{fib(o[0])}; }},
      {"sum_of_squares",
       4,
       2,
       {"sum of squares of {0} and {1}", "{0} squared plus {1} squared",
        "square {0} and {1} with a function and add the results", "Add the squares of {0} and {1}",
        "squares of {0} and {1}, summed"},
       "mov r3, r2\ncall square\nmov r4, r0\nmov r1, r3\ncall square\nadd r0, r0, r4\nout r0\n"
       "halt\nsquare:\nmul r0, r1, r1\nret\n",
       [](Rng& rng) {
         return Ops{sample_skewed(rng, -20, 50, -999, 999), sample_skewed(rng, -20, 50, -999, 999)};
       },
       [](const Ops& o) { return Ops{o[0] * o[0] + o[1] * o[1]}; }},
      {"cube",
       4,
       1,
       {"cube {0}", "what is {0} cubed", "Compute the cube of {0} using a multiply routine",
        "give me the cube of {0}", "cube the number {0} please"},
       "mov r2, r1\ncall multiply\nmov r1, r0\ncall multiply\nout r0\nhalt\n"
       "; multiply(r1, r2) -> r0\nmultiply:\nmul r0, r1, r2\nret\n",
       [](Rng& rng) { return Ops{sample_skewed(rng, -20, 20, -300, 300)}; },
       [](const Ops& o) { return Ops{o[0] * o[0] * o[0]}; }},
      {"stack_sum",
       4,
       4,
       {"push {0}, {1}, {2}, {3} and sum them off the stack",
        "use the stack to add {0}, {1}, {2}, {3}", "Pop and total {0}, {1}, {2}, {3} from a stack",
        "stack sum of {0} {1} {2} {3}", "sum {0}, {1}, {2} and {3} by pushing and popping"},
       "push r1\npush r2\npush r3\npush r4\nmov r0, 0\nmov r5, 4\nloop:\npop r6\nadd r0, r0, r6\n"
       "sub r5, r5, 1\ncmp r5, 0\njgt loop\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_value(rng), sample_value(rng), sample_value(rng), sample_value(rng)};
       },
       [](const Ops& o) { return Ops{o[0] + o[1] + o[2] + o[3]}; }},
      {"power_recursive",
       4,
       2,
       {"recursive power {0} to the {1}", "raise {0} to the {1} recursively",
        "Use recursion to compute {0} to the power {1}", "recursively exponentiate {0} by {1}",
        "{0} to the {1} with a recursive function"},
       "call power\nout r0\nhalt\n; power(r1, r2) = r1 * power(r1, r2 - 1)\npower:\ncmp r2, 0\n"
       "jgt recurse\nmov r0, 1\nret\nrecurse:\nsub r2, r2, 1\ncall power\nmul r0, r0, r1\nret\n",
       [](Rng& rng) {
         return Ops{rng.uniform_int(-9, 9), rng.uniform_int(0, 10)};
       },
       [](const Ops& o) { return Ops{ipow(o[0], o[1])}; }},
  };
}

}  // namespace anvil::datagen::detail
