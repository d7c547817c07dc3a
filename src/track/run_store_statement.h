// RunStore::Statement: a prepared SQLite statement with bind/step helpers, shared by the
// run store's writing (run_store.cpp) and reading (run_store_queries.cpp) halves.
#pragma once

#include <sqlite3.h>

#include <string>

#include "anvil/core/error.h"
#include "anvil/track/run_store.h"

namespace anvil::track {

struct RunStore::Statement {
  Statement(RunStore& store, const char* sql) : store_(store) {
    if (sqlite3_prepare_v2(store.db_, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw Error(store.context() + sqlite3_errmsg(store.db_));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement& bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Statement& bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Statement& bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // True while rows come; throws on errors.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw Error(store_.context() + sqlite3_errmsg(store_.db_));
  }
  void run() {
    while (step()) {
    }
    sqlite3_reset(stmt_);
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  int64_t i64(int col) const { return sqlite3_column_int64(stmt_, col); }
  double f64(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? reinterpret_cast<const char*>(p) : "";
  }

  RunStore& store_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace anvil::track
