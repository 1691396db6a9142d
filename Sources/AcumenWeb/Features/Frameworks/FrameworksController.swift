import AcumenCore
import AcumenStore
import Vapor

/// Competency frameworks in the browser and in the JSON API. Both paths share the loading
/// and authorisation below; only the rendering differs.
struct FrameworksController: RouteCollection {
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        // Reading and commenting are for anyone signed in; the framework's status and the
        // reviewer list decide once it is loaded (FrameworkPolicy.allows).
        let readers = routes.access(.signedIn).grouped("frameworks")
        readers.get(use: list)
        readers.get(":frameworkID", use: show)
        readers.get(":frameworkID", "competencies", ":competencyID", use: showCompetency)
        readers.post(":frameworkID", "competencies", ":competencyID", "comments", use: addComment)
        readers.get(":frameworkID", "case.json", use: downloadCASE)

        let editors = routes.access(.permitted(FrameworkPolicy.self, .edit)).grouped("frameworks")
        editors.get("new", use: newFramework)
        editors.post(use: createFramework)
        editors.post(":frameworkID", "versions", use: startNewVersion)
        editors.post(":frameworkID", "fetch", use: fetchFromProvider)
        editors.get(":frameworkID", "publish", use: confirmPublish)
        editors.post(":frameworkID", "publish", use: publish)
        editors.get(":frameworkID", "retire", use: confirmRetire)
        editors.post(":frameworkID", "retire", use: retire)
        editors.get(":frameworkID", "edit", use: editDetails)
        editors.post(":frameworkID", "edit", use: saveDetails)
        editors.post(":frameworkID", "categories", use: addCategory)
        editors.get(":frameworkID", "categories", ":categoryID", "edit", use: editCategory)
        editors.post(":frameworkID", "categories", ":categoryID", "edit", use: saveCategory)
        editors.post(":frameworkID", "categories", ":categoryID", "archive", use: archiveCategory)
        editors.get(":frameworkID", "competencies", "new", use: newCompetency)
        editors.post(":frameworkID", "competencies", use: addCompetency)
        editors.get(":frameworkID", "competencies", ":competencyID", "edit", use: editCompetency)
        editors.post(":frameworkID", "competencies", ":competencyID", "edit", use: saveCompetency)
        editors.post(":frameworkID", "competencies", ":competencyID", "archive", use: archiveCompetency)
        editors.post(":frameworkID", "comments", ":commentID", "resolve", use: resolveComment)
        editors.post(":frameworkID", "reviewers", use: addReviewer)

        let translators = routes.access(.permitted(FrameworkPolicy.self, .translate)).grouped("frameworks")
        translators.get(":frameworkID", "translations", ":language", use: editTranslation)
        translators.post(":frameworkID", "translations", ":language", use: saveTranslation)

        let api = routes.grouped("api", "v1", "frameworks")
        api.access(.signedIn).get(use: apiList)
        api.access(.signedIn).get(":frameworkID", use: apiShow)
        api.access(.permitted(FrameworkPolicy.self, .edit)).on(
            .POST, "import", body: .collect(maxSize: "10mb"), use: apiImport)
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
    func load(_ request: Request) async throws -> Loaded {
        let user = try request.requireUser()
        guard let id = request.parameters.get("frameworkID", as: UUID.self) else {
            throw AppError.notFound("That framework")
        }
        let repository = FrameworkRepository(database: request.db)
        let version = try await repository.version(id: id)
        // Only a draft's visibility depends on being a named reviewer.
        let isReviewer =
            version.summary.status == .draft ? try await repository.isReviewer(frameworkID: id, userID: user.id) : false
        guard
            FrameworkPolicy.allows(
                .read, user.viewer, .init(status: version.summary.status, viewerIsReviewer: isReviewer))
        else {
            throw AppError.notFound("That framework")
        }
        return Loaded(version: version, isReviewer: isReviewer, user: user)
    }

    /// The role is checked before the framework is looked up, so a refusal says nothing
    /// about whether the framework exists.
    func loadForEditing(_ request: Request) async throws -> Loaded {
        return try await load(request)
    }

