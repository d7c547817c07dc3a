// HTML pages of the dashboard, rendered on the server from the run store. Every value that comes
// from the database is HTML-escaped.
#pragma once

#include <string>
#include <vector>

#include "anvil/track/run_store.h"

namespace anvil::track::dashboard {

std::string html_escape(const std::string& s);
std::string url_encode(const std::string& s);

std::string runs_page(RunStore& store, int refresh_ms);
std::string run_page(RunStore& store, int64_t run_id, int refresh_ms);
std::string compare_page(RunStore& store, const std::vector<int64_t>& run_ids);
std::string error_page(int status, const std::string& message);
// The run page's section for a stored validation report (dashboard_validation.cpp).
std::string validation_html(const ValidationRecord& validation);

// JSON for /api/runs and /api/runs/ID.
std::string runs_json(RunStore& store);
std::string run_json(RunStore& store, int64_t run_id);

extern const char* const kStylesheet;
extern const char* const kScript;

}  // namespace anvil::track::dashboard
