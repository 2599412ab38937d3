#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/http/request.hpp"
#include "runtime/http/response.hpp"
#include "runtime/http/router.hpp"

namespace saga::console {

/// Serves the files under one directory (the web root) read-only: "/" is index.html, any other
/// path names a regular file below the root. No directory listings; paths with "..", "." or empty
/// segments, backslashes or NUL, and anything resolving (through symlinks) outside the root are
/// refused with 404. Files are read on every request, so an edited file is served at once.
class StaticFiles {
  public:
    /// Throws std::runtime_error when `root` is not a directory.
    explicit StaticFiles(const std::filesystem::path& root);

    runtime::http::Response Serve(const runtime::http::Request& request) const;

    /// Adds GET routes for "/" and paths of up to six segments. Register the API routes too: literal
    /// segments win over these placeholders. The object must outlive the router.
    void Register(runtime::http::Router& router) const;

    /// The file `url_path` names, when it is a regular file inside the root; nullopt otherwise.
    std::optional<std::filesystem::path> Resolve(std::string_view url_path) const;

  private:
    std::filesystem::path root_;  // canonical
};

/// Content-Type for a file name by its extension ("app.js" → "text/javascript; charset=utf-8");
/// application/octet-stream when unknown.
std::string ContentTypeFor(const std::filesystem::path& file);

}  // namespace saga::console
