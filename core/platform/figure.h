#pragma once
// A number with its unit and provenance, as platform descriptors and fitted
// models carry them.

#include <optional>
#include <string>
#include <string_view>

namespace tessera::core {

// Where a figure comes from.
enum class FigureBasis {
    Datasheet,  // printed in the cited public document
    Derived,    // computed from datasheet figures; `note` gives the formula
    Estimate,   // no public figure exists; an informed estimate, `note` says why
    Measured,   // measured on a real device (by a probe), `source` says how
};
std::string_view figureBasisName(FigureBasis basis);  // "datasheet", "derived", ...
std::optional<FigureBasis> figureBasisFromName(std::string_view name);

// One number of a descriptor with its unit and provenance. The unit is fixed
// per field (checked on load) and repeated here so a reader never guesses.
struct Figure {
    double value = 0.0;
    std::string unit;    // e.g. "MHz", "GB/s", "W", "ALM"
    std::string source;  // document and section/table, e.g. "Intel C10GX51001, Table 1"
    FigureBasis basis = FigureBasis::Datasheet;
    std::string note;    // optional: derivation or caveat
    friend bool operator==(const Figure&, const Figure&) = default;
};

}  // namespace tessera::core
