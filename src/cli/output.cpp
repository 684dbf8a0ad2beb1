#include "cli/output.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"

namespace assay::cli {

void write_result(const Context& context, const std::string& document) {
  if (!context.output) {
    std::fwrite(document.data(), 1, document.size(), stdout);
    std::fflush(stdout);
    return;
  }
  const std::filesystem::path target = *context.output;
  std::filesystem::path temp = target;
  temp += ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw core::Error(core::Location{target.string()}, "cannot open for writing");
    out.write(document.data(), static_cast<std::streamsize>(document.size()));
    if (!out) throw core::Error(core::Location{target.string()}, "write failed");
  }
  std::error_code ec;
  std::filesystem::rename(temp, target, ec);
  if (ec) {
    std::filesystem::remove(temp);
    throw core::Error(core::Location{target.string()}, "cannot write: " + ec.message());
  }
}

void write_files(const std::vector<std::pair<std::string, std::string>>& path_and_text) {
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> written;  // temp, target
  auto discard = [&] {
    std::error_code ignored;
    for (const auto& [temp, target] : written) std::filesystem::remove(temp, ignored);
  };
  for (const auto& [path, text] : path_and_text) {
    const std::filesystem::path target = path;
    std::filesystem::path temp = target;
    temp += ".tmp";
    std::error_code ec;
    if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), ec);
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      discard();
      throw core::Error(core::Location{target.string()}, "cannot open for writing");
    }
    written.emplace_back(temp, target);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      discard();
      throw core::Error(core::Location{target.string()}, "write failed");
    }
  }
  for (const auto& [temp, target] : written) {
    std::error_code ec;
    std::filesystem::rename(temp, target, ec);
    if (ec) {
      discard();
      throw core::Error(core::Location{target.string()}, "cannot write: " + ec.message());
    }
  }
}

void note(const Context& context, const std::string& line) {
  if (!context.quiet) fmt::print(stderr, "{}\n", line);
}

}  // namespace assay::cli
