import Foundation

/// One thing an account manager can do to learn: a course, a session, a video, a coaching
/// series. Offerings are what roadmaps are drafted from, so each says which competencies it
/// develops and from which level to which.
public struct Offering: Hashable, Sendable, Identifiable {
    public var id: UUID
    /// A short, stable reference that files and prerequisites use, e.g. `GM-OM3-VC`.
    public var code: String
    public var title: String
    public var summary: String
    /// One of the catalogue's categories, by name.
    public var category: String
    public var format: OfferingFormat
    public var durationMinutes: Int
    /// The language the offering is given in (BCP 47), e.g. `en` or `pt-BR`.
    public var language: String
    public var provider: String
    /// Where to take it: a course page, or the recording of a session.
    public var link: String
    /// Who in the programme looks after it.
    public var owner: String
    public var phase: LearningPhase
    /// Codes of the offerings to complete first.
    public var prerequisites: [String]
    public var targets: [CompetencyTarget]
    /// The IRI xAPI statements name the offering by; stored so that it never changes with
    /// the server's address.
    public var xapiActivityID: String

    public init(
        id: UUID = UUID(), code: String, title: String, summary: String, category: String, format: OfferingFormat,
        durationMinutes: Int, language: String = "en", provider: String = "", link: String = "", owner: String = "",
        phase: LearningPhase, prerequisites: [String] = [], targets: [CompetencyTarget] = [],
        xapiActivityID: String = ""
    ) {
        self.id = id
        self.code = code
        self.title = title
        self.summary = summary
        self.category = category
        self.format = format
        self.durationMinutes = durationMinutes
        self.language = language
        self.provider = provider
        self.link = link
        self.owner = owner
        self.phase = phase
        self.prerequisites = prerequisites
        self.targets = targets
        self.xapiActivityID = xapiActivityID
    }

    /// The activity id Acumen gives an offering that brings none: under the server's address,
    /// by the offering's code, which people can read in a learning record.
    public static func activityID(code: String, baseURL: String) -> String {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let safe = code.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? code
        return "\(base)/xapi/activities/offerings/\(safe)"
    }
}

/// How an offering is given. Remote workers and people who travel often are better served by
/// formats they can take anywhere, at any time (`isTakenAnywhere`).
public enum OfferingFormat: String, Codable, Sendable, CaseIterable {
    case classroom
    case virtualClassroom
    case eLearning
    case selfStudy
    case recordedSession
    case video
    case rolePlay
    case coaching
    case mentoring
    case knowledgeCheck

    public var isTakenAnywhere: Bool {
        switch self {
        case .eLearning, .selfStudy, .recordedSession, .video, .knowledgeCheck: true
        case .classroom, .virtualClassroom, .rolePlay, .coaching, .mentoring: false
        }
    }

    /// Formats given at a time and place, which have sessions with seats.
    public var isScheduled: Bool { self == .classroom || self == .virtualClassroom }
}

/// The order in which a roadmap builds a person up: the technical ground first, then the
/// relationship work that stands on it.
public enum LearningPhase: String, Codable, Sendable, CaseIterable, Comparable {
    case technical
    case relationship

    public static func < (lhs: LearningPhase, rhs: LearningPhase) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A competency an offering develops, from one level to a higher one (indices on the
/// framework's level scale, 0 the lowest), in one framework version.
public struct CompetencyTarget: Hashable, Sendable, Codable {
    public var frameworkID: UUID
    public var competencyCode: String
    public var fromLevel: Int
    public var toLevel: Int

    public init(frameworkID: UUID, competencyCode: String, fromLevel: Int, toLevel: Int) {
        self.frameworkID = frameworkID
        self.competencyCode = competencyCode
        self.fromLevel = fromLevel
        self.toLevel = toLevel
    }
}

extension Array where Element == Offering {
    /// The offerings as they apply to one version of a framework: a target set against another
    /// version of the same framework counts for this one where this version still has the
    /// competency, so publishing a new version does not leave the catalogue behind.
    /// - Parameters:
    ///   - versions: the ids of every version of the framework, this one included.
    ///   - competencies: the codes of this version's competencies.
    public func applying(to version: UUID, versions: Set<UUID>, competencies: Set<String>) -> [Offering] {
        map { offering in
            guard offering.targets.contains(where: { $0.frameworkID != version && versions.contains($0.frameworkID) })
            else { return offering }
            var applied = offering
            var targets = offering.targets.filter { !versions.contains($0.frameworkID) || $0.frameworkID == version }
            for target in offering.targets
            where target.frameworkID != version && versions.contains(target.frameworkID)
                && competencies.contains(target.competencyCode)
                && !targets.contains(where: { $0.frameworkID == version && $0.competencyCode == target.competencyCode })
            {
                targets.append(
                    CompetencyTarget(
                        frameworkID: version, competencyCode: target.competencyCode, fromLevel: target.fromLevel,
                        toLevel: target.toLevel))
            }
            applied.targets = targets
            return applied
        }
    }
}