    /// As `loadForEditing`, and refused with 409 unless the version is a draft.
    func loadDraftForEditing(_ request: Request) async throws -> Loaded {
        let loaded = try await loadForEditing(request)
        try requireDraft(loaded)
        return loaded
    }

    func competency(_ request: Request, in loaded: Loaded) throws -> (CategoryContent, CompetencyContent) {
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

    /// Every framework version the user may see, for the list page and the API alike.
    private func visibleSummaries(for user: UserAccount, request: Request) async throws -> [FrameworkSummary] {
        let repository = FrameworkRepository(database: request.db)
        var visible: [FrameworkSummary] = []
        for summary in try await repository.summaries() {
            let isReviewer =
                summary.status == .draft
                ? try await repository.isReviewer(frameworkID: summary.id, userID: user.id) : false
            if FrameworkPolicy.allows(.read, user.viewer, .init(status: summary.status, viewerIsReviewer: isReviewer)) {
                visible.append(summary)
            }
        }
        return visible
    }

    @Sendable func list(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let visible = try await visibleSummaries(for: user, request: request)
        return FrameworkListPage.render(
            FrameworkListPage.Model(frameworks: visible, canEdit: FrameworkPolicy.mayAttempt(.edit, user.viewer)),
            context: PageContext(readers: request)
        ).response()
    }

    struct NewFrameworkForm: Content {
        var name: String
        var description: String?
        var owner: String?
        var levels: String?
        var startFrom: String?
    }

    @Sendable func newFramework(request: Request) async throws -> Response {
        return NewFrameworkPage.render(form: nil, problems: [], context: PageContext(request)).response()
    }

    /// Creates a draft, empty or as a copy of a built-in model, which the author then edits.
    @Sendable func createFramework(request: Request) async throws -> Response {
        let form = try request.decodeForm(NewFrameworkForm.self)
        let template = BuiltInFrameworks.frameworks.first { $0.name == form.startFrom }
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
            request.flash(request.readersLocalizer.text(FrameworkFlashMessage.created, ["name": summary.name]))
            return request.redirect(to: SitePath.framework.url(summary.id))
        } catch StoreError.invalid(let problems) {
            let response = NewFrameworkPage.render(form: form, problems: problems, context: PageContext(request))
                .response()
            response.status = .unprocessableEntity
            return response
        }
    }

    @Sendable func show(request: Request) async throws -> Response {
        let loaded = try await load(request)
        let repository = FrameworkRepository(database: request.db)
        // Review happens on drafts only; a published version's page needs neither list.
        let isDraft = loaded.summary.status == .draft
        let versions = try await repository.versions(lineageID: loaded.summary.lineageID)
        var model = FrameworkPage.Model(
            version: loaded.version,
            versions: versions,
            comments: isDraft ? try await repository.comments(frameworkID: loaded.summary.id) : [],
            reviewers: isDraft ? try await repository.reviewerEmails(frameworkID: loaded.summary.id) : [],
            canEdit: FrameworkPolicy.mayAttempt(.edit, loaded.user.viewer))
        if model.canEdit && !isDraft {
            model.providerAddress = try await repository.providerAddress(lineageID: loaded.summary.lineageID)
        }
        if isDraft {
            model.origin = try await repository.origin(of: loaded.summary.id)
            if let previous = versions.filter({ $0.version < loaded.summary.version }).max(by: {
                $0.version < $1.version
            }) {
                let before = try await repository.version(id: previous.id)
                model.changes = (
                    previous.version, FrameworkDifferences(from: before.content, to: loaded.version.content)
                )
            }
        }
        return FrameworkPage.render(model, context: PageContext(readers: request)).response()
    }

