import AcumenCore
import AcumenStore
import Foundation
import Plot

/// A group's gaps: choose a team, location or supervisor's people; read, per competency, how many
/// are below target and by how much; draft a group session where most are below.
enum GroupGapsPage {
    static func render(
        people: [PersonSummary], chosen: String, analysis: GroupGapsController.Analysis?, offerings: [Offering],
        sessions: [GroupSessionRepository.Session], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let title = text.text(GroupGapsMessage.title)
        var choices: [SelectField.Choice] = [.init(value: "", label: text.text(GroupGapsMessage.choose))]
        for kind in GroupSessionRepository.GroupKind.allCases {
            let names = Set(people.map { GroupGapsController.group(of: $0, by: kind) }).filter { !$0.isEmpty }.sorted()
            choices += names.map { name in
                let size = people.count { GroupGapsController.group(of: $0, by: kind) == name }
                return .init(
                    value: GroupGapsController.groupValue(kind, name),
                    label: text.text(
                        GroupGapsMessage(kind), count: size, ["name": name]))
            }
        }
        return Layout.page(title, context: context) {
            H1(title)
            Paragraph(text.text(GroupGapsMessage.intro)).class("hint")
            Form(
                url: SitePath.groupGaps.url(), method: .get,
                content: {
                    SelectField(
                        label: text.text(GroupGapsMessage.group), name: "group", choices: choices, selected: chosen)
                    SubmitButton(title: text.text(GroupGapsMessage.show), style: "button")
                })
            if let analysis {
                H2(
                    text.text(
                        GroupGapsMessage.heading, count: analysis.members.count,
                        ["name": analysis.name, "assessed": text.integer(analysis.assessed)]))
                if analysis.gaps.isEmpty {
                    Paragraph(text.text(GroupGapsMessage.nothingReleased))
                } else {
                    DataTable(
                        caption: text.text(GroupGapsMessage.caption, ["name": analysis.name]),
                        headings: [
                            GroupGapsMessage.competency, .below, .shortfall, .session,
                        ].map { text.text($0) },
                        rows: analysis.gaps.map { gap in
                            [
                                Text(
                                    "\(gap.competencyCode) "
                                        + (analysis.framework?.competencies.first { $0.code == gap.competencyCode }?
                                            .title
                                            ?? "")),
                                Text(
                                    text.text(
                                        GroupGapsMessage.belowCount,
                                        [
                                            "below": text.integer(gap.below.count),
                                            "assessed": text.integer(gap.assessed),
                                            "share": text.percent(gap.shareBelow),
                                        ])),
                                Text(text.decimal(gap.meanShortfall, fractionDigits: 2)),
                                sessionCell(gap, analysis: analysis, offerings: offerings, context: context),
                            ]
                        }, stacksOnPhone: true)
                }
            }
            if !sessions.isEmpty {
                H2(text.text(GroupGapsMessage.sessions))
                List(sessions) { session in
                    ListItem(
                        text.text(
                            GroupGapsMessage.sessionLine, count: session.enrolled,
                            [
                                "title": session.offeringTitle, "code": session.competencyCode,
                                "name": session.groupName, "who": session.createdBy,
                                "when": text.moment(session.createdAt),
                            ]))
                }
            }
        }
    }

    private static func sessionCell(
        _ gap: GroupGap, analysis: GroupGapsController.Analysis, offerings: [Offering], context: PageContext
    ) -> Component {
        let text = context.localizer
        guard gap.isMostlyBelow else { return Text(text.text(GroupGapsMessage.notMostly)) }
        guard let frameworkID = analysis.frameworkID,
            let offering = GroupSessionChooser.offering(
                for: gap.competencyCode, from: gap.commonLevel, frameworkID: frameworkID, in: offerings,
                together: analysis.kind == .location)
        else { return Text(text.text(GroupGapsMessage.noOffering)) }
        return Form(
            url: SitePath.groupSessions.url(), method: .post,
            content: {
                CSRFField(token: context.csrf)
                Input(type: .hidden, name: "group", value: GroupGapsController.groupValue(analysis.kind, analysis.name))
                Input(type: .hidden, name: "competency", value: gap.competencyCode)
                SubmitButton(
                    title: text.text(
                        GroupGapsMessage.draftSession, count: gap.below.count, ["title": offering.title]),
                    style: "button")
            })
    }
}

/// The words of the group gaps page.
enum GroupGapsMessage: String, MessageKey, CaseIterable {
    case title = "groupGaps.title"
    case intro = "groupGaps.intro"
    case choose = "groupGaps.choose"
    case group = "groupGaps.group"
    case show = "groupGaps.show"
    case team = "groupGaps.kind.team"
    case location = "groupGaps.kind.location"
    case supervisor = "groupGaps.kind.supervisor"
    case heading = "groupGaps.heading"
    case nothingReleased = "groupGaps.nothingReleased"
    case caption = "groupGaps.caption"
    case competency = "groupGaps.competency"
    case below = "groupGaps.below"
    case belowCount = "groupGaps.belowCount"
    case shortfall = "groupGaps.shortfall"
    case session = "groupGaps.session"
    case notMostly = "groupGaps.notMostly"
    case noOffering = "groupGaps.noOffering"
    case draftSession = "groupGaps.draftSession"
    case created = "groupGaps.created"
    case sessions = "groupGaps.sessions"
    case sessionLine = "groupGaps.sessionLine"

    // Keys are the prefix and the raw value; `MessageKeyTests` holds every case.
    init(_ kind: GroupSessionRepository.GroupKind) { self.init(rawValue: "groupGaps.kind.\(kind.rawValue)")! }
}
