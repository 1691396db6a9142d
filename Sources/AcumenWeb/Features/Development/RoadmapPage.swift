import AcumenCore
import Foundation
import Plot

/// A person's roadmap: why each item is there and what it was chosen over, when it is due and
/// how far along it is, and who changed what.
enum RoadmapPage {
    static func render(
        person: PersonSummary, roadmap: Roadmap?, framework: FrameworkContent?, mayShape: Bool, mayReport: Bool,
        context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let title = text.text(RoadmapMessage.title, ["name": person.name])
        return Layout.page(title, context: context) {
            Paragraph { Link(person.name, url: SitePath.person.url(person.id)) }
            H1(title)
            if let roadmap {
                Paragraph(
                    roadmap.approvedOn.map {
                        text.text(RoadmapMessage.approved, ["date": text.date($0), "cycle": roadmap.cycleName])
                    } ?? text.text(RoadmapMessage.notApproved, ["cycle": roadmap.cycleName]))
            } else {
                Paragraph(text.text(RoadmapMessage.none))
            }
            if mayShape {
                Div {
                    ActionButton(
                        title: text.text(roadmap == nil ? RoadmapMessage.draft : .redraft),
                        url: SitePath.roadmapDraft.url(person.id), csrf: context.csrf, style: "button")
                    if let roadmap, roadmap.approvedOn == nil, !roadmap.items.isEmpty {
                        ActionButton(
                            title: text.text(RoadmapMessage.approve), url: SitePath.roadmapApprove.url(person.id),
                            csrf: context.csrf, style: "button primary")
                    }
                }.class("actions")
                Paragraph(text.text(RoadmapMessage.draftHint)).class("hint")
            }
            if let roadmap, !roadmap.items.isEmpty {
                H2(text.text(RoadmapMessage.items))
                List(roadmap.items.enumerated().map { $0 }) { position, item in
                    ListItem {
                        H3 {
                            Text(text.text(RoadmapMessage.itemNumber, ["number": text.integer(position + 1)]) + " ")
                            Link(item.offeringTitle, url: SitePath.catalogueOffering.url(item.offeringID))
                        }
                        Paragraph(reason(item.reason, framework: framework, text: text))
                        if !item.alsoDevelops.isEmpty {
                            Paragraph(text.text(RoadmapMessage.alsoDevelops, ["codes": text.list(item.alsoDevelops)]))
                        }
                        Paragraph(
                            text.text(
                                RoadmapMessage.dueAndStatus,
                                [
                                    "due": item.due.map(text.date) ?? "–",
                                    "status": text.text(RoadmapMessage(item.status)),
                                ]))
                        if !item.note.isEmpty { Paragraph(text.text(RoadmapMessage.note, ["note": item.note])) }
                        if !item.passedOver.isEmpty {
                            Tag("details") {
                                Tag("summary") { Text(text.text(RoadmapMessage.chosenOver)) }
                                List(item.passedOver) { other in
                                    ListItem(
                                        text.text(
                                            RoadmapMessage.passedOver,
                                            [
                                                "code": other.offeringCode,
                                                "why": text.text(RoadmapMessage(other.why)),
                                            ]))
                                }
                            }
                        }
                        if mayReport && !item.status.isClosed || mayShape {
                            statusForm(item, person: person, mayShape: mayShape, context: context)
                        }
                    }.class("card")
                }.class("plain roadmap")
            }
            if let roadmap, !roadmap.history.isEmpty {
                H2(text.text(RoadmapMessage.history))
                List(roadmap.history) { change in
                    ListItem(
                        text.text(
                            RoadmapMessage.change,
                            [
                                "when": text.moment(change.at),
                                "who": change.byEmail, "what": text.text(RoadmapMessage(change.kind)),
                                "detail": change.detail,
                            ]))
                }
            }
        }
    }

