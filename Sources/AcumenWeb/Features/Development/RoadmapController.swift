import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import Vapor

/// An account manager's learning roadmap: read by them, their supervisors and programme staff;
/// drafted from their latest released results and approved by a supervisor; progress reported
/// by the account manager.
struct RoadmapController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let readers = routes.access(.permitted(DevelopmentPolicy.self, .readRoadmap))
        readers.get("people", ":personID", "roadmap", use: show)
        readers.get("api", "v1", "people", ":personID", "roadmap", use: apiShow)
        let shapers = routes.access(.permitted(DevelopmentPolicy.self, .shapeRoadmap))
        shapers.post("people", ":personID", "roadmap", "draft", use: draft)
        shapers.post("people", ":personID", "roadmap", "approve", use: approve)
        routes.access(.permitted(DevelopmentPolicy.self, .reportProgress))
            .post("people", ":personID", "roadmap", "items", ":itemID", "status", use: setStatus)
    }

    /// The person, if the viewer may do `action` with their roadmap; otherwise not found, as if
    /// there were nobody.
    static func person(_ request: Request, may action: DevelopmentPolicy.Action) async throws -> PersonSummary {
        try await subject(request, may: action).person
    }

    /// The person and how the viewer stands to them, checked as `person(_:may:)` does.
    static func subject(_ request: Request, may action: DevelopmentPolicy.Action) async throws -> (
        person: PersonSummary, resource: DevelopmentPolicy.Resource
    ) {
        let user = try request.requireUser()
        guard let id = request.parameters.get("personID", as: UUID.self) else {
            throw AppError.notFound("That roadmap")
        }
        let people = PeopleRepository(database: request.db)
        let visible = try await people.visiblePersonIDs(for: user.viewer)
        let resource = DevelopmentPolicy.Resource(
            isOwn: user.personID == id, inViewersLine: visible?.contains(id) ?? true)
        guard DevelopmentPolicy.allows(.readRoadmap, user.viewer, resource) else {
            throw AppError.notFound("That roadmap")
        }
        let person = try await people.person(id: id, visibleTo: user.viewer)
        guard DevelopmentPolicy.allows(action, user.viewer, resource) else {
            throw AppError(.forbidden, code: "forbidden", message: "You may read this roadmap but not change it.")
        }
        return (person, resource)
    }

    @Sendable func show(request: Request) async throws -> Response {
        let (person, resource) = try await Self.subject(request, may: .readRoadmap)
        let user = try request.requireUser()
        let roadmap = try await RoadmapRepository(database: request.db).roadmap(personID: person.id)
        return RoadmapPage.render(
            person: person, roadmap: roadmap, framework: try await Self.framework(of: roadmap, request.db),
            mayShape: DevelopmentPolicy.allows(.shapeRoadmap, user.viewer, resource),
            mayReport: DevelopmentPolicy.allows(.reportProgress, user.viewer, resource),
            context: PageContext(request)
        ).response()
    }

    @Sendable func draft(request: Request) async throws -> Response {
        let person = try await Self.person(request, may: .shapeRoadmap)
        let user = try request.requireUser()
        let text = request.readersLocalizer
        guard let latest = try await Self.latestResults(personID: person.id, database: request.db) else {
            request.flash(text.text(RoadmapMessage.nothingReleased))
            return request.redirect(to: SitePath.roadmap.url(person.id))
        }
        let repository = RoadmapRepository(database: request.db)
        let existing = try await repository.roadmap(personID: person.id)
        let completed = Set(
            existing?.items.filter { $0.status.isClosed || $0.status == .inProgress }.map(\.offeringCode) ?? [])
        let drafted = RoadmapDrafter(
            offerings: try await CatalogueRepository(database: request.db).offerings(),
            frameworkID: latest.cycle.frameworkID
        ).draft(
            gaps: latest.report.gaps, profile: LearnerProfile(isRemote: person.isRemote),
            terms: RoadmapTerms(start: CalendarDate.today.firstOfMonth, completed: completed))
        try await repository.saveDraft(
            personID: person.id, frameworkID: latest.cycle.frameworkID, cycleName: latest.cycle.name,
            items: drafted.map(RoadmapItem.init(drafted:)), byUserID: user.id, at: Date())
        request.flash(text.text(RoadmapMessage.drafted, count: drafted.count, ["cycle": latest.cycle.name]))
        return request.redirect(to: SitePath.roadmap.url(person.id))
    }

    static func framework(of roadmap: Roadmap?, _ database: any Database) async throws -> FrameworkContent? {
        guard let roadmap else { return nil }
        return try await FrameworkRepository(database: database).version(id: roadmap.frameworkID).content
    }

    /// The person's results in the latest released cycle that assessed them: the one that
    /// closes last (then opened last), whatever order the cycles were created in.
    static func latestResults(personID: UUID, database: any Database) async throws -> ReportsController.LoadedReport? {
        let cycles = CycleRepository(database: database)
        let released = try await cycles.cycles().filter { $0.status == .released }.sorted {
            ($0.settings.closesOn, $0.settings.opensOn) > ($1.settings.closesOn, $1.settings.opensOn)
        }
        for cycle in released {
            if let subject = try await cycles.subject(cycleID: cycle.id, personID: personID) {
                return try await ReportsController.load(cycle: cycle, subject: subject, database: database)
            }
        }
        return nil
    }

    @Sendable func approve(request: Request) async throws -> Response {
        let person = try await Self.person(request, may: .shapeRoadmap)
        try await RoadmapRepository(database: request.db).approve(
            personID: person.id, byUserID: try request.requireUser().id, on: .today, at: Date())
        request.flash(request.readersLocalizer.text(RoadmapMessage.approvedNow))
        return request.redirect(to: SitePath.roadmap.url(person.id))
    }

    @Sendable func setStatus(request: Request) async throws -> Response {
        let person = try await Self.person(request, may: .reportProgress)
        let user = try request.requireUser()
        guard let itemID = request.parameters.get("itemID", as: UUID.self) else {
            throw AppError.notFound("That roadmap item")
        }
        struct Form: Decodable {
            var status: String
            var note: String?
        }
        let form = try request.decodeForm(Form.self)
        guard let status = RoadmapItemStatus(rawValue: form.status) else {
            throw AppError.badRequest("Choose planned, enrolled, inProgress, completed or waived.", field: "status")
        }
        let note = (form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        // Setting an item aside is the supervisor's decision, and says why.
        let shapes = user.personID != person.id
        if status == .waived && (!shapes || note.isEmpty) {
            throw AppError.badRequest(
                shapes ? "Say why the item is waived." : "Only a supervisor can waive an item.", field: "note")
        }
        guard note.count <= TextLimits.description else {
            throw AppError.badRequest("The note is longer than \(TextLimits.description) characters.", field: "note")
        }
        try await RoadmapRepository(database: request.db).setStatus(
            status, itemID: itemID, personID: person.id, note: note, byUserID: user.id, at: Date())
        request.flash(request.readersLocalizer.text(RoadmapMessage.statusSaved))
        return request.redirect(to: SitePath.roadmap.url(person.id))
    }

    // MARK: API

    struct RoadmapDTO: Content {
        struct Item: Content {
            struct ChosenOver: Content {
                var offeringCode: String
                var why: String
            }

            var id: UUID
            var offeringId: UUID
            var offeringCode: String
            var title: String
            var status: String
            var due: String?
            var reason: String
            var alsoDevelops: [String]
            var chosenOver: [ChosenOver]
            var note: String
        }

        var personId: UUID
        var draftedFrom: String?
        var approvedOn: String?
        var items: [Item]
    }

    @Sendable func apiShow(request: Request) async throws -> RoadmapDTO {
        let person = try await Self.person(request, may: .readRoadmap)
        let roadmap = try await RoadmapRepository(database: request.db).roadmap(personID: person.id)
        let english = Localizer(.english)
        let framework = try await Self.framework(of: roadmap, request.db)
        return RoadmapDTO(
            personId: person.id, draftedFrom: roadmap?.cycleName, approvedOn: roadmap?.approvedOn?.description,
            items: (roadmap?.items ?? []).map { item in
                RoadmapDTO.Item(
                    id: item.id, offeringId: item.offeringID, offeringCode: item.offeringCode,
                    title: item.offeringTitle, status: item.status.rawValue, due: item.due?.description,
                    reason: RoadmapPage.reason(item.reason, framework: framework, text: english),
                    alsoDevelops: item.alsoDevelops,
                    chosenOver: item.passedOver.map { .init(offeringCode: $0.offeringCode, why: $0.why.rawValue) },
                    note: item.note)
            })
    }
}
