#include "suite/workspace.hpp"

#include <fmt/format.h>

#include "suite/suite_file.hpp"

namespace assay::suite {

Workspace::Workspace(const Suite& suite, const Inputs& inputs) : suite_(suite), inputs_(inputs) {
  if (inputs_.current == nullptr) throw core::Error(suite.data.current_at, "no current data");
}

const core::Table& Workspace::reference(const CheckHeader& check, std::string_view why) const {
  if (inputs_.reference == nullptr) {
    throw core::Error(check.where, fmt::format("check {} {}: add data.reference to the suite", check.id, why));
  }
  return *inputs_.reference;
}

Workspace::Slot& Workspace::slot_of(const std::string& key) {
  const std::lock_guard lock(slots_mutex_);
  std::unique_ptr<Slot>& slot = slots_[key];
  if (!slot) slot = std::make_unique<Slot>();
  return *slot;
}

const std::string& Workspace::file_text(const std::string& path) const {
  const auto it = inputs_.files.find(path);
  if (it == inputs_.files.end()) throw core::Error(core::Location{.file = path}, "file was not read");
  return it->second;
}

}  // namespace assay::suite
