import Foundation

/// A calibration exercise: reference cases rated blind by participants and compared with the
/// master ratings an expert panel agreed, so that raters learn what each level looks like
/// before they rate real account managers.
public struct CalibrationExercise: Hashable, Sendable {
    public var id: UUID
    public var title: String
    public var frameworkID: UUID
    public var status: CalibrationExerciseStatus
    /// Who agreed the master ratings, as the programme records them.
    public var panel: String
    public var thresholds: CalibrationThresholds
    public var createdOn: CalendarDate

    public init(
        id: UUID, title: String, frameworkID: UUID, status: CalibrationExerciseStatus, panel: String,
        thresholds: CalibrationThresholds, createdOn: CalendarDate
    ) {
        self.id = id
        self.title = title
        self.frameworkID = frameworkID
        self.status = status
        self.panel = panel
        self.thresholds = thresholds
        self.createdOn = createdOn
    }
}

/// Draft while cases and master ratings are prepared; open while participants rate; closed
/// when no more attempts are taken (results stay readable).
public enum CalibrationExerciseStatus: String, Codable, Sendable, CaseIterable {
    case draft
    case open
    case closed

    public var label: String {
        switch self {
        case .draft: "Draft"
        case .open: "Open"
        case .closed: "Closed"
        }
    }
}

/// The material a reference case gives raters to judge.
public enum ReferenceCaseKind: String, Codable, Sendable, CaseIterable {
    case scenario
    case transcript
    case recording

    public var label: String {
        switch self {
        case .scenario: "Written scenario"
        case .transcript: "Transcript"
        case .recording: "Recorded role-play"
        }
    }
}

/// One piece of observed work that raters judge: a scenario, a transcript, or a link to a
/// recorded role-play, and the competencies it shows.
public struct ReferenceCase: Hashable, Sendable {
    public var id: UUID
    public var position: Int
    public var title: String
    public var kind: ReferenceCaseKind
    public var material: String
    /// For recordings: where the role-play can be watched.
    public var link: String
    public var competencyCodes: [String]

    public init(
        id: UUID, position: Int, title: String, kind: ReferenceCaseKind, material: String, link: String,
        competencyCodes: [String]
    ) {
        self.id = id
        self.position = position
        self.title = title
        self.kind = kind
        self.material = material
        self.link = link
        self.competencyCodes = competencyCodes
    }

    /// Problems with a case as the programme manager describes it.
    public static func problems(
        title: String, kind: ReferenceCaseKind, material: String, link: String, competencyCodes: [String],
        framework: FrameworkContent
    ) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if let problem = TextLimits.titleProblem(title, of: "the case") { problems.append(problem) }
        let trimmedMaterial = material.trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .recording:
            if !(link.hasPrefix("https://") || link.hasPrefix("http://")) || link.count > TextLimits.description {
                problems.append(
                    ValidationProblem(
                        location: "link", message: "a recorded role-play needs a web link starting with https://"))
            }
        case .scenario, .transcript:
            if trimmedMaterial.isEmpty {
                problems.append(
                    ValidationProblem(
                        location: "material", message: "write the \(kind.label.lowercased()) raters will read"))
            }
        }
        if material.count > TextLimits.caseMaterial {
            problems.append(
                ValidationProblem(
                    location: "material", message: "at most \(TextLimits.caseMaterial) characters are allowed"))
        }
        let known = Set(framework.competencies.map(\.code))
        if competencyCodes.isEmpty {
            problems.append(
                ValidationProblem(location: "competencies", message: "choose the competencies the case shows"))
        }
        for code in competencyCodes where !known.contains(code) {
            problems.append(
                ValidationProblem(location: "competencies", message: "'\(code)' is not a competency of this framework"))
        }
        return problems
    }
}

/// The level the expert panel agreed for one competency in one case, the behaviours that
/// justify it and why: what participants are compared with, and what they read afterwards.
public struct MasterRating: Hashable, Sendable {
    public var caseID: UUID
    public var rating: CompetencyRatingInput
    public var level: Int
    public var rationale: String

    public init(caseID: UUID, rating: CompetencyRatingInput, level: Int, rationale: String) {
        self.caseID = caseID
        self.rating = rating
        self.level = level
        self.rationale = rationale
    }
}

extension FrameworkContent {
    /// The framework cut down to the given competencies (categories left empty are dropped):
    /// what a reference case is rated on, with the same grid and the same checks as a full form.
    public func showing(_ codes: [String]) -> FrameworkContent {
        let wanted = Set(codes)
        var copy = self
        copy.categories = categories.compactMap { category in
            var kept = category
            kept.competencies = category.competencies.filter { wanted.contains($0.code) }
            return kept.competencies.isEmpty ? nil : kept
        }
        return copy
    }
}

/// What must be in place before participants can rate: cases, a master rating for every
/// competency each case shows, and someone to take part.
public enum CalibrationReadiness {
    /// One thing missing, as a value: pages word it in the reader's language, the API in English.
    public enum Gap: Hashable, Sendable {
        case noCases
        case missingMasterRatings(ReferenceCase, competencyCodes: [String])
        case noParticipants

        public var problem: ValidationProblem {
            switch self {
            case .noCases:
                ValidationProblem(location: "cases", message: "add at least one reference case")
            case .missingMasterRatings(let referenceCase, let codes):
                ValidationProblem(
                    location: "case \(referenceCase.position) \(referenceCase.title)",
                    message: "set the master rating of \(codes.joined(separator: ", "))")
            case .noParticipants:
                ValidationProblem(location: "participants", message: "choose who takes part")
            }
        }
    }

    public static func gaps(
        cases: [ReferenceCase], masterRatings: [UUID: [String: MasterRating]], participants: Int
    ) -> [Gap] {
        var gaps: [Gap] = cases.isEmpty ? [.noCases] : []
        for referenceCase in cases {
            let missing = referenceCase.competencyCodes.filter { masterRatings[referenceCase.id]?[$0] == nil }
            if !missing.isEmpty { gaps.append(.missingMasterRatings(referenceCase, competencyCodes: missing)) }
        }
        if participants == 0 { gaps.append(.noParticipants) }
        return gaps
    }

    public static func problems(
        cases: [ReferenceCase], masterRatings: [UUID: [String: MasterRating]], participants: Int
    ) -> [ValidationProblem] {
        gaps(cases: cases, masterRatings: masterRatings, participants: participants).map(\.problem)
    }

    /// Problems with a master rating: it must reach a level (ticks or a chosen level) and say why.
    public static func masterProblems(
        _ rating: CompetencyRatingInput, rationale: String, framework: FrameworkContent
    ) -> [ValidationProblem] {
        var problems = InternalFormValidation.problems([rating], framework: framework.showing([rating.competencyCode]))
        if rating.notObserved || rating.level(in: framework) == nil {
            problems.append(
                ValidationProblem(
                    location: rating.competencyCode,
                    message: "a master rating needs a level: tick the behaviours that justify it, or choose one"))
        }
        if rationale.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(
                ValidationProblem(
                    location: rating.competencyCode, message: "write the rationale participants will read"))
        }
        if rationale.count > TextLimits.description {
            problems.append(
                ValidationProblem(
                    location: rating.competencyCode, message: "at most \(TextLimits.description) characters are allowed"
                ))
        }
        return problems
    }
}
