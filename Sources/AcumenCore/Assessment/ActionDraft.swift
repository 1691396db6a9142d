/// An action as typed into a form or sent to the API: every field is text so that a bad value
/// is shown back beside its field rather than refused by a decoder, and the form keeps it.
public struct ActionDraft: Hashable, Codable, Sendable {
    public var title: String
    public var measure: String
    public var ownerName: String
    public var dueOn: String
    /// `competency:OM.1` or `question:OM.1-a`; blank when the action addresses neither.
    public var addresses: String
    public var feasibilityNote: String
    /// Blank on a new action, which starts open.
    public var status: String?

    public init(
        title: String = "", measure: String = "", ownerName: String = "", dueOn: String = "",
        addresses: String = "", feasibilityNote: String = "", status: String? = nil
    ) {
        self.title = title
        self.measure = measure
        self.ownerName = ownerName
        self.dueOn = dueOn
        self.addresses = addresses
        self.feasibilityNote = feasibilityNote
        self.status = status
    }

    /// The draft of a stored action, for editing it.
    public init(_ item: ActionItem) {
        self.init(
            title: item.title, measure: item.measure, ownerName: item.ownerName,
            dueOn: item.dueDate?.description ?? "",
            addresses: item.questionCode.map { "question:\($0)" } ?? item.competencyCode.map { "competency:\($0)" }
                ?? "",
            feasibilityNote: item.feasibilityNote, status: item.status.rawValue)
    }

    /// The action, or every problem found, each located by the name of its field.
    public func item() -> Result<ActionItem, ActionProblems> {
        var problems: [ValidationProblem] = []
        let due = dueOn.trimmingCharacters(in: .whitespaces)
        let dueDate = CalendarDate(due)
        if !due.isEmpty && dueDate == nil {
            problems.append(ValidationProblem(location: "dueOn", .enterDate, ["example": "2027-03-31"]))
        }
        var status = ActionItem.Status.open
        if let typed = self.status?.trimmingCharacters(in: .whitespaces), !typed.isEmpty {
            if let known = ActionItem.Status(rawValue: typed) {
                status = known
            } else {
                problems.append(ValidationProblem(location: "status", .chooseStatus))
            }
        }
        let parts = addresses.split(separator: ":", maxSplits: 1).map(String.init)
        let kind = parts.first ?? ""
        let code = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        if !addresses.trimmingCharacters(in: .whitespaces).isEmpty
            && (!["competency", "question"].contains(kind) || code.isEmpty)
        {
            problems.append(
                ValidationProblem(location: "addresses", .chooseAddressed))
        }
        let item = ActionItem(
            title: title.trimmingCharacters(in: .whitespacesAndNewlines),
            measure: measure.trimmingCharacters(in: .whitespacesAndNewlines),
            ownerName: ownerName.trimmingCharacters(in: .whitespacesAndNewlines), dueDate: dueDate, status: status,
            competencyCode: kind == "competency" && !code.isEmpty ? code : nil,
            questionCode: kind == "question" && !code.isEmpty ? code : nil,
            feasibilityNote: feasibilityNote.trimmingCharacters(in: .whitespacesAndNewlines))
        problems += item.problems
        guard problems.isEmpty else { return .failure(ActionProblems(problems: problems)) }
        return .success(item)
    }
}

/// Why an action was not saved, each problem located by its field's name.
public struct ActionProblems: Error, Hashable, Sendable {
    public var problems: [ValidationProblem]

    /// The message for one field, if it has a problem.
    public func message(for field: String) -> String? {
        problems.message(for: field)
    }

    public func message(for field: String, in text: Localizer) -> String? {
        problems.message(for: field, in: text)
    }
}
