import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import Vapor

/// Coaching observations: a supervisor (or programme staff) rates a real meeting or call on a
/// competency's behaviour grid; the observation is evidence on the roadmap and can complete an item.
struct ObservationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let observers = routes.access(.permitted(DevelopmentPolicy.self, .shapeRoadmap))
        observers.get("people", ":personID", "observations", "new", use: new)
        observers.post("people", ":personID", "observations", use: record)
    }

    /// The framework observations are made against: the roadmap's, else the latest published
    /// version of the first built-in model.
    static func framework(personID: UUID, database: any Database) async throws -> (UUID, FrameworkContent) {
        let repository = FrameworkRepository(database: database)
        if let roadmap = try await RoadmapRepository(database: database).roadmap(personID: personID) {
            return (roadmap.frameworkID, try await repository.version(id: roadmap.frameworkID).content)
        }
        guard let version = try await repository.developmentFramework() else {
            throw AppError.notFound("A published framework")
        }
        return (version.summary.id, version.content)
    }

    @Sendable func new(request: Request) async throws -> Response {
        let person = try await RoadmapController.person(request, may: .shapeRoadmap)
        let (_, framework) = try await Self.framework(personID: person.id, database: request.db)
        let asked = (try? request.query.get(String.self, at: "competency")) ?? ""
        let code = framework.competencies.contains { $0.code == asked } ? asked : ""
        let item = (try? request.query.get(UUID.self, at: "item"))?.uuidString ?? ""
        return try await page(
            request, person: person, framework: framework,
            fields: ["competency": code, "observedOn": CalendarDate.today.description, "item": item], problems: [],
            status: .ok)
    }

    private func page(
        _ request: Request, person: PersonSummary, framework: FrameworkContent, fields: [String: String],
        problems: [ValidationProblem], status: HTTPResponseStatus
    ) async throws -> Response {
        let roadmap = try await RoadmapRepository(database: request.db).roadmap(personID: person.id)
        return ObservationPage.render(
            person: person, framework: framework,
            openItems: roadmap?.items.filter { !$0.status.isClosed } ?? [], fields: fields, problems: problems,
            context: PageContext(request)
        ).response(status: status)
    }

    @Sendable func record(request: Request) async throws -> Response {
        let person = try await RoadmapController.person(request, may: .shapeRoadmap)
        let user = try request.requireUser()
        let (frameworkID, framework) = try await Self.framework(personID: person.id, database: request.db)
        let fields = try request.decodeForm([String: String].self)
        let code = fields["competency"] ?? ""
        let shown = framework.showing([code])
        let draft = ObservationDraft(
            competencyCode: code,
            setting: CoachingObservation.Setting(rawValue: fields["setting"] ?? "").flatMap {
                CoachingObservation.Setting.observable.contains($0) ? $0 : nil
            },
            observedOn: CalendarDate(fields["observedOn"] ?? ""),
            rating: RaterFormFields.ratings(from: fields, framework: shown).first { $0.competencyCode == code },
            notes: (fields["notes"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            nextSteps: (fields["nextSteps"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        var problems = draft.problems(framework: framework, today: .today)
        var itemID: UUID?
        if let item = fields["item"], !item.isEmpty {
            let roadmap = try await RoadmapRepository(database: request.db).roadmap(personID: person.id)
            if let id = UUID(uuidString: item),
                roadmap?.items.contains(where: { $0.id == id && !$0.status.isClosed }) == true
            {
                itemID = id
            } else {
                problems.append(ValidationProblem(location: "item", message: "choose an open item of this roadmap"))
            }
        }
        guard problems.isEmpty, let setting = draft.setting, let day = draft.observedOn, let rating = draft.rating
        else {
            return try await page(
                request, person: person, framework: framework, fields: fields, problems: problems,
                status: .unprocessableEntity)
        }
        try await ObservationRepository(database: request.db).record(
            CoachingObservation(
                personID: person.id, frameworkID: frameworkID, competencyCode: code, setting: setting, observedOn: day,
                observed: rating.observed, level: rating.level(in: framework), notes: draft.notes,
                nextSteps: draft.nextSteps, observerEmail: user.email, completedItemID: itemID),
            byUserID: user.id, on: .today, at: Date())
        request.flash(request.readersLocalizer.text(ObservationMessage.recorded))
        return request.redirect(to: SitePath.roadmap.url(person.id))
    }
}
