#include "views/partition_data.h"

#include <array>

namespace tessera::views {

QColor partitionDeviceColor(const QString& kind, int index) {
    if (kind == QLatin1String("cpu")) return QColor(0x3b, 0x75, 0xc4);
    if (kind == QLatin1String("gpu")) return QColor(0x4c, 0xa6, 0x4f);
    if (kind == QLatin1String("fpga")) return QColor(0xe8, 0x8a, 0x1a);
    static const std::array<QColor, 4> kOthers{QColor(0x8e, 0x5e, 0xa2), QColor(0xc9, 0x4c, 0x7c),
                                               QColor(0x2a, 0x9d, 0x8f), QColor(0x80, 0x80, 0x80)};
    return kOthers[static_cast<std::size_t>(index < 0 ? 0 : index) % kOthers.size()];
}

}  // namespace tessera::views