    @Sendable func showCompetency(request: Request) async throws -> Response {
        let loaded = try await load(request)
        let (category, competency) = try competency(request, in: loaded)
        let comments = try await FrameworkRepository(database: request.db).comments(frameworkID: loaded.summary.id)
        let content = loaded.version.content
        let model = CompetencyPage.Model(
            summary: loaded.summary, content: content, category: category,
            categoryPosition: content.categories.firstIndex { $0.identifier == category.identifier } ?? 0,
            competency: competency,
            comments: comments.filter { $0.competencyID == competency.identifier },
            canComment: FrameworkPolicy.allows(
                .comment, loaded.user.viewer, .init(status: loaded.summary.status, viewerIsReviewer: loaded.isReviewer)),
            canEdit: FrameworkPolicy.mayAttempt(.edit, loaded.user.viewer) && loaded.summary.status.isEditable)
        return CompetencyPage.render(model, context: PageContext(readers: request)).response()
    }

    @Sendable func startNewVersion(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        let draft = try await FrameworkRepository(database: request.db).startNewVersion(from: loaded.summary.id)
        let text = request.readersLocalizer
        request.flash(text.text(FrameworkFlashMessage.versionStarted, ["version": text.integer(draft.version)]))
        return request.redirect(to: SitePath.framework.url(draft.id))
    }

    /// The framework's next version, fetched again from the CASE provider it came from. When
    /// the provider cannot be reached or has nothing new, the page says so and nothing changes.
    @Sendable func fetchFromProvider(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        guard
            let address = try await FrameworkRepository(database: request.db).providerAddress(
                lineageID: loaded.summary.lineageID)
        else {
            throw AppError(
                .conflict, code: "not_fetched",
                message: "This framework was not fetched from a CASE provider; import its package again instead.")
        }
        do {
            return try await FrameworkImport.fetchCASE(
                address, fetcher: request.application.casePackageFetcher, database: request.db
            ).opened(for: request)
        } catch let error where error is CASEImportError || error is StoreError || error is AppError {
            let appError = AppError.from(error)
            guard appError.status.code < 500 else { throw error }
            request.flash(([appError.message] + appError.details).joined(separator: " "))
            return request.redirect(to: SitePath.framework.url(loaded.summary.id))
        }
    }

    /// What publishing will do (and retire), what is still open, and whether it can be done.
    @Sendable func confirmPublish(request: Request) async throws -> Response {
        let loaded = try await loadDraftForEditing(request)
        let frameworks = FrameworkRepository(database: request.db)
        let openComments = try await frameworks.comments(frameworkID: loaded.summary.id).filter(\.isOpen).count
        let replaced = try await frameworks.summaries().first {
            $0.lineageID == loaded.summary.lineageID && $0.status == .published
        }
        let cycles = try await CycleRepository(database: request.db).cycles()
        let text = request.readersLocalizer
        let preflight = FrameworkPreflight.publishing(
            loaded.summary, validation: loaded.version.content.validate(requireComplete: true),
            openComments: openComments, replaced: replaced,
            cyclesOnReplaced: replaced.map { version in cycles.filter { $0.frameworkID == version.id }.count } ?? 0,
            text: text)
        return confirmation(
            text.text(FrameworkEditMessage.publish, ["version": text.integer(loaded.summary.version)]),
            loaded: loaded, preflight: preflight, text: text,
            action: SitePath.frameworkPublish.url(loaded.summary.id)
        ).render(context: PageContext(request)).response()
    }

    @Sendable func confirmRetire(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        guard loaded.summary.status == .published else {
            throw AppError(.conflict, code: "conflict", message: "Only a published version can be retired.")
        }
        let others = try await FrameworkRepository(database: request.db).summaries().filter {
            $0.lineageID == loaded.summary.lineageID && $0.id != loaded.summary.id && $0.status == .published
        }
        let cycles = try await CycleRepository(database: request.db).cycles().filter {
            $0.frameworkID == loaded.summary.id && $0.status != .released
        }
        let text = request.readersLocalizer
        let preflight = FrameworkPreflight.retiring(
            loaded.summary, cyclesUsing: cycles.count, anotherPublished: !others.isEmpty, text: request.readersLocalizer
        )
        return confirmation(
            text.text(FrameworkEditMessage.retireVersion, ["version": text.integer(loaded.summary.version)]),
            loaded: loaded, preflight: preflight, text: text,
            action: SitePath.frameworkRetire.url(loaded.summary.id)
        ).render(context: PageContext(request)).response()
    }

