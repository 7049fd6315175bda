#pragma once
// What the partition panel shows of a method-1 partition, as plain values:
// the app converts the solver's result into these (views never include
// solver), so the panel can also be fed a hand-made result in tests.

#include <QColor>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <limits>

namespace tessera::views {

// What the user asked for; names are the CLI's (`tessera-cli partition`).
struct PartitionSettings {
    QString platform;                          // built-in platform name
    QString method = QStringLiteral("best");   // grouped-c | grouped-n | tiling | fused | best
    QString objective = QStringLiteral("latency");     // latency | energy
    QString schedule = QStringLiteral("concurrent");   // concurrent | sequential
};

struct PartitionDevice {
    QString id;    // "cpu", "gpu", "fpga"
    QString name;  // human name, for tooltips
    QString kind;  // "cpu", "gpu" or "fpga": picks the colour
};

// One device's part of a unit (rounded point).
struct PartitionSlice {
    QString device;
    double share = 0;       // whole units of the cut (channels, filters or rows)
    double latencyMs = 0;   // compute + local memory
    double transferMs = 0;  // to and from the home device
    double energyMj = 0;
};

// One FPGA resource at the rounded point.
struct ResourceBar {
    QString device, resource, unit;  // "fpga", "m20k_blocks", "block"
    double used = 0;
    double budget = 0;
    double sensitivity = 0;  // GP dual, d log(objective) / d log(budget)
    bool active = false;     // binding at the GP optimum
    double fraction() const { return budget > 0 ? used / budget : 0; }
};

struct PartitionBaseline {
    QString name;  // "balanced" or a device id ("cpu alone")
    double latencyMs = 0, energyMj = 0;
    bool feasible = true;
    QString reason;  // why not feasible
};

// One layer or fused group of layers.
struct PartitionRow {
    QString layer;       // display name: "conv1" or "layer1.0.conv1 … layer1.0.conv2"
    QStringList layers;  // every layer of the unit, in order
    QString method;      // "grouped-c", ...
    QString cut;         // "channels", "filters" or "rows"
    qint64 units = 0;    // how many of them are shared out
    QVector<PartitionSlice> slices;
    double latencyMs = 0, energyMj = 0;
    // Gains over the balanced split in percent (positive: better); NaN when unknown.
    double gainLatencyPct = std::numeric_limits<double>::quiet_NaN();
    double gainEnergyPct = std::numeric_limits<double>::quiet_NaN();
    QString limitedBy;   // the constraint with the largest sensitivity, e.g. "fpga.m20k_blocks (0.31)"
    QString status;      // "optimal", "infeasible", ...
    QString message;
    bool ok = false;     // status optimal: the numbers are meaningful
    QVector<ResourceBar> resources;
    QVector<PartitionBaseline> baselines;
};

struct PartitionResult {
    QString network, platform;  // names for the header line
    QVector<PartitionDevice> devices;
    QVector<PartitionRow> rows;
    double latencyMs = 0, energyMj = 0;  // sums over rows
    QVector<PartitionBaseline> baselines;  // sums of the rows' baselines
    QString status;   // "optimal", "infeasible", "invalid_input", "cancelled", ...
    QString message;
    bool ok = false;
    int gpSolves = 0;
    double seconds = 0;
};

// The colour a device is drawn in: by kind (CPU blue, GPU green, FPGA
// orange), other devices from a fixed palette by position.
QColor partitionDeviceColor(const QString& kind, int index);

}  // namespace tessera::views

Q_DECLARE_METATYPE(tessera::views::PartitionSettings)
