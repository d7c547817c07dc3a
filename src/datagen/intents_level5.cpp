// Level 5 intents: classic small algorithms (number theory, digit manipulation, sorting, search).
#include <algorithm>
#include <cstdlib>

#include "datagen/intent_levels.h"

namespace anvil::datagen::detail {
namespace {

using Ops = std::vector<int64_t>;

bool is_prime(int64_t n) {
  if (n < 2) return false;
  for (int64_t d = 2; d * d <= n; ++d) {
    if (n % d == 0) return false;
  }
  return true;
}

int64_t gcd(int64_t a, int64_t b) { return b == 0 ? a : gcd(b, a % b); }

int64_t reversed_digits(int64_t n) {
  int64_t r = 0;
  for (; n > 0; n /= 10) r = r * 10 + n % 10;
  return r;
}

int64_t isqrt(int64_t n) {
  int64_t r = 0;
  while ((r + 1) * (r + 1) <= n) ++r;
  return r;
}

// A number whose decimal digits read the same both ways, 1..5 digits.
int64_t sample_palindrome(Rng& rng) {
  const int64_t half = rng.uniform_int(1, 999);
  const bool odd = rng.bernoulli(0.5);
  int64_t n = half;
  for (int64_t m = odd ? half / 10 : half; m > 0; m /= 10) n = n * 10 + m % 10;
  return n;
}

const char* const kStoreThreeFromR2 = "store r2, [0]\nstore r3, [1]\nstore r4, [2]\n";

}  // namespace

std::vector<IntentSpec> level5_intents() {
  return {
      {"factorial",
       5,
       1,
       {"compute factorial of {0}", "what is {0}!", "calculate {0} factorial",
        "Give me the factorial of {0}", "find {0}! please"},
       "mov r0, 1\nloop:\ncmp r1, 1\njle done\nmul r0, r0, r1\nsub r1, r1, 1\njmp loop\n"
       "done:\nout r0\n",
       [](Rng& rng) { return Ops{rng.uniform_int(0, 12)}; },
       [](const Ops& o) {
         int64_t f = 1;
         for (int64_t i = 2; i <= o[0]; ++i) f *= i;
         return Ops{f};
       }},
      {"fibonacci",
       5,
       1,
       {"fibonacci number {0}", "what is the {0}th fibonacci number", "compute fib({0})",
        "Give me fibonacci of {0}", "find the fibonacci term at index {0}"},
       "mov r0, 0\nmov r2, 1\nloop:\ncmp r1, 0\njle done\nadd r3, r0, r2\nmov r0, r2\n"
       "mov r2, r3\nsub r1, r1, 1\njmp loop\ndone:\nout r0\n",
       [](Rng& rng) { return Ops{sample_skewed(rng, 0, 30, 0, 60)}; },
       [](const Ops& o) {
         int64_t a = 0, b = 1;
         for (int64_t i = 0; i < o[0]; ++i) {
           const int64_t c = a + b;
           a = b;
           b = c;
         }
         return Ops{a};
       }},
      {"gcd",
       5,
       2,
       {"gcd of {0} and {1}", "greatest common divisor of {0} and {1}",
        "what is the highest common factor of {0} and {1}?", "compute gcd({0}, {1})",
        "Find the largest number dividing both {0} and {1}"},
       "loop:\ncmp r2, 0\nje done\nmod r3, r1, r2\nmov r1, r2\nmov r2, r3\njmp loop\n"
       "done:\nout r1\n",
       [](Rng& rng) {
         const int64_t g = sample_skewed(rng, 1, 12, 1, 100);
         return Ops{g * sample_skewed(rng, 1, 30, 1, 300), g * sample_skewed(rng, 1, 30, 1, 300)};
       },
       [](const Ops& o) { return Ops{gcd(o[0], o[1])}; }},
      {"lcm",
       5,
       2,
       {"lcm of {0} and {1}", "least common multiple of {0} and {1}",
        "smallest number that both {0} and {1} divide", "compute lcm({0}, {1})",
        "What is the lowest common multiple of {0} and {1}"},
       "mov r5, r1\nmov r6, r2\nloop:\ncmp r6, 0\nje done\nmod r3, r5, r6\nmov r5, r6\n"
       "mov r6, r3\njmp loop\ndone:\n; lcm = a / gcd * b\ndiv r0, r1, r5\nmul r0, r0, r2\nout r0\n",
       [](Rng& rng) {
         return Ops{sample_skewed(rng, 1, 30, 1, 1000), sample_skewed(rng, 1, 30, 1, 1000)};
       },
       [](const Ops& o) { return Ops{o[0] / gcd(o[0], o[1]) * o[1]}; }},
      {"power",
       5,
       2,
       {"{0} to the power of {1}", "compute {0}^{1}", "what is {0} raised to {1}",
        "exponentiate {0} by {1}", "Calculate pow({0}, {1})"},
       "mov r0, 1\nloop:\ncmp r2, 0\njle done\nmul r0, r0, r1\nsub r2, r2, 1\njmp loop\n"
       "done:\nout r0\n",
       [](Rng& rng) {
         return Ops{rng.uniform_int(-10, 10), rng.uniform_int(0, 12)};
       },
       [](const Ops& o) {
         int64_t r = 1;
         for (int64_t i = 0; i < o[1]; ++i) r *= o[0];
         return Ops{r};
       }},
      {"is_prime",
       5,
       1,
       {"is {0} prime", "check if {0} is a prime number", "primality test for {0}",
        "Is {0} a prime?", "tell me whether {0} is prime"},
       "mov r0, 0\ncmp r1, 2\njlt done\nmov r2, 2\nloop:\nmul r3, r2, r2\ncmp r3, r1\n"
       "jgt prime\nmod r4, r1, r2\ncmp r4, 0\nje done\nadd r2, r2, 1\njmp loop\n"
       "prime:\nmov r0, 1\ndone:\nout r0\n",
       [](Rng& rng) {
         int64_t n = sample_skewed(rng, 0, 200, 0, 100000);
         if (rng.bernoulli(0.4)) {
           while (!is_prime(n)) n = sample_skewed(rng, 0, 200, 0, 100000);
         }
         return Ops{n};
       },
       [](const Ops& o) { return Ops{is_prime(o[0]) ? 1 : 0}; }},
      {"sum_range",
       5,
       2,
       {"sum of the integers from {0} to {1}", "add every number between {0} and {1} inclusive",
        "sum the range {0} to {1}", "What is the total of all integers from {0} through {1}?",
        "compute the sum over the range [{0}, {1}]"},
       "mov r0, 0\nloop:\ncmp r1, r2\njgt done\nadd r0, r0, r1\nadd r1, r1, 1\njmp loop\n"
       "done:\nout r0\n",
       [](Rng& rng) {
         const int64_t a = sample_skewed(rng, 0, 20, -50, 500);
         return Ops{a, a + sample_skewed(rng, 0, 20, 0, 200)};
       },
       [](const Ops& o) {
         int64_t s = 0;
         for (int64_t i = o[0]; i <= o[1]; ++i) s += i;
         return Ops{s};
       }},
      {"digit_sum",
       5,
       1,
       {"digit sum of {0}", "sum of the digits of {0}", "add up the digits in {0}",
        "What do the digits of {0} add up to?", "compute the sum of digits of {0}"},
       "mov r0, 0\ncmp r1, 0\njge loop\nneg r1, r1\nloop:\ncmp r1, 0\nje done\nmod r2, r1, 10\n"
       "add r0, r0, r2\ndiv r1, r1, 10\njmp loop\ndone:\nout r0\n",
       [](Rng& rng) { return Ops{sample_skewed(rng, 0, 99999, -999999, 999999999)}; },
       [](const Ops& o) {
         int64_t s = 0;
         for (int64_t n = std::llabs(o[0]); n > 0; n /= 10) s += n % 10;
         return Ops{s};
       }},
      {"sort_four",
       5,
       4,
       {"sort {0}, {1}, {2}, {3}", "sort the numbers {0} {1} {2} {3} in ascending order",
        "put {0}, {1}, {2}, {3} in increasing order",
        "Arrange [{0}, {1}, {2}, {3}] from smallest to largest",
        "order the values {0}, {1}, {2}, {3} ascending"},
       "store r1, [0]\nstore r2, [1]\nstore r3, [2]\nstore r4, [3]\n; bubble sort, three passes\n"
       "mov r5, 0\nouter:\nmov r6, 0\ninner:\nload r1, [r6]\nload r2, [r6 + 1]\ncmp r1, r2\n"
       "jle noswap\nstore r2, [r6]\nstore r1, [r6 + 1]\nnoswap:\nadd r6, r6, 1\ncmp r6, 3\n"
       "jlt inner\nadd r5, r5, 1\ncmp r5, 3\njlt outer\nmov r6, 0\nprint:\nload r0, [r6]\n"
       "out r0\nadd r6, r6, 1\ncmp r6, 4\njlt print\n",
       [](Rng& rng) {
         auto v = [&rng] { return sample_skewed(rng, -20, 99, -999, 9999); };
         return Ops{v(), v(), v(), v()};
       },
       [](const Ops& o) {
         Ops s = o;
         std::sort(s.begin(), s.end());
         return s;
       }},
      {"linear_search",
       5,
       4,
       {"find the index of {0} in [{1}, {2}, {3}]", "search for {0} in the list {1} {2} {3}",
        "where is {0} in {1}, {2}, {3}?", "position of {0} among [{1}, {2}, {3}]",
        "Locate {0} in the array {1}, {2}, {3}"},
       std::string(kStoreThreeFromR2) +
           "mov r0, 0\nloop:\nload r6, [r0]\ncmp r6, r1\nje found\nadd r0, r0, 1\ncmp r0, 3\n"
           "jlt loop\nmov r0, -1\nfound:\nout r0\n",
       [](Rng& rng) {
         const int64_t hi = rng.bernoulli(0.7) ? 9 : 999;
         Ops o{0, rng.uniform_int(0, hi), rng.uniform_int(0, hi), rng.uniform_int(0, hi)};
         o[0] = rng.bernoulli(0.6) ? o[static_cast<size_t>(rng.uniform_int(1, 3))]
                                   : rng.uniform_int(0, hi);
         return o;
       },
       [](const Ops& o) {
         for (int64_t i = 0; i < 3; ++i) {
           if (o[static_cast<size_t>(i + 1)] == o[0]) return Ops{i};
         }
         return Ops{-1};
       }},
      {"binary_search",
       5,
       4,
       {"binary search for {0} in the sorted list [{1}, {2}, {3}]",
        "where would {0} be inserted in the sorted list {1} {2} {3}",
        "lower bound of {0} in sorted [{1}, {2}, {3}]",
        "Insertion point of {0} among the ascending values {1}, {2}, {3}",
        "how many of the sorted values {1}, {2}, {3} are smaller than {0}"},
       std::string(kStoreThreeFromR2) +
           "mov r5, 0\nmov r6, 3\nloop:\ncmp r5, r6\njge done\nadd r7, r5, r6\ndiv r7, r7, 2\n"
           "load r0, [r7]\ncmp r0, r1\njge go_left\nadd r5, r7, 1\njmp loop\ngo_left:\n"
           "mov r6, r7\njmp loop\ndone:\nout r5\n",
       [](Rng& rng) {
         Ops v{sample_value(rng), sample_value(rng), sample_value(rng)};
         std::sort(v.begin(), v.end());
         const int64_t target =
             rng.bernoulli(0.3) ? v[static_cast<size_t>(rng.uniform_int(0, 2))] : sample_value(rng);
         return Ops{target, v[0], v[1], v[2]};
       },
       [](const Ops& o) {
         return Ops{static_cast<int64_t>(std::lower_bound(o.begin() + 1, o.end(), o[0]) -
                                         (o.begin() + 1))};
       }},
      {"isqrt",
       5,
       1,
       {"integer square root of {0}", "floor of the square root of {0}", "compute isqrt({0})",
        "What is the whole-number square root of {0}?",
        "largest integer whose square is at most {0}"},
       "; binary search for the largest r with r * r <= n in [lo, hi)\nmov r2, 0\nadd r3, r1, 1\n"
       "loop:\nsub r4, r3, r2\ncmp r4, 1\njle done\nadd r5, r2, r3\ndiv r5, r5, 2\n"
       "mul r6, r5, r5\ncmp r6, r1\njgt too_big\nmov r2, r5\njmp loop\ntoo_big:\nmov r3, r5\n"
       "jmp loop\ndone:\nout r2\n",
       [](Rng& rng) { return Ops{sample_skewed(rng, 0, 1000, 0, 100000000)}; },
       [](const Ops& o) { return Ops{isqrt(o[0])}; }},
      {"collatz_steps",
       5,
       1,
       {"how many collatz steps does {0} take", "collatz steps for {0}",
        "number of steps for {0} to reach one in the collatz sequence",
        "Compute the collatz stopping time of {0}",
        "run the three n plus one process on {0} and count the steps"},
       "mov r0, 0\nloop:\ncmp r1, 1\njle done\nadd r0, r0, 1\nand r2, r1, 1\ncmp r2, 0\nje even\n"
       "mul r1, r1, 3\nadd r1, r1, 1\njmp loop\neven:\nshr r1, r1, 1\njmp loop\ndone:\nout r0\n",
       [](Rng& rng) { return Ops{sample_skewed(rng, 1, 100, 1, 10000)}; },
       [](const Ops& o) {
         int64_t steps = 0;
         for (int64_t n = o[0]; n > 1; ++steps) n = n % 2 == 0 ? n / 2 : 3 * n + 1;
         return Ops{steps};
       }},
      {"reverse_digits",
       5,
       1,
       {"reverse the digits of {0}", "write {0} backwards digit by digit", "digit reversal of {0}",
        "Mirror the digits of {0}", "what is {0} with its digits reversed"},
       "mov r0, 0\nloop:\ncmp r1, 0\nje done\nmod r2, r1, 10\nmul r0, r0, 10\nadd r0, r0, r2\n"
       "div r1, r1, 10\njmp loop\ndone:\nout r0\n",
       [](Rng& rng) { return Ops{sample_skewed(rng, 0, 99999, 0, 999999999)}; },
       [](const Ops& o) { return Ops{reversed_digits(o[0])}; }},
      {"is_palindrome",
       5,
       1,
       {"is {0} a palindrome", "does {0} read the same forwards and backwards?",
        "check whether {0} is a palindromic number", "Palindrome test for {0}",
        "tell me if the digits of {0} form a palindrome"},
       "mov r3, r1\nmov r4, 0\nloop:\ncmp r1, 0\nje check\nmod r2, r1, 10\nmul r4, r4, 10\n"
       "add r4, r4, r2\ndiv r1, r1, 10\njmp loop\ncheck:\nmov r0, 0\ncmp r3, r4\njne done\n"
       "mov r0, 1\ndone:\nout r0\n",
       [](Rng& rng) {
         return Ops{rng.bernoulli(0.5) ? sample_palindrome(rng) : rng.uniform_int(0, 99999)};
       },
       [](const Ops& o) { return Ops{reversed_digits(o[0]) == o[0] ? 1 : 0}; }},
      {"count_divisors",
       5,
       1,
       {"how many divisors does {0} have", "count the divisors of {0}", "number of factors of {0}",
        "Divisor count of {0}", "in how many ways does a positive whole number divide {0}"},
       "mov r0, 0\nmov r2, 1\nloop:\ncmp r2, r1\njgt done\nmod r3, r1, r2\ncmp r3, 0\njne skip\n"
       "add r0, r0, 1\nskip:\nadd r2, r2, 1\njmp loop\ndone:\nout r0\n",
       [](Rng& rng) { return Ops{sample_skewed(rng, 1, 200, 1, 2000)}; },
       [](const Ops& o) {
         int64_t n = 0;
         for (int64_t d = 1; d <= o[0]; ++d) n += o[0] % d == 0;
         return Ops{n};
       }},
      {"popcount",
       5,
       1,
       {"how many one bits are in {0}", "popcount of {0}", "count the set bits of {0}",
        "Number of ones in the binary form of {0}", "hamming weight of {0}"},
       "mov r0, 0\nloop:\ncmp r1, 0\nje done\nand r2, r1, 1\nadd r0, r0, r2\nshr r1, r1, 1\n"
       "jmp loop\ndone:\nout r0\n",
       [](Rng& rng) { return Ops{sample_skewed(rng, 0, 1023, 0, 2147483647)}; },
       [](const Ops& o) {
         int64_t n = 0;
         for (uint64_t v = static_cast<uint64_t>(o[0]); v != 0; v >>= 1) n += v & 1;
         return Ops{n};
       }},
  };
}

}  // namespace anvil::datagen::detail
