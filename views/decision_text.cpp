#include "views/decision_text.h"

#include "core/explore/kpi.h"

#include <QLocale>
#include <QStringList>

#include <cmath>

namespace tessera::views {

QString figureText(double value) {
    if (std::isnan(value)) return QStringLiteral("-");
    const double magnitude = std::abs(value);
    QLocale locale;
    if (magnitude >= 1000) return locale.toString(value, 'f', 0);
    if (magnitude >= 100) return QString::number(value, 'f', 0);
    if (magnitude >= 10) return QString::number(value, 'f', 1);
    if (magnitude >= 1) return QString::number(value, 'f', 2);
    if (magnitude >= 0.001 || magnitude == 0) return QString::number(value, 'f', 3);
    return QString::number(value, 'g', 2);
}

QString countText(double value) {
    if (std::isnan(value)) return QStringLiteral("-");
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale.toString(std::round(value), 'f', 0);
}

QString percentText(double fraction) {
    if (std::isnan(fraction)) return QStringLiteral("-");
    const double percent = 100 * fraction;
    return QString::number(percent, 'f', std::abs(percent) < 9.95 && percent != 0 ? 1 : 0) + QLatin1Char('%');
}

QString sharesText(const core::LayerDecision& decision) {
    QStringList parts;
    for (const auto& [device, share] : decision.shares)
        parts << QString::fromStdString(device) + QLatin1Char(' ') + percentText(share);
    return parts.join(QLatin1Char(' '));
}

QString choicesText(const core::LayerDecision& decision) {
    QStringList parts;
    for (const auto& [name, value] : decision.choice)
        parts << QString::fromStdString(name) + QLatin1Char(' ') + QString::fromStdString(value);
    return parts.join(QStringLiteral(", "));
}

QString resourceName(const core::ResourceUse& use) { return QString::fromStdString(core::resourceName(use)); }

QString resourceLabel(const core::ResourceUse& use) {
    return QString::fromStdString(use.device) + QLatin1Char(' ') + views::resourceName(use);
}

QString decisionHtml(const core::LayerDecision& decision) {
    QString html = QStringLiteral("<table cellspacing=0 cellpadding=1>");
    auto row = [&html](const QString& key, const QString& value) {
        html +=
            QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td><b>%2</b></td></tr>").arg(key.toHtmlEscaped(), value.toHtmlEscaped());
    };
    for (const auto& [name, value] : decision.choice) row(QString::fromStdString(name), QString::fromStdString(value));
    if (!decision.shares.empty()) row(QStringLiteral("shares"), sharesText(decision));
    if (!std::isnan(decision.latencyMs)) row(QStringLiteral("latency"), figureText(decision.latencyMs) + QStringLiteral(" ms"));
    if (!std::isnan(decision.energyMj)) row(QStringLiteral("energy"), figureText(decision.energyMj) + QStringLiteral(" mJ"));
    for (const core::ResourceUse& use : decision.resources) {
        QString value = countText(use.used);
        if (use.budget > 0) value += QStringLiteral(" (%1 of the budget)").arg(percentText(use.used / use.budget));
        row(resourceLabel(use), value);
    }
    html += QStringLiteral("</table>");
    return html;
}

}  // namespace tessera::views
