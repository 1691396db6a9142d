import AcumenCore
import Foundation
import Plot

/// The level grid: one column per level with the behaviours that show it. On a phone the
/// columns stack.
struct LevelGrid: Component {
    let levels: LevelScale
    let competency: CompetencyContent

    var body: Component {
        Div {
            for (position, name) in levels.names.enumerated() {
                Tag("section") {
                    H3(name)
                    let behaviours = competency.standard(at: position)?.behaviours ?? []
                    if behaviours.isEmpty {
                        Paragraph("No behaviours yet.").class("muted")
                    } else {
                        List(behaviours)
                    }
                }.class("level level-\(position + 1)")
                    .attribute(named: "aria-label", value: "\(name) behaviours for \(competency.code)")
            }
        }.class("level-grid")
    }
}

extension FrameworkStatus {
    var badge: StatusBadge { StatusBadge(text: label, kind: rawValue) }
}

enum DateText {
    static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}
