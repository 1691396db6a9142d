import AcumenCore
import Foundation
import Plot

/// The level grid: one column per level with the behaviours that show it, in the reader's
/// language where translated. On a phone the columns stack.
struct LevelGrid: Component {
    let content: FrameworkContent
    let competency: CompetencyContent
    let text: Localizer

    var body: Component {
        Div {
            for position in content.levels.names.indices {
                let name = content.text(.level(position), in: text.language).text
                Tag("section") {
                    H3 { content.span(.level(position), text: text) }
                    let behaviours = competency.standard(at: position)?.behaviours ?? []
                    if behaviours.isEmpty {
                        Paragraph(text.text(FrameworkMessage.noBehaviours)).class("muted")
                    } else {
                        List(behaviours.indices) { index in
                            ListItem {
                                content.span(.behaviour(competency.code, level: position, position: index), text: text)
                            }
                        }
                    }
                }.class("level level-\(position + 1)")
                    .attribute(
                        named: "aria-label",
                        value: text.text(FrameworkMessage.levelBehaviours, ["level": name, "code": competency.code]))
            }
        }.class("level-grid")
    }
}

extension FrameworkStatus {
    func badge(_ text: Localizer) -> StatusBadge {
        StatusBadge(text: text.text(FrameworkMessage(self)), kind: rawValue)
    }
}

enum DateText {
    static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}
