// Tests for the assembler: accepted syntax (labels, comments, case, memory operands) and the
// errors it reports, each of which must name the line.
#include <gtest/gtest.h>

#include <string>

#include "anvil/datagen/isa.h"

namespace anvil::datagen {
namespace {

std::string assemble_error(const std::string& source) {
  try {
    assemble(source, "test.s");
  } catch (const std::exception& e) {
    return e.what();
  }
  return "<no error>";
}

#define EXPECT_CONTAINS(haystack, needle) \
  EXPECT_NE(std::string(haystack).find(needle), std::string::npos) << (haystack)

TEST(OpcodeTable, MnemonicsRoundTripCaseInsensitively) {
  for (int i = 0; i < static_cast<int>(Opcode::kCount); ++i) {
    const Opcode op = static_cast<Opcode>(i);
    std::string upper = opcode_mnemonic(op);
    for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
    Opcode parsed = Opcode::kCount;
    ASSERT_TRUE(opcode_from_mnemonic(upper, &parsed)) << upper;
    EXPECT_EQ(parsed, op);
  }
  Opcode ignored;
  EXPECT_FALSE(opcode_from_mnemonic("jump", &ignored));
}

TEST(Assembler, AcceptsLabelsCommentsBlankLinesAndMixedCase) {
  const Program p = assemble(
      "; header comment\n"
      "\n"
      "start:  MOV R1, 3   ; trailing comment\n"
      "loop: sub r1, r1, 1\n"
      "  CmP r1, +0\n"
      "  Jgt loop\n"
      "end:\n");
  ASSERT_EQ(p.code.size(), 4u);
  EXPECT_EQ(p.code[0].op, Opcode::kMov);
  EXPECT_EQ(p.code[0].line, 3);
  EXPECT_EQ(p.code[3].op, Opcode::kJgt);
  EXPECT_EQ(p.code[3].target, 1);
  EXPECT_EQ(run(p).registers[1], 0);
}

TEST(Assembler, ParsesMemoryOperandForms) {
  const Program p = assemble("load r1, [r2 + 4]\nload r1, [r2-3]\nstore r1, [r7]\nload r1, [12]");
  EXPECT_TRUE(p.code[0].has_base);
  EXPECT_EQ(p.code[0].b, 2);
  EXPECT_EQ(p.code[0].imm, 4);
  EXPECT_EQ(p.code[1].imm, -3);
  EXPECT_TRUE(p.code[2].has_base);
  EXPECT_EQ(p.code[2].imm, 0);
  EXPECT_FALSE(p.code[3].has_base);
  EXPECT_EQ(p.code[3].imm, 12);
}

TEST(Assembler, LabelsMayBeUsedBeforeTheirDefinition) {
  EXPECT_EQ(run(assemble("jmp skip\nout 1\nskip: out 2")).output, std::vector<int64_t>{2});
}

TEST(Assembler, UnknownInstructionNamesTheLine) {
  const std::string e = assemble_error("mov r1, 1\nfoo r1, 2");
  EXPECT_CONTAINS(e, "test.s:2: unknown instruction 'foo'");
  EXPECT_CONTAINS(e, "line 2");
}

TEST(Assembler, BadRegisterIsAnError) {
  EXPECT_CONTAINS(assemble_error("mov r8, 1"), "expected a register r0-r7, found 'r8'");
  EXPECT_CONTAINS(assemble_error("mov r8, 1"), "line 1");
  EXPECT_CONTAINS(assemble_error("\nadd r1, x2, 3"), "line 2");
  EXPECT_CONTAINS(assemble_error("mov 5, r1"), "expected a register");
}

TEST(Assembler, BadImmediateIsAnError) {
  EXPECT_CONTAINS(assemble_error("mov r1, 12abc"), "expected a register or an integer");
  EXPECT_CONTAINS(assemble_error("mov r1, 99999999999999999999"), "does not fit in 64 bits");
  EXPECT_EQ(assemble("mov r1, -9223372036854775808").code[0].imm, INT64_MIN);
}

TEST(Assembler, UndefinedLabelNamesTheLineOfTheUse) {
  const std::string e = assemble_error("out 1\n\njmp nowhere");
  EXPECT_CONTAINS(e, "test.s:3: undefined label 'nowhere'");
  EXPECT_CONTAINS(e, "line 3");
}

TEST(Assembler, DuplicateLabelIsAnError) {
  const std::string e = assemble_error("a:\nout 1\na:\nout 2");
  EXPECT_CONTAINS(e, "duplicate label 'a'");
  EXPECT_CONTAINS(e, "line 3");
}

TEST(Assembler, WrongOperandCountIsAnError) {
  EXPECT_CONTAINS(assemble_error("add r1, r2"), "'add' takes 3 operands, found 2");
  EXPECT_CONTAINS(assemble_error("out 1\nret r1"), "line 2");
  EXPECT_CONTAINS(assemble_error("halt 1"), "'halt' takes 0 operands, found 1");
  EXPECT_CONTAINS(assemble_error("push"), "'push' takes 1 operand, found 0");
  EXPECT_CONTAINS(assemble_error("mov r1,, 2"), "empty operand");
}

TEST(Assembler, MalformedMemoryOperandIsAnError) {
  EXPECT_CONTAINS(assemble_error("load r1, r2"), "expected a memory operand");
  EXPECT_CONTAINS(assemble_error("load r1, []"), "empty memory operand");
  EXPECT_CONTAINS(assemble_error("load r1, [r2 * 3]"), "expected '+' or '-'");
}

}  // namespace
}  // namespace anvil::datagen
