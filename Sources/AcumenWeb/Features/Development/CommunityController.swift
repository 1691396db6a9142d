import AcumenCore
import AcumenStore
import Foundation
import Vapor

/// Community content: an account manager shares a short video or guide; programme staff publish
/// it (an offering crediting them) or return it with a note; everyone's views and ratings show.
struct CommunityController: RouteCollection {
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        let people = routes.access(.permitted(DevelopmentPolicy.self, .enrol))
        people.get("catalogue", "share", use: shareForm)
        people.post("catalogue", "share", use: share)
        people.post("catalogue", "offerings", ":offeringID", "rating", use: rate)
        let staff = routes.access(.permitted(DevelopmentPolicy.self, .manageCatalogue))
        staff.get("catalogue", "submissions", use: queue)
        staff.post("catalogue", "submissions", ":submissionID", "publish", use: publish)
        staff.post("catalogue", "submissions", ":submissionID", "return", use: giveBack)
    }

    /// The framework contributions are mapped to: the latest published Global Mobility version.
    private func framework(_ request: Request) async throws -> FrameworkVersion {
        guard let version = try await FrameworkRepository(database: request.db).developmentFramework() else {
            throw AppError.notFound("A published framework")
        }
        return version
    }

    private func personID(_ request: Request) throws -> UUID {
        guard let id = try request.requireUser().personID else {
            throw AppError(.forbidden, code: "forbidden", message: "Only people of the organisation share and rate.")
        }
        return id
    }

    private func sharePage(
        _ request: Request, fields: [String: String], problems: [ValidationProblem], status: HTTPResponseStatus
    ) async throws -> Response {
        let person = try personID(request)
        return CommunityPages.share(
            framework: try await framework(request).content,
            categories: try await CatalogueController.load(request).categories,
            mine: try await CommunityRepository(database: request.db).submissions(contributor: person),
            fields: fields, problems: problems, context: PageContext(request)
        ).response(status: status)
    }

    @Sendable func shareForm(request: Request) async throws -> Response {
        try await sharePage(request, fields: [:], problems: [], status: .ok)
    }

    @Sendable func share(request: Request) async throws -> Response {
        let person = try personID(request)
        let fields = try request.decodeForm([String: String].self)
        func field(_ name: String) -> String { (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let version = try await framework(request)
        let categories = try await CatalogueController.load(request).categories
        let format = OfferingFormat(rawValue: field("format"))
        let problems = CommunitySubmission.problems(
            title: field("title"), summary: field("summary"), format: format, link: field("link"),
            durationMinutes: Int(field("durationMinutes")), category: field("category"), categories: categories,
            competency: field("competency"), framework: version.content, fromLevel: Int(field("fromLevel")),
            toLevel: Int(field("toLevel")))
        guard problems.isEmpty, let format, let minutes = Int(field("durationMinutes")),
            let from = Int(field("fromLevel")), let to = Int(field("toLevel"))
        else { return try await sharePage(request, fields: fields, problems: problems, status: .unprocessableEntity) }
        let name = try await PeopleRepository(database: request.db).names(ids: [person])[person] ?? ""
        try await CommunityRepository(database: request.db).submit(
            CommunitySubmission(
                title: field("title"), summary: field("summary"), format: format, link: field("link"),
                durationMinutes: minutes, category: field("category"),
                target: CompetencyTarget(
                    frameworkID: version.summary.id, competencyCode: field("competency"), fromLevel: from, toLevel: to),
                contributorPersonID: person, contributorName: name),
            at: Date())
        request.flash(request.readersLocalizer.text(CommunityMessage.submitted))
        return request.redirect(to: SitePath.communityShare.url())
    }

    @Sendable func queue(request: Request) async throws -> Response {
        CommunityPages.queue(
            submissions: try await CommunityRepository(database: request.db).submissions(),
            framework: try await framework(request).content, context: PageContext(request)
        ).response()
    }

    private func submission(_ request: Request) async throws -> CommunitySubmission {
        guard let id = request.parameters.get("submissionID", as: UUID.self),
            let found = try await CommunityRepository(database: request.db).submissions().first(where: { $0.id == id })
        else { throw AppError.notFound("That submission") }
        return found
    }

    @Sendable func publish(request: Request) async throws -> Response {
        let submission = try await submission(request)
        struct Form: Decodable {
            var phase: String?
            var note: String?
        }
        let form = try request.decodeForm(Form.self)
        let phase = LearningPhase(rawValue: form.phase ?? "") ?? .technical
        let offering = submission.offering(phase: phase, baseURL: settings.publicBaseURL)
        try await CommunityRepository(database: request.db).publish(
            submission, as: offering, note: String((form.note ?? "").prefix(TextLimits.description)))
        request.flash(request.readersLocalizer.text(CommunityMessage.published, ["title": submission.title]))
        return request.redirect(to: SitePath.catalogueOffering.url(offering.id))
    }

    @Sendable func giveBack(request: Request) async throws -> Response {
        let submission = try await submission(request)
        struct Form: Decodable { var note: String? }
        let note = (try request.decodeForm(Form.self).note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty, note.count <= TextLimits.description else {
            throw AppError.badRequest("Say what the contributor should change.", field: "note")
        }
        try await CommunityRepository(database: request.db).returnToContributor(submission.id, note: note)
        request.flash(request.readersLocalizer.text(CommunityMessage.returnedNow))
        return request.redirect(to: SitePath.communitySubmissions.url())
    }

    @Sendable func rate(request: Request) async throws -> Response {
        let person = try personID(request)
        guard let id = request.parameters.get("offeringID", as: UUID.self),
            try await CatalogueController.load(request).offerings.contains(where: { $0.id == id })
        else { throw AppError.notFound("That offering") }
        struct Form: Decodable { var stars: String }
        guard let stars = Int(try request.decodeForm(Form.self).stars), (1...5).contains(stars) else {
            throw AppError.badRequest("Rate it from 1 to 5 stars.", field: "stars")
        }
        try await CommunityRepository(database: request.db).rate(offeringID: id, personID: person, stars: stars)
        request.flash(request.readersLocalizer.text(CommunityMessage.rated))
        return request.redirect(to: SitePath.catalogueOffering.url(id))
    }
}
