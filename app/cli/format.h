#pragma once
// Human-readable formatting shared by CLI commands.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tessera::cli {

// 1234567 -> "1,234,567"
std::string withThousands(std::int64_t value);
// 3.14159, 2 -> "3.14"
std::string fixed(double value, int digits);
// 10 significant digits by default; "inf" for infinity.
std::string significant(double value, int digits = 10);
// "a,b,,c" -> {"a", "b", "c"}: a comma-separated list, empty items dropped.
std::vector<std::string> splitList(const std::string& text);
// The whole of `text` as a number, nullopt when it is not one.
std::optional<double> parseNumber(const std::string& text);
// A plain-text table with a header row, columns padded to their widest cell;
// columns listed in rightAligned are right-aligned (numbers).
std::string renderTable(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                        const std::vector<std::size_t>& rightAligned = {});

}  // namespace tessera::cli
