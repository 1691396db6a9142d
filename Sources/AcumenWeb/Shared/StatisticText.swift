import AcumenCore
import Foundation

/// Statistics as the pages print them.
enum StatisticText {
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.2f", value)
    }

    static func signed(_ value: Double) -> String {
        (value > 0.005 ? "+" : "") + String(format: "%.2f", value)
    }

    static func interval(_ range: ClosedRange<Double>?) -> String {
        guard let range else { return "–" }
        return "\(signed(range.lowerBound)) to \(signed(range.upperBound))"
    }

    static func interval(_ bootstrap: BootstrapInterval?) -> String {
        guard let bootstrap else { return "–" }
        return "\(number(bootstrap.lower)) to \(number(bootstrap.upper))"
    }
}
