import Foundation

/// A problem found in framework content, located precisely enough for a person to fix it.
public struct ValidationProblem: Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is, e.g. `competency OM.1, Advanced behaviour 2`, or the name of the
    /// form field it belongs to.
    public var location: String
    /// The problem in English, for the API and the logs.
    public var message: String
    /// The problem as the catalogue words it, for pages in the reader's language; nil for a
    /// problem that has no message of its own yet, which pages show as written.
    public var wording: CatalogueText?
    /// Where the problem is, as the catalogue words it; nil when the location is a form field,
    /// which the page names by its label.
    public var placeWording: CatalogueText?

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    public init(location: String, _ key: ProblemMessage, _ arguments: [String: String] = [:]) {
        self.init(location: location, wording: CatalogueText(key, arguments))
    }

    /// A problem the catalogue words, optionally at a place it words too; `message` and
    /// `location` keep the English for the API.
    public init(location: String, wording: CatalogueText, place: CatalogueText? = nil) {
        self.location = place?.text(in: Localizer(.english)) ?? location
        self.message = wording.text(in: Localizer(.english))
        self.wording = wording
        self.placeWording = place
    }

    /// The problem in the reader's language when the catalogue has it, else as written.
    public func message(in text: Localizer) -> String {
        wording?.text(in: text) ?? message
    }

    /// Where the problem is, in the reader's language when the catalogue words it.
    public func place(in text: Localizer) -> String {
        placeWording?.text(in: text) ?? location
    }

    public var description: String { location.isEmpty ? message : "\(location): \(message)" }

    /// The place and the problem in one line, in the reader's language.
    public func description(in text: Localizer) -> String {
        let place = place(in: text)
        return place.isEmpty
            ? message(in: text) : text.text(CatalogueText.problemLine, ["field": place, "problem": message(in: text)])
    }
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
        func error(_ place: CatalogueText, _ wording: CatalogueText) {
            result.errors.append(ValidationProblem(location: "", wording: wording, place: place))
        }
        func gap(_ place: CatalogueText, _ wording: CatalogueText) {
            let problem = ValidationProblem(location: "", wording: wording, place: place)
            if requireComplete { result.errors.append(problem) } else { result.warnings.append(problem) }
        }
        let whole = CatalogueText(FrameworkProblemMessage.placeFramework)
        checkText(name, field: .name, limit: TextLimits.name, required: true, at: whole, report: error)
        checkText(
            description, field: .description, limit: TextLimits.description, required: false, at: whole, report: error)
        checkText(owner, field: .owner, limit: TextLimits.name, required: false, at: whole, report: error)
        if levels.count < 2 || levels.count > 7 {
            error(whole, CatalogueText(FrameworkProblemMessage.levelCount, count: levels.count))
        }
        if Set(levels.names.map { $0.lowercased() }).count != levels.count {
            error(whole, CatalogueText(FrameworkProblemMessage.levelNamesRepeat))
        }
        if categories.isEmpty {
            gap(whole, CatalogueText(FrameworkProblemMessage.noCategory))
        }
        if !TextLimits.recommendedCategoryCount.contains(categories.count) {
            result.warnings.append(
                ValidationProblem(
                    location: "",
                    wording: CatalogueText(FrameworkProblemMessage.categoryCount, count: categories.count),
                    place: whole))
        }

        var seenCodes: Set<String> = []
        for (index, category) in categories.enumerated() {
            let place = CatalogueText(FrameworkProblemMessage.placeCategory, ["number": "\(index + 1)"])
            checkText(category.title, field: .title, limit: TextLimits.name, required: true, at: place, report: error)
            checkText(
                category.description, field: .description, limit: TextLimits.description, required: false,
                at: place, report: error)
            checkCode(category.code, required: false, at: place, seen: &seenCodes, report: error)
            for competency in category.competencies {
                validate(competency, seenCodes: &seenCodes, report: error, gap: gap)
            }
        }
        if competencies.isEmpty && !categories.isEmpty {
            gap(whole, CatalogueText(FrameworkProblemMessage.noCompetency))
        }
        return result
    }

    private func validate(
        _ competency: CompetencyContent, seenCodes: inout Set<String>,
        report: (CatalogueText, CatalogueText) -> Void, gap: (CatalogueText, CatalogueText) -> Void
    ) {
        let place =
            competency.code.isEmpty
            ? CatalogueText(FrameworkProblemMessage.placeUntitledCompetency, ["title": competency.title])
            : CatalogueText(FrameworkProblemMessage.placeCompetency, ["code": competency.code])
        checkCode(competency.code, required: true, at: place, seen: &seenCodes, report: report)
        checkText(competency.title, field: .title, limit: TextLimits.name, required: true, at: place, report: report)
        checkText(
            competency.description, field: .description, limit: TextLimits.description, required: false,
            at: place, report: report)
        for level in 0..<levels.count {
            let named = ["level": levels.names[level]]
            let standards = competency.standards.filter { $0.level == level }
            guard let standard = standards.first else {
                gap(place, CatalogueText(FrameworkProblemMessage.noStandard, named))
                continue
            }
            if standards.count > 1 {
                report(place, CatalogueText(FrameworkProblemMessage.standardRepeated, named))
            }
            if standard.behaviours.isEmpty {
                gap(place, CatalogueText(FrameworkProblemMessage.noBehaviour, named))
            }
            for (number, behaviour) in standard.behaviours.enumerated() {
                let behaviourPlace =
                    competency.code.isEmpty
                    ? CatalogueText(
                        FrameworkProblemMessage.placeUntitledBehaviour,
                        named.merging(["title": competency.title, "number": "\(number + 1)"]) { $1 })
                    : CatalogueText(
                        FrameworkProblemMessage.placeBehaviour,
                        named.merging(["code": competency.code, "number": "\(number + 1)"]) { $1 })
                checkText(
                    behaviour, field: .text, limit: TextLimits.behaviour, required: true, at: behaviourPlace,
                    report: report)
            }
        }
        if let stray = competency.standards.first(where: { !(0..<levels.count).contains($0.level) }) {
            report(place, CatalogueText(FrameworkProblemMessage.strayLevel, ["number": "\(stray.level + 1)"]))
        }
        var earlier: Set<UUID> = []
        for (number, indicator) in competency.indicators.enumerated() {
            let indicatorPlace = CatalogueText(
                FrameworkProblemMessage.placeIndicator,
                ["code": competency.code, "number": "\(number + 1)"])
            checkCode(indicator.code, required: true, at: indicatorPlace, seen: &seenCodes, report: report)
            checkText(
                indicator.title, field: .title, limit: TextLimits.name, required: true, at: indicatorPlace,
                report: report)
            checkText(
                indicator.description, field: .description, limit: TextLimits.description, required: false,
                at: indicatorPlace, report: report)
            if let parent = indicator.parent, !earlier.contains(parent) {
                report(indicatorPlace, CatalogueText(FrameworkProblemMessage.indicatorParent))
            }
            earlier.insert(indicator.identifier)
        }
    }
}

