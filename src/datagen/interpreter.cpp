// Interpreter for the datagen register machine: runs an assembled Program to completion.
//
// Semantics worth knowing (everything else is the obvious one):
//   - add/sub/mul/neg/shl wrap modulo 2^64 (computed in uint64, never signed overflow UB).
//   - div/mod truncate toward zero like C; the remainder has the sign of the dividend; division
//     by zero is an error; INT64_MIN / -1 wraps to INT64_MIN (remainder 0).
//   - shl/shr use the low 6 bits of the amount; shr is arithmetic (sign-extending).
//   - cmp a, b records the sign of a - b (computed without overflow); jlt jumps if a < b, etc.
#include <string>

#include "anvil/core/error.h"
#include "anvil/datagen/isa.h"

namespace anvil::datagen {
namespace {

[[noreturn]] void runtime_fail(const Program& program, const Instruction& ins,
                               const std::string& what) {
  throw Error(program.origin + ":" + std::to_string(ins.line) + ": " + what + " in '" +
              opcode_mnemonic(ins.op) + "' (line " + std::to_string(ins.line) + ")");
}

int64_t wrap(uint64_t v) { return static_cast<int64_t>(v); }
uint64_t u(int64_t v) { return static_cast<uint64_t>(v); }

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
          "step limit of " + std::to_string(options.max_steps) + " exceeded (infinite loop?)");
    }
    ++steps;
    ++pc;
    const int64_t src = ins.c_is_imm ? ins.imm : regs[ins.c];
    switch (ins.op) {
      case Opcode::kMov:
        regs[ins.a] = src;
        break;
      case Opcode::kAdd:
        regs[ins.a] = wrap(u(regs[ins.b]) + u(src));
        break;
      case Opcode::kSub:
        regs[ins.a] = wrap(u(regs[ins.b]) - u(src));
        break;
      case Opcode::kMul:
        regs[ins.a] = wrap(u(regs[ins.b]) * u(src));
        break;
      case Opcode::kDiv:
      case Opcode::kMod: {
        if (src == 0) runtime_fail(program, ins, "division by zero");
        const int64_t lhs = regs[ins.b];
        const bool overflow = lhs == INT64_MIN && src == -1;
        if (ins.op == Opcode::kDiv) {
          regs[ins.a] = overflow ? INT64_MIN : lhs / src;
        } else {
          regs[ins.a] = overflow ? 0 : lhs % src;
        }
        break;
      }
      case Opcode::kNeg:
        regs[ins.a] = wrap(0 - u(regs[ins.b]));
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
        regs[ins.a] = wrap(u(regs[ins.b]) << (u(src) & 63));
        break;
      case Opcode::kShr:
        regs[ins.a] = regs[ins.b] >> (u(src) & 63);
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
