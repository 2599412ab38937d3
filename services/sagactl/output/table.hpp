#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace saga::sagactl {

/// A plain-text table: columns padded to their widest cell, two spaces apart, no borders.
class Table {
  public:
    explicit Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}
    /// Adds a row; missing cells print empty, extra cells are ignored.
    void AddRow(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
    std::size_t size() const { return rows_.size(); }
    void Print(std::ostream& out) const;

  private:
    std::vector<std::string> headers_;
    std::vector<std::vector<std::string>> rows_;
};

/// `text` cut to `width` characters with "…" at the end when longer; newlines become spaces.
std::string Shorten(const std::string& text, std::size_t width);

}  // namespace saga::sagactl
