import AcumenCore
import AcumenStore
import Plot
import Vapor

enum FrameworkListPage {
    struct Model {
        var frameworks: [FrameworkSummary]
        var canEdit: Bool
    }

    static func render(_ model: Model, context: PageContext) -> Response {
        Layout.page("Competency frameworks", context: context) {
            H1("Competency frameworks")
            Paragraph(
                "Each framework describes what good looks like, competency by competency, at every level. Published versions never change; ratings point at the exact version they were made against."
            )
            if model.frameworks.isEmpty {
                Paragraph("There are no frameworks yet.")
            } else {
                Div {
                    Tag("table") {
                        Tag("caption") { Text("Frameworks and their versions") }
                        Tag("thead") {
                            Tag("tr") {
                                Tag("th") { Text("Framework") }.attribute(named: "scope", value: "col")
                                Tag("th") { Text("Version") }.attribute(named: "scope", value: "col")
                                Tag("th") { Text("Status") }.attribute(named: "scope", value: "col")
                                Tag("th") { Text("Owner") }.attribute(named: "scope", value: "col")
                                Tag("th") { Text("Last changed") }.attribute(named: "scope", value: "col")
                            }
                        }
                        Tag("tbody") {
                            for framework in model.frameworks {
                                Tag("tr") {
                                    Tag("th") { Link(framework.name, url: "/frameworks/\(framework.id)") }
                                        .attribute(named: "scope", value: "row")
                                    Tag("td") { Text("\(framework.version)") }
                                    Tag("td") { framework.status.badge }
                                    Tag("td") { Text(framework.owner) }
                                    Tag("td") { Text(DateText.day(framework.updatedAt)) }
                                }
                            }
                        }
                    }.class("table")
                }.class("table-scroll").attribute(named: "tabindex", value: "0")
                    .accessibilityLabel("Frameworks table")
            }
            if model.canEdit {
                Paragraph {
                    Link("New framework", url: "/frameworks/new").class("button primary")
                    Link("Import a CASE package", url: "/import").class("button")
                }
            }
        }
    }
}
