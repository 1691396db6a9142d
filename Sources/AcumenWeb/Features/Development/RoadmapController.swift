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
        shapers.post("people", ":personID", "roadmap", "priorities", use: setPriorities)
        shapers.post("people", ":personID", "roadmap", "items", use: addItem)
        shapers.post("people", ":personID", "roadmap", "items", ":itemID", "move", use: moveItem)
        shapers.post("people", ":personID", "roadmap", "items", ":itemID", "remove", use: removeItem)
        shapers.post("people", ":personID", "roadmap", "items", ":itemID", "due", use: setDue)
        let reporters = routes.access(.permitted(DevelopmentPolicy.self, .reportProgress))
        reporters.post("people", ":personID", "roadmap", "items", ":itemID", "status", use: setStatus)
        reporters.post("people", ":personID", "roadmap", "follow-ups", ":followUpID", "done", use: followUpDone)
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
        let mayShape = DevelopmentPolicy.allows(.shapeRoadmap, user.viewer, resource)
        return RoadmapPage.render(
            person: person, roadmap: roadmap, framework: try await Self.framework(of: roadmap, request.db),
            offerings: mayShape ? try await CatalogueController.load(request).offerings : [],
            observations: try await ObservationRepository(database: request.db).observations(personID: person.id),
            mayShape: mayShape, mayReport: DevelopmentPolicy.allows(.reportProgress, user.viewer, resource),
            today: .today, context: PageContext(request)
        ).response()
    }

    @Sendable func draft(request: Request) async throws -> Response {
        let person = try await Self.person(request, may: .shapeRoadmap)
        let text = request.readersLocalizer
        guard
            let drafted = try await RoadmapUseCases(database: request.db).draft(
                person: person, byUserID: try request.requireUser().id)
        else {
            request.flash(text.text(RoadmapMessage.nothingReleased))
            return request.redirect(to: SitePath.roadmap.url(person.id))
        }
        request.flash(text.text(RoadmapMessage.drafted, count: drafted.itemCount, ["cycle": drafted.cycleName]))
        return request.redirect(to: SitePath.roadmap.url(person.id))
    }

    static func framework(of roadmap: Roadmap?, _ database: any Database) async throws -> FrameworkContent? {
        guard let roadmap else { return nil }
        return try await FrameworkRepository(database: database).version(id: roadmap.frameworkID).content
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
        let repository = RoadmapRepository(database: request.db)
        if !shapes,
            try await repository.roadmap(personID: person.id, includingHistory: false)?.items.first(where: {
                $0.id == itemID
            })?.status
                == .waived
        {
            throw AppError(.forbidden, code: "forbidden", message: "Only a supervisor takes an item back from waived.")
        }
        try await repository.setStatus(
            status, itemID: itemID, personID: person.id, note: note, byUserID: user.id, on: .today, at: Date())
        request.flash(
            request.readersLocalizer.text(status == .completed ? RoadmapMessage.completedNow : .statusSaved))
        return request.redirect(to: SitePath.roadmap.url(person.id))
    }

    /// The supervisor's priority competencies, first to third; the roadmap is drafted again with them.
    @Sendable func setPriorities(request: Request) async throws -> Response {
        let person = try await Self.person(request, may: .shapeRoadmap)
        let user = try request.requireUser()
        let repository = RoadmapRepository(database: request.db)
        guard let roadmap = try await repository.roadmap(personID: person.id) else {
            throw AppError.notFound("That roadmap")
        }
        let form = try request.decodeForm([String: String].self)
        let known = Set(try await Self.framework(of: roadmap, request.db)?.competencies.map(\.code) ?? [])
        var codes: [String] = []
        for field in RoadmapPage.priorityFields {
            let code = (form[field] ?? "").trimmingCharacters(in: .whitespaces)
            guard !code.isEmpty else { continue }
            guard known.contains(code) else {
                throw AppError.badRequest("Choose competencies of the roadmap's framework.", field: field)
            }
            if !codes.contains(code) { codes.append(code) }
        }
        try await repository.setPriorities(codes, personID: person.id, byUserID: user.id, at: Date())
        let drafted = try await RoadmapUseCases(database: request.db).draft(person: person, byUserID: user.id)
        request.flash(
            request.readersLocalizer.text(
                RoadmapMessage.prioritiesSaved, count: drafted?.itemCount ?? 0,
                ["codes": codes.isEmpty ? "–" : codes.joined(separator: ", ")]))
        return request.redirect(to: SitePath.roadmap.url(person.id))
    }

    @Sendable func addItem(request: Request) async throws -> Response {
        let person = try await Self.person(request, may: .shapeRoadmap)
        struct Form: Decodable {
            var offering: String
            var due: String?
        }
        let form = try request.decodeForm(Form.self)
        let repository = RoadmapRepository(database: request.db)
        guard let roadmap = try await repository.roadmap(personID: person.id) else {
            throw AppError.notFound("That roadmap")
        }
        let catalogue = try await CatalogueController.load(request)
        guard let offering = catalogue.offerings.first(where: { $0.code.lowercased() == form.offering.lowercased() })
        else {
            throw AppError.badRequest("Choose an offering of the catalogue.", field: "offering")
        }
        let due = try Self.day(form.due, field: "due")
        try await repository.add(
            RoadmapItem(
                offeringID: offering.id, offeringCode: offering.code, offeringTitle: offering.title,
                reason: .addedBySupervisor,
                alsoDevelops: offering.targets.filter { $0.frameworkID == roadmap.frameworkID }.map(\.competencyCode),
                due: due),
            personID: person.id, byUserID: try request.requireUser().id, at: Date())
        request.flash(request.readersLocalizer.text(RoadmapMessage.added, ["title": offering.title]))
        return request.redirect(to: SitePath.roadmap.url(person.id))
    }

    @Sendable func moveItem(request: Request) async throws -> Response {
        let person = try await Self.person(request, may: .shapeRoadmap)
        struct Form: Decodable { var direction: String }
        let direction = try request.decodeForm(Form.self).direction
        guard direction == "up" || direction == "down" else {
            throw AppError.badRequest("Move an item up or down.", field: "direction")
        }
        try await RoadmapRepository(database: request.db).move(
            itemID: try Self.itemID(request), personID: person.id, by: direction == "up" ? -1 : 1,
            byUserID: try request.requireUser().id, at: Date())
        return request.redirect(to: SitePath.roadmap.url(person.id))
    }

    @Sendable func removeItem(request: Request) async throws -> Response {
        let person = try await Self.person(request, may: .shapeRoadmap)
        try await RoadmapRepository(database: request.db).remove(
            itemID: try Self.itemID(request), personID: person.id, byUserID: try request.requireUser().id, at: Date())
        request.flash(request.readersLocalizer.text(RoadmapMessage.removedNow))
        return request.redirect(to: SitePath.roadmap.url(person.id))
    }

    @Sendable func setDue(request: Request) async throws -> Response {
        let person = try await Self.person(request, may: .shapeRoadmap)
        struct Form: Decodable { var due: String? }
        let due = try Self.day(try request.decodeForm(Form.self).due, field: "due")
        try await RoadmapRepository(database: request.db).setDue(
            due, itemID: try Self.itemID(request), personID: person.id, byUserID: try request.requireUser().id,
            at: Date())
        request.flash(request.readersLocalizer.text(RoadmapMessage.statusSaved))
        return request.redirect(to: SitePath.roadmap.url(person.id))
    }

    @Sendable func followUpDone(request: Request) async throws -> Response {
        let (person, resource) = try await Self.subject(request, may: .reportProgress)
        guard let id = request.parameters.get("followUpID", as: UUID.self) else {
            throw AppError.notFound("That follow-up")
        }
        let repository = RoadmapRepository(database: request.db)
        guard
            let followUp = try await repository.roadmap(personID: person.id, includingHistory: false)?.followUps
                .first(where: { $0.id == id })
        else { throw AppError.notFound("That follow-up") }
        // A re-observation is the supervisor's to make: the account manager cannot mark it done.
        let viewer = try request.requireUser().viewer
        if followUp.kind == .reobservation && !DevelopmentPolicy.allows(.shapeRoadmap, viewer, resource) {
            throw AppError(.forbidden, code: "forbidden", message: "A re-observation is marked done by a supervisor.")
        }
        try await repository.completeFollowUp(
            id: id, personID: person.id, byUserID: try request.requireUser().id, on: .today, at: Date())
        request.flash(request.readersLocalizer.text(RoadmapMessage.followUpDoneNow))
        return request.redirect(to: SitePath.roadmap.url(person.id))
    }

    static func itemID(_ request: Request) throws -> UUID {
        guard let id = request.parameters.get("itemID", as: UUID.self) else {
            throw AppError.notFound("That roadmap item")
        }
        return id
    }

    /// An optional day from a form field: empty is none, anything else must be YYYY-MM-DD.
    static func day(_ value: String?, field: String) throws -> CalendarDate? {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let day = CalendarDate(trimmed) else {
            throw AppError.badRequest("Give the date as YYYY-MM-DD.", field: field)
        }
        return day
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