    private func confirmation(
        _ title: String, loaded: Loaded, preflight: FrameworkPreflight, text: Localizer, action: String
    ) -> ConfirmationPage {
        ConfirmationPage(
            title: title,
            subject: (
                text.text(
                    FrameworkMessage.pageTitle,
                    ["name": loaded.summary.name, "version": text.integer(loaded.summary.version)]),
                SitePath.framework.url(loaded.summary.id)
            ),
            effects: preflight.effects, concerns: preflight.concerns, blockers: preflight.blockers,
            action: (title, action))
    }

    @Sendable func publish(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        let openComments = try await FrameworkRepository(database: request.db).comments(frameworkID: loaded.summary.id)
            .filter(\.isOpen).count
        let published = try await FrameworkRepository(database: request.db).publish(id: loaded.summary.id)
        let text = request.readersLocalizer
        request.flash(
            text.text(FrameworkFlashMessage.published, ["version": text.integer(published.version)])
                + (openComments > 0 ? " " + text.text(FrameworkFlashMessage.stillOpen, count: openComments) : ""))
        return request.redirect(to: SitePath.framework.url(published.id))
    }

    @Sendable func retire(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        let retired = try await FrameworkRepository(database: request.db).retire(id: loaded.summary.id)
        let text = request.readersLocalizer
        request.flash(text.text(FrameworkFlashMessage.retired, ["version": text.integer(retired.version)]))
        return request.redirect(to: SitePath.framework.url(retired.id))
    }

    @Sendable func downloadCASE(request: Request) async throws -> Response {
        let loaded = try await load(request)
        let package = CASEController.exporter(settings: settings).package(of: loaded.version)
        let response = try CASEController.json(package)
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
        return FrameworkListDTO(
            frameworks: try await visibleSummaries(for: user, request: request).map(FrameworkSummaryDTO.init))
    }

    @Sendable func apiShow(request: Request) async throws -> FrameworkDTO {
        let version = try await load(request).version
        return FrameworkDTO(
            version, origin: try await FrameworkRepository(database: request.db).origin(of: version.summary.id))
    }

    @Sendable func apiImport(request: Request) async throws -> Response {
        guard let body = request.body.data, body.readableBytes > 0 else {
            throw AppError.badRequest(
                "Send the CASE package (application/json) or a Moodle CSV (text/csv) as the body.")
        }
        let data = Data(buffer: body)
        let summary =
            (request.headers.contentType?.subType == "csv"
            ? try await FrameworkImport.importMoodleCSV(data, database: request.db)
            : try await FrameworkImport.importCASE(data, database: request.db)).summary
        let repository = FrameworkRepository(database: request.db)
        let version = try await repository.version(id: summary.id)
        let response = Response(status: .created)
        try response.content.encode(
            FrameworkDTO(version, origin: try await repository.origin(of: summary.id)), as: .json)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/frameworks/\(summary.id.lowercasedString)")
        return response
    }

    // MARK: Helpers

    func requireDraft(_ loaded: Loaded) throws {
        guard loaded.summary.status.isEditable else {
            throw AppError(
                .conflict, code: "not_editable",
                message:
                    "Version \(loaded.summary.version) is \(loaded.summary.status.label.lowercased()) and cannot change. Start a new version to edit it."
            )
        }
    }

    /// Saves edited content; when it breaks a rule, shows the form again with the problems
    /// and changes nothing.
    func save(
        _ content: FrameworkContent, of loaded: Loaded, request: Request, message: CatalogueText,
        onInvalid: ([ValidationProblem]) throws -> Response
    ) async throws -> Response {
        do {
            try await FrameworkRepository(database: request.db).update(id: loaded.summary.id, to: content)
        } catch StoreError.invalid(let problems) {
            let response = try onInvalid(problems)
            response.status = .unprocessableEntity
            return response
        }
        request.flash(message.text(in: request.readersLocalizer))
        return request.redirect(to: SitePath.framework.url(loaded.summary.id))
    }
}
