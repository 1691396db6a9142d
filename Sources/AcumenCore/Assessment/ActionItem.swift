/// One action of an annual review's action plan, agreed between customer and vendor.
public struct ActionItem: Hashable, Codable, Sendable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case open
        case inProgress
        case done
        case dropped

        /// Open and in-progress actions stay visible to both sides until closed.
        public var isClosed: Bool { self == .done || self == .dropped }

        public var label: String {
            switch self {
            case .open: "Open"
            case .inProgress: "In progress"
            case .done: "Done"
            case .dropped: "Dropped"
            }
        }
    }

    /// What will be done, specifically.
    public var title: String
    /// How both sides will know it is done.
    public var measure: String
    /// Who is accountable: a named person.
    public var ownerName: String
    public var dueDate: CalendarDate?
    public var status: Status
    /// The competency or questionnaire question the action addresses.
    public var competencyCode: String?
    public var questionCode: String?
    /// Why it can be done with the time and people available.
    public var feasibilityNote: String

    public init(
        title: String, measure: String, ownerName: String, dueDate: CalendarDate?, status: Status = .open,
        competencyCode: String? = nil, questionCode: String? = nil, feasibilityNote: String = ""
    ) {
        self.title = title
        self.measure = measure
        self.ownerName = ownerName
        self.dueDate = dueDate
        self.status = status
        self.competencyCode = competencyCode
        self.questionCode = questionCode
        self.feasibilityNote = feasibilityNote
    }

    /// What makes the action unfit to store, each located by its form field's name: a plan
    /// item needs at least a title, and no text may outgrow what pages and exports lay out.
    public var problems: [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(ValidationProblem(location: "title", .sayWhatWillBeDone))
        }
        for (field, text) in [
            ("title", title), ("measure", measure), ("ownerName", ownerName), ("feasibilityNote", feasibilityNote),
        ] where text.count > TextLimits.description {
            problems.append(
                ValidationProblem(location: field, .tooLong, ["limit": "\(TextLimits.description)"]))
        }
        if [competencyCode, questionCode].contains(where: { ($0?.count ?? 0) > TextLimits.code }) {
            problems.append(
                ValidationProblem(location: "addresses", .chooseAddressed))
        }
        return problems
    }

    /// The parts of SMART this action does not yet show: specific (a title of some substance
    /// tied to a competency or question), measurable, assigned, realistic and time-bound.
    /// A date in the past counts as missing only for actions still open.
    public func smartGaps(today: CalendarDate) -> [SMARTGap] {
        var gaps: [SMARTGap] = []
        let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.split(separator: " ").count < 3 || (competencyCode == nil && questionCode == nil) {
            gaps.append(.specific)
        }
        if measure.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { gaps.append(.measurable) }
        if ownerName.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { gaps.append(.assigned) }
        if feasibilityNote.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { gaps.append(.realistic) }
        if let dueDate {
            if !status.isClosed && dueDate < today { gaps.append(.overdue(dueDate)) }
        } else {
            gaps.append(.undated)
        }
        return gaps
    }
}

/// A part of SMART an action does not yet show, and what to do about it.
public enum SMARTGap: Hashable, Sendable {
    case specific
    case measurable
    case assigned
    case realistic
    case overdue(CalendarDate)
    case undated

    /// The gap in the reader's words: "measurable: say how both sides will know it is done".
    public func text(_ text: Localizer) -> String {
        switch self {
        case .specific: text.text(SMARTGapMessage.specific)
        case .measurable: text.text(SMARTGapMessage.measurable)
        case .assigned: text.text(SMARTGapMessage.assigned)
        case .realistic: text.text(SMARTGapMessage.realistic)
        case .overdue(let date): text.text(SMARTGapMessage.overdue, ["date": text.date(date)])
        case .undated: text.text(SMARTGapMessage.undated)
        }
    }
}

public enum SMARTGapMessage: String, MessageKey, CaseIterable {
    case specific = "smart.specific"
    case measurable = "smart.measurable"
    case assigned = "smart.assigned"
    case realistic = "smart.realistic"
    case overdue = "smart.overdue"
    case undated = "smart.undated"
}
