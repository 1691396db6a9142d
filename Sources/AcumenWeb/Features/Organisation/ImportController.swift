import AcumenCore
import AcumenStore
import Plot
import Vapor

/// Uploads for programme staff: people and accounts as CSV, frameworks as CASE packages.
struct ImportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.access(.permitted(OrganisationPolicy.self, .importRecords)).grouped("import")
        staff.get(use: page)
        staff.on(.POST, "people", body: .collect(maxSize: "20mb"), use: importPeople)
        staff.on(.POST, "accounts", body: .collect(maxSize: "20mb"), use: importAccounts)
        staff.on(.POST, "framework", body: .collect(maxSize: "10mb"), use: importFramework)
        staff.post("framework-address", use: fetchFramework)
    }

    struct Upload: Content {
        var file: File
    }

    private func upload(_ request: Request) throws -> Data {
        guard let upload = try? request.content.decode(Upload.self), upload.file.data.readableBytes > 0 else {
            throw AppError.badRequest("Choose a file to upload.", field: "file")
        }
        return Data(buffer: upload.file.data)
    }

    @Sendable func page(request: Request) async throws -> Response {
        return ImportPage.render(context: PageContext(request), problems: [], heading: nil).response()
    }

    @Sendable func importPeople(request: Request) async throws -> Response {
        return try await run(request, what: .people) { data, text in
            ImportCommand.imported(
                try await PeopleRepository(database: request.db).importPeople(csv: try FrameworkImport.text(of: data)),
                text: text)
        }
    }

    @Sendable func importAccounts(request: Request) async throws -> Response {
        return try await run(request, what: .accounts) { data, text in
            ImportCommand.imported(
                try await AccountRepository(database: request.db).importAccounts(
                    csv: try FrameworkImport.text(of: data),
                    knownEmails: try await PeopleRepository(database: request.db).allEmails()), text: text)
        }
    }

    @Sendable func importFramework(request: Request) async throws -> Response {
        let data = try upload(request)
        return try await run(request, what: .framework) { _ in
            try await FrameworkImport.importEither(data, database: request.db).opened(for: request)
        }
    }

    struct AddressForm: Content {
        var url: String?
    }

    @Sendable func fetchFramework(request: Request) async throws -> Response {
        let address = (try? request.content.decode(AddressForm.self))?.url ?? ""
        return try await run(request, what: .framework, address: address) { _ in
            try await FrameworkImport.fetchCASE(
                address, fetcher: request.application.casePackageFetcher, database: request.db
            ).opened(for: request)
        }
    }

    /// Runs an import; on failure shows every problem on the page and nothing is stored.
    private func run(
        _ request: Request, what: ImportMessage, _ body: (Data, Localizer) async throws -> String
    ) async throws -> Response {
        let data = try upload(request)
        return try await run(request, what: what) { text in
            request.flash(try await body(data, text))
            return request.redirect(to: SitePath.importPage.url())
        }
    }

    private func run(
        _ request: Request, what: ImportMessage, address: String = "",
        _ body: (Localizer) async throws -> Response
    ) async throws -> Response {
        let text = request.readersLocalizer
        func refused(_ problems: [String]) -> Response {
            ImportPage.render(
                context: PageContext(request), problems: problems,
                heading: text.text(ImportMessage.nothingImported, ["what": text.text(what)]), address: address
            ).response(status: .unprocessableEntity)
        }
        do {
            return try await body(text)
        } catch let report as ImportReport {
            return refused(report.problems.map { $0.description(in: text) })
        } catch let error
            where error is CASEImportError || error is StoreError || (error as? AppError)?.status.code ?? 500 < 500
        {
            // A CASE package's problems and the store's refusals are English for now.
            let appError = AppError.from(error)
            return refused(appError.details.isEmpty ? [appError.message] : appError.details)
        }
    }
}
