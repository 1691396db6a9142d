import XCTest

@testable import AcumenWeb

final class RadarChartTests: XCTestCase {
    let chart = RadarChart(
        title: "OM competencies: self, others and target", spokes: ["OM.1", "OM.2", "OM.3", "OM.4"], maximum: 2,
        rings: ["Baseline", "Advanced", "Expert"],
        series: [
            .init(name: "Self", values: [2, 2, 1, 2], style: "self"),
            .init(name: "Others", values: [1, nil, 1, 0.5], style: "others"),
            .init(name: "Target", values: [1, 1, 1, 1], style: "target"),
        ])

    func test_svg_hasAnAccessibleNameAndOneSpokePerCompetency() {
        let svg = chart.svg()
        XCTAssertTrue(svg.hasPrefix("<svg"))
        XCTAssertTrue(svg.contains(#"role="img""#))
        XCTAssertEqual(svg.components(separatedBy: #"<line class="spoke""#).count - 1, 4)
        XCTAssertTrue(svg.contains("<title id="))
        XCTAssertTrue(
            chart.description.contains("Others: OM.1 2.0, OM.2 no value"),
            "levels counted from 1, as the report's table counts them: \(chart.description)")
    }

    func test_aSeriesWithGaps_keepsItsLine_betweenNeighboursThatHaveValues() {
        let svg = chart.svg()
        XCTAssertEqual(svg.components(separatedBy: #"<polygon class="series "#).count - 1, 2, "self and target closed")
        XCTAssertEqual(
            svg.components(separatedBy: #"<polyline class="series others""#).count - 1, 1,
            "others keep their dash from OM.3 round to OM.1, not through OM.2")
        XCTAssertEqual(svg.components(separatedBy: #"class="series-point others""#).count - 1, 3)
        XCTAssertEqual(RadarChart.runs(of: [1, nil, 1, 0.5]), [[2, 3, 0]])
        XCTAssertEqual(RadarChart.runs(of: [1, 1, nil, 1, nil]), [[3], [0, 1]])
        XCTAssertEqual(RadarChart.runs(of: [nil, nil]), [])
        XCTAssertEqual(RadarChart.runs(of: [1, 2]), [[0, 1]])
    }

    func test_theTopOfTheScale_reachesTheOuterRing_andTextIsEscaped() {
        let top = RadarChart(
            title: "<b>&", spokes: ["A"], maximum: 2, rings: ["Low", "High"],
            series: [.init(name: "S", values: [2], style: "self")])
        let svg = top.svg()
        XCTAssertTrue(svg.contains(#"cx="210.0" cy="70.0""#), svg)
        XCTAssertTrue(svg.contains("&lt;b&gt;&amp;"))
    }

    func test_theLowestLevel_isARing_notTheCentre() {
        let low = RadarChart(
            title: "Low", spokes: ["A"], maximum: 2, rings: ["Baseline", "Advanced", "Expert"],
            series: [.init(name: "S", values: [0], style: "self")])
        // Radius 140 from the centre (210, 210): the first of three rings is a third of the way out.
        XCTAssertTrue(low.svg().contains(#"cx="210.0" cy="163.3""#), low.svg())
    }
}
