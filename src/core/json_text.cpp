// JSON that may carry text which is not UTF-8 (core/json_text.h).
#include "anvil/core/json_text.h"

#include <nlohmann/json.hpp>

namespace anvil {

std::string dump_json_replacing_invalid_utf8(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace anvil
