import AcumenCore
import AcumenStore
import Plot
import Vapor

/// Assessment cycles: setting them up, nominating raters, opening, closing and releasing.
struct CyclesController: RouteCollection {
    let settings: AcumenSettings

    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.access(.signedIn)
        signedIn.get("cycles", use: list)
        signedIn.get("cycles", ":cycleID", "people", ":personID", use: subject)
        signedIn.post("cycles", ":cycleID", "people", ":personID", "nominations", use: nominate)
        signedIn.post("cycles", ":cycleID", "invitations", ":invitationID", ":action", use: changeInvitation)

        let staff = routes.access(.permitted(AssessmentPolicy.self, .runCycles))
        staff.get("cycles", "new", use: newForm)
        staff.post("cycles", use: create)
        staff.get("cycles", ":cycleID", use: show)
        staff.get("cycles", ":cycleID", "advance", use: confirmAdvance)
        staff.post("cycles", ":cycleID", "advance", use: advance)
        staff.post("cycles", ":cycleID", "rules", use: changeRules)
        staff.post("cycles", ":cycleID", "adjusted-levels", use: changeAdjustedLevels)
        staff.get("cycles", ":cycleID", "quality", use: quality)
        staff.get("cycles", ":cycleID", "questions", use: questions)
        staff.post("cycles", ":cycleID", "questions", use: rewordQuestion)
    }

    // MARK: Pages

    @Sendable func list(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let cycles = try await CycleRepository(database: request.db).cycles()
        var mine: [Invitation] = []
        if let personID = user.personID {
            mine = try await InvitationRepository(database: request.db).invitations(raterPersonID: personID)
                .filter { $0.status == .approved }
        }
        var reports: [(AssessmentCycle, CycleSubject)] = []
        if !AssessmentPolicy.mayAttempt(.runCycles, user.viewer) {
            let visible = try await PeopleRepository(database: request.db).visiblePersonIDs(for: user.viewer)
            for cycle in cycles where cycle.status == .closed || cycle.status == .released {
                for subject in try await CycleRepository(database: request.db).subjects(cycleID: cycle.id)
                where AssessmentPolicy.allows(
                    .readReport, user.viewer,
                    .subject(
                        personID: subject.id, cycleStatus: cycle.status, inViewersLine: visible.includes(subject.id)))
                {
                    reports.append((cycle, subject))
                }
            }
        }
        return CycleListPage.render(
            CycleListPage.Model(
                cycles: AssessmentPolicy.mayAttempt(.runCycles, user.viewer) ? cycles : [],
                canManage: AssessmentPolicy.mayAttempt(.runCycles, user.viewer),
                myInvitations: mine, cyclesByID: Dictionary(uniqueKeysWithValues: cycles.map { ($0.id, $0) }),
                readableReports: reports),
            context: PageContext(readers: request)
        ).response()
    }

    @Sendable func newForm(request: Request) async throws -> Response {
        return try await renderNewForm(request: request, form: NewCycleForm.suggested(today: .today), problems: [])
    }

    private func renderNewForm(
        request: Request, form: NewCycleForm, problems: [ValidationProblem]
    ) async throws -> Response {
        let frameworks = try await FrameworkRepository(database: request.db).summaries().filter {
            $0.status == .published
        }
        let (teams, locations) = try await PeopleRepository(database: request.db).teamsAndLocations()
        return NewCyclePage.render(
            NewCyclePage.Model(
                form: form, frameworks: frameworks, teams: teams, locations: locations, problems: problems),
            context: PageContext(request)
        ).response(status: problems.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func create(request: Request) async throws -> Response {
        let form = try request.decodeForm(NewCycleForm.self)
        do {
            let id = try await request.cycleUseCases(settings).create(form.proposal)
            request.flash(request.readersLocalizer.text(CycleFlashMessage.created))
            return request.redirect(to: SitePath.cycle.url(id))
        } catch StoreError.invalid(let problems) {
            return try await renderNewForm(request: request, form: form, problems: problems)
        }
    }

    @Sendable func show(request: Request) async throws -> Response {
        let cycle = try await request.assessmentCycle()
        let subjects = try await CycleRepository(database: request.db).subjects(cycleID: cycle.id)
        let invitations = try await InvitationRepository(database: request.db).invitations(cycleID: cycle.id)
        let disclosure = try await CycleDisclosure.load(cycle: cycle, database: request.db)
        let outbox = try await OutboxRepository(database: request.db).counts()
        return CyclePage.render(
            CyclePage.Model(
                cycle: cycle, subjects: subjects, invitations: invitations,
                progress: Dictionary(
                    disclosure.subjects.map { ($0.subject.id, $0.progress) }, uniquingKeysWith: { first, _ in first }),
                totals: disclosure.totals,
                outbox: outbox),
            context: PageContext(request)
        ).response()
    }

    /// What opening, closing or releasing will do, and what is missing, before it is done.
    @Sendable func confirmAdvance(request: Request) async throws -> Response {
        let cycle = try await request.assessmentCycle()
        let today = CalendarDate.today
        let invitations = try await InvitationRepository(database: request.db).invitations(cycleID: cycle.id)
        let disclosure = try await CycleDisclosure.load(cycle: cycle, database: request.db)
        let progress = CycleProgress(
            cycle: cycle, subjectIDs: disclosure.subjects.map(\.subject.id), invitations: invitations,
            answered: disclosure.totals, today: today)
        // While the cycle collects, the gate says nothing of anonymous sources per person, so
        // this counts what it does show: named answers, and after closing every shown group.
        let withoutResults = disclosure.subjects.filter { subject in
            !subject.plan.groups.contains { $0.decision == .shown || $0.decision == .rolledUp }
        }.count
        guard
            let preflight = CyclePreflight(
                cycle: cycle, subjectCount: disclosure.subjects.count, progress: progress,
                subjectsWithoutResults: withoutResults,
                awaitingApproval: invitations.filter { $0.status == .nominated }.count, today: today,
                text: request.readersLocalizer)
        else {
            request.flash(request.readersLocalizer.text(CycleFlashMessage.noFurtherStep))
            return request.redirect(to: SitePath.cycle.url(cycle.id))
        }
        return CycleAdvancePage.render(cycle: cycle, preflight: preflight, context: PageContext(readers: request))
            .response()
    }

    @Sendable func advance(request: Request) async throws -> Response {
        let cycle = try await request.assessmentCycle()
        struct Form: Decodable { var from: String }
        guard let expected = CycleStatus(rawValue: try request.decodeForm(Form.self).from) else {
            throw AppError.badRequest("The form was incomplete. Reload the page and try again.")
        }
        let (advanced, sent) = try await request.cycleUseCases(settings).advance(cycleID: cycle.id, from: expected)
        if advanced.status == .closed { CycleDisclosure.prepare(advanced, application: request.application) }
        let text = request.readersLocalizer
        var message = text.text(CycleFlashMessage.advanced, ["status": text.text(StatusMessage(advanced.status))])
        if advanced.status == .open { message += " " + text.text(CycleFlashMessage.linksSent, count: sent) }
        request.flash(message)
        return request.redirect(to: SitePath.cycle.url(cycle.id))
    }

    @Sendable func changeAdjustedLevels(request: Request) async throws -> Response {
        let cycle = try await request.assessmentCycle()
        struct Form: Decodable { var show: String }
        let form = try request.decodeForm(Form.self)
        guard ["yes", "no"].contains(form.show) else {
            throw AppError.badRequest("Choose whether to show severity-adjusted levels.", field: "show")
        }
        try await CycleRepository(database: request.db).setShowsAdjustedScores(form.show == "yes", cycleID: cycle.id)
        request.flash(
            request.readersLocalizer.text(form.show == "yes" ? CycleFlashMessage.adjustedShown : .rawOnly))
        return request.redirect(to: SitePath.cycle.url(cycle.id))
    }

    @Sendable func quality(request: Request) async throws -> Response {
        let cycle = try await request.assessmentCycle()
        return MeasurementQualityPage.render(
            try await MeasurementQuality.load(cycle: cycle, database: request.db), context: PageContext(request)
        ).response()
    }

    @Sendable func changeRules(request: Request) async throws -> Response {
        let cycle = try await request.assessmentCycle()
        struct Form: Decodable {
            var minimumPeers: String
            var minimumCustomers: String
            var minimumForComments: String
        }
        let form = try request.decodeForm(Form.self)
        guard let peers = Int(form.minimumPeers), let customers = Int(form.minimumCustomers),
            let comments = Int(form.minimumForComments)
        else { throw AppError.badRequest("Each minimum must be a whole number.", field: "minimumPeers") }
        try await CycleRepository(database: request.db).changeRules(
            cycleID: cycle.id,
            to: AnonymityRules(minimumPeers: peers, minimumCustomers: customers, minimumForComments: comments))
        request.flash(request.readersLocalizer.text(CycleFlashMessage.rulesSaved))
        return request.redirect(to: SitePath.cycle.url(cycle.id))
    }

    @Sendable func questions(request: Request) async throws -> Response {
        let cycle = try await request.assessmentCycle()
        let questionnaire = try await CycleRepository(database: request.db).questionnaire(cycleID: cycle.id)
        let language = request.query[String.self, at: "language"].flatMap(Language.init(rawValue:))
        return QuestionsPage.render(
            cycle: cycle, questionnaire: questionnaire, language: language, context: PageContext(request)
        ).response()
    }

    @Sendable func rewordQuestion(request: Request) async throws -> Response {
        let cycle = try await request.assessmentCycle()
        struct Form: Decodable {
            var code: String
            var text: String
            /// Set when the text is a translation, not the original wording.
            var language: String?
        }
        let form = try request.decodeForm(Form.self)
        let repository = CycleRepository(database: request.db)
        let anchor = "#q-\(form.code.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? "")"
        if let tag = form.language, !tag.isEmpty {
            guard let language = Language(rawValue: tag) else {
                throw AppError.badRequest("Choose a language from the list.", field: "language")
            }
            try await repository.translateQuestion(
                cycleID: cycle.id, code: form.code, language: language, text: form.text)
            let text = request.readersLocalizer
            request.flash(
                text.text(
                    CycleFlashMessage.questionSavedIn,
                    ["code": form.code, "language": text.name(of: ContentLanguage(language))]))
            return request.redirect(to: QuestionsPage.address(cycle, language) + anchor)
        }
        try await repository.rewordQuestion(cycleID: cycle.id, code: form.code, text: form.text)
        request.flash(request.readersLocalizer.text(CycleFlashMessage.questionSaved, ["code": form.code]))
        return request.redirect(to: SitePath.cycleQuestions.url(cycle.id) + anchor)
    }

    @Sendable func subject(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let cycle = try await request.assessmentCycle()
        let subject = try await subject(request, cycle: cycle, user: user)
        return try await subjectPage(request, cycle: cycle, subject: subject, user: user)
    }

    /// The account manager's raters, with the add-a-rater form as last sent when it was refused.
    private func subjectPage(
        _ request: Request, cycle: AssessmentCycle, subject: CycleSubject, user: UserAccount,
        nominationEmail: String = "", nominationProblem: String? = nil
    ) async throws -> Response {
        let invitations = try await InvitationRepository(database: request.db).invitations(
            cycleID: cycle.id, subjectID: subject.id)
        let people = PeopleRepository(database: request.db)
        let visible = try await people.visiblePersonIDs(for: user.viewer)
        let canApprove = AssessmentPolicy.allows(
            .approvePeers, user.viewer,
            .subject(personID: subject.id, cycleStatus: cycle.status, inViewersLine: visible.includes(subject.id)))
        let canManage = AssessmentPolicy.mayAttempt(.runCycles, user.viewer)
        // Only those who see colleagues anyway (programme staff, supervisors) are offered them:
        // an account manager sees no directory, and types the address of the peers they propose.
        let suggestions =
            canManage || canApprove
            ? try await people.people(visibleTo: user.viewer).filter {
                $0.id != subject.id && $0.status == .active && (canManage || $0.organisationKind == .vendor)
            } : []
        return CycleSubjectPage.render(
            CycleSubjectPage.Model(
                cycle: cycle, subject: subject, invitations: invitations, canManage: canManage,
                canApprove: canApprove,
                canReadReport: AssessmentPolicy.allows(
                    .readReport, user.viewer,
                    .subject(
                        personID: subject.id, cycleStatus: cycle.status, inViewersLine: visible.includes(subject.id))),
                nominationEmail: nominationEmail, nominationProblem: nominationProblem, suggestions: suggestions),
            context: PageContext(readers: request)
        ).response(status: nominationProblem == nil ? .ok : .unprocessableEntity)
    }

    @Sendable func nominate(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let cycle = try await request.assessmentCycle()
        let subject = try await subject(request, cycle: cycle, user: user)
        struct Form: Decodable {
            var email: String
            var source: String
        }
        let form = try request.decodeForm(Form.self)
        guard let source = RaterSource(rawValue: form.source), source == .peer || source == .customer else {
            throw AppError.badRequest("Choose whether the person is a peer or a customer.", field: "source")
        }
        // A refused rater is a problem with what was typed: the page comes back with the address
        // kept and the reason beside it, not an error page.
        let text = request.readersLocalizer
        let refusal: String
        do {
            let invitation = try await request.cycleUseCases(settings).nominate(
                cycle: cycle, subjectID: subject.id, email: form.email, source: source)
            let added: CycleSubjectMessage =
                invitation.status != .approved ? .proposed : cycle.status == .open ? .addedAndSent : .added
            request.flash(text.text(added))
            return request.redirect(to: SitePath.cycleSubject.url(cycle.id, subject.id))
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            refusal = error.message
        } catch StoreError.invalid(let problems) {
            refusal = problems.map { $0.message(in: text) }.joined(separator: "; ")
        } catch StoreError.refused(let problem) {
            refusal = problem.message(in: text)
        } catch StoreError.conflict(let message) {
            refusal = message
        }
        return try await subjectPage(
            request, cycle: cycle, subject: subject, user: user, nominationEmail: form.email,
            nominationProblem: refusal)
    }

    /// approve, revoke or reissue one invitation.
    @Sendable func changeInvitation(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let cycle = try await request.assessmentCycle()
        guard let invitationID = request.parameters.get("invitationID", as: UUID.self) else {
            throw AppError.notFound("That invitation")
        }
        let repository = InvitationRepository(database: request.db)
        let invitation = try await repository.invitation(id: invitationID)
        guard invitation.cycleID == cycle.id else { throw AppError.notFound("That invitation") }
        let visible = try await PeopleRepository(database: request.db).visiblePersonIDs(for: user.viewer)
        let action = request.parameters.get("action") ?? ""
        let text = request.readersLocalizer
        switch action {
        case "approve":
            guard
                AssessmentPolicy.allows(
                    .approvePeers, user.viewer,
                    .subject(
                        personID: invitation.subjectID, cycleStatus: cycle.status,
                        inViewersLine: visible.includes(invitation.subjectID)))
            else { throw AppError.forbidden }
            try await request.cycleUseCases(settings).approve(invitation, cycle: cycle)
            request.flash(text.text(CycleFlashMessage.approved, ["rater": invitation.raterName]))
        case "revoke":
            guard
                AssessmentPolicy.allows(
                    .approvePeers, user.viewer,
                    .subject(
                        personID: invitation.subjectID, cycleStatus: cycle.status,
                        inViewersLine: visible.includes(invitation.subjectID)))
            else { throw AppError.forbidden }
            try await repository.revoke(invitation, raterKey: identity.raterKey(for: invitation))
            request.flash(text.text(CycleFlashMessage.revoked, ["rater": invitation.raterName]))
        case "language":
            guard AssessmentPolicy.mayAttempt(.runCycles, user.viewer) else { throw AppError.forbidden }
            let language = try LanguageChoice.read(try request.decodeForm(LanguageChoice.self))
            try await repository.setProgrammeLanguage(language, invitationID: invitation.id)
            request.flash(
                language.map {
                    text.text(
                        CycleFlashMessage.raterLanguage,
                        ["rater": invitation.raterName, "language": text.name(of: ContentLanguage($0))])
                } ?? text.text(CycleFlashMessage.raterLanguageCleared, ["rater": invitation.raterName]))
        case "reissue":
            guard AssessmentPolicy.mayAttempt(.runCycles, user.viewer) else { throw AppError.forbidden }
            try await request.cycleUseCases(settings).reissue(invitation, cycle: cycle)
            request.flash(text.text(CycleFlashMessage.reissued, ["email": invitation.raterEmail]))
        default:
            throw AppError.notFound()
        }
        return request.redirect(to: SitePath.cycleSubject.url(cycle.id, invitation.subjectID))
    }

    // MARK: Helpers

    /// The subject as the viewer may see them: invisible people answer 404.
    private func subject(_ request: Request, cycle: AssessmentCycle, user: UserAccount) async throws -> CycleSubject {
        guard let personID = request.parameters.get("personID", as: UUID.self) else {
            throw AppError.notFound("That person")
        }
        let visible = try await PeopleRepository(database: request.db).visiblePersonIDs(for: user.viewer)
        guard visible == nil || visible!.contains(personID),
            let subject = try await CycleRepository(database: request.db).subjects(cycleID: cycle.id).first(where: {
                $0.id == personID
            })
        else { throw AppError.notFound("That person in this cycle") }
        return subject
    }

    private var identity: RaterIdentity { RaterIdentity(secret: settings.anonymityKey) }
}

extension Request {
    /// The cycle named by the route's `cycleID`; a malformed or unknown id is not found.
    func assessmentCycle() async throws -> AssessmentCycle {
        guard let id = parameters.get("cycleID", as: UUID.self) else { throw AppError.notFound("That cycle") }
        return try await CycleRepository(database: db).cycle(id: id)
    }
}

/// What the cycle's pages say after a change, on the next page.
enum CycleFlashMessage: String, MessageKey, CaseIterable {
    case created = "cycleFlash.created"
    case noFurtherStep = "cycleFlash.noFurtherStep"
    case advanced = "cycleFlash.advanced"
    case linksSent = "cycleFlash.linksSent"
    case adjustedShown = "cycleFlash.adjustedShown"
    case rawOnly = "cycleFlash.rawOnly"
    case rulesSaved = "cycleFlash.rulesSaved"
    case questionSaved = "cycleFlash.questionSaved"
    case questionSavedIn = "cycleFlash.questionSavedIn"
    case approved = "cycleFlash.approved"
    case revoked = "cycleFlash.revoked"
    case raterLanguage = "cycleFlash.raterLanguage"
    case raterLanguageCleared = "cycleFlash.raterLanguageCleared"
    case reissued = "cycleFlash.reissued"
}
