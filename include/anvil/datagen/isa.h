// The register machine that datagen programs run on: its instruction set, the assembled program
// form, the assembler (text -> Program) and the interpreter (Program -> output values).
//
// Machine model:
//   - 8 registers r0..r7 holding int64; arithmetic whose exact result does not fit in int64 is
//     an error (RunError, RunFault::kOverflow), never a wrapped value.
//   - a flags value set only by `cmp` (the sign of lhs - rhs, compared without overflow); the
//     conditional branches read it. Before any `cmp` the flags say "equal".
//   - a word-addressed memory of int64 (RunOptions::memory_words, zero-initialised,
//   bounds-checked).
//   - a data stack for push/pop and a separate call stack for call/ret, both bounded.
//   - an output list that `out` appends to. Running past the last instruction halts.
//
// Syntax (one instruction per line; mnemonics and register names are case-insensitive):
//   label:  mov r1, 5   ; comment
//   add rd, ra, rb|imm    load rd, [ra + imm] | [ra - imm] | [ra] | [imm]
// See assembler.cpp for the grammar and interpreter.cpp for the exact semantics.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "anvil/core/error.h"

namespace anvil::datagen {

constexpr int kNumRegisters = 8;

enum class Opcode : uint8_t {
  kMov,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kNeg,
  kAnd,
  kOr,
  kXor,
  kShl,
  kShr,
  kNot,
  kCmp,
  kJmp,
  kJe,
  kJne,
  kJlt,
  kJle,
  kJgt,
  kJge,
  kLoad,
  kStore,
  kPush,
  kPop,
  kCall,
  kRet,
  kOut,
  kHalt,
  kCount,  // number of opcodes; not an instruction
};

// The operands an opcode takes. "src" is a register or an immediate; "mem" is a memory reference.
enum class OperandShape : uint8_t {
  kNone,       // ret, halt
  kReg,        // pop rd
  kSrc,        // push/out rs|imm
  kRegSrc,     // mov rd, rs|imm ; cmp ra, rb|imm
  kRegReg,     // neg/not rd, ra
  kRegRegSrc,  // add rd, ra, rb|imm
  kRegMem,     // load rd, [..] ; store rs, [..]
  kLabel,      // jmp/jcc/call label
};

struct OpcodeInfo {
  Opcode opcode;
  const char* mnemonic;  // lower case
  OperandShape shape;
};

// The opcode table (indexed by Opcode). Checked against Opcode::kCount in isa.cpp.
const OpcodeInfo& opcode_info(Opcode op);
const char* opcode_mnemonic(Opcode op);
// Case-insensitive lookup; returns false if `mnemonic` names no instruction.
bool opcode_from_mnemonic(std::string_view mnemonic, Opcode* out);

// One assembled instruction. Field use depends on the opcode's shape:
//   a: destination register (or the register read by cmp / store / the value of push and out)
//   b: second register (arithmetic lhs, neg/not source, memory base)
//   c / imm / c_is_imm: the "src" operand: register c, or the immediate when c_is_imm
//   has_base + b + imm: memory reference [rb + imm] (has_base false: [imm])
//   target: instruction index of a branch / call target
struct Instruction {
  Opcode op = Opcode::kHalt;
  uint8_t a = 0;
  uint8_t b = 0;
  uint8_t c = 0;
  bool c_is_imm = false;
  bool has_base = false;
  int64_t imm = 0;
  int32_t target = -1;
  int32_t line = 0;  // 1-based source line, for error messages
};

struct Program {
  std::string origin;  // file name or "<program>", prefixed to every error
  std::vector<Instruction> code;
};

// Assembles `source`. Throws anvil::Error "origin:LINE: <problem> (line LINE: '<text>')" for
// unknown instructions, bad registers or immediates, wrong operand counts, undefined or duplicate
// labels.
Program assemble(std::string_view source, const std::string& origin = "<program>");

struct RunOptions {
  int64_t max_steps = 1'000'000;  // instructions executed before the run is abandoned
  size_t memory_words = 256;      // size of the data memory, in int64 words
  size_t stack_words = 256;       // capacity of the push/pop data stack
  size_t max_call_depth = 1024;   // nested calls before "call stack overflow"
};

struct RunResult {
  std::vector<int64_t> output;                     // values appended by `out`, in order
  std::array<int64_t, kNumRegisters> registers{};  // final register values
  int64_t steps = 0;                               // instructions executed
};

// Why a run stopped with an error, for callers that answer differently ("that overflows").
enum class RunFault { kOverflow, kDivisionByZero, kBadShift, kStepLimit, kOther };

class RunError : public Error {
 public:
  RunError(std::string message, RunFault fault) : Error(std::move(message)), fault_(fault) {}
  RunFault fault() const { return fault_; }

 private:
  RunFault fault_;
};

// Runs `program` from its first instruction. Throws RunError "origin:LINE: <problem> in 'op'
// (line LINE)" on integer overflow (naming the operands), division by zero, a shift amount
// outside 0..63, out-of-bounds memory, stack over/underflow, `ret` with an empty call stack and
// when max_steps is exceeded (so a looping program never hangs).
RunResult run(const Program& program, const RunOptions& options = {});

}  // namespace anvil::datagen
