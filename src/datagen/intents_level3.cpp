// Level 3 intents: memory and arrays. Operands are stored to memory words first, then processed by
// loops that index memory through a register ([r5], [r5 + 4]).
#include <algorithm>

#include "datagen/intent_levels.h"

namespace anvil::datagen::detail {
namespace {

using Ops = std::vector<int64_t>;

// Stores r1..r4 into memory words 0..3.
const std::string kStoreFour = "store r1, [0]\nstore r2, [1]\nstore r3, [2]\nstore r4, [3]\n";

int64_t list_value(Rng& rng) { return sample_skewed(rng, -20, 99, -999, 9999); }
Ops four_values(Rng& rng) {
  return Ops{list_value(rng), list_value(rng), list_value(rng), list_value(rng)};
}

}  // namespace

std::vector<IntentSpec> level3_intents() {
  return {
      {"sum_three_memory",
       3,
       3,
       {"store {0}, {1} and {2} in memory and sum them",
        "put {0}, {1}, {2} into memory then add them up",
        "Save the values {0} {1} {2} to memory and compute their total",
        "write {0}, {1}, {2} to consecutive memory cells and sum them",
        "memory sum of {0}, {1} and {2}"},
       "store r1, [0]\nstore r2, [1]\nstore r3, [2]\nmov r0, 0\nmov r5, 0\nloop:\n"
       "load r6, [r5]\nadd r0, r0, r6\nadd r5, r5, 1\ncmp r5, 3\njlt loop\nout r0\n",
       [](Rng& rng) {
         return Ops{list_value(rng), list_value(rng), list_value(rng)};
       },
       [](const Ops& o) { return Ops{o[0] + o[1] + o[2]}; }},
      {"sum_array",
       3,
       4,
       {"sum the array [{0}, {1}, {2}, {3}]", "total of the list {0} {1} {2} {3}",
        "add up the array elements {0}, {1}, {2}, {3}",
        "what do the elements of [{0}, {1}, {2}, {3}] add up to?",
        "Sum of array {0}, {1}, {2}, {3}"},
       kStoreFour + "mov r0, 0\nmov r5, 0\nloop:\nload r6, [r5]\nadd r0, r0, r6\nadd r5, r5, 1\n"
                    "cmp r5, 4\njlt loop\nout r0\n",
       four_values,
       [](const Ops& o) { return Ops{o[0] + o[1] + o[2] + o[3]}; }},
      {"reverse_list",
       3,
       4,
       {"reverse the list {0} {1} {2} {3}", "reverse [{0}, {1}, {2}, {3}]",
        "print {0}, {1}, {2}, {3} in reverse order",
        "what is the list {0}, {1}, {2}, {3} backwards",
        "Reverse the array {0}, {1}, {2}, {3} please"},
       kStoreFour + "mov r5, 3\nloop:\nload r0, [r5]\nout r0\nsub r5, r5, 1\ncmp r5, 0\njge loop\n",
       four_values,
       [](const Ops& o) {
         return Ops{o[3], o[2], o[1], o[0]};
       }},
      {"max_of_list",
       3,
       4,
       {"maximum element of [{0}, {1}, {2}, {3}]", "largest element in the list {0} {1} {2} {3}",
        "max of the array {0}, {1}, {2}, {3}",
        "Find the biggest item of the list {0}, {1}, {2}, {3}",
        "what's the top value in [{0}, {1}, {2}, {3}]"},
       kStoreFour +
           "load r0, [0]\nmov r5, 1\nloop:\nload r6, [r5]\ncmp r6, r0\njle skip\nmov r0, r6\n"
           "skip:\nadd r5, r5, 1\ncmp r5, 4\njlt loop\nout r0\n",
       four_values,
       [](const Ops& o) { return Ops{*std::max_element(o.begin(), o.end())}; }},
      {"min_of_list",
       3,
       4,
       {"minimum element of [{0}, {1}, {2}, {3}]", "smallest element in the list {0} {1} {2} {3}",
        "min of the array {0}, {1}, {2}, {3}",
        "Find the lowest item of the list {0}, {1}, {2}, {3}",
        "what's the bottom value in [{0}, {1}, {2}, {3}]"},
       kStoreFour +
           "load r0, [0]\nmov r5, 1\nloop:\nload r6, [r5]\ncmp r6, r0\njge skip\nmov r0, r6\n"
           "skip:\nadd r5, r5, 1\ncmp r5, 4\njlt loop\nout r0\n",
       four_values,
       [](const Ops& o) { return Ops{*std::min_element(o.begin(), o.end())}; }},
      {"count_occurrences",
       3,
       4,
       {"how many times does {0} appear in [{1}, {2}, {3}]",
        "count occurrences of {0} in {1}, {2}, {3}",
        "Count how often {0} occurs in the list {1} {2} {3}",
        "frequency of {0} among {1}, {2}, {3}", "number of times {0} shows up in [{1}, {2}, {3}]"},
       "store r2, [0]\nstore r3, [1]\nstore r4, [2]\nmov r0, 0\nmov r5, 0\nloop:\n"
       "load r6, [r5]\ncmp r6, r1\njne skip\nadd r0, r0, 1\nskip:\nadd r5, r5, 1\ncmp r5, 3\n"
       "jlt loop\nout r0\n",
       [](Rng& rng) {
         const int64_t hi = rng.bernoulli(0.8) ? 4 : 99;
         return Ops{rng.uniform_int(0, hi), rng.uniform_int(0, hi), rng.uniform_int(0, hi),
                    rng.uniform_int(0, hi)};
       },
       [](const Ops& o) { return Ops{(o[1] == o[0]) + (o[2] == o[0]) + int64_t{o[3] == o[0]}}; }},
      {"swap_memory",
       3,
       2,
       {"swap {0} and {1} using memory", "exchange the values {0} and {1} in memory",
        "swap the two memory cells holding {0} and {1}", "Use memory to swap {0} with {1}",
        "store {0} and {1} then swap them"},
       "store r1, [0]\nstore r2, [1]\nload r5, [0]\nload r6, [1]\nstore r6, [0]\nstore r5, [1]\n"
       "load r0, [0]\nout r0\nload r0, [1]\nout r0\n",
       [](Rng& rng) {
         return Ops{list_value(rng), list_value(rng)};
       },
       [](const Ops& o) {
         return Ops{o[1], o[0]};
       }},
      {"rotate_list",
       3,
       4,
       {"rotate [{0}, {1}, {2}, {3}] left by one", "shift the list {0} {1} {2} {3} left cyclically",
        "Rotate the array {0}, {1}, {2}, {3} one step left", "left rotation of {0}, {1}, {2}, {3}",
        "cyclic left shift of the array {0} {1} {2} {3}"},
       kStoreFour + "load r6, [0]\nstore r6, [4]\nmov r5, 1\nloop:\nload r0, [r5]\nout r0\n"
                    "add r5, r5, 1\ncmp r5, 4\njle loop\n",
       four_values,
       [](const Ops& o) {
         return Ops{o[1], o[2], o[3], o[0]};
       }},
      {"prefix_sums",
       3,
       4,
       {"prefix sums of [{0}, {1}, {2}, {3}]", "running total of {0}, {1}, {2}, {3}",
        "cumulative sums of the list {0} {1} {2} {3}",
        "Compute the partial sums of {0}, {1}, {2}, {3}",
        "give the running sum over the array {0} {1} {2} {3}"},
       kStoreFour +
           "mov r0, 0\nmov r5, 0\nloop:\nload r6, [r5]\nadd r0, r0, r6\nstore r0, [r5 + 8]\n"
           "out r0\nadd r5, r5, 1\ncmp r5, 4\njlt loop\n",
       four_values,
       [](const Ops& o) {
         return Ops{o[0], o[0] + o[1], o[0] + o[1] + o[2], o[0] + o[1] + o[2] + o[3]};
       }},
      {"dot_product",
       3,
       4,
       {"dot product of ({0}, {1}) and ({2}, {3})",
        "compute the inner product of [{0}, {1}] with [{2}, {3}]",
        "Multiply ({0}, {1}) by ({2}, {3}) elementwise and sum", "({0}, {1}) dot ({2}, {3})",
        "scalar product of vectors {0} {1} and {2} {3}"},
       "store r1, [0]\nstore r2, [1]\nstore r3, [4]\nstore r4, [5]\nmov r0, 0\nmov r5, 0\n"
       "loop:\nload r6, [r5]\nload r7, [r5 + 4]\nmul r6, r6, r7\nadd r0, r0, r6\n"
       "add r5, r5, 1\ncmp r5, 2\njlt loop\nout r0\n",
       [](Rng& rng) {
         auto v = [&rng] { return sample_skewed(rng, -10, 20, -999, 999); };
         return Ops{v(), v(), v(), v()};
       },
       [](const Ops& o) { return Ops{o[0] * o[2] + o[1] * o[3]}; }},
      {"count_positive",
       3,
       4,
       {"how many of {0}, {1}, {2}, {3} are positive",
        "count the positive numbers in [{0}, {1}, {2}, {3}]",
        "Number of entries above zero in the list {0} {1} {2} {3}",
        "count values greater than zero among {0}, {1}, {2}, {3}",
        "tally the positives in the array {0}, {1}, {2}, {3}"},
       kStoreFour +
           "mov r0, 0\nmov r5, 0\nloop:\nload r6, [r5]\ncmp r6, 0\njle skip\nadd r0, r0, 1\n"
           "skip:\nadd r5, r5, 1\ncmp r5, 4\njlt loop\nout r0\n",
       [](Rng& rng) {
         auto v = [&rng] { return sample_skewed(rng, -9, 9, -999, 999); };
         return Ops{v(), v(), v(), v()};
       },
       [](const Ops& o) {
         int64_t n = 0;
         for (int64_t x : o) n += x > 0;
         return Ops{n};
       }},
  };
}

}  // namespace anvil::datagen::detail
