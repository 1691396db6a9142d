import AcumenCore
import AcumenStore
import Foundation
import Vapor

/// Programme staff issue and revoke the credentials source systems send learning records with
/// (on a page, and as `POST /api/v1/xapi/credentials`), and import completions from an LMS export.
struct XAPICredentialsController: RouteCollection {
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.access(.permitted(DevelopmentPolicy.self, .manageCatalogue))
        staff.get("learning-records", use: list)
        staff.post("learning-records", "credentials", use: issue)
        staff.post("learning-records", "credentials", ":credentialID", "revoke", use: revoke)
        staff.post("api", "v1", "xapi", "credentials", use: issueAPI)
        staff.on(
            .POST, "learning-records", "completions",
            body: .collect(maxSize: ByteCount(value: CSRFProtection.maximumFormSize)),
            use: importCompletions)
    }

    private func page(
        _ request: Request, issued: XAPICredentialIssuer.Issued? = nil, problem: String? = nil,
        importProblems: [String] = []
    ) async throws -> HTMLPage {
        XAPICredentialsPage.render(
            credentials: try await LearningRecordRepository(database: request.db).credentials(), issued: issued,
            problem: problem, importProblems: importProblems, endpoint: settings.publicBaseURL + "/xapi/",
            context: PageContext(request))
    }

    /// Completions from an LMS export: all or nothing, every bad row listed by line; each
    /// completion is recorded once and completes the offering on the person's roadmap.
    @Sendable func importCompletions(request: Request) async throws -> Response {
        guard let upload = try? request.content.decode(CatalogueController.Upload.self),
            upload.file.data.readableBytes > 0
        else {
            throw AppError.badRequest("Choose a file to upload.", field: "file")
        }
        let text = try FrameworkImport.text(of: Data(buffer: upload.file.data), named: upload.file.filename)
        let localizer = request.readersLocalizer
        let people = PeopleRepository(database: request.db)
        let offerings = try await CatalogueController.load(request).offerings
        let rows: [CompletionsCSV.Row]
        do {
            rows = try CompletionsCSV.read(
                text, people: try await people.allEmails(), offerings: offerings, today: .today)
        } catch let report as ImportReport {
            return try await page(request, importProblems: report.problems.map { $0.description(in: localizer) })
                .response(status: .unprocessableEntity)
        }
        var ids: [String: UUID] = [:]
        for email in Set(rows.map(\.email)) { ids[email] = try await people.personID(email: email) }
        let name = upload.file.filename.isEmpty ? "an LMS export" : upload.file.filename
        let outcome = try await CompletionRepository(database: request.db).record(
            rows.compactMap { row in
                ids[row.email].map { .init(personID: $0, offeringID: row.offeringID, completedOn: row.completedOn) }
            }, source: "LMS import (\(name))", at: Date())
        request.flash(
            localizer.text(
                XAPICredentialsMessage.completionsImported, count: rows.count,
                ["new": localizer.integer(outcome.recorded), "items": localizer.integer(outcome.itemsCompleted)]))
        return request.redirect(to: SitePath.learningRecords.url())
    }

    @Sendable func list(request: Request) async throws -> Response {
        try await page(request).response()
    }

    /// The secret is shown on this answer only, never stored or shown again.
    @Sendable func issue(request: Request) async throws -> Response {
        struct Form: Decodable { var name: String? }
        let name = try request.decodeForm(Form.self).name ?? ""
        do {
            let issued = try await XAPICredentialIssuer.issue(
                name: name, createdBy: try request.requireUser().email, database: request.db)
            return try await page(request, issued: issued).response()
        } catch StoreError.invalid {
            return try await page(request, problem: request.readersLocalizer.text(XAPICredentialsMessage.giveName))
                .response(status: .unprocessableEntity)
        }
    }

    @Sendable func revoke(request: Request) async throws -> Response {
        guard let id = request.parameters.get("credentialID", as: UUID.self) else {
            throw AppError.notFound("That credential")
        }
        try await LearningRecordRepository(database: request.db).revokeCredential(id: id, at: Date())
        request.flash(request.readersLocalizer.text(XAPICredentialsMessage.revoked))
        return request.redirect(to: SitePath.learningRecords.url())
    }

    struct IssuedDTO: Content {
        var id: UUID
        var name: String
        var key: String
        var secret: String
        var endpoint: String
    }

    @Sendable func issueAPI(request: Request) async throws -> Response {
        struct Body: Decodable { var name: String }
        guard let body = try? request.content.decode(Body.self) else {
            throw AppError.badRequest("Send {\"name\": \"the sending system's name\"}.", field: "name")
        }
        let issued = try await XAPICredentialIssuer.issue(
            name: body.name, createdBy: try request.requireUser().email, database: request.db)
        return try await IssuedDTO(
            id: issued.credential.id, name: issued.credential.name, key: issued.credential.key, secret: issued.secret,
            endpoint: settings.publicBaseURL + "/xapi/"
        ).encodeResponse(status: .created, for: request)
    }
}
