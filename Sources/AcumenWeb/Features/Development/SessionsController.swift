import AcumenCore
import AcumenStore
import Foundation
import Vapor

/// Sessions of classroom and virtual offerings: programme staff schedule them; the vendor's
/// people take a seat or join the waiting list; the trainer (or staff) keeps the register and
/// attaches the recording, which becomes an offering of its own.
struct SessionsController: RouteCollection {
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        routes.access(.permitted(DevelopmentPolicy.self, .manageCatalogue))
            .post("catalogue", "offerings", ":offeringID", "sessions", use: create)
        let people = routes.access(.permitted(DevelopmentPolicy.self, .enrol))
        people.post("sessions", ":sessionID", "enrol", use: enrol)
        people.post("sessions", ":sessionID", "cancel", use: cancel)
        let trainers = routes.access(.permitted(DevelopmentPolicy.self, .runSession))
        trainers.get("sessions", ":sessionID", use: show)
        trainers.post("sessions", ":sessionID", "attendance", use: attendance)
        trainers.post("sessions", ":sessionID", "recording", use: recording)
    }

    /// What the offering page shows of each session for this viewer.
    struct Listed {
        var session: ScheduledSession
        var taken: Int
        var waiting: Int
        var mine: SeatStatus?
        var mayRun: Bool
    }

    static func listed(offeringID: UUID, request: Request) async throws -> [Listed] {
        let user = try request.requireUser()
        let repository = SessionRepository(database: request.db)
        var listed: [Listed] = []
        for session in try await repository.sessions(offeringID: offeringID) {
            let seats = try await repository.seats(sessionID: session.id)
            listed.append(
                Listed(
                    session: session, taken: seats.count { $0.status.takesSeat },
                    waiting: seats.count { $0.status == .waiting },
                    mine: seats.first { $0.personID == user.personID }?.status,
                    mayRun: DevelopmentPolicy.allows(
                        .runSession, user.viewer,
                        .init(isTrainer: session.trainerEmail.lowercased() == user.email.lowercased()))))
        }
        return listed
    }

    private func offering(_ request: Request) async throws -> Offering {
        guard let id = request.parameters.get("offeringID", as: UUID.self),
            let offering = try await CatalogueController.load(request).offerings.first(where: { $0.id == id })
        else { throw AppError.notFound("That offering") }
        return offering
    }

    /// The session, if the viewer may run it; otherwise refused.
    private func runnable(_ request: Request) async throws -> ScheduledSession {
        guard let id = request.parameters.get("sessionID", as: UUID.self) else {
            throw AppError.notFound("That session")
        }
        let session = try await SessionRepository(database: request.db).session(id: id)
        let user = try request.requireUser()
        guard
            DevelopmentPolicy.allows(
                .runSession, user.viewer, .init(isTrainer: session.trainerEmail.lowercased() == user.email.lowercased())
            )
        else {
            throw AppError(
                .forbidden, code: "forbidden",
                message: "Only its trainer and programme staff keep a session's register.")
        }
        return session
    }

    @Sendable func create(request: Request) async throws -> Response {
        let offering = try await offering(request)
        guard offering.format == .classroom || offering.format == .virtualClassroom else {
            throw AppError.badRequest("Sessions are scheduled for classroom and virtual classroom offerings.")
        }
        let form = try request.decodeForm([String: String].self)
        func field(_ name: String) -> String { (form[name] ?? "").trimmingCharacters(in: .whitespaces) }
        let startsOn = CalendarDate(field("startsOn"))
        let problems = ScheduledSession.problems(
            startsOn: startsOn, startTime: field("startTime"), durationMinutes: Int(field("durationMinutes")),
            place: field("place"), timeZone: field("timeZone"), seats: Int(field("seats")),
            trainerEmail: field("trainerEmail"), today: .today)
        guard problems.isEmpty, let startsOn, let minutes = Int(field("durationMinutes")),
            let seats = Int(field("seats"))
        else {
            let loaded = try await CatalogueController.load(request)
            return OfferingPage.render(
                offering, loaded: loaded, sessions: try await Self.listed(offeringID: offering.id, request: request),
                sessionForm: form, sessionProblems: problems, context: PageContext(request)
            ).response(status: .unprocessableEntity)
        }
        try await SessionRepository(database: request.db).create(
            ScheduledSession(
                offeringID: offering.id, startsOn: startsOn, startTime: field("startTime"), durationMinutes: minutes,
                place: field("place"), timeZone: field("timeZone"), seats: seats, trainerEmail: field("trainerEmail")))
        request.flash(request.readersLocalizer.text(SessionMessage.scheduled))
        return request.redirect(to: SitePath.catalogueOffering.url(offering.id))
    }

    private func sessionID(_ request: Request) throws -> UUID {
        guard let id = request.parameters.get("sessionID", as: UUID.self) else {
            throw AppError.notFound("That session")
        }
        return id
    }

    @Sendable func enrol(request: Request) async throws -> Response {
        let repository = SessionRepository(database: request.db)
        let session = try await repository.session(id: try sessionID(request))
        guard session.startsOn >= .today else { throw AppError.badRequest("This session has taken place.") }
        guard let personID = try request.requireUser().personID else { throw AppError.forbidden }
        let status = try await repository.enrol(sessionID: session.id, personID: personID, at: Date())
        request.flash(
            request.readersLocalizer.text(status == .waiting ? SessionMessage.waitingNow : SessionMessage.enrolledNow))
        return request.redirect(to: SitePath.catalogueOffering.url(session.offeringID))
    }

    @Sendable func cancel(request: Request) async throws -> Response {
        let repository = SessionRepository(database: request.db)
        let session = try await repository.session(id: try sessionID(request))
        guard let personID = try request.requireUser().personID else { throw AppError.forbidden }
        try await repository.cancel(sessionID: session.id, personID: personID)
        request.flash(request.readersLocalizer.text(SessionMessage.cancelledNow))
        return request.redirect(to: SitePath.catalogueOffering.url(session.offeringID))
    }

    @Sendable func show(request: Request) async throws -> Response {
        let session = try await runnable(request)
        let offering = try await CatalogueController.load(request).offerings.first { $0.id == session.offeringID }
        return SessionPage.render(
            session: session, offering: offering,
            seats: try await SessionRepository(database: request.db).seats(sessionID: session.id),
            context: PageContext(request)
        ).response()
    }

    @Sendable func attendance(request: Request) async throws -> Response {
        let session = try await runnable(request)
        guard session.startsOn <= .today else {
            throw AppError.badRequest("Attendance is taken once the session has begun.")
        }
        let form = try request.decodeForm([String: String].self)
        let attended = Set(
            form.filter { $0.key.hasPrefix("attended:") && $0.value == "on" }.compactMap {
                UUID(uuidString: String($0.key.dropFirst("attended:".count)))
            })
        let completed = try await SessionRepository(database: request.db).takeAttendance(
            sessionID: session.id, attended: attended, takenBy: try request.requireUser().email, at: Date())
        request.flash(
            request.readersLocalizer.text(
                SessionMessage.attendanceTaken, count: attended.count,
                ["items": request.readersLocalizer.integer(completed)]))
        return request.redirect(to: SitePath.session.url(session.id))
    }

    /// The recording becomes an offering of its own: the same content, taken anywhere.
    @Sendable func recording(request: Request) async throws -> Response {
        let session = try await runnable(request)
        struct Form: Decodable { var link: String }
        let link = try request.decodeForm(Form.self).link.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: link), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
            link.count <= TextLimits.description
        else { throw AppError.badRequest("Give the recording's address (http or https).", field: "link") }
        guard session.recordingOfferingID == nil else {
            throw AppError(.conflict, code: "conflict", message: "This session's recording is attached already.")
        }
        let catalogue = try await CatalogueController.load(request)
        guard let source = catalogue.offerings.first(where: { $0.id == session.offeringID }) else {
            throw AppError.notFound("That offering")
        }
        let code = "\(source.code)-REC-\(session.startsOn.description.replacingOccurrences(of: "-", with: ""))"
        let recorded = Offering(
            code: code, title: "\(source.title) (recording of \(session.startsOn))", summary: source.summary,
            category: source.category, format: .recordedSession, durationMinutes: source.durationMinutes,
            language: source.language, provider: source.provider, link: link, owner: source.owner,
            phase: source.phase, prerequisites: source.prerequisites, targets: source.targets,
            xapiActivityID: Offering.activityID(code: code, baseURL: settings.publicBaseURL))
        try await CatalogueRepository(database: request.db).save([recorded])
        try await SessionRepository(database: request.db).attachRecording(
            sessionID: session.id, offeringID: recorded.id)
        request.flash(request.readersLocalizer.text(SessionMessage.recordingAttached, ["code": code]))
        return request.redirect(to: SitePath.catalogueOffering.url(recorded.id))
    }
}
