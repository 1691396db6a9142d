import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

/// Links are built from the same paths the routes listen on.
final class SitePathTests: XCTestCase {
    func test_everySitePath_isARoute_andEveryPageRoute_isASitePath() async throws {
        try await WebHarness.withDemoApp { app, _ in
            let routes = Set(
                app.routes.all.map { route in
                    "/"
                        + route.path.map { component in
                            if case .parameter = component { return ":" }
                            return component.description
                        }.joined(separator: "/")
                })
            let declared = Set(
                SitePath.all.map { path in
                    "/" + path.segments.map { $0.hasPrefix(":") ? ":" : $0 }.joined(separator: "/")
                })
            XCTAssertEqual(declared.count, SitePath.all.count, "two names for one path")
            XCTAssertEqual(declared.subtracting(routes), [], "links to paths no route serves")
            let pages = routes.filter { path in
                // The API, CASE and the xAPI record store are for other systems, not pages.
                !path.hasPrefix("/api/") && !path.hasPrefix("/ims/") && !path.hasPrefix("/xapi/")
                    && ![
                        "/", "/healthz", "/readyz", "/metrics", "/styles.css", "/openapi.json", "/assets/rater-form.js",
                        "/assets/site.js",
                    ].contains(
                        path)
            }
            XCTAssertEqual(pages.subtracting(declared), [], "page routes without a SitePath")
        }
    }

    func test_url_fillsParametersInOrder_andEncodesThem() {
        XCTAssertEqual(
            SitePath.cycleSubjectReport.url("c1", "p 2"), "/cycles/c1/people/p%202/report")
        XCTAssertEqual(SitePath.frameworkCompetency.url("f", "a/b"), "/frameworks/f/competencies/a%2Fb")
    }
}
