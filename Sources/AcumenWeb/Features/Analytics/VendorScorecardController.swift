import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import Vapor

/// The customer's vendor scorecard: each vendor's account team scored with the same annual
/// questionnaire, side by side and year over year, with the actions agreed with each. The
/// vendor whose Acumen this is appears with what its cycles showed the customer's accounts
/// (through the anonymity rules); other vendors with the questionnaires the customer's
/// reviewers answered about them here. Only the customer's reviewers read or keep it.
struct VendorScorecardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let customers = routes.access(.permitted(AnalyticsPolicy.self, .keepVendorScorecard))
        customers.get("scorecard", use: page)
        customers.post("scorecard", "vendors", use: addVendor)
        customers.get("scorecard", "vendors", ":vendorID", "rate", use: ratingForm)
        customers.post("scorecard", "vendors", ":vendorID", "ratings", use: addRating)
        customers.post("scorecard", "actions", use: addAction)
        customers.post("scorecard", "actions", ":actionID", "status", use: setStatus)
        customers.get("scorecard", "ratings", ":ratingID", "remove", use: confirmRemoval)
        customers.post("scorecard", "ratings", ":ratingID", "remove", use: removeRating)
        customers.get("api", "v1", "scorecard", use: api)
    }

    struct Customer {
        var id: UUID
        var name: String
    }

    struct Loaded {
        var customer: Customer
        var hostName: String
        var vendors: [VendorScorecardRepository.ScoredVendor]
        /// Host first, then the others by name; years ascending.
        var scores: [VendorScore]
        /// Years in which the host's reviews asked the customer but showed nothing (too few answered).
        var hostWithheldYears: [Int]
        var minimumCustomers: Int
        var questionnaire: Questionnaire
        var hostActions: [(year: Int, action: StoredAction)]
        var vendorActions: [VendorScorecardRepository.VendorAction]
        /// The questionnaires answered here about other vendors, latest first.
        var ratings: [VendorScorecardRepository.Rating]
    }

    /// The viewer's customer organisation; a reviewer without one has no scorecard.
    static func customer(_ request: Request) async throws -> Customer {
        let user = try request.requireUser()
        guard let personID = user.personID,
            let found = try await VendorScorecardRepository(database: request.db).customer(ofPerson: personID)
        else { throw AppError.notFound("Your organisation's scorecard") }
        return Customer(id: found.id, name: found.name)
    }

    /// What both the scorecard and the questionnaire form start from: the viewer's customer, the
    /// accounts they review, the settled cycles they may read (oldest first) with the accounts
    /// each asked, and the questionnaire of the latest (the built-in one before any).
    struct Context {
        var customer: Customer
        var accounts: [AccountSummary]
        var cycles: [(cycle: AssessmentCycle, asked: [AccountSummary])]
        var questionnaire: Questionnaire
    }

    static func context(_ request: Request) async throws -> Context {
        let user = try request.requireUser()
        let customer = try await customer(request)
        let accounts = try await AccountRepository(database: request.db).accounts(
            visibleTo: try await PeopleRepository(database: request.db).visiblePersonIDs(for: user.viewer)
        ).filter { $0.customer == customer.name }
        let invitations = InvitationRepository(database: request.db)
        var asked: [UUID: Set<UUID>] = [:]
        for account in accounts {
            asked[account.id] = try await invitations.cycleIDs(invitingCustomersOf: account.id)
        }
        let cycleRepository = CycleRepository(database: request.db)
        let cycles = try await cycleRepository.cycles().filter {
            AssessmentPolicy.allows(.readAccountResults, user.viewer, .cycle($0.status)) && $0.status.isSettled
        }.sorted { $0.answersClosedOn < $1.answersClosedOn }.map { cycle in
            (cycle: cycle, asked: accounts.filter { asked[$0.id]?.contains(cycle.id) ?? false })
        }
        var questionnaire = GlobalMobilityQuestionnaire.questionnaire
        if let latest = cycles.last(where: { !$0.asked.isEmpty })?.cycle {
            questionnaire = try await cycleRepository.questionnaire(cycleID: latest.id)
        }
        return Context(customer: customer, accounts: accounts, cycles: cycles, questionnaire: questionnaire)
    }

    static func load(_ request: Request) async throws -> Loaded {
        let context = try await context(request)
        let customer = context.customer
        let repository = VendorScorecardRepository(database: request.db)
        let hostName = try await repository.hostVendorName()
        // The host's scores: per year, every shown result of the customer's accounts.
        var shownByYear: [Int: [CustomerResults]] = [:]
        var askedYears: Set<Int> = []
        var minimumCustomers = AnonymityRules.standard.minimumCustomers
        var cycleYear: [UUID: Int] = [:]
        for (cycle, askedAccounts) in context.cycles {
            let year = cycle.answersClosedOn.year
            cycleYear[cycle.id] = year
            guard !askedAccounts.isEmpty else { continue }
            askedYears.insert(year)
            minimumCustomers = cycle.settings.rules.minimumCustomers
            let disclosure = try await CycleDisclosure.load(cycle: cycle, database: request.db)
            for account in askedAccounts {
                if let results = try await disclosure.customerResults(
                    in: Slice(["account": account.name]), database: request.db)
                {
                    shownByYear[year, default: []].append(results)
                }
            }
        }
        let vendors = try await repository.vendors(customerID: customer.id)
        let names = Dictionary(uniqueKeysWithValues: vendors.map { ($0.id, $0.name) })
        let ratings = try await repository.ratings(customerID: customer.id)
        var others: [VendorScore] = []
        for group in Dictionary(grouping: ratings, by: { "\($0.vendorID)|\($0.year)" }).values {
            guard let first = group.first, let name = names[first.vendorID] else { continue }
            others.append(
                VendorScore.answered(
                    group.map(\.answers),
                    competencyOf: group.reduce(into: [:]) { $0.merge($1.competencyOf) { a, _ in a } }, vendor: name,
                    year: first.year))
        }
        let host = shownByYear.keys.sorted().map { VendorScore.shown(shownByYear[$0]!, vendor: hostName, year: $0) }
        var hostActions: [(year: Int, action: StoredAction)] = []
        for account in context.accounts {
            for action in try await ActionPlanRepository(database: request.db).actions(accountID: account.id) {
                let year = action.cycleID.flatMap { cycleYear[$0] } ?? action.createdOn?.year ?? CalendarDate.today.year
                hostActions.append((year, action))
            }
        }
        return Loaded(
            customer: customer, hostName: hostName, vendors: vendors,
            scores: host + others.sorted { ($0.vendor.lowercased(), $0.year) < ($1.vendor.lowercased(), $1.year) },
            hostWithheldYears: askedYears.subtracting(shownByYear.keys).sorted(), minimumCustomers: minimumCustomers,
            questionnaire: context.questionnaire, hostActions: hostActions.sorted { $0.year > $1.year },
            vendorActions: try await repository.actions(customerID: customer.id),
            ratings: ratings.sorted {
                ($0.year, $0.ratedOn?.description ?? "") > ($1.year, $1.ratedOn?.description ?? "")
            })
    }

    @Sendable func page(request: Request) async throws -> Response {
        VendorScorecardPage.render(try await Self.load(request), context: PageContext(readers: request)).response()
    }

    @Sendable func api(request: Request) async throws -> VendorScorecardDTO {
        VendorScorecardDTO(try await Self.load(request))
    }

    @Sendable func addVendor(request: Request) async throws -> Response {
        struct Form: Decodable { var name: String }
        let name = try request.decodeForm(Form.self).name.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = request.readersLocalizer
        guard (1...120).contains(name.count) else {
            throw AppError.badRequest(text.text(VendorScorecardMessage.errorName), field: "name")
        }
        let customer = try await Self.customer(request)
        let repository = VendorScorecardRepository(database: request.db)
        guard name.lowercased() != (try await repository.hostVendorName()).lowercased() else {
            throw AppError.badRequest(text.text(VendorScorecardMessage.errorHost, ["vendor": name]), field: "name")
        }
        do {
            _ = try await repository.addVendor(named: name, customerID: customer.id)
        } catch StoreError.conflict {
            throw AppError(
                .conflict, code: "conflict", message: text.text(VendorScorecardMessage.errorTaken, ["vendor": name]),
                field: "name")
        }
        request.flash(text.text(VendorScorecardMessage.vendorAdded, ["vendor": name]))
        return request.redirect(to: SitePath.vendorScorecard.url())
    }

    /// The years a questionnaire may be answered for: this one and the four before.
    static var years: ClosedRange<Int> {
        let now = CalendarDate.today.year
        return (now - 4)...now
    }

    /// The first and last year a questionnaire or action may name, for messages.
    static var yearBounds: [String: String] {
        ["first": String(years.lowerBound), "last": String(years.upperBound)]
    }

    /// The vendor the address names, if the customer scores it.
    static func vendor(_ request: Request, customer: Customer) async throws -> VendorScorecardRepository.ScoredVendor {
        guard let vendor = try await vendor(request.parameters.get("vendorID", as: UUID.self), customer, request)
        else { throw AppError.notFound("That vendor") }
        return vendor
    }

    private static func vendor(_ id: UUID?, _ customer: Customer, _ request: Request) async throws
        -> VendorScorecardRepository.ScoredVendor?
    {
        guard let id else { return nil }
        return try await VendorScorecardRepository(database: request.db).vendors(customerID: customer.id)
            .first { $0.id == id }
    }

    @Sendable func ratingForm(request: Request) async throws -> Response {
        let context = try await Self.context(request)
        let vendor = try await Self.vendor(request, customer: context.customer)
        return VendorScorecardPage.ratingForm(
            vendor: vendor, questionnaire: context.questionnaire, fields: [:], problem: nil,
            context: PageContext(readers: request)
        ).response()
    }

    @Sendable func addRating(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let loaded = try await Self.context(request)
        let vendor = try await Self.vendor(request, customer: loaded.customer)
        let fields = (try? request.content.decode([String: String].self, as: .urlEncodedForm)) ?? [:]
        let questions = loaded.questionnaire.questions
        let answers = questions.compactMap { question in
            fields["q:\(question.code)"].flatMap(FrequencyAnswer.init(rawValue:)).map {
                (question: question.code, competency: question.competencyCode, answer: $0)
            }
        }
        // A refused form comes back with every answer given still chosen.
        func refuse(_ problem: String) -> Response {
            VendorScorecardPage.ratingForm(
                vendor: vendor, questionnaire: loaded.questionnaire, fields: fields, problem: problem,
                context: PageContext(readers: request)
            ).response(status: .badRequest)
        }
        let text = request.readersLocalizer
        guard let year = Int(fields["year"] ?? ""), Self.years.contains(year) else {
            return refuse(text.text(VendorScorecardMessage.errorYear, Self.yearBounds))
        }
        guard answers.count == questions.count else {
            return refuse(
                text.text(
                    VendorScorecardMessage.errorUnanswered,
                    ["left": text.integer(questions.count - answers.count), "total": text.integer(questions.count)]))
        }
        try await VendorScorecardRepository(database: request.db).addRating(
            vendorID: vendor.id, customerID: loaded.customer.id, year: year, answers: answers, byUserID: user.id,
            on: .today)
        request.flash(text.text(VendorScorecardMessage.answersKept, ["vendor": vendor.name, "year": String(year)]))
        return request.redirect(to: SitePath.vendorScorecard.url())
    }

    @Sendable func addAction(request: Request) async throws -> Response {
        struct Form: Decodable {
            var vendor: String
            var year: String
            var title: String
            var ownerName: String
            var dueDate: String?
        }
        let form = try request.decodeForm(Form.self)
        let customer = try await Self.customer(request)
        let text = request.readersLocalizer
        guard let vendor = try await Self.vendor(UUID(uuidString: form.vendor), customer, request) else {
            throw AppError.badRequest(text.text(VendorScorecardMessage.errorVendor), field: "vendor")
        }
        guard let year = Int(form.year), Self.years.contains(year) else {
            throw AppError.badRequest(
                text.text(VendorScorecardMessage.errorActionYear, Self.yearBounds), field: "year")
        }
        let title = form.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (3...300).contains(title.count) else {
            throw AppError.badRequest(text.text(VendorScorecardMessage.errorTitle), field: "title")
        }
        let owner = form.ownerName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...120).contains(owner.count) else {
            throw AppError.badRequest(text.text(VendorScorecardMessage.errorOwner), field: "ownerName")
        }
        var due: CalendarDate?
        if let written = form.dueDate, !written.isEmpty {
            guard let day = CalendarDate(written) else {
                throw AppError.badRequest(text.text(VendorScorecardMessage.errorDue), field: "dueDate")
            }
            due = day
        }
        try await VendorScorecardRepository(database: request.db).addAction(
            vendorID: vendor.id, customerID: customer.id, year: year, title: title, ownerName: owner, dueDate: due)
        request.flash(text.text(VendorScorecardMessage.actionAdded, ["vendor": vendor.name]))
        return request.redirect(to: SitePath.vendorScorecard.url() + "#actions")
    }

    @Sendable func setStatus(request: Request) async throws -> Response {
        struct Form: Decodable { var status: String }
        let form = try request.decodeForm(Form.self)
        let text = request.readersLocalizer
        guard let status = ActionItem.Status(rawValue: form.status) else {
            throw AppError.badRequest(text.text(VendorScorecardMessage.errorStatus), field: "status")
        }
        guard let actionID = request.parameters.get("actionID", as: UUID.self) else {
            throw AppError.notFound("That action")
        }
        let customer = try await Self.customer(request)
        try await VendorScorecardRepository(database: request.db).setStatus(
            status, actionID: actionID, customerID: customer.id)
        request.flash(text.text(VendorScorecardMessage.statusSaved))
        return request.redirect(to: SitePath.vendorScorecard.url() + "#actions")
    }
}

