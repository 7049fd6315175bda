#pragma once
// A strategy as the views see it: its registry name, what it does and its
// option schema, from which the run panel builds its form. The session
// fills these from the solver's registry; views never include the solver.

#include <QString>
#include <QVector>

#include "core/explore/options.h"

namespace tessera::views {

struct StrategyInfo {
    QString name;         // "partition"
    QString description;  // one paragraph
    core::OptionSchema options;
};

}  // namespace tessera::views
