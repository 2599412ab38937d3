#include "sagactl/output/table.hpp"

#include <algorithm>
#include <ostream>

namespace saga::sagactl {

void Table::Print(std::ostream& out) const {
    std::vector<std::size_t> widths(headers_.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < widths.size() && i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    };
    measure(headers_);
    for (const auto& row : rows_) measure(row);
    auto print = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const std::string cell = i < row.size() ? row[i] : std::string();
            line += cell;
            if (i + 1 < widths.size()) line += std::string(widths[i] - cell.size() + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    };
    print(headers_);
    for (const auto& row : rows_) print(row);
}

std::string Shorten(const std::string& text, std::size_t width) {
    std::string flat = text;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    if (flat.size() <= width || width < 2) return flat;
    // Cut on a UTF-8 character boundary.
    std::size_t cut = width - 1;
    while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
    return flat.substr(0, cut) + "…";
}

}  // namespace saga::sagactl
