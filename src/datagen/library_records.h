// Internal: turns the annotated program library (.nl files) into dataset records.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "anvil/core/rng.h"
#include "anvil/datagen/record.h"

namespace anvil::datagen::detail {

// Emits up to `limit` records from the .nl programs under `dirs`, in order: every program of
// dirs[0], then programs of later dirs whose intent no earlier dir had. Each @prompt gives
// kRecordsPerPrompt records with parameter values sampled in the @param ranges. Programs are
// only used at `level` (0 = any); an intent outside the built-in table has level 0. Every
// program's @tests must pass, and a program for a built-in intent (same operand count) must agree
// with that intent's reference. Returns the number of records emitted.
constexpr int kRecordsPerPrompt = 3;
int64_t expand_library_records(const std::vector<std::string>& dirs, int level, Rng& rng,
                               int64_t limit, const std::function<void(const Record&)>& emit);

// Runs `program` (origin names it in errors) and returns its output.
std::vector<int64_t> run_program_text(const std::string& program, const std::string& origin);

// "[1, -2, 3]"
std::string format_values(const std::vector<int64_t>& values);

}  // namespace anvil::datagen::detail
