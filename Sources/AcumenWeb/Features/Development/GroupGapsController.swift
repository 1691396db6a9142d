import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import Vapor

/// Gaps of a group (a team, a location, a supervisor's people): the competencies where most are
/// below target, from each person's latest released results, and a group session drafted in one
/// click that enrols those below target and puts it on their roadmaps.
struct GroupGapsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let shapers = routes.access(.permitted(DevelopmentPolicy.self, .shapeRoadmap))
        shapers.get("development", "groups", use: show)
        shapers.post("development", "groups", "sessions", use: createSession)
    }

    typealias GroupKind = GroupSessionRepository.GroupKind

    /// A group as the form names it: its kind and its name.
    static func groupValue(_ kind: GroupKind, _ name: String) -> String { "\(kind.rawValue)|\(name)" }

    static func group(of person: PersonSummary, by kind: GroupKind) -> String {
        switch kind {
        case .team: person.team
        case .location: person.location
        case .supervisor: person.supervisorName
        }
    }

    /// The account managers whose roadmaps the viewer shapes: everyone's for programme staff, their
    /// line's for a supervisor, never their own.
    static func people(_ request: Request) async throws -> [PersonSummary] {
        let user = try request.requireUser()
        return try await PeopleRepository(database: request.db).people(visibleTo: user.viewer).filter {
            $0.organisationKind == .vendor && $0.status == .active && AccountManagerTitle.matches($0.jobTitle)
                && $0.id != user.personID
        }
    }

    struct Analysis {
        var kind: GroupKind
        var name: String
        var members: [PersonSummary]
        var assessed: Int
        var gaps: [GroupGap]
        var frameworkID: UUID?
        var framework: FrameworkContent?
    }

    /// The group named by `value`, if it is one of the viewer's, with its gaps.
    static func analysis(_ value: String, people: [PersonSummary], database: any Database) async throws -> Analysis? {
        let parts = value.split(separator: "|", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = GroupKind(rawValue: parts[0]) else { return nil }
        let members = people.filter { group(of: $0, by: kind) == parts[1] }
        guard !members.isEmpty else { return nil }
        var results: [(personID: UUID, frameworkID: UUID, gaps: [CompetencyGap])] = []
        var frameworks: [UUID: FrameworkContent] = [:]
        for person in members {
            guard let latest = try await RoadmapUseCases.latestResults(personID: person.id, database: database)
            else { continue }
            frameworks[latest.cycle.frameworkID] = latest.framework
            results.append((person.id, latest.cycle.frameworkID, latest.report.gaps))
        }
        // People rated against different frameworks are not compared: the group is read on the
        // framework most of them were rated against.
        let counts = Dictionary(results.map { ($0.frameworkID, 1) }, uniquingKeysWith: +)
        let frameworkID = counts.max { ($0.value, $1.key.uuidString) < ($1.value, $0.key.uuidString) }?.key
        let compared = results.filter { $0.frameworkID == frameworkID }
        return Analysis(
            kind: kind, name: parts[1], members: members, assessed: compared.filter { !$0.gaps.isEmpty }.count,
            gaps: GroupGapAnalysis.gaps(compared.map { ($0.personID, $0.gaps) }), frameworkID: frameworkID,
            framework: frameworkID.flatMap { frameworks[$0] })
    }

    @Sendable func show(request: Request) async throws -> Response {
        let people = try await Self.people(request)
        let chosen = (try? request.query.get(String.self, at: "group")) ?? ""
        let analysis = chosen.isEmpty ? nil : try await Self.analysis(chosen, people: people, database: request.db)
        if !chosen.isEmpty && analysis == nil {
            throw AppError.notFound("That group")
        }
        var offerings: [Offering] = []
        if let frameworkID = analysis?.frameworkID, let framework = analysis?.framework {
            offerings = try await RoadmapUseCases(database: request.db).offerings(
                applyingTo: frameworkID, framework: framework)
        }
        return GroupGapsPage.render(
            people: people, chosen: chosen, analysis: analysis, offerings: offerings,
            sessions: try await GroupSessionRepository(database: request.db).sessions().filter {
                analysis == nil || ($0.groupKind == analysis?.kind && $0.groupName == analysis?.name)
            }, context: PageContext(request)
        ).response()
    }

    @Sendable func createSession(request: Request) async throws -> Response {
        struct Form: Decodable {
            var group: String
            var competency: String
        }
        let form = try request.decodeForm(Form.self)
        let user = try request.requireUser()
        let people = try await Self.people(request)
        guard let analysis = try await Self.analysis(form.group, people: people, database: request.db),
            let frameworkID = analysis.frameworkID
        else { throw AppError.notFound("That group") }
        guard let gap = analysis.gaps.first(where: { $0.competencyCode == form.competency }), gap.isMostlyBelow else {
            throw AppError.badRequest(
                "A group session is drafted for a competency on which most of the group is below target.",
                field: "competency")
        }
        var offerings: [Offering] = []
        if let framework = analysis.framework {
            offerings = try await RoadmapUseCases(database: request.db).offerings(
                applyingTo: frameworkID, framework: framework)
        }
        guard
            let offering = GroupSessionChooser.offering(
                for: gap.competencyCode, from: gap.commonLevel, frameworkID: frameworkID, in: offerings,
                together: analysis.kind == .location)
        else {
            throw AppError.badRequest("No offering of the catalogue develops this competency from that level.")
        }
        // Everyone enrolled needs a roadmap to carry the session: those who have none get one drafted.
        let drafting = RoadmapUseCases(database: request.db)
        let roadmaps = RoadmapRepository(database: request.db)
        for person in analysis.members where gap.below.contains(person.id) {
            if try await roadmaps.roadmap(personID: person.id, includingHistory: false) == nil {
                _ = try await drafting.draft(person: person, byUserID: user.id)
            }
        }
        let enrolment = try await GroupSessionRepository(database: request.db).create(
            offering: offering, competencyCode: gap.competencyCode, groupKind: analysis.kind,
            groupName: analysis.name, people: gap.below, byUserID: user.id, at: Date())
        request.flash(
            request.readersLocalizer.text(
                GroupGapsMessage.created, count: enrolment.enrolled.count,
                ["title": offering.title, "already": request.readersLocalizer.integer(enrolment.alreadyPlanned.count)]))
        return request.redirect(
            to: SitePath.groupGaps.url() + "?group=" + form.group.queryValueEncoded)
    }
}