    private static func statusForm(_ item: RoadmapItem, person: PersonSummary, mayShape: Bool, context: PageContext)
        -> Component
    {
        let text = context.localizer
        let choices = RoadmapItemStatus.allCases.filter { mayShape || $0 != .waived }
        return Form(
            url: SitePath.roadmapItemStatus.url(person.id, item.id), method: .post,
            content: {
                CSRFField(token: context.csrf)
                Div {
                    SelectField(
                        label: text.text(RoadmapMessage.status), name: "status",
                        choices: choices.map { .init(value: $0.rawValue, label: text.text(RoadmapMessage($0))) },
                        selected: item.status.rawValue)
                    Field(
                        label: text.text(RoadmapMessage.noteField), name: "note", value: item.note,
                        maxLength: TextLimits.description)
                }.class("field-row")
                SubmitButton(title: text.text(RoadmapMessage.save), style: "button")
            })
    }

    /// Why an item is on the roadmap, in the reader's words: the competency by its code and title,
    /// where the latest results put it on the framework's scale (counted from 1) and its target level.
    static func reason(_ reason: RoadmapReason, framework: FrameworkContent?, text: Localizer) -> String {
        switch reason {
        case .closesGap(let code, let current, let target):
            text.text(
                RoadmapMessage.reasonGap,
                [
                    "code": code,
                    "title": framework?.competencies.first { $0.code == code }?.title ?? "",
                    "current": text.decimal(current + 1, fractionDigits: 1),
                    "levels": text.integer(framework?.levels.count ?? 3),
                    "target": framework?.levels.name(at: target) ?? text.integer(target + 1),
                ])
        case .prerequisite(let code):
            text.text(RoadmapMessage.reasonPrerequisite, ["code": code])
        }
    }
}

/// The words of a roadmap (English for now, through the catalogue).
enum RoadmapMessage: String, MessageKey, CaseIterable {
    case title = "roadmap.title"
    case approved = "roadmap.approved"
    case notApproved = "roadmap.notApproved"
    case none = "roadmap.none"
    case draft = "roadmap.draft"
    case redraft = "roadmap.redraft"
    case approve = "roadmap.approve"
    case draftHint = "roadmap.draftHint"
    case items = "roadmap.items"
    case itemNumber = "roadmap.itemNumber"
    case alsoDevelops = "roadmap.alsoDevelops"
    case dueAndStatus = "roadmap.dueAndStatus"
    case note = "roadmap.note"
    case chosenOver = "roadmap.chosenOver"
    case passedOver = "roadmap.passedOver"
    case history = "roadmap.history"
    case change = "roadmap.change"
    case status = "roadmap.status"
    case noteField = "roadmap.noteField"
    case save = "roadmap.save"
    case reasonGap = "roadmap.reason.gap"
    case reasonPrerequisite = "roadmap.reason.prerequisite"
    case nothingReleased = "roadmap.nothingReleased"
    case drafted = "roadmap.drafted"
    case approvedNow = "roadmap.approvedNow"
    case statusSaved = "roadmap.statusSaved"
    case planned = "roadmap.status.planned"
    case enrolled = "roadmap.status.enrolled"
    case inProgress = "roadmap.status.inProgress"
    case completed = "roadmap.status.completed"
    case waived = "roadmap.status.waived"
    case formatSuitsLess = "roadmap.why.formatSuitsLess"
    case otherLanguage = "roadmap.why.otherLanguage"
    case coversLess = "roadmap.why.coversLess"
    case longer = "roadmap.why.longer"
    case changeDrafted = "roadmap.changed.drafted"
    case changeApproved = "roadmap.changed.approved"
    case changeStatusChanged = "roadmap.changed.statusChanged"
    case changeRemoved = "roadmap.changed.removed"

    // Keys are the prefix and the raw value; `MessageKeyTests` holds every case.
    init(_ status: RoadmapItemStatus) { self.init(rawValue: "roadmap.status.\(status.rawValue)")! }
    init(_ why: PassedOver.Why) { self.init(rawValue: "roadmap.why.\(why.rawValue)")! }
    init(_ kind: Roadmap.Change.Kind) { self.init(rawValue: "roadmap.changed.\(kind.rawValue)")! }
}
