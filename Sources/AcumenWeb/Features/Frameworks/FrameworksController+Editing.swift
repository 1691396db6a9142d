import AcumenCore
import AcumenStore
import Vapor

/// Editing a draft: its details, categories and competencies. Every change goes through
/// `save`, which validates the whole content and changes nothing when it breaks a rule.
extension FrameworksController {
    struct DetailsForm: Content {
        var name: String
        var description: String?
        var owner: String?
    }

    @Sendable func editDetails(request: Request) async throws -> Response {
        let loaded = try await loadDraftForEditing(request)
        return FrameworkDetailsPage.render(
            summary: loaded.summary, content: loaded.version.content, problems: [], context: PageContext(request)
        ).response()
    }

    @Sendable func saveDetails(request: Request) async throws -> Response {
        let loaded = try await loadDraftForEditing(request)
        let form = try request.decodeForm(DetailsForm.self)
        var content = loaded.version.content
        content.name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        content.description = (form.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        content.owner = (form.owner ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return try await save(
            content, of: loaded, request: request, message: CatalogueText(FrameworkFlashMessage.detailsSaved)
        ) { problems in
            FrameworkDetailsPage.render(
                summary: loaded.summary, content: content, problems: problems, context: PageContext(request)
            ).response()
        }
    }

    struct CategoryForm: Content {
        var code: String
        var title: String
        var description: String?
    }

    @Sendable func addCategory(request: Request) async throws -> Response {
        let loaded = try await loadDraftForEditing(request)
        let form = try request.decodeForm(CategoryForm.self)
        var content = loaded.version.content
        content.categories.append(
            CategoryContent(
                code: form.code.trimmingCharacters(in: .whitespaces),
                title: form.title.trimmingCharacters(in: .whitespacesAndNewlines),
                description: (form.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines), competencies: [])
        )
        return try await save(
            content, of: loaded, request: request,
            message: CatalogueText(FrameworkFlashMessage.categoryAdded, ["category": form.title])
        ) {
            problems in
            throw AppError(
                .unprocessableEntity, code: "invalid", message: "The category was not added.",
                details: problems.map(\.description))
        }
    }

    func category(_ request: Request, in loaded: Loaded) throws -> CategoryContent {
        guard let id = request.parameters.get("categoryID", as: UUID.self),
            let category = loaded.version.content.categories.first(where: { $0.identifier == id })
        else { throw AppError.notFound("That category") }
        return category
    }

    @Sendable func editCategory(request: Request) async throws -> Response {
        let loaded = try await loadDraftForEditing(request)
        return CategoryFormPage.render(
            summary: loaded.summary, category: try category(request, in: loaded), problems: [],
            context: PageContext(request)
        ).response()
    }

    @Sendable func saveCategory(request: Request) async throws -> Response {
        let loaded = try await loadDraftForEditing(request)
        let original = try category(request, in: loaded)
        let form = try request.decodeForm(CategoryForm.self)
        var edited = original
        edited.code = form.code.trimmingCharacters(in: .whitespaces)
        edited.title = form.title.trimmingCharacters(in: .whitespacesAndNewlines)
        edited.description = (form.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var content = loaded.version.content
        content.categories = content.categories.map { $0.identifier == original.identifier ? edited : $0 }
        return try await save(
            content, of: loaded, request: request,
            message: CatalogueText(FrameworkFlashMessage.categorySaved, ["category": edited.title])
        ) {
            problems in
            CategoryFormPage.render(
                summary: loaded.summary, category: edited, problems: problems, context: PageContext(request)
            ).response()
        }
    }

    /// Removes a category and its competencies from the draft; they are archived, not deleted.
    @Sendable func archiveCategory(request: Request) async throws -> Response {
        let loaded = try await loadDraftForEditing(request)
        let removed = try category(request, in: loaded)
        var content = loaded.version.content
        content.categories.removeAll { $0.identifier == removed.identifier }
        return try await save(
            content, of: loaded, request: request,
            message: CatalogueText(
                FrameworkFlashMessage.categoryRemoved, count: removed.competencies.count, ["category": removed.title])
        ) { problems in
            throw AppError(
                .unprocessableEntity, code: "invalid", message: "The category could not be removed.",
                details: problems.map(\.description))
        }
    }

    /// The competency form: one field per level, one observable behaviour per line.
    struct CompetencyForm: Content {
        var categoryID: UUID?
        var code: String
        var title: String
        var description: String?
        var behaviours: [String]?

        func apply(to competency: inout CompetencyContent, levels: LevelScale) {
            competency.code = code.trimmingCharacters(in: .whitespaces)
            competency.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
            competency.description = (description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let texts = behaviours ?? []
            competency.standards = (0..<levels.count).map { level in
                LevelStandard(level: level, behaviours: CASEImporter.lines(level < texts.count ? texts[level] : ""))
            }
        }
    }

    @Sendable func newCompetency(request: Request) async throws -> Response {
        let loaded = try await loadDraftForEditing(request)
        let categoryID = try? request.query.get(UUID.self, at: "category")
        let blank = CompetencyContent(code: "", title: "", description: "", standards: [])
        return CompetencyFormPage.render(
            summary: loaded.summary, content: loaded.version.content, competency: blank,
            categoryID: categoryID ?? loaded.version.content.categories.first?.identifier, isNew: true, problems: [],
            context: PageContext(request)
        ).response()
    }

    @Sendable func addCompetency(request: Request) async throws -> Response {
        let loaded = try await loadDraftForEditing(request)
        let form = try request.decodeForm(CompetencyForm.self)
        var content = loaded.version.content
        var competency = CompetencyContent(code: "", title: "", description: "", standards: [])
        form.apply(to: &competency, levels: content.levels)
        guard let index = content.categories.firstIndex(where: { $0.identifier == form.categoryID }) else {
            throw AppError.badRequest("Choose the category the competency belongs to.", field: "categoryID")
        }
        content.categories[index].competencies.append(competency)
        return try await save(
            content, of: loaded, request: request,
            message: CatalogueText(FrameworkFlashMessage.competencyAdded, ["code": competency.code])
        ) {
            problems in
            CompetencyFormPage.render(
                summary: loaded.summary, content: loaded.version.content, competency: competency,
                categoryID: form.categoryID, isNew: true, problems: problems, context: PageContext(request)
            ).response()
        }
    }

    @Sendable func editCompetency(request: Request) async throws -> Response {
        let loaded = try await loadDraftForEditing(request)
        let (category, competency) = try competency(request, in: loaded)
        return CompetencyFormPage.render(
            summary: loaded.summary, content: loaded.version.content, competency: competency,
            categoryID: category.identifier, isNew: false, problems: [], context: PageContext(request)
        ).response()
    }

    @Sendable func saveCompetency(request: Request) async throws -> Response {
        let loaded = try await loadDraftForEditing(request)
        let (category, original) = try competency(request, in: loaded)
        let form = try request.decodeForm(CompetencyForm.self)
        var content = loaded.version.content
        var competency = original
        form.apply(to: &competency, levels: content.levels)
        content.categories = content.categories.map { existing in
            var existing = existing
            existing.competencies = existing.competencies.map { $0.identifier == original.identifier ? competency : $0 }
            return existing
        }
        return try await save(
            content, of: loaded, request: request,
            message: CatalogueText(FrameworkFlashMessage.competencySaved, ["code": competency.code])
        ) {
            problems in
            CompetencyFormPage.render(
                summary: loaded.summary, content: loaded.version.content, competency: competency,
                categoryID: category.identifier, isNew: false, problems: problems, context: PageContext(request)
            ).response()
        }
    }

    @Sendable func archiveCompetency(request: Request) async throws -> Response {
        let loaded = try await loadDraftForEditing(request)
        let (_, competency) = try competency(request, in: loaded)
        var content = loaded.version.content
        content.categories = content.categories.map { category in
            var category = category
            category.competencies.removeAll { $0.identifier == competency.identifier }
            return category
        }
        return try await save(
            content, of: loaded, request: request,
            message: CatalogueText(FrameworkFlashMessage.competencyRemoved, ["code": competency.code])
        ) {
            problems in
            throw AppError(
                .unprocessableEntity, code: "invalid", message: "The competency could not be removed.",
                details: problems.map(\.description))
        }
    }
}
