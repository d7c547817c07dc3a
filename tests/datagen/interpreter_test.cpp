// Tests for the register-machine interpreter: the semantics of every instruction, the flags and
// branches, memory and stack bounds, and the runtime errors (which must name the source line).
#include <gtest/gtest.h>

#include <string>

#include "anvil/datagen/isa.h"

namespace anvil::datagen {
namespace {

std::vector<int64_t> outputs(const std::string& source, const RunOptions& options = {}) {
  return run(assemble(source), options).output;
}

std::string run_error(const std::string& source, const RunOptions& options = {}) {
  try {
    run(assemble(source), options);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "<no error>";
}

using V = std::vector<int64_t>;

TEST(Interpreter, MovCopiesRegistersAndImmediates) {
  EXPECT_EQ(outputs("mov r1, -42\nmov r2, r1\nout r2\nout 7"), (V{-42, 7}));
}

TEST(Interpreter, ArithmeticInstructions) {
  EXPECT_EQ(outputs("mov r1, 17\nmov r2, 5\n"
                    "add r0, r1, r2\nout r0\nsub r0, r1, r2\nout r0\nmul r0, r1, r2\nout r0\n"
                    "div r0, r1, r2\nout r0\nmod r0, r1, r2\nout r0\nneg r0, r1\nout r0\n"
                    "add r0, r1, 100\nout r0"),
            (V{22, 12, 85, 3, 2, -17, 117}));
}

TEST(Interpreter, DivAndModTruncateTowardZeroLikeC) {
  EXPECT_EQ(outputs("mov r1, -7\ndiv r0, r1, 2\nout r0\nmod r0, r1, 2\nout r0\n"
                    "mov r1, 7\ndiv r0, r1, -2\nout r0\nmod r0, r1, -2\nout r0"),
            (V{-3, -1, -3, 1}));
}

TEST(Interpreter, ResultsAtTheLimitsOfInt64AreExact) {
  EXPECT_EQ(outputs("mov r1, 9223372036854775806\nadd r0, r1, 1\nout r0\n"
                    "mov r1, -9223372036854775807\nsub r0, r1, 1\nout r0\n"
                    "mov r1, 4611686018427387904\nmul r0, r1, -2\nout r0\n"
                    "mov r1, -9223372036854775808\ndiv r0, r1, 1\nout r0\nmod r0, r1, 7\nout r0\n"
                    "mov r1, -1\nshl r0, r1, 63\nout r0\nmov r1, 1\nshl r0, r1, 62\nout r0"),
            (V{INT64_MAX, INT64_MIN, INT64_MIN, INT64_MIN, INT64_MIN % 7, INT64_MIN,
               int64_t{1} << 62}));
}

// Every instruction whose exact result leaves int64 stops the run; the message names the
// instruction, the line and both operands, so "factorial of 25" can never print a wrapped value.
TEST(Interpreter, OverflowIsAnErrorNamingInstructionAndOperands) {
  struct Case {
    const char* source;
    const char* expected;
  };
  const Case cases[] = {
      {"mov r1, 9223372036854775807\nadd r0, r1, 1",
       ":2: integer overflow: 9223372036854775807 + 1 does not fit in a 64-bit signed integer in "
       "'add' (line 2)"},
      {"mov r1, -9223372036854775808\nsub r0, r1, 1", "-9223372036854775808 - 1 does not fit"},
      {"mov r1, -9223372036854775808\nneg r0, r1", "0 - -9223372036854775808 does not fit"},
      {"mov r1, -9223372036854775808\ndiv r0, r1, -1", "-9223372036854775808 / -1 does not fit"},
      {"mov r1, -9223372036854775808\nmod r0, r1, -1", "in 'mod' (line 2)"},
      {"mov r1, -9223372036854775808\nmul r0, r1, -1", "-9223372036854775808 * -1 does not fit"},
      {"mov r1, 2432902008176640000\nmul r0, r1, 21", "2432902008176640000 * 21 does not fit"},
      // destination = lhs register: the message still shows the operands, not a wrapped value
      {"mov r0, 2432902008176640000\nmul r0, r0, 21", "2432902008176640000 * 21 does not fit"},
      {"mov r0, 9223372036854775807\nadd r0, r0, 1", "9223372036854775807 + 1 does not fit"},
      {"mov r1, 1\nshl r0, r1, 63", "1 << 63 does not fit"},
      {"mov r1, 3\nshl r0, r1, 62", "3 << 62 does not fit"},
      {"mov r1, -3\nshl r0, r1, 62", "-3 << 62 does not fit"},
  };
  for (const auto& c : cases) {
    EXPECT_NE(run_error(c.source).find(c.expected), std::string::npos)
        << c.source << " -> " << run_error(c.source);
  }
}

TEST(Interpreter, FaultKindTellsOverflowFromOtherErrors) {
  auto fault_of = [](const std::string& source) {
    try {
      run(assemble(source), RunOptions{});
    } catch (const RunError& e) {
      return e.fault();
    }
    return RunFault::kOther;
  };
  EXPECT_EQ(fault_of("mov r1, 9223372036854775807\nmul r0, r1, 2"), RunFault::kOverflow);
  EXPECT_EQ(fault_of("mov r1, 5\ndiv r0, r1, 0"), RunFault::kDivisionByZero);
  EXPECT_EQ(fault_of("mov r1, 5\nshl r0, r1, 64"), RunFault::kBadShift);
  EXPECT_EQ(fault_of("loop:\njmp loop"), RunFault::kStepLimit);
  EXPECT_EQ(fault_of("ret"), RunFault::kOther);
}

TEST(Interpreter, ShiftAmountsOutsideZeroTo63AreErrors) {
  EXPECT_NE(run_error("mov r1, 3\nshl r0, r1, 65").find("shift amount 65 outside 0..63"),
            std::string::npos);
  EXPECT_NE(run_error("mov r1, 3\nshr r0, r1, -1").find("shift amount -1 outside 0..63"),
            std::string::npos);
  EXPECT_EQ(outputs("mov r1, -9223372036854775808\nshr r0, r1, 63\nout r0"), (V{-1}));
}

TEST(Interpreter, BitwiseInstructions) {
  EXPECT_EQ(outputs("mov r1, 12\nmov r2, 10\nand r0, r1, r2\nout r0\nor r0, r1, r2\nout r0\n"
                    "xor r0, r1, r2\nout r0\nnot r0, r1\nout r0\nshl r0, r1, 3\nout r0\n"
                    "shr r0, r1, 2\nout r0\nmov r3, -16\nshr r0, r3, 2\nout r0\n"
                    "mov r3, -1\nshl r0, r3, 3\nout r0"),
            (V{8, 14, 6, -13, 96, 3, -4, -8}));
}

// For each conditional branch: (lhs, rhs, expected taken).
struct BranchCase {
  const char* mnemonic;
  int64_t lhs;
  int64_t rhs;
  bool taken;
};

TEST(Interpreter, EachConditionalBranchTakenAndNotTaken) {
  const BranchCase cases[] = {
      {"je", 3, 3, true},   {"je", 3, 4, false},
      {"jne", 3, 4, true},  {"jne", 3, 3, false},
      {"jlt", 2, 3, true},  {"jlt", 3, 3, false},
      {"jle", 3, 3, true},  {"jle", 4, 3, false},
      {"jgt", 4, 3, true},  {"jgt", 3, 3, false},
      {"jge", 3, 3, true},  {"jge", 2, 3, false},
      {"jlt", -5, 1, true}, {"jgt", INT64_MAX, INT64_MIN, true},
  };
  for (const BranchCase& c : cases) {
    const std::string source = "mov r1, " + std::to_string(c.lhs) + "\nmov r2, " +
                               std::to_string(c.rhs) + "\ncmp r1, r2\n" + c.mnemonic +
                               " yes\nout 0\nhalt\nyes:\nout 1\n";
    EXPECT_EQ(outputs(source), V{c.taken ? 1 : 0}) << c.mnemonic << " " << c.lhs << " vs " << c.rhs;
  }
}

TEST(Interpreter, CmpAcceptsAnImmediateAndJmpIsUnconditional) {
  EXPECT_EQ(outputs("mov r1, 5\ncmp r1, 5\nje a\nout 0\na:\njmp b\nout 9\nb:\nout 1"), (V{1}));
}

TEST(Interpreter, FlagsStartEqualBeforeAnyCmp) {
  EXPECT_EQ(outputs("je yes\nout 0\nhalt\nyes:\nout 1"), (V{1}));
}

TEST(Interpreter, LoadAndStoreAddressingModes) {
  EXPECT_EQ(outputs("mov r1, 10\nmov r2, 77\nstore r2, [r1 + 5]\nload r3, [15]\nout r3\n"
                    "store r1, [r1]\nload r4, [10]\nout r4\nmov r5, 20\nload r6, [r5 - 5]\n"
                    "out r6"),
            (V{77, 10, 77}));
}

TEST(Interpreter, MemoryStartsZeroedAndIsBoundsChecked) {
  EXPECT_EQ(outputs("load r0, [255]\nout r0"), (V{0}));
  EXPECT_NE(run_error("out 1\nload r0, [256]").find(":2: memory address 256 out of bounds"),
            std::string::npos);
  EXPECT_NE(run_error("mov r1, -1\nstore r1, [r1]").find("memory address -1 out of bounds"),
            std::string::npos);
  RunOptions small;
  small.memory_words = 4;
  EXPECT_NE(run_error("store r1, [4]", small).find("out of bounds [0, 4)"), std::string::npos);
}

TEST(Interpreter, DivisionByZeroNamesTheLine) {
  const std::string message = run_error("mov r1, 3\nmov r2, 0\ndiv r0, r1, r2\nout r0");
  EXPECT_NE(message.find("<program>:3: division by zero"), std::string::npos) << message;
  EXPECT_NE(message.find("line 3"), std::string::npos) << message;
  EXPECT_NE(run_error("mod r0, r1, 0").find("division by zero"), std::string::npos);
}

TEST(Interpreter, StepLimitStopsAnInfiniteLoop) {
  RunOptions options;
  options.max_steps = 1000;
  const std::string message = run_error("loop:\njmp loop", options);
  EXPECT_NE(message.find("step limit of 1000 exceeded"), std::string::npos) << message;
  EXPECT_EQ(run(assemble("out 1\nout 2"), options).steps, 2);
}

TEST(Interpreter, PushPopIsLastInFirstOut) {
  EXPECT_EQ(outputs("push 1\npush r1\nmov r1, 3\npush r1\npop r2\nout r2\npop r2\nout r2\n"
                    "pop r2\nout r2"),
            (V{3, 0, 1}));
}

TEST(Interpreter, StackOverflowAndUnderflowAreErrors) {
  RunOptions options;
  options.stack_words = 2;
  EXPECT_NE(run_error("push 1\npush 2\npush 3", options).find(":3: stack overflow"),
            std::string::npos);
  EXPECT_NE(run_error("push 1\npop r1\npop r1").find(":3: stack underflow"), std::string::npos);
}

TEST(Interpreter, CallAndRetReturnToTheNextInstruction) {
  EXPECT_EQ(outputs("mov r1, 4\ncall square\nout r0\ncall square\nout r0\nhalt\n"
                    "square:\nmul r0, r1, r1\nmov r1, r0\nret"),
            (V{16, 256}));
}

TEST(Interpreter, DeepRecursionOverflowsTheCallStack) {
  RunOptions options;
  options.max_call_depth = 50;
  EXPECT_NE(run_error("f:\ncall f", options).find("call stack overflow (depth 50)"),
            std::string::npos);
  EXPECT_NE(run_error("ret").find("return with an empty call stack"), std::string::npos);
}

TEST(Interpreter, HaltStopsAndFallingOffTheEndHalts) {
  const RunResult result = run(assemble("mov r7, 9\nout 1\nhalt\nout 2"));
  EXPECT_EQ(result.output, (V{1}));
  EXPECT_EQ(result.registers[7], 9);
  EXPECT_EQ(result.steps, 3);
  EXPECT_TRUE(run(assemble("")).output.empty());
}

TEST(Interpreter, ErrorsCarryTheProgramOrigin) {
  try {
    run(assemble("\n\nmod r0, r1, 0", "lib/math/x.nl"));
    FAIL() << "expected an error";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("lib/math/x.nl:3:"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace anvil::datagen
