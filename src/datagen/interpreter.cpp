// Interpreter for the datagen register machine: runs an assembled Program to completion.
//
// Semantics worth knowing (everything else is the obvious one):
//   - add/sub/mul/neg/shl whose exact result does not fit in int64 stop the run with an
//     "integer overflow" RunError naming the instruction and its operands: a result is never a
//     wrapped value. shl by k is multiplication by 2^k (so -1 << 3 = -8 is fine).
//   - div/mod truncate toward zero like C; the remainder has the sign of the dividend; division
//     by zero is an error, and so is INT64_MIN / -1 (its quotient 2^63 does not fit).
//   - shift amounts outside 0..63 are an error; shr is arithmetic (sign-extending).
//   - cmp a, b records the sign of a - b (computed without overflow); jlt jumps if a < b, etc.
#include <string>

#include "anvil/core/error.h"
#include "anvil/datagen/isa.h"

namespace anvil::datagen {
namespace {

[[noreturn]] void runtime_fail(const Program& program, const Instruction& ins,
                               const std::string& what, RunFault fault = RunFault::kOther) {
  throw RunError(program.origin + ":" + std::to_string(ins.line) + ": " + what + " in '" +
                     opcode_mnemonic(ins.op) + "' (line " + std::to_string(ins.line) + ")",
                 fault);
}

int64_t wrap(uint64_t v) { return static_cast<int64_t>(v); }
uint64_t u(int64_t v) { return static_cast<uint64_t>(v); }

[[noreturn]] void overflow(const Program& program, const Instruction& ins, int64_t lhs,
                           const char* op, int64_t rhs) {
  runtime_fail(program, ins,
               "integer overflow: " + std::to_string(lhs) + " " + op + " " + std::to_string(rhs) +
                   " does not fit in a 64-bit signed integer",
               RunFault::kOverflow);
}

// lhs << amount as multiplication by 2^amount, checked.
int64_t shift_left(const Program& program, const Instruction& ins, int64_t lhs, int64_t amount) {
  const int64_t shifted = wrap(u(lhs) << amount);
  if ((shifted >> amount) != lhs) overflow(program, ins, lhs, "<<", amount);
  return shifted;
}

void check_shift_amount(const Program& program, const Instruction& ins, int64_t amount) {
  if (amount < 0 || amount > 63)
    runtime_fail(program, ins, "shift amount " + std::to_string(amount) + " outside 0..63",
                 RunFault::kBadShift);
}

size_t memory_address(const Program& program, const Instruction& ins, const int64_t* regs,
                      size_t memory_words) {
  const int64_t address = ins.has_base ? wrap(u(regs[ins.b]) + u(ins.imm)) : ins.imm;
  if (address < 0 || static_cast<uint64_t>(address) >= memory_words) {
    runtime_fail(program, ins,
                 "memory address " + std::to_string(address) + " out of bounds [0, " +
                     std::to_string(memory_words) + ")");
  }
  return static_cast<size_t>(address);
}

}  // namespace

RunResult run(const Program& program, const RunOptions& options) {
  RunResult result;
  int64_t* regs = result.registers.data();
  std::vector<int64_t> memory(options.memory_words, 0);
  std::vector<int64_t> stack;
  std::vector<int32_t> calls;
  int flags = 0;  // sign of (lhs - rhs) of the last cmp

  const Instruction* code = program.code.data();
  const int64_t size = static_cast<int64_t>(program.code.size());
  int64_t pc = 0;
  int64_t steps = 0;
  while (pc >= 0 && pc < size) {
    const Instruction& ins = code[pc];
    if (steps >= options.max_steps) {
      runtime_fail(
          program, ins,
          "step limit of " + std::to_string(options.max_steps) + " exceeded (infinite loop?)",
          RunFault::kStepLimit);
    }
    ++steps;
    ++pc;
    const int64_t src = ins.c_is_imm ? ins.imm : regs[ins.c];
    switch (ins.op) {
      case Opcode::kMov:
        regs[ins.a] = src;
        break;
      case Opcode::kAdd: {
        int64_t result;  // not written to the destination first: it may be the lhs register
        if (__builtin_add_overflow(regs[ins.b], src, &result))
          overflow(program, ins, regs[ins.b], "+", src);
        regs[ins.a] = result;
        break;
      }
      case Opcode::kSub: {
        int64_t result;  // not written to the destination first: it may be the lhs register
        if (__builtin_sub_overflow(regs[ins.b], src, &result))
          overflow(program, ins, regs[ins.b], "-", src);
        regs[ins.a] = result;
        break;
      }
      case Opcode::kMul: {
        int64_t result;  // not written to the destination first: it may be the lhs register
        if (__builtin_mul_overflow(regs[ins.b], src, &result))
          overflow(program, ins, regs[ins.b], "*", src);
        regs[ins.a] = result;
        break;
      }
      case Opcode::kDiv:
      case Opcode::kMod: {
        const int64_t lhs = regs[ins.b];
        if (src == 0)
          runtime_fail(program, ins, "division by zero: " + std::to_string(lhs) + " / 0",
                       RunFault::kDivisionByZero);
        if (lhs == INT64_MIN && src == -1) overflow(program, ins, lhs, "/", src);
        regs[ins.a] = ins.op == Opcode::kDiv ? lhs / src : lhs % src;
        break;
      }
      case Opcode::kNeg:
        if (regs[ins.b] == INT64_MIN) overflow(program, ins, 0, "-", regs[ins.b]);
        regs[ins.a] = -regs[ins.b];
        break;
      case Opcode::kAnd:
        regs[ins.a] = regs[ins.b] & src;
        break;
      case Opcode::kOr:
        regs[ins.a] = regs[ins.b] | src;
        break;
      case Opcode::kXor:
        regs[ins.a] = regs[ins.b] ^ src;
        break;
      case Opcode::kShl:
        check_shift_amount(program, ins, src);
        regs[ins.a] = shift_left(program, ins, regs[ins.b], src);
        break;
      case Opcode::kShr:
        check_shift_amount(program, ins, src);
        regs[ins.a] = regs[ins.b] >> src;
        break;
      case Opcode::kNot:
        regs[ins.a] = ~regs[ins.b];
        break;
      case Opcode::kCmp: {
        const int64_t lhs = regs[ins.a];
        flags = lhs < src ? -1 : (lhs > src ? 1 : 0);
        break;
      }
      case Opcode::kJmp:
        pc = ins.target;
        break;
      case Opcode::kJe:
        if (flags == 0) pc = ins.target;
        break;
      case Opcode::kJne:
        if (flags != 0) pc = ins.target;
        break;
      case Opcode::kJlt:
        if (flags < 0) pc = ins.target;
        break;
      case Opcode::kJle:
        if (flags <= 0) pc = ins.target;
        break;
      case Opcode::kJgt:
        if (flags > 0) pc = ins.target;
        break;
      case Opcode::kJge:
        if (flags >= 0) pc = ins.target;
        break;
      case Opcode::kLoad:
        regs[ins.a] = memory[memory_address(program, ins, regs, memory.size())];
        break;
      case Opcode::kStore:
        memory[memory_address(program, ins, regs, memory.size())] = regs[ins.a];
        break;
      case Opcode::kPush:
        if (stack.size() >= options.stack_words) {
          runtime_fail(
              program, ins,
              "stack overflow (capacity " + std::to_string(options.stack_words) + " words)");
        }
        stack.push_back(src);
        break;
      case Opcode::kPop:
        if (stack.empty()) runtime_fail(program, ins, "stack underflow (pop from empty stack)");
        regs[ins.a] = stack.back();
        stack.pop_back();
        break;
      case Opcode::kCall:
        if (calls.size() >= options.max_call_depth) {
          runtime_fail(
              program, ins,
              "call stack overflow (depth " + std::to_string(options.max_call_depth) + ")");
        }
        calls.push_back(static_cast<int32_t>(pc));
        pc = ins.target;
        break;
      case Opcode::kRet:
        if (calls.empty()) runtime_fail(program, ins, "return with an empty call stack");
        pc = calls.back();
        calls.pop_back();
        break;
      case Opcode::kOut:
        result.output.push_back(src);
        break;
      case Opcode::kHalt:
        pc = size;
        break;
      case Opcode::kCount:
        runtime_fail(program, ins, "invalid opcode");
    }
  }
  result.steps = steps;
  return result;
}

}  // namespace anvil::datagen
