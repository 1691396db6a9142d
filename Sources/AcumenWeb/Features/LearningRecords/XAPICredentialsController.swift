import AcumenCore
import AcumenStore
import Foundation
import Vapor

/// Programme staff issue and revoke the credentials source systems send learning records with:
/// on a page, and as `POST /api/v1/xapi/credentials`.
struct XAPICredentialsController: RouteCollection {
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.access(.permitted(DevelopmentPolicy.self, .manageCatalogue))
        staff.get("learning-records", use: list)
        staff.post("learning-records", "credentials", use: issue)
        staff.post("learning-records", "credentials", ":credentialID", "revoke", use: revoke)
        staff.post("api", "v1", "xapi", "credentials", use: issueAPI)
    }

    private func page(_ request: Request, issued: XAPICredentialIssuer.Issued? = nil, problem: String? = nil)
        async throws -> HTMLPage
    {
        XAPICredentialsPage.render(
            credentials: try await LearningRecordRepository(database: request.db).credentials(), issued: issued,
            problem: problem, endpoint: settings.publicBaseURL + "/xapi/", context: PageContext(request))
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
