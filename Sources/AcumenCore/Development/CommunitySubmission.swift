import Foundation

/// A short video or guide an account manager made for colleagues, waiting for a programme
/// manager to publish it (it then becomes an offering crediting them) or to return it with a note.
public struct CommunitySubmission: Hashable, Sendable, Identifiable {
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case submitted, published, returned
    }

    public var id: UUID
    public var title: String
    public var summary: String
    /// `.video` or `.selfStudy` (a guide).
    public var format: OfferingFormat
    public var link: String
    public var durationMinutes: Int
    public var category: String
    public var target: CompetencyTarget
    public var contributorPersonID: UUID
    public var contributorName: String
    public var status: Status
    public var reviewNote: String
    public var offeringID: UUID?

    public init(
        id: UUID = UUID(), title: String, summary: String, format: OfferingFormat, link: String, durationMinutes: Int,
        category: String, target: CompetencyTarget, contributorPersonID: UUID, contributorName: String,
        status: Status = .submitted, reviewNote: String = "", offeringID: UUID? = nil
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.format = format
        self.link = link
        self.durationMinutes = durationMinutes
        self.category = category
        self.target = target
        self.contributorPersonID = contributorPersonID
        self.contributorName = contributorName
        self.status = status
        self.reviewNote = reviewNote
        self.offeringID = offeringID
    }

    public static let formats: [OfferingFormat] = [.video, .selfStudy]

    /// The offering it becomes when published: with the submission's id (publishing again updates
    /// it rather than adding a second), crediting its contributor.
    public func offering(phase: LearningPhase, baseURL: String) -> Offering {
        let code = "COM-" + id.uuidString.prefix(8)
        return Offering(
            id: id, code: code, title: title, summary: summary, category: category, format: format,
            durationMinutes: durationMinutes, language: "en", provider: "Made by account managers", link: link,
            owner: "Shared by \(contributorName)", phase: phase, targets: [target],
            xapiActivityID: Offering.activityID(code: code, baseURL: baseURL))
    }
    public static let longest = 60

    /// Every problem of a submission as the form sends it, located by field.
    public static func problems(
        title: String, summary: String, format: OfferingFormat?, link: String, durationMinutes: Int?, category: String,
        categories: [String], competency: String, framework: FrameworkContent, fromLevel: Int?, toLevel: Int?
    ) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        let name = title.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > TextLimits.name {
            problems.append(.init(location: "title", message: "give a title, up to \(TextLimits.name) characters"))
        }
        if summary.count > TextLimits.description {
            problems.append(.init(location: "summary", message: "keep it under \(TextLimits.description) characters"))
        }
        if !(format.map(formats.contains) ?? false) {
            problems.append(.init(location: "format", message: "choose a short video or a guide"))
        }
        let url = URL(string: link.trimmingCharacters(in: .whitespaces))
        if url == nil || !["http", "https"].contains(url?.scheme ?? "") || url?.host == nil
            || link.count > TextLimits.description
        {
            problems.append(.init(location: "link", message: "give the address where colleagues watch or read it"))
        }
        if !(durationMinutes.map { (1...longest).contains($0) } ?? false) {
            problems.append(.init(location: "durationMinutes", message: "give its length, 1 to \(longest) minutes"))
        }
        if !categories.contains(category) {
            problems.append(.init(location: "category", message: "choose a category of the catalogue"))
        }
        if !framework.competencies.contains(where: { $0.code == competency }) {
            problems.append(.init(location: "competency", message: "choose the competency it develops"))
        }
        let levels = framework.levels.count
        if let from = fromLevel, let to = toLevel, (0..<levels).contains(from), (0..<levels).contains(to), from < to {
        } else {
            problems.append(
                .init(location: "toLevel", message: "choose the level it starts from and a higher one it leads to"))
        }
        return problems
    }
}
