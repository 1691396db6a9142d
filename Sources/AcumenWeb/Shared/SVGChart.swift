import Foundation
import Plot

/// What every server-drawn chart shares: an accessible `svg` root (an image named by its title
/// and described by the same numbers as the table beside it) and elements closed explicitly,
/// because inside HTML an SVG start tag without an end would take what follows as its children.
protocol SVGChart {}

extension SVGChart {
    /// The root's attributes, title and description; the chart's own nodes follow.
    func frame(id: String, width: Double, height: Double, className: String, title: String, description: String)
        -> [SVGNode]
    {
        [
            .attribute(named: "xmlns", value: "http://www.w3.org/2000/svg"),
            .attribute(named: "viewBox", value: "0 0 \(format(width)) \(format(height))"),
            .attribute(named: "role", value: "img"),
            .attribute(named: "aria-labelledby", value: "\(id)-title \(id)-desc"),
            .attribute(named: "class", value: className),
            element("title", ["id": "\(id)-title"], text: title),
            element("desc", ["id": "\(id)-desc"], text: description),
        ]
    }

    /// One element with its attributes in the order given.
    func element(
        _ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil, children: [SVGNode] = []
    ) -> SVGNode {
        .element(
            named: name,
            nodes: attributes.map { SVGNode.attribute(named: $0.key, value: $0.value) }
                + (text.map { [.text($0)] } ?? [])
                + children)
    }

    /// Coordinates to a tenth of a unit: enough for the eye, short in the markup.
    func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
