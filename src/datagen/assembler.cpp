// Assembler for the datagen register machine: source text -> Program.
//
// Grammar, per line (everything after ';' is a comment):
//   line     := { label ':' } [ mnemonic [ operand { ',' operand } ] ]
//   operand  := register | immediate | '[' memref ']' | label
//   register := 'r' digit0-7 (case-insensitive)      immediate := ['+'|'-'] digits (int64)
//   memref   := register | immediate | register ('+'|'-') immediate
// Labels are case-sensitive identifiers; they may be referenced before they are defined.
// Hand-written (no regex): the data generator assembles every record it writes.
#include <algorithm>
#include <string>
#include <utility>

#include "anvil/core/error.h"
#include "anvil/datagen/isa.h"

namespace anvil::datagen {
namespace {

// ASCII-only classification (no locale lookups: the generator assembles every record).
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_start(char c) { return is_alpha(c) || c == '_'; }
bool is_ident_char(char c) { return is_alpha(c) || is_digit(c) || c == '_' || c == '.'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Per-line parsing state; `fail` throws with the origin, line number and line text.
struct LineContext {
  const std::string& origin;
  int line;
  std::string_view text;

  [[noreturn]] void fail(const std::string& what) const {
    throw Error(origin + ":" + std::to_string(line) + ": " + what + " (line " +
                std::to_string(line) + ": '" + std::string(trim(text)) + "')");
  }
};

bool parse_register(std::string_view s, uint8_t* reg) {
  if (s.size() != 2 || (s[0] != 'r' && s[0] != 'R')) return false;
  if (s[1] < '0' || s[1] >= '0' + kNumRegisters) return false;
  *reg = static_cast<uint8_t>(s[1] - '0');
  return true;
}

bool looks_like_register(std::string_view s) {
  return s.size() >= 2 && (s[0] == 'r' || s[0] == 'R') && is_digit(s[1]);
}

// Signed decimal; returns false on syntax error, sets *overflow when out of int64 range.
bool parse_immediate(std::string_view s, int64_t* value, bool* overflow) {
  *overflow = false;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return false;
  uint64_t magnitude = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (magnitude > (UINT64_MAX - digit) / 10) {
      *overflow = true;
      return true;
    }
    magnitude = magnitude * 10 + digit;
  }
  const uint64_t limit = negative ? (uint64_t{1} << 63) : (uint64_t{1} << 63) - 1;
  if (magnitude > limit) {
    *overflow = true;
    return true;
  }
  *value = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
  return true;
}

int64_t expect_immediate(const LineContext& ctx, std::string_view s) {
  int64_t value = 0;
  bool overflow = false;
  if (!parse_immediate(s, &value, &overflow)) {
    ctx.fail("expected a register or an integer, found '" + std::string(s) + "'");
  }
  if (overflow) ctx.fail("integer '" + std::string(s) + "' does not fit in 64 bits");
  return value;
}

uint8_t expect_register(const LineContext& ctx, std::string_view s) {
  uint8_t reg = 0;
  if (!parse_register(s, &reg)) {
    ctx.fail("expected a register r0-r7, found '" + std::string(s) + "'");
  }
  return reg;
}

// A "src" operand: register or immediate.
void parse_src(const LineContext& ctx, std::string_view s, Instruction* ins) {
  if (looks_like_register(s)) {
    ins->c = expect_register(ctx, s);
    ins->c_is_imm = false;
  } else {
    ins->imm = expect_immediate(ctx, s);
    ins->c_is_imm = true;
  }
}

// "[rb + imm]", "[rb - imm]", "[rb]", "[imm]".
void parse_memory(const LineContext& ctx, std::string_view s, Instruction* ins) {
  if (s.size() < 2 || s.front() != '[' || s.back() != ']') {
    ctx.fail("expected a memory operand like [r1 + 4], found '" + std::string(s) + "'");
  }
  std::string_view inner = trim(s.substr(1, s.size() - 2));
  if (inner.empty()) ctx.fail("empty memory operand '[]'");
  if (!looks_like_register(inner)) {
    ins->has_base = false;
    ins->imm = expect_immediate(ctx, inner);
    return;
  }
  size_t reg_end = 0;
  while (reg_end < inner.size() && is_ident_char(inner[reg_end])) ++reg_end;
  ins->has_base = true;
  ins->b = expect_register(ctx, inner.substr(0, reg_end));
  std::string_view rest = trim(inner.substr(reg_end));
  ins->imm = 0;
  if (rest.empty()) return;
  if (rest[0] != '+' && rest[0] != '-') {
    ctx.fail("expected '+' or '-' after the base register in '" + std::string(s) + "'");
  }
  const bool negative = rest[0] == '-';
  const std::string_view offset_text = trim(rest.substr(1));
  if (!offset_text.empty() && (offset_text[0] == '+' || offset_text[0] == '-')) {
    ctx.fail("malformed memory offset in '" + std::string(s) + "'");
  }
  const int64_t offset = expect_immediate(ctx, offset_text);
  ins->imm = negative ? static_cast<int64_t>(0 - static_cast<uint64_t>(offset)) : offset;
}

size_t expected_operand_count(OperandShape shape) {
  switch (shape) {
    case OperandShape::kNone:
      return 0;
    case OperandShape::kReg:
    case OperandShape::kSrc:
    case OperandShape::kLabel:
      return 1;
    case OperandShape::kRegSrc:
    case OperandShape::kRegReg:
    case OperandShape::kRegMem:
      return 2;
    case OperandShape::kRegRegSrc:
      return 3;
  }
  return 0;
}

struct LabelDef {
  std::string_view name;
  int32_t index;
};

struct LabelUse {
  std::string_view name;
  size_t instruction;
  int line;
  std::string_view text;
};

// Parses "mnemonic operands..." (labels and comment already removed). Label operands are
// recorded in `uses` for resolution once all labels are known.
Instruction parse_instruction(const LineContext& ctx, std::string_view rest, size_t index,
                              std::vector<LabelUse>* uses) {
  std::string_view operands[4];
  size_t mnemonic_end = 0;
  while (mnemonic_end < rest.size() && !is_space(rest[mnemonic_end])) ++mnemonic_end;
  const std::string_view mnemonic = rest.substr(0, mnemonic_end);
  Instruction ins;
  ins.line = ctx.line;
  if (!opcode_from_mnemonic(mnemonic, &ins.op)) {
    ctx.fail("unknown instruction '" + std::string(mnemonic) + "'");
  }
  const OpcodeInfo& info = opcode_info(ins.op);

  // Split operands on commas (memory operands contain none).
  size_t count = 0;
  std::string_view operand_text = trim(rest.substr(mnemonic_end));
  if (!operand_text.empty()) {
    while (true) {
      const size_t comma = operand_text.find(',');
      const std::string_view op = trim(operand_text.substr(0, comma));
      if (op.empty()) ctx.fail("empty operand in '" + std::string(mnemonic) + "'");
      if (count == 4) ctx.fail("too many operands for '" + std::string(mnemonic) + "'");
      operands[count++] = op;
      if (comma == std::string_view::npos) break;
      operand_text = operand_text.substr(comma + 1);
    }
  }
  const size_t expected = expected_operand_count(info.shape);
  if (count != expected) {
    ctx.fail("'" + std::string(info.mnemonic) + "' takes " + std::to_string(expected) + " operand" +
             (expected == 1 ? "" : "s") + ", found " + std::to_string(count));
  }

  switch (info.shape) {
    case OperandShape::kNone:
      break;
    case OperandShape::kReg:
      ins.a = expect_register(ctx, operands[0]);
      break;
    case OperandShape::kSrc:
      parse_src(ctx, operands[0], &ins);
      break;
    case OperandShape::kRegSrc:
      ins.a = expect_register(ctx, operands[0]);
      parse_src(ctx, operands[1], &ins);
      break;
    case OperandShape::kRegReg:
      ins.a = expect_register(ctx, operands[0]);
      ins.b = expect_register(ctx, operands[1]);
      break;
    case OperandShape::kRegRegSrc:
      ins.a = expect_register(ctx, operands[0]);
      ins.b = expect_register(ctx, operands[1]);
      parse_src(ctx, operands[2], &ins);
      break;
    case OperandShape::kRegMem:
      ins.a = expect_register(ctx, operands[0]);
      parse_memory(ctx, operands[1], &ins);
      break;
    case OperandShape::kLabel: {
      const std::string_view name = operands[0];
      if (!is_ident_start(name[0])) ctx.fail("expected a label, found '" + std::string(name) + "'");
      for (char c : name) {
        if (!is_ident_char(c)) ctx.fail("invalid label name '" + std::string(name) + "'");
      }
      uses->push_back({name, index, ctx.line, ctx.text});
      break;
    }
  }
  return ins;
}

}  // namespace

Program assemble(std::string_view source, const std::string& origin) {
  Program program;
  program.origin = origin;
  std::vector<LabelDef> labels;
  std::vector<LabelUse> uses;
  program.code.reserve(static_cast<size_t>(std::count(source.begin(), source.end(), '\n')) + 1);

  int line_no = 0;
  size_t pos = 0;
  while (pos <= source.size()) {
    size_t eol = source.find('\n', pos);
    if (eol == std::string_view::npos) eol = source.size();
    std::string_view raw = source.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    const LineContext ctx{origin, line_no, raw};

    std::string_view rest = raw;
    if (size_t semi = rest.find(';'); semi != std::string_view::npos) rest = rest.substr(0, semi);
    rest = trim(rest);

    // Labels: identifier ':' (possibly several, possibly followed by an instruction).
    while (!rest.empty() && is_ident_start(rest[0])) {
      size_t end = 0;
      while (end < rest.size() && is_ident_char(rest[end])) ++end;
      if (end >= rest.size() || rest[end] != ':') break;
      const std::string_view name = rest.substr(0, end);
      for (const LabelDef& def : labels) {
        if (def.name == name) ctx.fail("duplicate label '" + std::string(name) + "'");
      }
      labels.push_back({name, static_cast<int32_t>(program.code.size())});
      rest = trim(rest.substr(end + 1));
    }
    if (rest.empty()) continue;

    program.code.push_back(parse_instruction(ctx, rest, program.code.size(), &uses));
  }

  for (const LabelUse& use : uses) {
    int32_t target = -1;
    for (const LabelDef& def : labels) {
      if (def.name == use.name) {
        target = def.index;
        break;
      }
    }
    if (target < 0) {
      LineContext{origin, use.line, use.text}.fail("undefined label '" + std::string(use.name) +
                                                   "'");
    }
    program.code[use.instruction].target = target;
  }
  return program;
}

}  // namespace anvil::datagen
