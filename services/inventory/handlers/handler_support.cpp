#include "inventory/handlers/handler_support.hpp"

namespace saga::inventory::handlers {

void ThrowIfInvalid(const std::vector<domain::FieldIssue>& errors) {
    if (errors.empty()) return;
    std::vector<runtime::http::FieldError> fields;
    for (const auto& e : errors) fields.push_back({e.field, e.message});
    throw runtime::http::HttpError(runtime::http::ErrorKind::kValidation, "the request body is invalid",
                                   std::move(fields));
}

}  // namespace saga::inventory::handlers
