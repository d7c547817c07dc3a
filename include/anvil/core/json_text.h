// JSON documents that carry text anvil did not write itself (a model's output, a run's name or
// message): nlohmann's dump throws on bytes that are not UTF-8, which would lose the whole
// document for one stray byte; this writes U+FFFD for each invalid or cut-off sequence instead.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace anvil {

// `j` serialised (indent -1: one line; otherwise that many spaces per level), each invalid or
// cut-off UTF-8 sequence written as one U+FFFD.
std::string dump_json_replacing_invalid_utf8(const nlohmann::json& j, int indent = -1);

}  // namespace anvil
