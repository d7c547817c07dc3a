// Level 1 intents: arithmetic and moves. Bodies are straight-line code (max/min use one branch).
#include <cstdlib>

#include "datagen/intent_levels.h"

namespace anvil::datagen::detail {
namespace {

using Ops = std::vector<int64_t>;

int64_t nonzero_divisor(Rng& rng) {
  int64_t d = sample_skewed(rng, 1, 12, 1, 300);
  return rng.uniform_int(0, 4) == 0 ? -d : d;
}

int64_t small_unsigned(Rng& rng) { return sample_skewed(rng, 0, 255, 0, 65535); }

}  // namespace

std::vector<IntentSpec> level1_intents() {
  return {
      {"add",
       1,
       2,
       {"add {0} and {1}", "what is {0} plus {1}?", "Please add {0} to {1}", "calculate {0} + {1}",
        "can you add up {0} and {1}", "{0} plus {1} equals what"},
       "add r0, r1, r2\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_value(rng), sample_value(rng)};
       },
       [](const Ops& o) { return Ops{o[0] + o[1]}; }},
      {"subtract",
       1,
       2,
       {"subtract {1} from {0}", "what is {0} minus {1}", "calculate {0} - {1}",
        "Take {1} away from {0}", "please subtract {1} from {0}", "{0} minus {1} is how much"},
       "sub r0, r1, r2\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_value(rng), sample_value(rng)};
       },
       [](const Ops& o) { return Ops{o[0] - o[1]}; }},
      {"multiply",
       1,
       2,
       {"multiply {0} by {1}", "what is {0} times {1}", "calculate {0} * {1}",
        "Compute the product of {0} and {1}", "can you multiply {0} and {1}"},
       "mul r0, r1, r2\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_skewed(rng, -12, 30, -999, 999), sample_skewed(rng, -12, 30, -999, 999)};
       },
       [](const Ops& o) { return Ops{o[0] * o[1]}; }},
      {"divide",
       1,
       2,
       {"divide {0} by {1}", "what is {0} divided by {1}", "calculate {0} / {1}",
        "Integer division of {0} by {1}", "how many whole times does {1} go into {0}"},
       "div r0, r1, r2\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_value(rng), nonzero_divisor(rng)};
       },
       [](const Ops& o) { return Ops{o[0] / o[1]}; }},
      {"modulo",
       1,
       2,
       {"{0} mod {1}", "what is the remainder of {0} over {1}", "compute {0} modulo {1}",
        "calculate {0} % {1}", "Find the remainder when {0} is split into groups of {1}"},
       "mod r0, r1, r2\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_value(rng), nonzero_divisor(rng)};
       },
       [](const Ops& o) { return Ops{o[0] % o[1]}; }},
      {"negate",
       1,
       1,
       {"negate {0}", "what is the negative of {0}", "Flip the sign of {0}",
        "give me the additive inverse of {0}", "please change the sign of {0}"},
       "neg r0, r1\nout r0\n",
       [](Rng& rng) { return Ops{sample_value(rng)}; },
       [](const Ops& o) { return Ops{-o[0]}; }},
      {"absolute_value",
       1,
       1,
       {"absolute value of {0}", "what is |{0}|", "compute abs({0})", "How far is {0} from zero?",
        "give me the magnitude of {0}"},
       "; branch-free: m = x >> 63 is 0 or -1; (x ^ m) - m = |x|\n"
       "shr r2, r1, 63\nxor r0, r1, r2\nsub r0, r0, r2\nout r0\n",
       [](Rng& rng) { return Ops{sample_value(rng)}; },
       [](const Ops& o) { return Ops{std::llabs(o[0])}; }},
      {"square",
       1,
       1,
       {"square {0}", "what is {0} squared", "Calculate the square of {0}",
        "square the number {0} please", "can you give me {0} squared"},
       "mul r0, r1, r1\nout r0\n",
       [](Rng& rng) { return Ops{sample_skewed(rng, -30, 99, -3000, 3000)}; },
       [](const Ops& o) { return Ops{o[0] * o[0]}; }},
      {"double",
       1,
       1,
       {"double {0}", "what is twice {0}", "{0} doubled is what", "Please double the value {0}",
        "compute twice the number {0}"},
       "add r0, r1, r1\nout r0\n",
       [](Rng& rng) { return Ops{sample_value(rng)}; },
       [](const Ops& o) { return Ops{2 * o[0]}; }},
      {"add_three",
       1,
       3,
       {"add the three numbers {0}, {1} and {2}", "what is {0} plus {1} plus {2}",
        "Total of {0}, {1} and {2}", "sum up the three values {0}, {1}, {2}",
        "compute {0} + {1} + {2}"},
       "add r0, r1, r2\nadd r0, r0, r3\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_value(rng), sample_value(rng), sample_value(rng)};
       },
       [](const Ops& o) { return Ops{o[0] + o[1] + o[2]}; }},
      {"average_two",
       1,
       2,
       {"average of {0} and {1}", "what is the mean of {0} and {1}",
        "compute the midpoint between {0} and {1}", "Find the average of {0} and {1}",
        "give me the mean value of {0} and {1}"},
       "; (a + b) / 2, truncated toward zero\nadd r0, r1, r2\ndiv r0, r0, 2\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_value(rng), sample_value(rng)};
       },
       [](const Ops& o) { return Ops{(o[0] + o[1]) / 2}; }},
      {"max_two",
       1,
       2,
       {"max of {0} and {1}", "which is larger, {0} or {1}?", "the bigger of {0} and {1}",
        "Return the maximum of {0} and {1}", "give me the greater of {0} and {1}"},
       "mov r0, r1\ncmp r1, r2\njge done\nmov r0, r2\ndone:\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_value(rng), sample_value(rng)};
       },
       [](const Ops& o) { return Ops{o[0] > o[1] ? o[0] : o[1]}; }},
      {"min_two",
       1,
       2,
       {"min of {0} and {1}", "which is smaller, {0} or {1}?", "the lesser of {0} and {1}",
        "Return the minimum of {0} and {1}", "give me the smaller one of {0} and {1}"},
       "mov r0, r1\ncmp r1, r2\njle done\nmov r0, r2\ndone:\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_value(rng), sample_value(rng)};
       },
       [](const Ops& o) { return Ops{o[0] < o[1] ? o[0] : o[1]}; }},
      {"bitwise_and",
       1,
       2,
       {"bitwise and of {0} and {1}", "compute {0} & {1}", "{0} AND {1} bitwise",
        "what is {0} bitand {1}", "Mask {0} with {1}"},
       "and r0, r1, r2\nout r0\n",
       [](Rng& rng) {
         return Ops{small_unsigned(rng), small_unsigned(rng)};
       },
       [](const Ops& o) { return Ops{o[0] & o[1]}; }},
      {"bitwise_or",
       1,
       2,
       {"bitwise or of {0} and {1}", "compute {0} | {1}", "{0} OR {1} bitwise",
        "what is {0} bitor {1}", "Set the bits of {1} in {0}"},
       "or r0, r1, r2\nout r0\n",
       [](Rng& rng) {
         return Ops{small_unsigned(rng), small_unsigned(rng)};
       },
       [](const Ops& o) { return Ops{o[0] | o[1]}; }},
      {"bitwise_xor",
       1,
       2,
       {"bitwise xor of {0} and {1}", "compute {0} ^ {1}", "{0} XOR {1} bitwise",
        "exclusive or of {0} and {1}", "Toggle the bits {1} in {0}"},
       "xor r0, r1, r2\nout r0\n",
       [](Rng& rng) {
         return Ops{small_unsigned(rng), small_unsigned(rng)};
       },
       [](const Ops& o) { return Ops{o[0] ^ o[1]}; }},
      {"shift_left",
       1,
       2,
       {"shift {0} left by {1}", "compute {0} << {1}", "{0} shifted left {1} bits",
        "Left shift {0} by {1} places", "move the bits of {0} to the left by {1}"},
       "shl r0, r1, r2\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_skewed(rng, 0, 255, -100, 1000), rng.uniform_int(0, 20)};
       },
       [](const Ops& o) { return Ops{o[0] * (int64_t{1} << o[1])}; }},
      {"shift_right",
       1,
       2,
       {"shift {0} right by {1}", "compute {0} >> {1}", "{0} shifted right {1} bits",
        "Right shift {0} by {1} places", "move the bits of {0} to the right by {1}"},
       "shr r0, r1, r2\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_skewed(rng, 0, 255, 0, 100000), rng.uniform_int(0, 12)};
       },
       [](const Ops& o) { return Ops{o[0] / (int64_t{1} << o[1])}; }},
  };
}

}  // namespace anvil::datagen::detail
