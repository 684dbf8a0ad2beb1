#pragma once
// What the checks of one run share: the data (each input read once by the
// front end), the texts of auxiliary files (schemas), and memoised engine
// runs, so that one metrics evaluation serves every metric check on the
// same data and one drift comparison every drift check with the same
// options. A computation that threw core::Error is remembered too, and the
// same error is given to every check that asks for it.

#include <any>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/table.hpp"

namespace assay::suite {

struct Suite;
struct CheckHeader;

struct Inputs {
  const core::Table* current = nullptr;
  const core::Table* reference = nullptr;    // when the suite names one
  std::map<std::string, std::string> files;  // resolved path -> text, for each Check::files()
};

class Workspace {
 public:
  Workspace(const Suite& suite, const Inputs& inputs);

  const Suite& suite() const noexcept { return suite_; }
  const core::Table& current() const noexcept { return *inputs_.current; }
  bool has_reference() const noexcept { return inputs_.reference != nullptr; }
  // Throws core::Error at the check when the suite has no reference data.
  const core::Table& reference(const CheckHeader& check, std::string_view why) const;
  // Throws core::Error when the file was not loaded.
  const std::string& file_text(const std::string& path) const;

  // `compute()` once per key; later calls return the same object (or
  // rethrow the same core::Error).
  template <class T, class F>
  const T& memo(const std::string& key, F&& compute) {
    if (const auto e = errors_.find(key); e != errors_.end()) throw e->second;
    if (const auto it = results_.find(key); it != results_.end()) {
      return *std::any_cast<const std::shared_ptr<const T>&>(it->second);
    }
    try {
      auto made = std::make_shared<const T>(compute());
      const T& out = *made;
      results_.emplace(key, std::shared_ptr<const T>(std::move(made)));
      return out;
    } catch (const core::Error& e) {
      errors_.emplace(key, e);
      throw;
    }
  }

 private:
  const Suite& suite_;
  Inputs inputs_;
  std::map<std::string, std::any> results_;
  std::map<std::string, core::Error> errors_;
};

}  // namespace assay::suite
