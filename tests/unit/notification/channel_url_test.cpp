#include "notification/channels/channel_url.hpp"

#include <doctest/doctest.h>

using saga::notification::UrlForMessages;
using saga::notification::UrlProblem;

TEST_CASE("channel url: what libcurl cannot use is named, what it can is not") {
    CHECK(UrlProblem("http://127.0.0.1:99999/").has_value());
    CHECK(UrlProblem("http://exa mple/hook").has_value());
    CHECK(UrlProblem("smtp://:25").has_value());
    CHECK_FALSE(UrlProblem("https://u:p@hooks.example:8443/h?token=t").has_value());
    CHECK_FALSE(UrlProblem("smtp://127.0.0.1:2525").has_value());
}

TEST_CASE("channel url: messages show where, never the credentials a URL may carry") {
    CHECK(UrlForMessages("https://u:s3cret@hooks.example:8443/h/1?token=s3cret#x") == "https://hooks.example:8443/h/1");
    CHECK(UrlForMessages("smtp://mailer:pw@127.0.0.1:2525") == "smtp://127.0.0.1:2525/");
    CHECK(UrlForMessages("http://exa mple/") == "(an invalid URL)");
}
