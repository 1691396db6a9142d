import AcumenCore
import Foundation
import Plot

/// A radar chart drawn as SVG on the server: one spoke per competency, one closed line per
/// series (for example self, others and target). It prints, needs no JavaScript, and carries
/// a title and a description for screen readers; pages show the same numbers in a table.
struct RadarChart: SVGChart {
    struct Series {
        var name: String
        /// A value per spoke, or nil where the series has none (not rated, withheld).
        var values: [Double?]
        /// A CSS class that sets the stroke colour and dash, so series differ by more than colour.
        var style: String
    }

    var title: String
    var spokes: [String]
    /// The value at the outer ring, e.g. 2 for Expert on a three-level scale starting at 0.
    var maximum: Double
    /// Labels of the rings from the centre out, e.g. Baseline, Advanced, Expert, evenly spaced
    /// from 0 to `maximum`. The centre lies one step below the first ring: the lowest level is a
    /// ring of its own, not a point where every series would collapse.
    var rings: [String]
    var series: [Series]
    /// Added to every value in the text alternative, so that it counts levels as the page's
    /// tables do (from 1) while the geometry keeps the framework's levels (from 0).
    var displayOffset: Double = 1
    /// What the text alternative says where a series has no value, in the page's language.
    var noValue = "no value"

    private let size = 420.0
    private var centre: Double { size / 2 }
    private var radius: Double { size / 2 - 70 }

    /// The chart as an SVG element. Plot writes the markup, so every text and attribute is escaped.
    func svg() -> String {
        // Stable, so the same chart renders to the same text.
        let id = "radar-" + UUID.stable(named: title).lowercasedString.prefix(8)
        var nodes = frame(
            id: id, width: size, height: size, className: "radar", title: title, description: description)
        for (index, label) in rings.enumerated() {
            let ringRadius = scaled(Double(index) * step)
            nodes.append(
                element(
                    "polygon",
                    ["class": "ring", "points": polygon(spokes.indices.map { _ in ringRadius }), "fill": "none"]))
            nodes.append(
                element(
                    "text",
                    ["class": "ring-label", "x": format(centre + 4), "y": format(centre - ringRadius - 2)],
                    text: label))
        }
        for (index, spoke) in spokes.enumerated() {
            let end = point(index, radius)
            let label = point(index, radius + 22)
            nodes.append(
                element(
                    "line",
                    [
                        "class": "spoke", "x1": format(centre), "y1": format(centre), "x2": format(end.x),
                        "y2": format(end.y),
                    ]))
            let anchor = abs(label.x - centre) < 1 ? "middle" : (label.x > centre ? "start" : "end")
            nodes.append(
                element(
                    "text",
                    ["class": "spoke-label", "x": format(label.x), "y": format(label.y), "text-anchor": anchor],
                    text: spoke))
        }
        for line in series {
            let radii = line.values.map { value in value.map { scaled(min(max($0, 0), maximum)) } }
            // A complete series is a closed line. One with gaps is drawn between neighbouring
            // spokes that both have a value, so that its dash still names it in the legend,
            // without a segment through the spoke that has none.
            if radii.allSatisfy({ $0 != nil }) {
                nodes.append(
                    element(
                        "polygon", ["class": "series \(line.style)", "points": polygon(radii.map { $0! })],
                        children: [element("title", [:], text: line.name)]))
            } else {
                for run in Self.runs(of: radii) where run.count >= 2 {
                    nodes.append(
                        element(
                            "polyline",
                            [
                                "class": "series \(line.style)", "fill": "none",
                                "points": run.map { index in
                                    let spot = point(index, radii[index]!)
                                    return "\(format(spot.x)),\(format(spot.y))"
                                }.joined(separator: " "),
                            ], children: [element("title", [:], text: line.name)]))
                }
            }
            for (index, value) in radii.enumerated() {
                guard let value else { continue }
                let dot = point(index, value)
                nodes.append(
                    element(
                        "circle",
                        [
                            "class": "series-point \(line.style)", "cx": format(dot.x), "cy": format(dot.y),
                            "r": "4",
                        ]))
            }
        }
        return SVGNode.element(named: "svg", nodes: nodes).render()
    }

    /// A sentence version of the chart for assistive technology, with levels counted as the
    /// page's tables count them.
    var description: String {
        series.map { line in
            let values = zip(spokes, line.values).map { spoke, value in
                "\(spoke) \(value.map { format($0 + displayOffset) } ?? noValue)"
            }
            return "\(line.name): " + values.joined(separator: ", ")
        }.joined(separator: ". ")
    }

    /// The spokes with a value, in runs of neighbours around the circle: for values present at
    /// spokes 0, 1, 3 and 4 of five, one run 3, 4, 0, 1 (the circle closes between 4 and 0).
    static func runs(of values: [Double?]) -> [[Int]] {
        guard let gap = values.firstIndex(where: { $0 == nil }) else { return [Array(values.indices)] }
        var runs: [[Int]] = []
        var current: [Int] = []
        // Start just after a gap so that a run crossing the end of the array stays whole.
        for step in 1...values.count {
            let index = (gap + step) % values.count
            if values[index] == nil {
                if !current.isEmpty { runs.append(current) }
                current = []
            } else {
                current.append(index)
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// The value between two neighbouring rings.
    private var step: Double { rings.count > 1 ? maximum / Double(rings.count - 1) : max(maximum, 1) }

    /// Distance from the centre of a value: 0 on the first ring, `maximum` on the outer one.
    private func scaled(_ value: Double) -> Double {
        (value + step) / (maximum + step) * radius
    }

    private func point(_ index: Int, _ distance: Double) -> (x: Double, y: Double) {
        let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(spokes.count, 1))
        return (centre + distance * cos(angle), centre + distance * sin(angle))
    }

    private func polygon(_ radii: [Double]) -> String {
        radii.enumerated().map { index, value in
            let spot = point(index, value)
            return "\(format(spot.x)),\(format(spot.y))"
        }.joined(separator: " ")
    }

}

/// The context of SVG nodes: Plot builds them like HTML nodes and escapes their text and attributes.
enum SVGContext {}

typealias SVGNode = Node<SVGContext>
