import AcumenCore
import AcumenStore
import Vapor

/// Competency frameworks in the browser and in the JSON API. Both paths share the loading
/// and authorisation below; only the rendering differs.
struct FrameworksController: RouteCollection {
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped(RequireSignedIn()).grouped("frameworks")
        pages.get(use: list)
        pages.get("new", use: newFramework)
        pages.post(use: createFramework)
        pages.get(":frameworkID", use: show)
        pages.get(":frameworkID", "competencies", ":competencyID", use: showCompetency)
        pages.post(":frameworkID", "versions", use: startNewVersion)
        pages.post(":frameworkID", "publish", use: publish)
        pages.post(":frameworkID", "retire", use: retire)
        pages.get(":frameworkID", "edit", use: editDetails)
        pages.post(":frameworkID", "edit", use: saveDetails)
        pages.post(":frameworkID", "categories", use: addCategory)
        pages.get(":frameworkID", "categories", ":categoryID", "edit", use: editCategory)
        pages.post(":frameworkID", "categories", ":categoryID", "edit", use: saveCategory)
        pages.post(":frameworkID", "categories", ":categoryID", "archive", use: archiveCategory)
        pages.get(":frameworkID", "competencies", "new", use: newCompetency)
        pages.post(":frameworkID", "competencies", use: addCompetency)
        pages.get(":frameworkID", "competencies", ":competencyID", "edit", use: editCompetency)
        pages.post(":frameworkID", "competencies", ":competencyID", "edit", use: saveCompetency)
        pages.post(":frameworkID", "competencies", ":competencyID", "archive", use: archiveCompetency)
        pages.post(":frameworkID", "competencies", ":competencyID", "comments", use: addComment)
        pages.post(":frameworkID", "comments", ":commentID", "resolve", use: resolveComment)
        pages.post(":frameworkID", "reviewers", use: addReviewer)
        pages.get(":frameworkID", "case.json", use: downloadCASE)

