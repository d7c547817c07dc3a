// The opcode <-> mnemonic table of the datagen register machine, checked against the Opcode enum.
#include "anvil/datagen/isa.h"

#include <array>

#include "anvil/core/ascii.h"

namespace anvil::datagen {
namespace {

constexpr OpcodeInfo kOpcodeTable[] = {
    {Opcode::kMov, "mov", OperandShape::kRegSrc},
    {Opcode::kAdd, "add", OperandShape::kRegRegSrc},
    {Opcode::kSub, "sub", OperandShape::kRegRegSrc},
    {Opcode::kMul, "mul", OperandShape::kRegRegSrc},
    {Opcode::kDiv, "div", OperandShape::kRegRegSrc},
    {Opcode::kMod, "mod", OperandShape::kRegRegSrc},
    {Opcode::kNeg, "neg", OperandShape::kRegReg},
    {Opcode::kAnd, "and", OperandShape::kRegRegSrc},
    {Opcode::kOr, "or", OperandShape::kRegRegSrc},
    {Opcode::kXor, "xor", OperandShape::kRegRegSrc},
    {Opcode::kShl, "shl", OperandShape::kRegRegSrc},
    {Opcode::kShr, "shr", OperandShape::kRegRegSrc},
    {Opcode::kNot, "not", OperandShape::kRegReg},
    {Opcode::kCmp, "cmp", OperandShape::kRegSrc},
    {Opcode::kJmp, "jmp", OperandShape::kLabel},
    {Opcode::kJe, "je", OperandShape::kLabel},
    {Opcode::kJne, "jne", OperandShape::kLabel},
    {Opcode::kJlt, "jlt", OperandShape::kLabel},
    {Opcode::kJle, "jle", OperandShape::kLabel},
    {Opcode::kJgt, "jgt", OperandShape::kLabel},
    {Opcode::kJge, "jge", OperandShape::kLabel},
    {Opcode::kLoad, "load", OperandShape::kRegMem},
    {Opcode::kStore, "store", OperandShape::kRegMem},
    {Opcode::kPush, "push", OperandShape::kSrc},
    {Opcode::kPop, "pop", OperandShape::kReg},
    {Opcode::kCall, "call", OperandShape::kLabel},
    {Opcode::kRet, "ret", OperandShape::kNone},
    {Opcode::kOut, "out", OperandShape::kSrc},
    {Opcode::kHalt, "halt", OperandShape::kNone},
};

static_assert(sizeof(kOpcodeTable) / sizeof(kOpcodeTable[0]) == static_cast<size_t>(Opcode::kCount),
              "kOpcodeTable must have one row per Opcode");

constexpr bool table_is_in_enum_order() {
  for (size_t i = 0; i < sizeof(kOpcodeTable) / sizeof(kOpcodeTable[0]); ++i) {
    if (static_cast<size_t>(kOpcodeTable[i].opcode) != i) return false;
  }
  return true;
}
static_assert(table_is_in_enum_order(), "kOpcodeTable rows must follow the Opcode enum order");

}  // namespace

const OpcodeInfo& opcode_info(Opcode op) { return kOpcodeTable[static_cast<size_t>(op)]; }

const char* opcode_mnemonic(Opcode op) { return opcode_info(op).mnemonic; }

bool opcode_from_mnemonic(std::string_view mnemonic, Opcode* out) {
  // Hot in the assembler: compare lower-cased bytes packed into one integer.
  if (mnemonic.empty() || mnemonic.size() > 5) return false;
  uint64_t key = 0;
  for (char ch : mnemonic) {
    key = (key << 8) | static_cast<unsigned char>(ascii_lower(ch));
  }
  static const auto keys = [] {
    std::array<uint64_t, static_cast<size_t>(Opcode::kCount)> k{};
    for (size_t i = 0; i < k.size(); ++i) {
      for (const char* p = kOpcodeTable[i].mnemonic; *p; ++p) {
        k[i] = (k[i] << 8) | static_cast<unsigned char>(*p);
      }
    }
    return k;
  }();
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) {
      *out = kOpcodeTable[i].opcode;
      return true;
    }
  }
  return false;
}

}  // namespace anvil::datagen
