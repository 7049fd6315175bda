#pragma once
// Human-readable formatting shared by CLI commands.

#include <cstdint>
#include <string>
#include <vector>

namespace tessera::cli {

// 1234567 -> "1,234,567"
std::string withThousands(std::int64_t value);
// 3.14159, 2 -> "3.14"
std::string fixed(double value, int digits);
// A plain-text table with a header row, columns padded to their widest cell;
// columns listed in rightAligned are right-aligned (numbers).
std::string renderTable(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                        const std::vector<std::size_t>& rightAligned = {});

}  // namespace tessera::cli
