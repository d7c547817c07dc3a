// Level 2 intents: conditionals and loops (cmp + conditional branches, counting loops).
#include <cstdlib>

#include "datagen/intent_levels.h"

namespace anvil::datagen::detail {
namespace {

using Ops = std::vector<int64_t>;

int64_t digit_count(int64_t n) {
  int64_t count = 1;
  for (uint64_t m = static_cast<uint64_t>(std::llabs(n)); m >= 10; m /= 10) ++count;
  return count;
}

}  // namespace

std::vector<IntentSpec> level2_intents() {
  return {
      {"is_even",
       2,
       1,
       {"is {0} even", "check whether {0} is even", "Is the number {0} even?",
        "tell me if {0} is even", "even check for {0}"},
       "mod r2, r1, 2\nmov r0, 1\ncmp r2, 0\nje done\nmov r0, 0\ndone:\nout r0\n",
       [](Rng& rng) { return Ops{sample_value(rng)}; },
       [](const Ops& o) { return Ops{o[0] % 2 == 0 ? 1 : 0}; }},
      {"is_odd",
       2,
       1,
       {"is {0} odd", "check whether {0} is odd", "Is the number {0} odd?", "tell me if {0} is odd",
        "odd check for {0}"},
       "mod r2, r1, 2\nmov r0, 0\ncmp r2, 0\nje done\nmov r0, 1\ndone:\nout r0\n",
       [](Rng& rng) { return Ops{sample_value(rng)}; },
       [](const Ops& o) { return Ops{o[0] % 2 != 0 ? 1 : 0}; }},
      {"sign",
       2,
       1,
       {"sign of {0}", "is {0} positive, negative or zero?", "what is the signum of {0}",
        "compute sgn({0})", "Give me the sign of the number {0}"},
       "mov r0, 0\ncmp r1, 0\nje done\njgt positive\nmov r0, -1\njmp done\n"
       "positive:\nmov r0, 1\ndone:\nout r0\n",
       [](Rng& rng) { return Ops{rng.uniform_int(0, 5) == 0 ? 0 : sample_value(rng)}; },
       [](const Ops& o) { return Ops{o[0] > 0 ? 1 : (o[0] < 0 ? -1 : 0)}; }},
      {"max_three",
       2,
       3,
       {"biggest of the three numbers {0}, {1} and {2}", "which of {0}, {1}, {2} is largest?",
        "maximum among {0}, {1} and {2}", "Find the largest of {0}, {1} and {2}",
        "greatest value out of {0}, {1}, {2}"},
       "mov r0, r1\ncmp r2, r0\njle skip1\nmov r0, r2\nskip1:\n"
       "cmp r3, r0\njle skip2\nmov r0, r3\nskip2:\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_value(rng), sample_value(rng), sample_value(rng)};
       },
       [](const Ops& o) {
         int64_t m = o[0];
         if (o[1] > m) m = o[1];
         if (o[2] > m) m = o[2];
         return Ops{m};
       }},
      {"min_three",
       2,
       3,
       {"smallest of the three numbers {0}, {1} and {2}", "which of {0}, {1}, {2} is least?",
        "minimum among {0}, {1} and {2}", "Find the lowest of {0}, {1} and {2}",
        "tiniest value out of {0}, {1}, {2}"},
       "mov r0, r1\ncmp r2, r0\njge skip1\nmov r0, r2\nskip1:\n"
       "cmp r3, r0\njge skip2\nmov r0, r3\nskip2:\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_value(rng), sample_value(rng), sample_value(rng)};
       },
       [](const Ops& o) {
         int64_t m = o[0];
         if (o[1] < m) m = o[1];
         if (o[2] < m) m = o[2];
         return Ops{m};
       }},
      {"clamp",
       2,
       3,
       {"clamp {0} between {1} and {2}", "limit {0} to the range {1} to {2}",
        "clamp {0} to [{1}, {2}]", "Restrict {0} so it lies within {1} and {2}",
        "bound {0} below by {1} and above by {2}"},
       "mov r0, r1\ncmp r0, r2\njge not_low\nmov r0, r2\nnot_low:\n"
       "cmp r0, r3\njle done\nmov r0, r3\ndone:\nout r0\n",
       [](Rng& rng) {
         const int64_t lo = sample_skewed(rng, -20, 50, -500, 500);
         const int64_t hi = lo + sample_skewed(rng, 0, 50, 0, 1000);
         return Ops{sample_skewed(rng, lo - 30, hi + 30, -999, 9999), lo, hi};
       },
       [](const Ops& o) { return Ops{o[0] < o[1] ? o[1] : (o[0] > o[2] ? o[2] : o[0])}; }},
      {"count_down",
       2,
       1,
       {"count down from {0}", "countdown starting at {0}", "list the numbers from {0} down to one",
        "Count backwards from {0}", "print {0} down to one"},
       "loop:\ncmp r1, 0\njle done\nout r1\nsub r1, r1, 1\njmp loop\ndone:\n",
       [](Rng& rng) { return Ops{rng.uniform_int(1, 20)}; },
       [](const Ops& o) {
         Ops out;
         for (int64_t i = o[0]; i > 0; --i) out.push_back(i);
         return out;
       }},
      {"sum_to_n",
       2,
       1,
       {"sum of the numbers from one up to {0}", "add up all integers up to {0}",
        "what is the triangular number of {0}", "Total of one through {0}",
        "compute the sum of the first {0} positive integers"},
       "mov r0, 0\nloop:\ncmp r1, 0\njle done\nadd r0, r0, r1\nsub r1, r1, 1\njmp loop\n"
       "done:\nout r0\n",
       [](Rng& rng) { return Ops{sample_skewed(rng, 0, 100, 0, 1000)}; },
       [](const Ops& o) { return Ops{o[0] * (o[0] + 1) / 2}; }},
      {"multiply_by_addition",
       2,
       2,
       {"multiply {0} by {1} using repeated addition",
        "use repeated addition to multiply {0} and {1}",
        "Product of {0} and {1} via a loop of additions", "repeatedly add {0}, {1} times",
        "multiply {0} and {1} without the mul instruction"},
       "mov r0, 0\nloop:\ncmp r2, 0\njle done\nadd r0, r0, r1\nsub r2, r2, 1\njmp loop\n"
       "done:\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_skewed(rng, -20, 50, -999, 999), sample_skewed(rng, 0, 12, 0, 60)};
       },
       [](const Ops& o) { return Ops{o[0] * o[1]}; }},
      {"count_digits",
       2,
       1,
       {"how many digits does {0} have", "count the digits of {0}", "number of digits in {0}",
        "Digit count of {0}", "what is the length of {0} in decimal digits"},
       "mov r0, 0\nloop:\nadd r0, r0, 1\ndiv r1, r1, 10\ncmp r1, 0\njne loop\nout r0\n",
       [](Rng& rng) { return Ops{sample_skewed(rng, -999, 99999, -9999999, 999999999)}; },
       [](const Ops& o) { return Ops{digit_count(o[0])}; }},
      {"abs_diff",
       2,
       2,
       {"distance between {0} and {1}", "absolute difference of {0} and {1}",
        "how far apart are {0} and {1}?", "Compute |{0} - {1}|",
        "positive gap between {0} and {1}"},
       "sub r0, r1, r2\ncmp r0, 0\njge done\nneg r0, r0\ndone:\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_value(rng), sample_value(rng)};
       },
       [](const Ops& o) { return Ops{std::llabs(o[0] - o[1])}; }},
      {"is_divisible",
       2,
       2,
       {"is {0} divisible by {1}", "does {1} divide {0}?", "check if {0} is a multiple of {1}",
        "Can {0} be divided evenly by {1}?", "is {1} a factor of {0}"},
       "mod r3, r1, r2\nmov r0, 0\ncmp r3, 0\njne done\nmov r0, 1\ndone:\nout r0\n",
       [](Rng& rng) {
         const int64_t d = rng.uniform_int(1, 20);
         if (rng.bernoulli(0.5)) return Ops{d * sample_skewed(rng, -10, 30, -300, 300), d};
         return Ops{sample_value(rng), d};
       },
       [](const Ops& o) { return Ops{o[0] % o[1] == 0 ? 1 : 0}; }},
      {"compare",
       2,
       2,
       {"compare {0} with {1}", "is {0} less than, equal to or greater than {1}?",
        "three-way comparison of {0} and {1}", "How does {0} compare to {1}",
        "order {0} relative to {1}"},
       "mov r0, 0\ncmp r1, r2\nje done\nmov r0, 1\njgt done\nmov r0, -1\ndone:\nout r0\n",
       [](Rng& rng) {
         const int64_t a = sample_value(rng);
         return Ops{a, rng.uniform_int(0, 3) == 0 ? a : sample_value(rng)};
       },
       [](const Ops& o) { return Ops{o[0] < o[1] ? -1 : (o[0] > o[1] ? 1 : 0)}; }},
  };
}

}  // namespace anvil::datagen::detail