        let api = routes.grouped("api", "v1", "frameworks").grouped(RequireSignedIn())
        api.get(use: apiList)
        api.get(":frameworkID", use: apiShow)
        api.on(.POST, "import", body: .collect(maxSize: "10mb"), use: apiImport)
    }

    // MARK: Loading with access control

    struct Loaded {
        var version: FrameworkVersion
        var isReviewer: Bool
        var user: UserAccount
        var summary: FrameworkSummary { version.summary }
    }

    /// The framework named in the path, or 404 when it does not exist or the user may not see
    /// it: the two cases look the same from outside.
    private func load(_ request: Request) async throws -> Loaded {
        let user = try request.requireUser()
        guard let id = request.parameters.get("frameworkID", as: UUID.self) else {
            throw AppError.notFound("That framework")
        }
        let repository = FrameworkRepository(database: request.db)
        let version = try await repository.version(id: id)
        // Only a draft's visibility depends on being a named reviewer.
        let isReviewer =
            version.summary.status == .draft ? try await repository.isReviewer(frameworkID: id, userID: user.id) : false
        guard FrameworkPolicy.canView(version.summary, user: user, isReviewer: isReviewer) else {
            throw AppError.notFound("That framework")
        }
        return Loaded(version: version, isReviewer: isReviewer, user: user)
    }

    /// The role is checked before the framework is looked up, so a refusal says nothing
    /// about whether the framework exists.
    private func loadForEditing(_ request: Request) async throws -> Loaded {
        guard FrameworkPolicy.canEdit(try request.requireUser()) else { throw AppError.forbidden }
        return try await load(request)
    }

    private func competency(_ request: Request, in loaded: Loaded) throws -> (CategoryContent, CompetencyContent) {
        guard let id = request.parameters.get("competencyID", as: UUID.self) else {
            throw AppError.notFound("That competency")
        }
        for category in loaded.version.content.categories {
            if let competency = category.competencies.first(where: { $0.identifier == id }) {
                return (category, competency)
            }
        }
        throw AppError.notFound("That competency")
    }

    // MARK: Pages

    @Sendable func list(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let repository = FrameworkRepository(database: request.db)
        var visible: [FrameworkSummary] = []
        for summary in try await repository.summaries() {
            let isReviewer =
                summary.status == .draft
                ? try await repository.isReviewer(frameworkID: summary.id, userID: user.id) : false
            if FrameworkPolicy.canView(summary, user: user, isReviewer: isReviewer) { visible.append(summary) }
        }
        return FrameworkListPage.render(
            FrameworkListPage.Model(frameworks: visible, canEdit: FrameworkPolicy.canEdit(user)),
            context: PageContext(request))
    }

    struct NewFrameworkForm: Content {
        var name: String
        var description: String?
        var owner: String?
        var levels: String?
        var startFrom: String?
    }

    @Sendable func newFramework(request: Request) async throws -> Response {
        guard FrameworkPolicy.canEdit(try request.requireUser()) else { throw AppError.forbidden }
        return NewFrameworkPage.render(form: nil, problems: [], context: PageContext(request))
    }

    /// Creates a draft, empty or as a copy of a built-in model, which the author then edits.
    @Sendable func createFramework(request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard FrameworkPolicy.canEdit(user) else { throw AppError.forbidden }
        let form = try decodeForm(NewFrameworkForm.self, request)
        let template = BuiltInLibrary.frameworks.first { $0.name == form.startFrom }
        var content =
            template?.withFreshIdentifiers() ?? FrameworkContent(name: "", description: "", owner: "", categories: [])
        content.name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if let description = form.description?.trimmingCharacters(in: .whitespacesAndNewlines), !description.isEmpty {
            content.description = description
        }
        content.owner = (form.owner ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if template == nil, let levels = form.levels {
            let names = levels.split(whereSeparator: { $0 == "," || $0.isNewline })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if !names.isEmpty { content.levels = LevelScale(names: names) }
        }
        do {
            // A copy starts with the programme's standard targets, which the author can then adjust.
            let profiles = template == nil ? [] : RoleProfile.standardProfiles(for: content)
            let summary = try await FrameworkRepository(database: request.db).create(
                content, status: .draft, roleProfiles: profiles)
            request.flash("Draft \(summary.name) created. Add categories and competencies, then publish.")
            return request.redirect(to: "/frameworks/\(summary.id)")
        } catch StoreError.invalid(let problems) {
            let response = NewFrameworkPage.render(form: form, problems: problems, context: PageContext(request))
            response.status = .unprocessableEntity
            return response
        }
    }

    @Sendable func show(request: Request) async throws -> Response {
        let loaded = try await load(request)
        let repository = FrameworkRepository(database: request.db)
        // Review happens on drafts only; a published version's page needs neither list.
        let isDraft = loaded.summary.status == .draft
        let model = FrameworkPage.Model(
            version: loaded.version,
            versions: try await repository.versions(lineageID: loaded.summary.lineageID),
            comments: isDraft ? try await repository.comments(frameworkID: loaded.summary.id) : [],
            reviewers: isDraft ? try await repository.reviewerEmails(frameworkID: loaded.summary.id) : [],
            canEdit: FrameworkPolicy.canEdit(loaded.user))
        return FrameworkPage.render(model, context: PageContext(request))
    }

    @Sendable func showCompetency(request: Request) async throws -> Response {
        let loaded = try await load(request)
        let (category, competency) = try competency(request, in: loaded)
        let comments = try await FrameworkRepository(database: request.db).comments(frameworkID: loaded.summary.id)
        let model = CompetencyPage.Model(
            summary: loaded.summary, levels: loaded.version.content.levels, category: category, competency: competency,
            comments: comments.filter { $0.competencyID == competency.identifier },
            canComment: FrameworkPolicy.canComment(loaded.summary, user: loaded.user, isReviewer: loaded.isReviewer),
            canEdit: FrameworkPolicy.canEdit(loaded.user) && loaded.summary.status.isEditable)
        return CompetencyPage.render(model, context: PageContext(request))
    }

    @Sendable func startNewVersion(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        let draft = try await FrameworkRepository(database: request.db).startNewVersion(from: loaded.summary.id)
        request.flash("Version \(draft.version) was started as a draft. Published versions stay as they were.")
        return request.redirect(to: "/frameworks/\(draft.id)")
    }

    @Sendable func publish(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        let openComments = try await FrameworkRepository(database: request.db).comments(frameworkID: loaded.summary.id)
            .filter(\.isOpen).count
        let published = try await FrameworkRepository(database: request.db).publish(id: loaded.summary.id)
        request.flash(
            "Version \(published.version) is published and can no longer change."
                + (openComments > 0
                    ? " \(openComments) review comment\(openComments == 1 ? " was" : "s were") still open." : ""))
        return request.redirect(to: "/frameworks/\(published.id)")
    }

    @Sendable func retire(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        let retired = try await FrameworkRepository(database: request.db).retire(id: loaded.summary.id)
        request.flash("Version \(retired.version) is retired. Ratings made against it keep pointing at it.")
        return request.redirect(to: "/frameworks/\(retired.id)")
    }

    struct DetailsForm: Content {
        var name: String
        var description: String?
        var owner: String?
    }

    @Sendable func editDetails(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        try requireDraft(loaded)
        return FrameworkDetailsPage.render(
            summary: loaded.summary, content: loaded.version.content, problems: [], context: PageContext(request))
    }

    @Sendable func saveDetails(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        try requireDraft(loaded)
        let form = try decodeForm(DetailsForm.self, request)
        var content = loaded.version.content
        content.name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        content.description = (form.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        content.owner = (form.owner ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return try await save(content, of: loaded, request: request, message: "Details saved.") { problems in
            FrameworkDetailsPage.render(
                summary: loaded.summary, content: content, problems: problems, context: PageContext(request))
        }
    }

    struct CategoryForm: Content {
        var code: String
        var title: String
        var description: String?
    }

    @Sendable func addCategory(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        try requireDraft(loaded)
        let form = try decodeForm(CategoryForm.self, request)
        var content = loaded.version.content
        content.categories.append(
            CategoryContent(
                code: form.code.trimmingCharacters(in: .whitespaces),
                title: form.title.trimmingCharacters(in: .whitespacesAndNewlines),
                description: (form.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines), competencies: [])
        )
        return try await save(content, of: loaded, request: request, message: "Category \(form.title) added.") {
            problems in
            throw AppError(
                .unprocessableEntity, code: "invalid", message: "The category was not added.",
                details: problems.map(\.description))
        }
    }

    private func category(_ request: Request, in loaded: Loaded) throws -> CategoryContent {
        guard let id = request.parameters.get("categoryID", as: UUID.self),
            let category = loaded.version.content.categories.first(where: { $0.identifier == id })
        else { throw AppError.notFound("That category") }
        return category
    }

    @Sendable func editCategory(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        try requireDraft(loaded)
        return CategoryFormPage.render(
            summary: loaded.summary, category: try category(request, in: loaded), problems: [],
            context: PageContext(request))
    }

    @Sendable func saveCategory(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        try requireDraft(loaded)
        let original = try category(request, in: loaded)
        let form = try decodeForm(CategoryForm.self, request)
        var edited = original
        edited.code = form.code.trimmingCharacters(in: .whitespaces)
        edited.title = form.title.trimmingCharacters(in: .whitespacesAndNewlines)
        edited.description = (form.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var content = loaded.version.content
        content.categories = content.categories.map { $0.identifier == original.identifier ? edited : $0 }
        return try await save(content, of: loaded, request: request, message: "Category \(edited.title) saved.") {
            problems in
            CategoryFormPage.render(
                summary: loaded.summary, category: edited, problems: problems, context: PageContext(request))
        }
    }

    /// Removes a category and its competencies from the draft; they are archived, not deleted.
    @Sendable func archiveCategory(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        try requireDraft(loaded)
        let removed = try category(request, in: loaded)
        var content = loaded.version.content
        content.categories.removeAll { $0.identifier == removed.identifier }
        return try await save(
            content, of: loaded, request: request,
            message:
                "Category \(removed.title) and its \(removed.competencies.count) competencies were removed from this draft."
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
        let loaded = try await loadForEditing(request)
        try requireDraft(loaded)
        let categoryID = try? request.query.get(UUID.self, at: "category")
        let blank = CompetencyContent(code: "", title: "", description: "", standards: [])
        return CompetencyFormPage.render(
            summary: loaded.summary, content: loaded.version.content, competency: blank,
            categoryID: categoryID ?? loaded.version.content.categories.first?.identifier, isNew: true, problems: [],
            context: PageContext(request))
    }

    @Sendable func addCompetency(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        try requireDraft(loaded)
        let form = try decodeForm(CompetencyForm.self, request)
        var content = loaded.version.content
        var competency = CompetencyContent(code: "", title: "", description: "", standards: [])
        form.apply(to: &competency, levels: content.levels)
        guard let index = content.categories.firstIndex(where: { $0.identifier == form.categoryID }) else {
            throw AppError.badRequest("Choose the category the competency belongs to.", field: "categoryID")
        }
        content.categories[index].competencies.append(competency)
        return try await save(content, of: loaded, request: request, message: "Competency \(competency.code) added.") {
            problems in
            CompetencyFormPage.render(
                summary: loaded.summary, content: loaded.version.content, competency: competency,
                categoryID: form.categoryID, isNew: true, problems: problems, context: PageContext(request))
        }
    }

    @Sendable func editCompetency(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        try requireDraft(loaded)
        let (category, competency) = try competency(request, in: loaded)
        return CompetencyFormPage.render(
            summary: loaded.summary, content: loaded.version.content, competency: competency,
            categoryID: category.identifier, isNew: false, problems: [], context: PageContext(request))
    }

    @Sendable func saveCompetency(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        try requireDraft(loaded)
        let (category, original) = try competency(request, in: loaded)
        let form = try decodeForm(CompetencyForm.self, request)
        var content = loaded.version.content
        var competency = original
        form.apply(to: &competency, levels: content.levels)
        content.categories = content.categories.map { existing in
            var existing = existing
            existing.competencies = existing.competencies.map { $0.identifier == original.identifier ? competency : $0 }
            return existing
        }
        return try await save(content, of: loaded, request: request, message: "Competency \(competency.code) saved.") {
            problems in
            CompetencyFormPage.render(
                summary: loaded.summary, content: loaded.version.content, competency: competency,
                categoryID: category.identifier, isNew: false, problems: problems, context: PageContext(request))
        }
    }

    @Sendable func archiveCompetency(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        try requireDraft(loaded)
        let (_, competency) = try competency(request, in: loaded)
        var content = loaded.version.content
        content.categories = content.categories.map { category in
            var category = category
            category.competencies.removeAll { $0.identifier == competency.identifier }
            return category
        }
        return try await save(
            content, of: loaded, request: request, message: "Competency \(competency.code) removed from this draft."
        ) {
            problems in
            throw AppError(
                .unprocessableEntity, code: "invalid", message: "The competency could not be removed.",
                details: problems.map(\.description))
        }
    }

    struct CommentForm: Content {
        var body: String
    }

    @Sendable func addComment(request: Request) async throws -> Response {
        let loaded = try await load(request)
        guard FrameworkPolicy.canComment(loaded.summary, user: loaded.user, isReviewer: loaded.isReviewer) else {
            throw AppError.forbidden
        }
        let (_, competency) = try competency(request, in: loaded)
        let form = try decodeForm(CommentForm.self, request)
        try await FrameworkRepository(database: request.db).addComment(
            frameworkID: loaded.summary.id, competencyID: competency.identifier, authorID: loaded.user.id,
            body: form.body)
        request.flash("Comment added.")
        return request.redirect(to: "/frameworks/\(loaded.summary.id)/competencies/\(competency.identifier)#comments")
    }

    @Sendable func resolveComment(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        guard let commentID = request.parameters.get("commentID", as: UUID.self) else {
            throw AppError.notFound("That comment")
        }
        let repository = FrameworkRepository(database: request.db)
        let comment = try await repository.comments(frameworkID: loaded.summary.id).first { $0.id == commentID }
        guard let comment else { throw AppError.notFound("That comment") }
        try await repository.resolveComment(id: commentID, frameworkID: loaded.summary.id, by: loaded.user.id)
        request.flash("Comment marked as resolved.")
        return request.redirect(to: "/frameworks/\(loaded.summary.id)/competencies/\(comment.competencyID)#comments")
    }

    struct ReviewerForm: Content {
        var email: String
    }

    @Sendable func addReviewer(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        try requireDraft(loaded)
        let form = try decodeForm(ReviewerForm.self, request)
        guard let reviewer = try await UserRepository(database: request.db).user(email: form.email) else {
            throw AppError(
                .unprocessableEntity, code: "invalid",
                message: "No user has the email \(form.email); create the user first.",
                field: "email")
        }
        try await FrameworkRepository(database: request.db).addReviewer(
            frameworkID: loaded.summary.id, userID: reviewer.id)
        request.flash("\(reviewer.email) can now review and comment on this draft.")
        return request.redirect(to: "/frameworks/\(loaded.summary.id)#review")
    }

    @Sendable func downloadCASE(request: Request) async throws -> Response {
        let loaded = try await load(request)
        let package = CASEController.exporter(for: request, settings: settings).package(
            for: loaded.version.content, version: loaded.summary.version, status: loaded.summary.status,
            lastChange: loaded.summary.updatedAt)
        let response = try await CASEController.json(package, for: request)
        let filename = loaded.summary.name.filter { $0.isLetter || $0.isNumber || $0 == " " }
            .replacingOccurrences(of: " ", with: "-")
        response.headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename=\"\(filename)-v\(loaded.summary.version).case.json\"")
        return response
    }

    // MARK: API

    @Sendable func apiList(request: Request) async throws -> FrameworkListDTO {
        let user = try request.requireUser()
        let repository = FrameworkRepository(database: request.db)
        var rows: [FrameworkSummaryDTO] = []
        for summary in try await repository.summaries() {
            let isReviewer =
                summary.status == .draft
                ? try await repository.isReviewer(frameworkID: summary.id, userID: user.id) : false
            if FrameworkPolicy.canView(summary, user: user, isReviewer: isReviewer) {
                rows.append(FrameworkSummaryDTO(summary))
            }
        }
        return FrameworkListDTO(frameworks: rows)
    }

    @Sendable func apiShow(request: Request) async throws -> FrameworkDTO {
        FrameworkDTO(try await load(request).version)
    }

    @Sendable func apiImport(request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard FrameworkPolicy.canEdit(user) else { throw AppError.forbidden }
        guard let body = request.body.data, body.readableBytes > 0 else {
            throw AppError.badRequest(
                "Send the CASE package (application/json) or a Moodle CSV (text/csv) as the body.")
        }
        let data = Data(buffer: body)
        let summary =
            request.headers.contentType?.subType == "csv"
            ? try await FrameworkImport.importMoodleCSV(data, database: request.db)
            : try await FrameworkImport.importCASE(data, database: request.db)
        let version = try await FrameworkRepository(database: request.db).version(id: summary.id)
        let response = Response(status: .created)
        try response.content.encode(FrameworkDTO(version), as: .json)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/frameworks/\(summary.id)")
        return response
    }

    // MARK: Helpers

    private func requireDraft(_ loaded: Loaded) throws {
        guard loaded.summary.status.isEditable else {
            throw AppError(
                .conflict, code: "not_editable",
                message:
                    "Version \(loaded.summary.version) is \(loaded.summary.status.label.lowercased()) and cannot change. Start a new version to edit it."
            )
        }
    }

    private func decodeForm<T: Decodable>(_ type: T.Type, _ request: Request) throws -> T {
        do {
            return try request.content.decode(T.self)
        } catch {
            throw AppError.badRequest("The form was incomplete. Go back, fill in every required field and try again.")
        }
    }

    /// Saves edited content; when it breaks a rule, shows the form again with the problems
    /// and changes nothing.
    private func save(
        _ content: FrameworkContent, of loaded: Loaded, request: Request, message: String,
        onInvalid: ([ValidationProblem]) throws -> Response
    ) async throws -> Response {
        do {
            try await FrameworkRepository(database: request.db).update(id: loaded.summary.id, to: content)
        } catch StoreError.invalid(let problems) {
            let response = try onInvalid(problems)
            response.status = .unprocessableEntity
            return response
        }
        request.flash(message)
        return request.redirect(to: "/frameworks/\(loaded.summary.id)")
    }
}
