import AcumenCore
import Foundation
import Plot

/// A horizontal bar chart drawn as SVG on the server: one bar per row, its value written at its
/// end, so that it reads without colour and prints as it shows. Its title and description give
/// the same numbers as the table the page puts beside it.
struct BarChart: SVGChart {
    struct Bar {
        var label: String
        var value: Double
        /// The value as the page writes it ("42%", "12").
        var valueText: String
    }

    var title: String
    var bars: [Bar]

    private let rowHeight = 26.0
    private let labelWidth = 170.0
    private let barSpace = 250.0
    private let valueWidth = 60.0

    func svg() -> String {
        let id = "bars-" + UUID.stable(named: title + bars.map(\.label).joined()).lowercasedString.prefix(8)
        let height = Double(bars.count) * rowHeight + 4
        let largest = max(bars.map(\.value).max() ?? 0, .leastNonzeroMagnitude)
        var nodes = frame(
            id: id, width: labelWidth + barSpace + valueWidth, height: height, className: "bars", title: title,
            description: bars.map { "\($0.label): \($0.valueText)" }.joined(separator: "; "))
        for (index, bar) in bars.enumerated() {
            let top = Double(index) * rowHeight + 4
            let length = max(0, bar.value) / largest * barSpace
            nodes.append(
                element(
                    "text",
                    ["class": "bar-label", "x": format(labelWidth - 8), "y": format(top + 15), "text-anchor": "end"],
                    text: bar.label.count > 24 ? bar.label.prefix(23) + "…" : bar.label))
            nodes.append(
                element(
                    "rect",
                    [
                        "class": "bar", "x": format(labelWidth), "y": format(top + 2), "width": format(length),
                        "height": format(rowHeight - 8),
                    ]))
            nodes.append(
                element(
                    "text", ["class": "bar-value", "x": format(labelWidth + length + 6), "y": format(top + 15)],
                    text: bar.valueText))
        }
        return SVGNode.element(named: "svg", nodes: nodes).render()
    }

}
