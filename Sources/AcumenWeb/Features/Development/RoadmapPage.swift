import AcumenCore
import Foundation
import Plot

/// A person's roadmap: why each item is there and what it was chosen over, when it is due and
/// how far along it is, and who changed what.
enum RoadmapPage {
    /// The priority fields of the supervisor's form, first to third.
    static let priorityFields = ["priority1", "priority2", "priority3"]

    static func render(
        person: PersonSummary, roadmap: Roadmap?, framework: FrameworkContent?, offerings: [Offering],
        observations: [CoachingObservation], mayShape: Bool, mayReport: Bool, today: CalendarDate,
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
                    Link(text.text(RoadmapMessage.recordObservation), url: SitePath.newObservation.url(person.id))
                        .class("button")
                    Link(
                        text.text(RoadmapMessage.groupGaps, ["team": person.team]),
                        url: SitePath.groupGaps.url() + "?group="
                            + GroupGapsController.groupValue(.team, person.team).queryValueEncoded
                    ).class("button")
                }.class("actions")
                Paragraph(text.text(RoadmapMessage.draftHint)).class("hint")
            }
            if let roadmap {
                dueSoon(
                    roadmap, person: person, mayShape: mayShape, mayReport: mayReport, today: today, context: context)
                if mayShape, let framework {
                    prioritiesForm(roadmap, framework: framework, person: person, context: context)
                } else if !roadmap.priorities.isEmpty {
                    Paragraph(text.text(RoadmapMessage.priorities, ["codes": text.list(roadmap.priorities)]))
                }
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
                        if mayShape {
                            shapingControls(
                                item, position: position, count: roadmap.items.count, person: person, context: context)
                        }
                    }.class("card")
                }.class("plain roadmap")
            }
            if let roadmap, mayShape {
                addForm(roadmap, offerings: offerings, person: person, context: context)
            }
            if !observations.isEmpty {
                H2(text.text(RoadmapMessage.observations))
                List(observations) { observation in
                    ListItem {
                        Paragraph(
                            text.text(
                                RoadmapMessage.observationSummary,
                                [
                                    "date": text.date(observation.observedOn),
                                    "setting": text.text(RoadmapMessage(observation.setting)),
                                    "code": observation.competencyCode,
                                    "level": observation.level.flatMap { framework?.levels.name(at: $0) } ?? "–",
                                    "who": observation.observerEmail,
                                ]))
                        if !observation.notes.isEmpty {
                            Paragraph(text.text(RoadmapMessage.observationNotes, ["notes": observation.notes]))
                        }
                        if !observation.nextSteps.isEmpty {
                            Paragraph(text.text(RoadmapMessage.observationNextSteps, ["steps": observation.nextSteps]))
                        }
                    }.class("card")
                }.class("plain")
            }
            if let roadmap, !roadmap.history.isEmpty {
                H2(text.text(RoadmapMessage.history))
                List(roadmap.history) { change in
                    ListItem(
                        text.text(
                            RoadmapMessage.change,
                            [
                                "when": text.moment(change.at),
                                "who": change.madeBy, "what": text.text(RoadmapMessage(change.kind)),
                                "detail": change.detail,
                            ]))
                }
            }
        }
    }

    /// Open items due within a month and follow-ups due within two weeks, overdue ones included.
    private static func dueSoon(
        _ roadmap: Roadmap, person: PersonSummary, mayShape: Bool, mayReport: Bool, today: CalendarDate,
        context: PageContext
    ) -> Component {
        let text = context.localizer
        let items = roadmap.due(within: 31, of: today).items
        let followUps = roadmap.followUps.filter { $0.doneOn == nil }
        return Div {
            H2(text.text(RoadmapMessage.dueHeading))
            if items.isEmpty && followUps.isEmpty {
                Paragraph(text.text(RoadmapMessage.nothingDue))
            }
            List {
                for item in items {
                    ListItem(
                        text.text(
                            item.due.map { $0 < today } == true ? RoadmapMessage.itemOverdue : .itemDue,
                            ["title": item.offeringTitle, "date": item.due.map(text.date) ?? ""]))
                }
                for followUp in followUps {
                    ListItem {
                        Text(
                            text.text(
                                followUp.kind == .refresher ? RoadmapMessage.refresherDue : .reobservationDue,
                                [
                                    "number": text.integer(followUp.number), "title": followUp.offeringTitle,
                                    "code": followUp.competencyCode, "date": text.date(followUp.due),
                                ]) + " ")
                        if followUp.due < today { Span(text.text(RoadmapMessage.overdue)).class("badge warning") }
                        if followUp.kind == .refresher ? mayReport : mayShape {
                            ActionButton(
                                title: text.text(
                                    followUp.kind == .refresher ? RoadmapMessage.markRefreshed : .markObserved),
                                url: SitePath.roadmapFollowUpDone.url(person.id, followUp.id), csrf: context.csrf,
                                style: "button small")
                        }
                    }
                }
            }.class("due-list")
            let done = roadmap.followUps.filter { $0.doneOn != nil }
            if !done.isEmpty {
                Paragraph(text.text(RoadmapMessage.followUpsDone, count: done.count)).class("hint")
            }
        }.class("card")
    }

    private static func prioritiesForm(
        _ roadmap: Roadmap, framework: FrameworkContent, person: PersonSummary, context: PageContext
    ) -> Component {
        let text = context.localizer
        let choices =
            [SelectField.Choice(value: "", label: text.text(RoadmapMessage.noPriority))]
            + framework.competencies.map { .init(value: $0.code, label: "\($0.code) \($0.title)") }
        return Form(
            url: SitePath.roadmapPriorities.url(person.id), method: .post,
            content: {
                CSRFField(token: context.csrf)
                H2(text.text(RoadmapMessage.prioritiesHeading))
                Paragraph(text.text(RoadmapMessage.prioritiesHint)).class("hint")
                Div {
                    for (index, field) in priorityFields.enumerated() {
                        SelectField(
                            label: text.text(RoadmapMessage.priorityNumber, ["number": text.integer(index + 1)]),
                            name: field, choices: choices,
                            selected: roadmap.priorities.indices.contains(index) ? roadmap.priorities[index] : "")
                    }
                }.class("field-row")
                SubmitButton(title: text.text(RoadmapMessage.savePriorities), style: "button")
            })
    }

    private static func shapingControls(
        _ item: RoadmapItem, position: Int, count: Int, person: PersonSummary, context: PageContext
    ) -> Component {
        let text = context.localizer
        return Div {
            Form(
                url: SitePath.roadmapItemDue.url(person.id, item.id), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    Field(
                        label: text.text(RoadmapMessage.dueField, ["title": item.offeringTitle]), name: "due",
                        value: item.due?.description ?? "", type: .date)
                    SubmitButton(title: text.text(RoadmapMessage.setDue), style: "button")
                }
            ).class("inline")
            if position > 0 {
                moveButton(item, direction: "up", label: text.text(RoadmapMessage.moveUp), person: person, context)
            }
            if position < count - 1 {
                moveButton(item, direction: "down", label: text.text(RoadmapMessage.moveDown), person: person, context)
            }
            if item.status != .completed {
                ActionButton(
                    title: text.text(RoadmapMessage.remove, ["title": item.offeringTitle]),
                    url: SitePath.roadmapItemRemove.url(person.id, item.id), csrf: context.csrf,
                    style: "button danger")
            }
        }.class("actions")
    }

    private static func moveButton(
        _ item: RoadmapItem, direction: String, label: String, person: PersonSummary, _ context: PageContext
    ) -> Component {
        Form(
            url: SitePath.roadmapItemMove.url(person.id, item.id), method: .post,
            content: {
                CSRFField(token: context.csrf)
                Input(type: .hidden, name: "direction", value: direction)
                Button { Text(label) }.attribute(named: "type", value: "submit").class("button")
                    .attribute(named: "aria-label", value: "\(label): \(item.offeringTitle)")
            }
        ).class("inline")
    }

    private static func addForm(_ roadmap: Roadmap, offerings: [Offering], person: PersonSummary, context: PageContext)
        -> Component
    {
        let text = context.localizer
        let onRoadmap = Set(roadmap.items.filter { !$0.status.isClosed }.map(\.offeringID))
        return Form(
            url: SitePath.roadmapItems.url(person.id), method: .post,
            content: {
                CSRFField(token: context.csrf)
                H2(text.text(RoadmapMessage.addHeading))
                Div {
                    SelectField(
                        label: text.text(RoadmapMessage.offeringField), name: "offering",
                        choices: offerings.filter { !onRoadmap.contains($0.id) }.sorted { $0.title < $1.title }.map {
                            .init(value: $0.code, label: "\($0.title) (\($0.code))")
                        })
                    Field(label: text.text(RoadmapMessage.dueOptional), name: "due", type: .date)
                }.class("field-row")
                SubmitButton(title: text.text(RoadmapMessage.add), style: "button")
            })
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
        case .addedBySupervisor:
            text.text(RoadmapMessage.reasonSupervisor)
        case .groupSession(let code):
            text.text(
                RoadmapMessage.reasonGroup,
                ["code": code, "title": framework?.competencies.first { $0.code == code }?.title ?? ""])
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
    case changePrioritiesSet = "roadmap.changed.prioritiesSet"
    case changeMoved = "roadmap.changed.moved"
    case changeAdded = "roadmap.changed.added"
    case changeDueSet = "roadmap.changed.dueSet"
    case changeFollowUpDone = "roadmap.changed.followUpDone"
    case reasonSupervisor = "roadmap.reason.supervisor"
    case reasonGroup = "roadmap.reason.group"
    case groupGaps = "roadmap.groupGaps"
    case recordObservation = "roadmap.recordObservation"
    case priorities = "roadmap.priorities"
    case prioritiesHeading = "roadmap.prioritiesHeading"
    case prioritiesHint = "roadmap.prioritiesHint"
    case priorityNumber = "roadmap.priorityNumber"
    case noPriority = "roadmap.noPriority"
    case savePriorities = "roadmap.savePriorities"
    case prioritiesSaved = "roadmap.prioritiesSaved"
    case dueHeading = "roadmap.dueHeading"
    case nothingDue = "roadmap.nothingDue"
    case itemDue = "roadmap.itemDue"
    case itemOverdue = "roadmap.itemOverdue"
    case refresherDue = "roadmap.refresherDue"
    case reobservationDue = "roadmap.reobservationDue"
    case overdue = "roadmap.overdue"
    case markRefreshed = "roadmap.markRefreshed"
    case markObserved = "roadmap.markObserved"
    case followUpsDone = "roadmap.followUpsDone"
    case followUpDoneNow = "roadmap.followUpDoneNow"
    case completedNow = "roadmap.completedNow"
    case dueField = "roadmap.dueField"
    case setDue = "roadmap.setDue"
    case moveUp = "roadmap.moveUp"
    case moveDown = "roadmap.moveDown"
    case remove = "roadmap.remove"
    case removedNow = "roadmap.removedNow"
    case addHeading = "roadmap.addHeading"
    case offeringField = "roadmap.offeringField"
    case dueOptional = "roadmap.dueOptional"
    case add = "roadmap.add"
    case added = "roadmap.added"
    case observations = "roadmap.observations"
    case observationSummary = "roadmap.observationSummary"
    case observationNotes = "roadmap.observationNotes"
    case observationNextSteps = "roadmap.observationNextSteps"
    case settingMeeting = "roadmap.setting.meeting"
    case settingCall = "roadmap.setting.call"
    case settingRolePlay = "roadmap.setting.rolePlay"
    case settingVerbalAssessment = "roadmap.setting.verbalAssessment"

    // Keys are the prefix and the raw value; `MessageKeyTests` holds every case.
    init(_ status: RoadmapItemStatus) { self.init(rawValue: "roadmap.status.\(status.rawValue)")! }
    init(_ why: PassedOver.Why) { self.init(rawValue: "roadmap.why.\(why.rawValue)")! }
    init(_ kind: Roadmap.Change.Kind) { self.init(rawValue: "roadmap.changed.\(kind.rawValue)")! }
    init(_ setting: CoachingObservation.Setting) { self.init(rawValue: "roadmap.setting.\(setting.rawValue)")! }
}
