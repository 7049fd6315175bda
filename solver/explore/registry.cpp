// The registry of strategies: adding one is one line here (and its own
// folder under solver/); the CLI, the store and the views read the list.

#include "solver/algosel/algosel_strategy.h"
#include "solver/explore/strategy.h"
#include "solver/partition/partition_strategy.h"

namespace tessera::solver::explore {

const std::vector<const Strategy*>& strategies() {
    static const std::vector<const Strategy*> all = {&partition::partitionStrategy(), &algosel::algoselStrategy()};
    return all;
}

const Strategy* findStrategy(std::string_view name) {
    for (const Strategy* s : strategies())
        if (s->name() == name) return s;
    return nullptr;
}

}  // namespace tessera::solver::explore
