#include "runtime/service/gremlin_routes.hpp"

#include "runtime/http/json_body.hpp"
#include "runtime/http/response.hpp"
#include "runtime/service/admin_auth.hpp"

namespace saga::runtime::service {

void AddGremlinRoutes(http::Router& router, gremlin::Gremlin& gremlin, std::string admin_token) {
    const std::optional<std::string> token = std::move(admin_token);
    router.Add("GET", "/admin/gremlin", [&gremlin, token](const http::Request& request) {
        RequireAdmin(request, token);
        return http::Json(200, gremlin.State());
    });
    router.Add("PUT", "/admin/gremlin", [&gremlin, token](const http::Request& request) {
        RequireAdmin(request, token);
        auto parsed = gremlin::ParseSettings(http::ParseJsonBody(request));
        if (auto* errors = std::get_if<std::vector<http::FieldError>>(&parsed)) {
            throw http::HttpError(http::ErrorKind::kValidation, "the gremlin settings are invalid", std::move(*errors));
        }
        gremlin.Configure(std::get<gremlin::GremlinSettings>(parsed));
        return http::Json(200, gremlin.State());
    });
    router.Add("DELETE", "/admin/gremlin", [&gremlin, token](const http::Request& request) {
        RequireAdmin(request, token);
        gremlin.Reset();
        return http::Json(200, gremlin.State());
    });
}

bool IsCommittedWrite(std::string_view method, std::string_view route, int status) {
    const bool writes = method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
    return writes && status >= 200 && status < 300 && !route.starts_with("/admin/");
}

}  // namespace saga::runtime::service
