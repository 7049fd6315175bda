#pragma once
// What the exploration commands (explore, list, show, rename, tag, delete,
// export) share: opening the database and printing design points.

#include <iosfwd>
#include <optional>
#include <string>

#include "core/explore/exploration.h"
#include "core/store/exploration_store.h"

namespace tessera::cli {

// The store at `--db FILE`, else the user's default database.
core::ExplorationStore openStore(const std::optional<std::string>& db, bool readOnly = false);
// How --help names the default database.
std::string defaultDatabaseText();
// One row per design point (index, label, status, KPIs, feasibility, front),
// at most about `most` rows: every baseline, and front points evenly spaced.
void printPointTable(std::ostream& out, const core::Exploration& e, std::size_t most);

}  // namespace tessera::cli
