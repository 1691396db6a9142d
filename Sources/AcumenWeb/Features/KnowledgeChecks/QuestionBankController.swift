import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import Vapor

/// The question bank for programme staff, as a page and through the API: every question's
/// latest version, and the bank out and in as CSV, GIFT and Moodle XML. An import is all or
/// nothing; a question it revises that someone has answered becomes a new version.
struct QuestionBankController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.access(.permitted(KnowledgeCheckPolicy.self, .manageBank))
        staff.get("question-bank", use: page)
        staff.get("question-bank", "export", use: export)
        staff.on(.POST, "question-bank", "import", body: .collect(maxSize: "10mb"), use: importFile)
        staff.get("api", "v1", "questions", use: apiList)
        staff.get("api", "v1", "questions", "export", use: export)
        staff.on(.POST, "api", "v1", "questions", "import", body: .collect(maxSize: "10mb"), use: apiImport)
    }

    private func page(_ request: Request, problems: [String], status: HTTPResponseStatus) async throws -> Response {
        let repository = QuestionBankRepository(database: request.db)
        return QuestionBankPage.render(
            try await repository.latest(), versions: try await repository.versionCounts(), importProblems: problems,
            context: PageContext(request)
        ).response(status: status)
    }

    @Sendable func page(request: Request) async throws -> Response {
        try await page(request, problems: [], status: .ok)
    }

    private static func format(_ request: Request) throws -> QuestionBankFormat {
        let given = (try? request.query.get(String.self, at: "format")) ?? QuestionBankFormat.csv.rawValue
        guard let format = QuestionBankFormat(rawValue: given) else {
            throw AppError.badRequest(
                "Choose a format: \(QuestionBankFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
                field: "format")
        }
        return format
    }

    @Sendable func export(request: Request) async throws -> Response {
        let format = try Self.format(request)
        let questions = try await QuestionBankRepository(database: request.db).latest()
        let body =
            switch format {
            case .csv: QuestionBankCSV.make(questions)
            case .gift: QuestionBankGIFT.make(questions)
            case .moodle: QuestionBankMoodleXML.make(questions)
            }
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.replaceOrAdd(name: .contentType, value: format.contentType)
        response.headers.contentDisposition = .init(
            .attachment, filename: "question-bank-\(CalendarDate.today).\(format.fileExtension)")
        return response
    }

    /// Reads a file of the bank in `format` against the competencies of every published framework.
    static func read(_ text: String, format: QuestionBankFormat, database: any Database) async throws -> [BankQuestion]
    {
        let codes = Set(
            try await CatalogueController.publishedFrameworks(database).flatMap { $0.content.competencies.map(\.code) })
        let existing = try await QuestionBankRepository(database: database).latest()
        switch format {
        case .csv: return try QuestionBankCSV.questions(fromCSV: text, competencyCodes: codes, existing: existing)
        case .gift: return try QuestionBankGIFT.questions(fromGIFT: text, competencyCodes: codes, existing: existing)
        case .moodle:
            return try QuestionBankMoodleXML.questions(fromXML: text, competencyCodes: codes, existing: existing)
        }
    }

    struct Upload: Content {
        var file: File
        var format: String?
    }

    @Sendable func importFile(request: Request) async throws -> Response {
        guard let upload = try? request.content.decode(Upload.self), upload.file.data.readableBytes > 0 else {
            throw AppError.badRequest("Choose a file to upload.", field: "file")
        }
        guard let format = QuestionBankFormat(rawValue: upload.format ?? "csv") else {
            throw AppError.badRequest("Choose the file's format.", field: "format")
        }
        let text = try FrameworkImport.text(of: Data(buffer: upload.file.data), named: upload.file.filename)
        let localizer = request.readersLocalizer
        do {
            let questions = try await Self.read(text, format: format, database: request.db)
            let saved = try await QuestionBankRepository(database: request.db).save(questions, at: Date())
            request.flash(
                localizer.text(
                    KnowledgeCheckMessage.imported,
                    [
                        "added": localizer.integer(saved.added), "revised": localizer.integer(saved.revised),
                        "versions": localizer.integer(saved.newVersions),
                        "unchanged": localizer.integer(saved.unchanged),
                    ]))
            return request.redirect(to: SitePath.questionBank.url())
        } catch let report as ImportReport {
            return try await page(
                request, problems: report.problems.map { $0.description(in: localizer) }, status: .unprocessableEntity)
        }
    }

    // MARK: API

    struct QuestionDTO: Content {
        struct Option: Content {
            var key: String
            var text: String
            var isCorrect: Bool
        }

        var id: UUID
        var version: Int
        var competency: String
        /// From 1 (Baseline).
        var level: Int
        var kind: String
        var prompt: String
        var explanation: String
        var options: [Option]
        var numericAnswer: Double?
        var tolerance: Double?
        var rubric: [String]

        init(_ question: BankQuestion) {
            id = question.id
            version = question.version
            competency = question.competencyCode
            level = question.level + 1
            kind = question.kind.rawValue
            prompt = question.prompt
            explanation = question.explanation
            options = question.options.map { .init(key: $0.key, text: $0.text, isCorrect: $0.isCorrect) }
            numericAnswer = question.numericAnswer
            tolerance = question.kind == .numeric ? question.tolerance : nil
            rubric = question.rubric.map(\.description)
        }
    }

    @Sendable func apiList(request: Request) async throws -> [QuestionDTO] {
        try await QuestionBankRepository(database: request.db).latest().map(QuestionDTO.init)
    }

    struct ImportOutcome: Content {
        var added: Int
        var revised: Int
        var newVersions: Int
        var unchanged: Int
    }

    /// The file is the request's body, in the format named by `?format=`.
    @Sendable func apiImport(request: Request) async throws -> Response {
        let format = try Self.format(request)
        guard let buffer = request.body.data, buffer.readableBytes > 0 else {
            throw AppError.badRequest("Send the file as the request's body.")
        }
        let text = try FrameworkImport.text(of: Data(buffer: buffer))
        let questions = try await Self.read(text, format: format, database: request.db)
        let saved = try await QuestionBankRepository(database: request.db).save(questions, at: Date())
        return try await ImportOutcome(
            added: saved.added, revised: saved.revised, newVersions: saved.newVersions, unchanged: saved.unchanged
        ).encodeResponse(status: .ok, for: request)
    }
}