/// The parts of a framework whose text is checked, each with its own "required" and "too long"
/// messages so that every language can word them.
private enum CheckedField: String {
    case name, description, owner, title, text
}

private func checkText(
    _ text: String, field: CheckedField, limit: Int, required: Bool, at place: CatalogueText,
    report: (CatalogueText, CatalogueText) -> Void
) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if required && trimmed.isEmpty {
        report(place, CatalogueText(FrameworkProblemMessage(required: field.rawValue)))
    } else if text.count > limit {
        report(
            place,
            CatalogueText(
                FrameworkProblemMessage(tooLong: field.rawValue), ["length": "\(text.count)", "limit": "\(limit)"]))
    } else if text.unicodeScalars.contains(where: { $0.value < 0x20 && !["\n", "\r", "\t"].contains($0) }) {
        // Invisible on every page, and PostgreSQL refuses to store a NUL.
        report(place, CatalogueText(FrameworkProblemMessage.controlCharacter))
    }
}

private func checkCode(
    _ code: String, required: Bool, at place: CatalogueText, seen: inout Set<String>,
    report: (CatalogueText, CatalogueText) -> Void
) {
    if code.isEmpty {
        if required { report(place, CatalogueText(FrameworkProblemMessage.codeRequired)) }
        return
    }
    let named = ["code": code]
    if code.count > TextLimits.code {
        report(
            place,
            CatalogueText(FrameworkProblemMessage.codeTooLong, named.merging(["limit": "\(TextLimits.code)"]) { $1 }))
    }
    if !code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }) {
        report(place, CatalogueText(FrameworkProblemMessage.codeCharacters, named))
    }
    if !seen.insert(code.uppercased()).inserted {
        report(place, CatalogueText(FrameworkProblemMessage.codeRepeated, named))
    }
}

/// The words of what is wrong with a framework's content and where, for programme staff
/// (English for now); the API and the logs read the same English.
public enum FrameworkProblemMessage: String, MessageKey, CaseIterable {
    case requiredName = "frameworkProblem.required.name"
    case requiredTitle = "frameworkProblem.required.title"
    case requiredText = "frameworkProblem.required.text"
    case requiredDescription = "frameworkProblem.required.description"
    case requiredOwner = "frameworkProblem.required.owner"
    case tooLongName = "frameworkProblem.tooLong.name"
    case tooLongDescription = "frameworkProblem.tooLong.description"
    case tooLongOwner = "frameworkProblem.tooLong.owner"
    case tooLongTitle = "frameworkProblem.tooLong.title"
    case tooLongText = "frameworkProblem.tooLong.text"
    case codeRequired = "frameworkProblem.codeRequired"
    case codeTooLong = "frameworkProblem.codeTooLong"
    case codeCharacters = "frameworkProblem.codeCharacters"
    case codeRepeated = "frameworkProblem.codeRepeated"
    case levelCount = "frameworkProblem.levelCount"
    case levelNamesRepeat = "frameworkProblem.levelNamesRepeat"
    case noCategory = "frameworkProblem.noCategory"
    case categoryCount = "frameworkProblem.categoryCount"
    case noCompetency = "frameworkProblem.noCompetency"
    case noStandard = "frameworkProblem.noStandard"
    case standardRepeated = "frameworkProblem.standardRepeated"
    case noBehaviour = "frameworkProblem.noBehaviour"
    case strayLevel = "frameworkProblem.strayLevel"
    case controlCharacter = "frameworkProblem.controlCharacter"
    case translationIntoOwnLanguage = "frameworkProblem.translationIntoOwnLanguage"
    case noSuchPart = "frameworkProblem.noSuchPart"
    case placeFramework = "frameworkProblem.place.framework"
    case placeCategory = "frameworkProblem.place.category"
    case placeCompetency = "frameworkProblem.place.competency"
    case placeUntitledCompetency = "frameworkProblem.place.untitledCompetency"
    case placeBehaviour = "frameworkProblem.place.behaviour"
    case placeUntitledBehaviour = "frameworkProblem.place.untitledBehaviour"
    case placeIndicator = "frameworkProblem.place.indicator"
    case indicatorParent = "frameworkProblem.indicatorParent"

    // Keys are the rule and the field's name; FrameworkValidationTests checks every field.
    fileprivate init(required field: String) {
        self.init(rawValue: "frameworkProblem.required.\(field)")!
    }

    fileprivate init(tooLong field: String) {
        self.init(rawValue: "frameworkProblem.tooLong.\(field)")!
    }
}
