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

/// What an imported framework had below a competency, as nested lists in the framework's own
/// language (indicators are shown as written; translations cover what is rated).
struct IndicatorList: Component {
    let content: FrameworkContent
    let competency: CompetencyContent
    let text: Localizer

    var body: Component {
        if competency.indicators.isEmpty { return EmptyComponent() }
        let children = Dictionary(grouping: competency.indicators, by: \.parent)
        return Div {
            H4(text.text(FrameworkMessage.indicators, ["code": competency.code]))
            level(under: nil, children: children)
        }.class("indicators")
    }

    private func level(under parent: UUID?, children: [UUID?: [IndicatorContent]]) -> Component {
        List(children[parent] ?? []) { indicator in
            ListItem {
                Span(indicator.code + " ").class("code")
                Span(indicator.title).written(in: content.language, on: text)
                if !indicator.description.isEmpty {
                    Paragraph(indicator.description).class("muted")
                }
                if children[indicator.identifier] != nil {
                    level(under: indicator.identifier, children: children)
                }
            }
        }
    }
}
