#include "cli/allocator.hpp"

#if defined(ASSAY_WITH_MIMALLOC)
#include <mimalloc.h>
#endif

namespace assay::cli {

void configure_allocator() noexcept {
#if defined(ASSAY_WITH_MIMALLOC)
  mi_option_enable(mi_option_large_os_pages);
#endif
}

}  // namespace assay::cli
