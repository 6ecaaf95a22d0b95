// Paths a build may write to, exposed for the site writer's tests.
#pragma once

#include <string>

namespace iopplan {

// True for a relative '/'-separated path without empty, "." or ".." parts.
bool is_safe_relative_path(const std::string& path);

}  // namespace iopplan
