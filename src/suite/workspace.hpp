#pragma once
// What the checks of one run share: the data (each input read once by the
// front end), the texts of auxiliary files (schemas), and memoised engine
// runs, so that one metrics evaluation serves every metric check on the
// same data and one drift comparison every drift check with the same
// options. A computation that threw core::Error is remembered too, and the
// same error is given to every check that asks for it.
// Checks run concurrently (run.cpp): `memo` is thread-safe, and a check that
// asks for a result another check is computing helps compute it
// (tbb::collaborative_call_once) instead of waiting idle or computing it
// again.

#include <oneapi/tbb/collaborative_call_once.h>

#include <any>
#include <map>
#include <memory>
#include <mutex>
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
    Slot& slot = slot_of(key);
    tbb::collaborative_call_once(slot.once, [&] {
      try {
        slot.value = std::make_shared<const T>(compute());
      } catch (const core::Error& e) {
        slot.error = e;
      }
    });
    if (slot.error) throw *slot.error;
    return *std::any_cast<const std::shared_ptr<const T>&>(slot.value);
  }

 private:
  const Suite& suite_;
  Inputs inputs_;
  struct Slot {
    tbb::collaborative_once_flag once;
    std::any value;                  // std::shared_ptr<const T>
    std::optional<core::Error> error;
  };
  Slot& slot_of(const std::string& key);

  std::mutex slots_mutex_;
  std::map<std::string, std::unique_ptr<Slot>> slots_;
};

}  // namespace assay::suite
