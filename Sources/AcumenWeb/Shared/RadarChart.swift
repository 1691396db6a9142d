import AcumenCore
import Foundation

/// A radar chart drawn as SVG on the server: one spoke per competency, one closed line per
/// series (for example self, others and target). It prints, needs no JavaScript, and carries
/// a title and a description for screen readers; pages show the same numbers in a table.
struct RadarChart {
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

    private let size = 420.0
    private var centre: Double { size / 2 }
    private var radius: Double { size / 2 - 70 }

    func svg() -> String {
        var parts: [String] = []
        // Stable, so the same chart renders to the same text.
        let id = "radar-" + UUID.stable(named: title).lowercasedString.prefix(8)
        parts.append(
            #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(format(size)) \#(format(size))" role="img" aria-labelledby="\#(id)-title \#(id)-desc" class="radar">"#
        )
        parts.append(#"<title id="\#(id)-title">\#(escape(title))</title>"#)
        parts.append(#"<desc id="\#(id)-desc">\#(escape(description))</desc>"#)
        for (index, label) in rings.enumerated() where !rings.isEmpty {
            let ringRadius = scaled(Double(index) * step)
            parts.append(
                #"<polygon class="ring" points="\#(polygon(spokes.indices.map { _ in ringRadius }))" fill="none"/>"#)
            parts.append(
                #"<text class="ring-label" x="\#(format(centre + 4))" y="\#(format(centre - ringRadius - 2))">\#(escape(label))</text>"#
            )
        }
        for (index, spoke) in spokes.enumerated() {
            let end = point(index, radius)
            let label = point(index, radius + 22)
            parts.append(
                #"<line class="spoke" x1="\#(format(centre))" y1="\#(format(centre))" x2="\#(format(end.x))" y2="\#(format(end.y))"/>"#
            )
            let anchor = abs(label.x - centre) < 1 ? "middle" : (label.x > centre ? "start" : "end")
            parts.append(
                #"<text class="spoke-label" x="\#(format(label.x))" y="\#(format(label.y))" text-anchor="\#(anchor)">\#(escape(spoke))</text>"#
            )
        }
        for line in series {
            let radii = line.values.map { value in value.map { scaled(min(max($0, 0), maximum)) } }
            // A series with gaps is drawn as points only: a polygon would invent the missing values.
            if radii.allSatisfy({ $0 != nil }) {
                parts.append(
                    #"<polygon class="series \#(line.style)" points="\#(polygon(radii.map { $0! }))"><title>\#(escape(line.name))</title></polygon>"#
                )
            }
            for (index, value) in radii.enumerated() {
                guard let value else { continue }
                let dot = point(index, value)
                parts.append(
                    #"<circle class="series-point \#(line.style)" cx="\#(format(dot.x))" cy="\#(format(dot.y))" r="4"/>"#
                )
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// A sentence version of the chart for assistive technology.
    var description: String {
        series.map { line in
            let values = zip(spokes, line.values).map { spoke, value in
                "\(spoke) \(value.map { format($0) } ?? "no value")"
            }
            return "\(line.name): " + values.joined(separator: ", ")
        }.joined(separator: ". ")
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

    private func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
