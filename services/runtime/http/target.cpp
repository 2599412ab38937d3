#include "runtime/http/target.hpp"

#include "runtime/http/error.hpp"

namespace saga::runtime::http {

namespace {

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string DecodeOrThrow(std::string_view text, bool plus_is_space, std::string_view what) {
    auto decoded = PercentDecode(text, plus_is_space);
    if (!decoded) {
        throw HttpError(ErrorKind::kBadRequest,
                        "the request target has a malformed percent-escape in the " + std::string(what));
    }
    return std::move(*decoded);
}

}  // namespace

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) {
                return std::nullopt;
            }
            int high = HexValue(text[i + 1]);
            int low = HexValue(text[i + 2]);
            if (high < 0 || low < 0) {
                return std::nullopt;
            }
            c = static_cast<char>(high * 16 + low);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            c = ' ';
        }
        // A NUL smuggled into a path or parameter would truncate it in C APIs further down (libpq).
        if (c == '\0') {
            return std::nullopt;
        }
        out.push_back(c);
    }
    return out;
}

Target ParseTarget(std::string_view target) {
    if (target.empty() || target.front() != '/') {
        throw HttpError(ErrorKind::kBadRequest, "the request target must be an absolute path such as /api/orders");
    }
    Target result;
    auto question = target.find('?');
    result.path = DecodeOrThrow(target.substr(0, question), false, "path");
    if (question == std::string_view::npos) {
        return result;
    }
    std::string_view rest = target.substr(question + 1);
    while (!rest.empty()) {
        auto amp = rest.find('&');
        std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        if (pair.empty()) {
            continue;
        }
        auto eq = pair.find('=');
        std::string name = DecodeOrThrow(pair.substr(0, eq), true, "query");
        std::string value =
            eq == std::string_view::npos ? std::string{} : DecodeOrThrow(pair.substr(eq + 1), true, "query");
        result.query.emplace(std::move(name), std::move(value));
    }
    return result;
}

}  // namespace saga::runtime::http
