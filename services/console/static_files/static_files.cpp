#include "console/static_files/static_files.hpp"

#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <stdexcept>

namespace saga::console {
namespace {

namespace http = runtime::http;
namespace fs = std::filesystem;

constexpr int kMaxSegments = 6;

bool SafeSegment(std::string_view segment) {
    return !segment.empty() && segment != "." && segment != ".." &&
           segment.find_first_of(std::string_view("\\\0", 2)) == std::string_view::npos;
}

}  // namespace

std::string ContentTypeFor(const fs::path& file) {
    static const std::map<std::string, std::string> kTypes = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
        {".map", "application/json"},
        {".woff2", "font/woff2"},
    };
    auto found = kTypes.find(file.extension().string());
    return found == kTypes.end() ? "application/octet-stream" : found->second;
}

StaticFiles::StaticFiles(const fs::path& root) {
    std::error_code ec;
    root_ = fs::canonical(root, ec);
    if (ec || !fs::is_directory(root_)) {
        throw std::runtime_error("CONSOLE_WEB_ROOT: " + root.string() + " is not a directory");
    }
}

std::optional<fs::path> StaticFiles::Resolve(std::string_view url_path) const {
    if (url_path == "/") url_path = "/index.html";
    if (!url_path.starts_with('/')) return std::nullopt;
    fs::path relative;
    std::string_view rest = url_path.substr(1);
    while (true) {
        const auto slash = rest.find('/');
        const std::string_view segment = rest.substr(0, slash);
        if (!SafeSegment(segment)) return std::nullopt;
        relative /= std::string(segment);
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);
    }
    std::error_code ec;
    const fs::path file = fs::canonical(root_ / relative, ec);
    if (ec || !fs::is_regular_file(file, ec)) return std::nullopt;
    // A symlink may point anywhere: the resolved file must still lie below the root.
    const auto [root_end, _] = std::mismatch(root_.begin(), root_.end(), file.begin(), file.end());
    if (root_end != root_.end()) return std::nullopt;
    return file;
}

http::Response StaticFiles::Serve(const http::Request& request) const {
    const auto file = Resolve(request.path);
    if (!file) return http::Problem(http::ErrorKind::kNotFound, "no file at '" + request.path + "'");
    std::ifstream in(*file, std::ios::binary);
    if (!in) return http::Problem(http::ErrorKind::kNotFound, "no file at '" + request.path + "'");
    std::ostringstream content;
    content << in.rdbuf();
    return http::Text(200, content.str(), ContentTypeFor(*file)).WithHeader("Cache-Control", "no-cache");
}

void StaticFiles::Register(http::Router& router) const {
    auto serve = [this](const http::Request& request) { return Serve(request); };
    router.Add("GET", "/", serve);
    std::string pattern;
    for (int depth = 0; depth < kMaxSegments; ++depth) {
        pattern += "/{s" + std::to_string(depth) + "}";
        router.Add("GET", pattern, serve);
    }
}

}  // namespace saga::console
