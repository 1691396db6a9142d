import Foundation

/// A problem found in framework content, located precisely enough for a person to fix it.
public struct ValidationProblem: Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is, e.g. `competency OM.1, Advanced behaviour 2`.
    public var location: String
    /// The problem in English, for the API and the logs.
    public var message: String
    /// The problem as the catalogue words it, for pages in the reader's language; nil for
    /// problems only programme staff see, which are English for now.
    public var messageKey: ProblemMessage?
    public var arguments: [String: String] = [:]

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    public init(location: String, _ key: ProblemMessage, _ arguments: [String: String] = [:]) {
        self.location = location
        self.message = Localizer(.english).text(key, arguments)
        self.messageKey = key
        self.arguments = arguments
    }

    /// The problem in the reader's language when the catalogue has it, else as written.
    public func message(in text: Localizer) -> String {
        messageKey.map { text.text($0, arguments) } ?? message
    }

    public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}

extension Array where Element == ValidationProblem {
    /// The message of the first problem located at `field`, to show beside that field.
    public func message(for field: String) -> String? {
        first { $0.location == field }?.message
    }

    /// The same, in the reader's language.
    public func message(for field: String, in text: Localizer) -> String? {
        first { $0.location == field }?.message(in: text)
    }
}

/// The words of the problems that people other than programme staff meet in forms.
public enum ProblemMessage: String, MessageKey, CaseIterable {
    case sayWhatWillBeDone = "problem.sayWhatWillBeDone"
    case tooLong = "problem.tooLong"
    case chooseAddressed = "problem.chooseAddressed"
    case enterDate = "problem.enterDate"
    case chooseStatus = "problem.chooseStatus"
    case unknownRater = "problem.unknownRater"
    case ratesThemselves = "problem.ratesThemselves"
    case readsTheReport = "problem.readsTheReport"
    case alreadyAsked = "problem.alreadyAsked"
    case peersNotAsked = "problem.peersNotAsked"
    case customersNotAsked = "problem.customersNotAsked"
    case notACompetency = "problem.notACompetency"
    case rateCompetency = "problem.rateCompetency"
    case notObservedButRated = "problem.notObservedButRated"
    case unknownBehaviour = "problem.unknownBehaviour"
    case unknownLevel = "problem.unknownLevel"
    case sayWhyLevel = "problem.sayWhyLevel"
    case notAQuestion = "problem.notAQuestion"
    case chooseAnswer = "problem.chooseAnswer"
    case notOnScale = "problem.notOnScale"
}

/// The outcome of checking framework content: errors block saving, warnings are shown.
public struct FrameworkValidation: Sendable {
    public var errors: [ValidationProblem] = []
    public var warnings: [ValidationProblem] = []

    public var isValid: Bool { errors.isEmpty }
}

/// Field limits shared by every way content enters Acumen (forms, API, CASE, CSV).
public enum TextLimits {
    /// The problem with a title of `what` (an exercise, a case, an interview), if any: it must
    /// have 1 to `name` characters once trimmed.
    public static func titleProblem(_ title: String, of what: String) -> ValidationProblem? {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.isEmpty || trimmed.count > name else { return nil }
        return ValidationProblem(location: "title", message: "give \(what) a title of 1 to \(name) characters")
    }

    public static let name = 200
    public static let code = 20
    public static let description = 4000
    public static let behaviour = 500
    /// A written scenario or transcript of a calibration case: a few pages.
    public static let caseMaterial = 20_000
    /// The programme recommends five to seven categories; outside that range is worth a warning.
    public static let recommendedCategoryCount = 5...7
}

