import AcumenCore
import Foundation

/// Statistics as the pages print them: two decimals with the reader's decimal sign, a dash
/// for a figure that could not be computed.
struct StatisticText {
    let text: Localizer

    init(_ text: Localizer) {
        self.text = text
    }

    func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return text.decimal(value, fractionDigits: 2)
    }

    /// A lean from a reference point: "+0.25" lenient, "-0.40" severe.
    func signed(_ value: Double) -> String {
        (value > 0.005 ? "+" : "") + text.decimal(value, fractionDigits: 2)
    }

    func percent(_ share: Double?) -> String {
        share.map(text.percent) ?? "–"
    }

    func interval(_ range: ClosedRange<Double>?) -> String {
        guard let range else { return "–" }
        return text.text(
            StatisticMessage.interval, ["lower": signed(range.lowerBound), "upper": signed(range.upperBound)])
    }

    func interval(_ bootstrap: BootstrapInterval?) -> String {
        guard let bootstrap else { return "–" }
        return text.text(
            StatisticMessage.interval, ["lower": number(bootstrap.lower), "upper": number(bootstrap.upper)])
    }
}

enum StatisticMessage: String, MessageKey, CaseIterable {
    case interval = "statistic.interval"
}
