import AcumenCore
import AcumenStore
import Plot
import Vapor

/// One customer account: its questionnaire results year over year and the action plan that
/// the customer and the vendor agreed in their annual review.
struct AccountResultsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.access(.signedIn)
        signedIn.get("accounts", ":accountID", use: show)
        signedIn.post("accounts", ":accountID", "actions", use: addAction)
        signedIn.get("accounts", ":accountID", "actions", ":actionID", "edit", use: edit)
        signedIn.post("accounts", ":accountID", "actions", ":actionID", use: update)
        signedIn.post("accounts", ":accountID", "actions", ":actionID", "status", use: setStatus)
        routes.access(.permitted(OrganisationPolicy.self, .importRecords))
            .post("accounts", ":accountID", "language", use: setLanguage)
        signedIn.get("api", "v1", "accounts", ":accountID", "results", use: apiResults)
        signedIn.get("api", "v1", "accounts", ":accountID", "actions", use: apiActions)
        signedIn.post("api", "v1", "accounts", ":accountID", "actions", use: apiAddAction)
        signedIn.put("api", "v1", "accounts", ":accountID", "actions", ":actionID", use: apiUpdateAction)
    }

    /// One cycle's results for the account, or why they are withheld.
    struct CycleColumn {
        var cycle: AssessmentCycle
        var results: CustomerResults?
        var withheld: WithholdingReason?
    }

    struct Loaded {
        var account: AccountSummary
        var columns: [CycleColumn]
        var questionnaire: Questionnaire?
        var framework: FrameworkContent?
        var actions: [StoredAction]
        var cycles: [AssessmentCycle]
    }

    /// The account as the viewer may see it: invisible accounts are not found.
    static func load(_ request: Request) async throws -> Loaded {
        let user = try request.requireUser()
        guard let accountID = request.parameters.get("accountID", as: UUID.self),
            let account = try await AccountRepository(database: request.db).accounts(
                visibleTo: try await PeopleRepository(database: request.db).visiblePersonIDs(for: user.viewer)
            ).first(
                where: { $0.id == accountID })
        else { throw AppError.notFound("That account") }
        let cycleRepository = CycleRepository(database: request.db)
        // Cycles that asked this account's customers, not those in which some answered: a column
        // only where somebody answered would tell, for a small account, that they did.
        let asked = try await InvitationRepository(database: request.db).cycleIDs(
            invitingCustomersOf: accountID)
        let visibleCycles = try await cycleRepository.cycles().filter {
            AssessmentPolicy.allows(.readAccountResults, user.viewer, .cycle($0.status))
                && ($0.status == .closed || $0.status == .released)
        }
        var columns: [CycleColumn] = []
        var questionnaire: Questionnaire?
        var framework: FrameworkContent?
        for cycle in visibleCycles.reversed() where asked.contains(cycle.id) {
            let disclosure = try await CycleDisclosure.load(cycle: cycle, database: request.db)
            let slice = Slice(["account": account.name])
            let cycleQuestionnaire = try await cycleRepository.questionnaire(cycleID: cycle.id)
            questionnaire = cycleQuestionnaire
            framework = try await FrameworkRepository(database: request.db).version(id: cycle.frameworkID).content
            if let reason = disclosure.gate.withholdingReason(for: slice) {
                columns.append(CycleColumn(cycle: cycle, results: nil, withheld: reason))
                continue
            }
            columns.append(
                CycleColumn(
                    cycle: cycle, results: try await disclosure.customerResults(in: slice, database: request.db),
                    withheld: nil))
        }
        return Loaded(
            account: account, columns: columns, questionnaire: questionnaire, framework: framework,
            actions: try await ActionPlanRepository(database: request.db).actions(accountID: accountID),
            cycles: visibleCycles)
    }

    @Sendable func show(request: Request) async throws -> Response {
        AccountPage.render(try await Self.load(request), context: PageContext(readers: request)).response()
    }

    /// An action as posted by the form or the API. Only the title is needed; what is left out
    /// is blank, and the plan says which SMART parts are still missing.
    struct ActionForm: Content {
        var title: String?
        var measure: String?
        var ownerName: String?
        var dueOn: String?
        var addresses: String?
        var feasibilityNote: String?
        var status: String?
        var cycleId: String?

        var draft: ActionDraft {
            ActionDraft(
                title: title ?? "", measure: measure ?? "", ownerName: ownerName ?? "", dueOn: dueOn ?? "",
                addresses: addresses ?? "", feasibilityNote: feasibilityNote ?? "", status: status)
        }

        /// The review that agreed the action, which must be one the viewer can see.
        func review(in loaded: Loaded) throws -> UUID? {
            guard let typed = cycleId?.trimmingCharacters(in: .whitespaces), !typed.isEmpty else { return nil }
            guard let id = UUID(uuidString: typed), loaded.cycles.contains(where: { $0.id == id }) else {
                throw AppError.notFound("That cycle")
            }
            return id
        }
    }

    @Sendable func addAction(request: Request) async throws -> Response {
        let loaded = try await Self.load(request)
        let form = try request.decodeForm(ActionForm.self)
        let cycleID = try form.review(in: loaded)
        let item: ActionItem
        switch form.draft.item() {
        case .success(let accepted): item = accepted
        case .failure(let problems):
            return AccountPage.render(
                loaded, draft: form.draft, selectedReview: form.cycleId ?? "", problems: problems,
                context: PageContext(readers: request)
            ).response(status: .unprocessableEntity)
        }
        try await ActionPlanRepository(database: request.db).add(
            item, accountID: loaded.account.id, cycleID: cycleID, today: .today)
        request.flash(Self.savedMessage(.added, item, text: request.readersLocalizer))
        return request.redirect(to: SitePath.account.url(loaded.account.id) + "#actions")
    }

    /// What was done and, for an open action, what it still lacks to be SMART.
    private static func savedMessage(_ done: AccountMessage, _ item: ActionItem, text: Localizer) -> String {
        let gaps = item.status.isClosed ? [] : item.smartGaps(today: .today)
        guard !gaps.isEmpty else { return text.text(done) }
        return text.text(done) + " "
            + text.text(AccountMessage.stillToMakeSMART, ["gaps": text.list(gaps.map { $0.text(text) })])
    }

    private static func action(_ request: Request, in loaded: Loaded) throws -> StoredAction {
        guard let actionID = request.parameters.get("actionID", as: UUID.self),
            let action = loaded.actions.first(where: { $0.id == actionID })
        else { throw AppError.notFound("That action") }
        return action
    }

    @Sendable func edit(request: Request) async throws -> Response {
        let loaded = try await Self.load(request)
        let action = try Self.action(request, in: loaded)
        return ActionEditPage.render(
            loaded, action: action, draft: ActionDraft(action.item), problems: nil,
            context: PageContext(readers: request)
        ).response()
    }

    @Sendable func update(request: Request) async throws -> Response {
        let loaded = try await Self.load(request)
        let action = try Self.action(request, in: loaded)
        let draft = try request.decodeForm(ActionForm.self).draft
        switch draft.item() {
        case .success(let item):
            try await ActionPlanRepository(database: request.db).update(
                item, actionID: action.id, accountID: loaded.account.id)
            request.flash(Self.savedMessage(.saved, item, text: request.readersLocalizer))
            return request.redirect(to: SitePath.account.url(loaded.account.id) + "#actions")
        case .failure(let problems):
            return ActionEditPage.render(
                loaded, action: action, draft: draft, problems: problems, context: PageContext(readers: request)
            ).response(status: .unprocessableEntity)
        }
    }

    /// The language of the account's customers, chosen by programme staff.
    @Sendable func setLanguage(request: Request) async throws -> Response {
        let loaded = try await Self.load(request)
        let language = try LanguageChoice.read(try request.decodeForm(LanguageChoice.self))
        try await AccountRepository(database: request.db).setLanguage(language, accountID: loaded.account.id)
        let text = request.readersLocalizer
        request.flash(
            language.map { text.text(AccountMessage.languageSaved, ["language": text.name(of: ContentLanguage($0))]) }
                ?? text.text(AccountMessage.languageCleared))
        return request.redirect(to: SitePath.account.url(loaded.account.id))
    }

    @Sendable func setStatus(request: Request) async throws -> Response {
        let loaded = try await Self.load(request)
        let action = try Self.action(request, in: loaded)
        struct Form: Decodable { var status: String }
        guard let status = ActionItem.Status(rawValue: try request.decodeForm(Form.self).status) else {
            throw AppError.badRequest("Choose a status from the list.", field: "status")
        }
        try await ActionPlanRepository(database: request.db).setStatus(
            status, actionID: action.id, accountID: loaded.account.id)
        request.flash(request.readersLocalizer.text(AccountMessage.statusSaved))
        return request.redirect(to: SitePath.account.url(loaded.account.id) + "#actions")
    }

    // MARK: API

    struct AccountResultsDTO: Content {
        struct Column: Content {
            var cycleId: UUID
            var cycle: String
            var withheld: String?
            var responses: Int?
            /// Mean per question (1 Never to 5 Always); absent when the question is withheld.
            var questionMeans: [String: Double]
            var competencyMeans: [String: Double]
        }

        var accountId: UUID
        var account: String
        var cycles: [Column]
    }

    @Sendable func apiResults(request: Request) async throws -> AccountResultsDTO {
        let loaded = try await Self.load(request)
        return AccountResultsDTO(
            accountId: loaded.account.id, account: loaded.account.name,
            cycles: loaded.columns.map { column in
                var means: [String: Double] = [:]
                for question in column.results?.questions ?? [] {
                    if let mean = question.result?.mean { means[question.code] = mean }
                }
                return .init(
                    cycleId: column.cycle.id, cycle: column.cycle.name,
                    withheld: column.withheld.map { "Withheld: \($0)." },
                    responses: column.results?.responses, questionMeans: means,
                    competencyMeans: column.results?.competencyMeans() ?? [:])
            })
    }

    struct ActionDTO: Content {
        var id: UUID
        var cycleId: UUID?
        var title: String
        var measure: String
        var ownerName: String
        var dueOn: String?
        var status: ActionItem.Status
        var competencyCode: String?
        var questionCode: String?
        var feasibilityNote: String
        var smartGaps: [String]

        init(_ stored: StoredAction) {
            id = stored.id
            cycleId = stored.cycleID
            title = stored.item.title
            measure = stored.item.measure
            ownerName = stored.item.ownerName
            dueOn = stored.item.dueDate?.description
            status = stored.item.status
            competencyCode = stored.item.competencyCode
            questionCode = stored.item.questionCode
            feasibilityNote = stored.item.feasibilityNote
            smartGaps = stored.item.smartGaps(today: .today).map { $0.text(Localizer(.english)) }
        }
    }

    struct ActionListDTO: Content {
        var actions: [ActionDTO]
    }

    @Sendable func apiActions(request: Request) async throws -> ActionListDTO {
        ActionListDTO(actions: try await Self.load(request).actions.map(ActionDTO.init))
    }

    @Sendable func apiAddAction(request: Request) async throws -> Response {
        let loaded = try await Self.load(request)
        let form = try request.content.decode(ActionForm.self)
        let cycleID = try form.review(in: loaded)
        let item = try Self.accepted(form.draft)
        let repository = ActionPlanRepository(database: request.db)
        let id = try await repository.add(item, accountID: loaded.account.id, cycleID: cycleID, today: .today)
        return try await ActionDTO(StoredAction(id: id, accountID: loaded.account.id, cycleID: cycleID, item: item))
            .encodeResponse(status: .created, for: request)
    }

    /// Replaces the action with what is sent; fields left out become blank, as in the form,
    /// except the status, which stays as it was so that an edit cannot reopen a closed action.
    @Sendable func apiUpdateAction(request: Request) async throws -> ActionDTO {
        let loaded = try await Self.load(request)
        let action = try Self.action(request, in: loaded)
        var draft = try request.content.decode(ActionForm.self).draft
        if draft.status == nil { draft.status = action.item.status.rawValue }
        let item = try Self.accepted(draft)
        try await ActionPlanRepository(database: request.db).update(
            item, actionID: action.id, accountID: loaded.account.id)
        var updated = action
        updated.item = item
        return ActionDTO(updated)
    }

    private static func accepted(_ draft: ActionDraft) throws -> ActionItem {
        switch draft.item() {
        case .success(let item): return item
        case .failure(let problems): throw AppError.from(StoreError.invalid(problems.problems))
        }
    }
}