extension VendorScorecardController {
    /// The questionnaire the address names, if it is the customer's, with its vendor's name.
    private static func rating(_ request: Request) async throws -> (
        customer: Customer, rating: VendorScorecardRepository.Rating, vendor: String
    ) {
        let customer = try await Self.customer(request)
        let repository = VendorScorecardRepository(database: request.db)
        guard let id = request.parameters.get("ratingID", as: UUID.self),
            let rating = try await repository.ratings(customerID: customer.id, id: id).first
        else { throw AppError.notFound("That questionnaire") }
        let vendor = try await repository.vendors(customerID: customer.id).first { $0.id == rating.vendorID }
        return (customer, rating, vendor?.name ?? "")
    }

    @Sendable func confirmRemoval(request: Request) async throws -> Response {
        let (_, rating, vendor) = try await Self.rating(request)
        let context = PageContext(readers: request)
        let text = context.localizer
        let named = ["vendor": vendor, "year": String(rating.year)]
        let action = text.text(VendorScorecardMessage.removeAction)
        return ConfirmationPage(
            title: action,
            subject: (text.text(VendorScorecardMessage.removeSubject, named), SitePath.vendorScorecard.url()),
            effects: [text.text(VendorScorecardMessage.removeEffect, named)], concerns: [],
            action: (action, SitePath.vendorRatingRemoval.url(rating.id))
        ).render(context: context).response()
    }

    @Sendable func removeRating(request: Request) async throws -> Response {
        let (customer, rating, vendor) = try await Self.rating(request)
        try await VendorScorecardRepository(database: request.db).removeRating(id: rating.id, customerID: customer.id)
        request.flash(
            request.readersLocalizer.text(
                VendorScorecardMessage.removed, ["vendor": vendor, "year": String(rating.year)]))
        return request.redirect(to: SitePath.vendorScorecard.url() + "#answered")
    }
}

/// `GET /api/v1/scorecard`: the customer's scores of each vendor by year.
struct VendorScorecardDTO: Content {
    struct Column: Content {
        var vendor: String
        var year: Int
        var isHost: Bool
        var questionnaires: Int
        var overall: Double?
        var competencies: [String: Double]
    }

    var customer: String
    var columns: [Column]

    init(_ loaded: VendorScorecardController.Loaded) {
        customer = loaded.customer.name
        columns = loaded.scores.map { score in
            Column(
                vendor: score.vendor, year: score.year, isHost: score.isHost, questionnaires: score.responses,
                overall: score.overall.share, competencies: score.byCompetency.compactMapValues(\.share))
        }
    }
}
