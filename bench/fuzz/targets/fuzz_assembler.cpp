// The register-machine assembler and interpreter (anvil/datagen/isa.h): assemble any text, run
// what assembles under small limits.
#include <cstddef>
#include <cstdint>

#include "anvil/core/error.h"
#include "anvil/datagen/isa.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  anvil::datagen::Program program;
  try {
    program = anvil::datagen::assemble(anvil::fuzz::as_view(data, size), "fuzz.asm");
  } catch (const anvil::Error&) {
    return 0;
  }
  // Every register index is in range and every branch lands on an instruction (or just past
  // the last one: a label at the end, which halts).
  const auto count = static_cast<int32_t>(program.code.size());
  for (const auto& ins : program.code) {
    const auto shape = anvil::datagen::opcode_info(ins.op).shape;
    if (ins.a >= anvil::datagen::kNumRegisters || ins.b >= anvil::datagen::kNumRegisters ||
        (!ins.c_is_imm && ins.c >= anvil::datagen::kNumRegisters))
      __builtin_trap();
    if (shape == anvil::datagen::OperandShape::kLabel && (ins.target < 0 || ins.target > count))
      __builtin_trap();
  }
  anvil::datagen::RunOptions options;
  options.max_steps = 20000;
  options.memory_words = 64;
  options.stack_words = 64;
  options.max_call_depth = 64;
  try {
    anvil::datagen::run(program, options);
  } catch (const anvil::Error&) {
  }
  return 0;
}