extension FrameworkContent {
    /// Checks the content against the rules every framework must keep.
    ///
    /// - Parameter requireComplete: whether gaps (a category without competencies, a level
    ///   without behaviours) are errors. A draft may be saved with gaps; publishing needs none.
    public func validate(requireComplete: Bool = true) -> FrameworkValidation {
        var result = FrameworkValidation()
        func error(_ location: String, _ message: String) {
            result.errors.append(ValidationProblem(location: location, message: message))
        }
        func gap(_ location: String, _ message: String) {
            let problem = ValidationProblem(location: location, message: message)
            if requireComplete { result.errors.append(problem) } else { result.warnings.append(problem) }
        }
        checkText(name, field: "name", limit: TextLimits.name, required: true, at: "framework", report: error)
        checkText(
            description, field: "description", limit: TextLimits.description, required: false,
            at: "framework", report: error)
        checkText(owner, field: "owner", limit: TextLimits.name, required: false, at: "framework", report: error)
        if levels.count < 2 || levels.count > 7 {
            error("framework", "a level scale needs between 2 and 7 levels (it has \(levels.count))")
        }
        if Set(levels.names.map { $0.lowercased() }).count != levels.count {
            error("framework", "level names must be different from each other")
        }
        if categories.isEmpty {
            gap("framework", "a framework needs at least one category")
        }
        if !TextLimits.recommendedCategoryCount.contains(categories.count) {
            result.warnings.append(
                ValidationProblem(
                    location: "framework",
                    message:
                        "it has \(categories.count) \(categories.count == 1 ? "category" : "categories"). The guideline is five to seven: with fewer, unlike behaviours tend to share a category; with more, raters cannot keep the model in mind while they rate. A model for one focused role (the built-in Global Mobility model has three) can rightly differ; this is advice, not a rule"
                ))
        }

        var seenCodes: Set<String> = []
        for (index, category) in categories.enumerated() {
            let location = "category \(index + 1)"
            checkText(
                category.title, field: "title", limit: TextLimits.name, required: true, at: location, report: error)
            checkText(
                category.description, field: "description", limit: TextLimits.description, required: false,
                at: location, report: error)
            checkCode(category.code, required: false, at: location, seen: &seenCodes, report: error)
            for competency in category.competencies {
                validate(competency, seenCodes: &seenCodes, report: error, gap: gap)
            }
        }
        if competencies.isEmpty && !categories.isEmpty {
            gap("framework", "a framework needs at least one competency")
        }
        return result
    }

    private func validate(
        _ competency: CompetencyContent, seenCodes: inout Set<String>, report: (String, String) -> Void,
        gap: (String, String) -> Void
    ) {
        let location = competency.code.isEmpty ? "competency \"\(competency.title)\"" : "competency \(competency.code)"
        checkCode(competency.code, required: true, at: location, seen: &seenCodes, report: report)
        checkText(
            competency.title, field: "title", limit: TextLimits.name, required: true, at: location, report: report)
        checkText(
            competency.description, field: "description", limit: TextLimits.description, required: false,
            at: location, report: report)
        for level in 0..<levels.count {
            let levelName = levels.names[level]
            let standards = competency.standards.filter { $0.level == level }
            guard let standard = standards.first else {
                gap(location, "no \(levelName) standard: every level needs at least one observable behaviour")
                continue
            }
            if standards.count > 1 {
                report(location, "the \(levelName) standard is given more than once")
            }
            if standard.behaviours.isEmpty {
                gap(location, "the \(levelName) standard needs at least one observable behaviour")
            }
            for (number, behaviour) in standard.behaviours.enumerated() {
                checkText(
                    behaviour, field: "text", limit: TextLimits.behaviour, required: true,
                    at: "\(location), \(levelName) behaviour \(number + 1)", report: report)
            }
        }
        if let stray = competency.standards.first(where: { !(0..<levels.count).contains($0.level) }) {
            report(location, "a standard refers to level \(stray.level + 1), which the scale does not have")
        }
    }
}

private func checkText(
    _ text: String, field: String, limit: Int, required: Bool, at location: String,
    report: (String, String) -> Void
) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if required && trimmed.isEmpty {
        report(location, "\(field) is required")
    } else if text.count > limit {
        report(location, "\(field) is \(text.count) characters long; at most \(limit) are allowed")
    }
}

private func checkCode(
    _ code: String, required: Bool, at location: String, seen: inout Set<String>,
    report: (String, String) -> Void
) {
    if code.isEmpty {
        if required { report(location, "code is required (for example OM.1)") }
        return
    }
    if code.count > TextLimits.code {
        report(location, "code \"\(code)\" is longer than \(TextLimits.code) characters")
    }
    if !code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }) {
        report(location, "code \"\(code)\" may contain only letters, digits, '.', '-' and '_'")
    }
    if !seen.insert(code.uppercased()).inserted {
        report(location, "code \"\(code)\" is used more than once in this framework")
    }
}
