// The store's cross-exploration point query: filtering and sorting by KPI
// in SQL over the indexed KPI columns, never by loading explorations.

#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/store/exploration_store_internal.h"

namespace tessera::core {

using store::guarded;
using store::Statement;
using store::statusFromText;
using store::Transaction;

std::vector<PointSummary> ExplorationStore::queryPoints(const PointQuery& q) const {
    Impl& d = *m_impl;
    const bool byLatency = q.order == PointQuery::Order::LatencyThenEnergy;
    // A NULL bound filters nothing; a NULL KPI fails every comparison.
    const std::string sql = std::string(R"(
        SELECT p.exploration_id, p.idx, p.label, e.strategy, n.name, p.status, p.latency_ms, p.energy_mj, p.power_w,
               p.feasible, p.baseline, p.on_front, e.name
        FROM points p JOIN explorations e ON e.id = p.exploration_id JOIN networks n ON n.id = e.network_id
        WHERE (?1 = '' OR e.strategy = ?1) AND (?2 = '' OR n.name = ?2) AND (?3 = 0 OR p.feasible)
          AND (?4 = 1 OR NOT p.baseline)
          AND (?5 IS NULL OR p.latency_ms >= ?5) AND (?6 IS NULL OR p.latency_ms <= ?6)
          AND (?7 IS NULL OR p.energy_mj >= ?7) AND (?8 IS NULL OR p.energy_mj <= ?8)
          AND (?9 IS NULL OR p.power_w >= ?9) AND (?10 IS NULL OR p.power_w <= ?10)
          AND (?11 IS NULL OR p.exploration_id IN (SELECT value FROM json_each(?11)))
        ORDER BY )") + (byLatency ? "p.latency_ms IS NULL, p.latency_ms, p.energy_mj IS NULL, p.energy_mj"
                                  : "p.energy_mj IS NULL, p.energy_mj, p.latency_ms IS NULL, p.latency_ms") +
                            ", p.exploration_id, p.idx LIMIT ?12";
    return guarded(d.file, "query points", [&] {
        Transaction transaction(d.db(), Transaction::Kind::Read);
        Statement s(d.db(), sql);
        s.bind(1, q.strategy).bind(2, q.network).bind(3, q.feasibleOnly).bind(4, q.includeBaselines);
        const double bounds[] = {q.minLatencyMs, q.maxLatencyMs, q.minEnergyMj, q.maxEnergyMj, q.minPowerW, q.maxPowerW};
        for (int i = 0; i < 6; ++i) {
            if (std::isfinite(bounds[i])) s.bind(5 + i, bounds[i]);
            else s.bindNull(5 + i);
        }
        if (q.explorations.empty()) s.bindNull(11);
        else s.bind(11, nlohmann::json(q.explorations).dump());
        s.bind(12, static_cast<std::int64_t>(std::min<std::size_t>(q.limit, std::numeric_limits<std::int64_t>::max())));
        std::vector<PointSummary> out;
        while (s.step()) {
            PointSummary& p = out.emplace_back();
            p.exploration = s.integer(0);
            p.index = s.integer(1);
            p.label = s.text(2);
            p.strategy = s.text(3);
            p.network = s.text(4);
            p.status = statusFromText(s.text(5), [&] { return d.file + ": query points: exploration " + std::to_string(p.exploration); });
            p.latencyMs = s.real(6);
            p.energyMj = s.real(7);
            p.powerW = s.real(8);
            p.feasible = s.integer(9) != 0;
            p.baseline = s.integer(10) != 0;
            p.onFront = s.integer(11) != 0;
            p.name = s.text(12);
        }
        transaction.commit();
        return out;
    });
}

}  // namespace tessera::core
