import AcumenCore
import Foundation
import Plot

/// A grid of groups by competencies drawn as SVG on the server. Each cell writes its value, so
/// colour only repeats what the number says; the shades are steps of one blue, which reads the
/// same to every kind of colour vision and in grey on paper; a withheld cell is hatched and
/// says so. The description gives every number the table beside it gives.
struct HeatmapChart: SVGChart {
    struct Row {
        var label: String
        var cells: [Cell]
    }

    struct Cell {
        /// From 0 (worst) to 1 (best), deciding the shade; nil when withheld.
        var strength: Double?
        /// What the cell writes ("67%", "-0.4").
        var valueText: String
        /// The same for the description, with its column and count.
        var description: String
    }

    var title: String
    var columns: [String]
    var rows: [Row]
    var withheldText: String

    private let rowHeight = 30.0
    private let columnWidth = 54.0
    private let labelWidth = 170.0
    private let headerHeight = 28.0

    /// Five shades, lightest for the weakest cells; the text on the two darkest is white.
    private static let shades = ["#e8f0f8", "#c6d9ec", "#8fb3d9", "#4a7fb5", "#1f4e80"]

    func svg() -> String {
        let id = "heat-" + UUID.stable(named: title + rows.map(\.label).joined()).lowercasedString.prefix(8)
        let width = labelWidth + Double(columns.count) * columnWidth
        let height = headerHeight + Double(rows.count) * rowHeight + 2
        var nodes = frame(
            id: id, width: width, height: height, className: "heatmap", title: title,
            description: rows.map { row in row.label + ": " + row.cells.map(\.description).joined(separator: ", ") }
                .joined(separator: "; "))
        nodes.append(
            element(
                "defs", [:],
                children: [
                    element(
                        "pattern",
                        [
                            "id": "\(id)-withheld", "width": "6", "height": "6", "patternUnits": "userSpaceOnUse",
                            "patternTransform": "rotate(45)",
                        ],
                        children: [
                            element("rect", ["width": "6", "height": "6", "fill": "#ffffff"]),
                            element("line", ["x1": "0", "y1": "0", "x2": "0", "y2": "6", "class": "heat-hatch"]),
                        ])
                ]))
        for (index, column) in columns.enumerated() {
            nodes.append(
                element(
                    "text",
                    [
                        "class": "heat-column", "x": format(labelWidth + (Double(index) + 0.5) * columnWidth),
                        "y": format(headerHeight - 9), "text-anchor": "middle",
                    ], text: column))
        }
        for (rowIndex, row) in rows.enumerated() {
            let top = headerHeight + Double(rowIndex) * rowHeight
            nodes.append(
                element(
                    "text",
                    ["class": "heat-label", "x": format(labelWidth - 8), "y": format(top + 19), "text-anchor": "end"],
                    text: String(row.label.prefix(24))))
            for (columnIndex, cell) in row.cells.enumerated() {
                let left = labelWidth + Double(columnIndex) * columnWidth
                let shade = cell.strength.map { Self.shade($0) }
                nodes.append(
                    element(
                        "rect",
                        [
                            "x": format(left + 1), "y": format(top + 1), "width": format(columnWidth - 2),
                            "height": format(rowHeight - 2), "class": "heat-cell",
                            "fill": shade.map { Self.shades[$0] } ?? "url(#\(id)-withheld)",
                        ]))
                nodes.append(
                    element(
                        "text",
                        [
                            "class": (shade ?? 0) >= 3 ? "heat-value heat-value-dark" : "heat-value",
                            "x": format(left + columnWidth / 2), "y": format(top + 19), "text-anchor": "middle",
                        ], text: cell.strength == nil ? withheldText : cell.valueText))
            }
        }
        return SVGNode.element(named: "svg", nodes: nodes).render()
    }

    static func shade(_ strength: Double) -> Int {
        min(shades.count - 1, max(0, Int((strength * Double(shades.count)).rounded(.down))))
    }

}
