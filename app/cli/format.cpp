#include "format.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <iomanip>
#include <sstream>

namespace tessera::cli {

std::string withThousands(std::int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

std::string fixed(double value, int digits) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(digits) << value;
    return s.str();
}

std::string significant(double value, int digits) {
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    std::ostringstream s;
    s << std::setprecision(digits) << value;
    return s.str();
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

std::optional<double> parseNumber(const std::string& text) {
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used != text.size()) return std::nullopt;
        return v;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string renderTable(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                        const std::vector<std::size_t>& rightAligned) {
    std::vector<std::size_t> width(header.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) width[c] = std::max(width[c], row[c].size());
    };
    measure(header);
    for (const auto& r : rows) measure(r);
    std::ostringstream s;
    auto line = [&](const std::vector<std::string>& row) {
        for (std::size_t c = 0; c < width.size(); ++c) {
            const std::string cell = c < row.size() ? row[c] : "";
            const std::string pad(width[c] - cell.size(), ' ');
            const bool right = std::find(rightAligned.begin(), rightAligned.end(), c) != rightAligned.end();
            s << (c ? "  " : "") << (right ? pad + cell : cell + (c + 1 < width.size() ? pad : ""));
        }
        s << "\n";
    };
    line(header);
    std::size_t total = 0;
    for (auto w : width) total += w;
    s << std::string(total + 2 * (width.empty() ? 0 : width.size() - 1), '-') << "\n";
    for (const auto& r : rows) line(r);
    return s.str();
}

}  // namespace tessera::cli
