import AcumenCore
import AcumenStore
import Plot
import Vapor

/// People and accounts, filtered by what the signed-in user may see.
struct PeopleController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let people = routes.access(.permitted(OrganisationPolicy.self, .browsePeople))
        people.get("people", use: list)
        people.get("people", ":personID", use: show)
        people.get("api", "v1", "people", use: apiList)
        let accounts = routes.access(.permitted(OrganisationPolicy.self, .browseAccounts))
        accounts.get("accounts", use: self.accounts)
        accounts.get("api", "v1", "accounts", use: apiAccounts)
        routes.access(.signedIn).get("api", "v1", "me", use: apiMe)
    }

    @Sendable func list(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let people = try await PeopleRepository(database: request.db).people(visibleTo: user.viewer)
        // Unknown filter values fall back to the defaults: a tampered address still shows a list.
        let query = PeopleQuery(
            text: request.query[String.self, at: "q"] ?? "",
            status: request.query[String.self, at: "status"].flatMap(PeopleQuery.Status.init(rawValue:)) ?? .active,
            kind: request.query[String.self, at: "kind"].flatMap(PeopleQuery.Kind.init(rawValue:)) ?? .all,
            page: request.query[Int.self, at: "page"] ?? 1)
        return PeopleListPage.render(
            query: query, result: query.apply(to: people), visible: people.count, context: PageContext(readers: request)
        ).response()
    }

    @Sendable func show(request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let id = request.parameters.get("personID", as: UUID.self) else { throw AppError.notFound("That person") }
        let repository = PeopleRepository(database: request.db)
        let person = try await repository.person(id: id, visibleTo: user.viewer)
        let history = try await repository.employmentHistory(personID: id)
        return PersonPage.render(person: person, history: history, context: PageContext(readers: request))
            .response()
    }

    @Sendable func accounts(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let accounts = try await AccountRepository(database: request.db).accounts(
            visibleTo: try await PeopleRepository(database: request.db).visiblePersonIDs(for: user.viewer))
        let text = request.query[String.self, at: "q"] ?? ""
        let search = TextSearch(text)
        let found = accounts.filter { account in
            search.matches(
                [account.name, account.customer, account.accountManagerName] + account.memberNames
                    + account.reviewerNames)
        }
        return AccountListPage.render(
            accounts: PageOfResults(
                found, page: request.query[Int.self, at: "page"] ?? 1, size: AccountListPage.pageSize),
            visible: accounts.count, search: text, context: PageContext(readers: request)
        ).response()
    }

    struct PersonDTO: Content {
        var id: UUID
        var name: String
        var email: String
        var jobTitle: String
        var organisation: String
        var location: String
        var team: String
        var supervisorId: UUID?
        var hireDate: String
        var employmentStatus: EmploymentStatus
        var endDate: String?

        init(_ person: PersonSummary) {
            id = person.id
            name = person.name
            email = person.email
            jobTitle = person.jobTitle
            organisation = person.organisation
            location = person.location
            team = person.team
            supervisorId = person.supervisorID
            hireDate = person.hireDate
            employmentStatus = person.status
            endDate = person.endDate
        }
    }

    struct PeopleDTO: Content {
        var people: [PersonDTO]
    }

    @Sendable func apiList(request: Request) async throws -> PeopleDTO {
        let user = try request.requireUser()
        return PeopleDTO(
            people: try await PeopleRepository(database: request.db).people(visibleTo: user.viewer).map(PersonDTO.init))
    }

    struct AccountDTO: Content {
        var id: UUID
        var name: String
        var customer: String
        var accountManagerId: UUID
        var accountManager: String
    }

    struct AccountsDTO: Content {
        var accounts: [AccountDTO]
    }

    /// The accounts the caller may see, as on the accounts page: programme staff every one,
    /// anyone else those they manage, serve or review.
    @Sendable func apiAccounts(request: Request) async throws -> AccountsDTO {
        let user = try request.requireUser()
        let accounts = try await AccountRepository(database: request.db).accounts(
            visibleTo: try await PeopleRepository(database: request.db).visiblePersonIDs(for: user.viewer))
        return AccountsDTO(
            accounts: accounts.map {
                AccountDTO(
                    id: $0.id, name: $0.name, customer: $0.customer, accountManagerId: $0.accountManagerID,
                    accountManager: $0.accountManagerName)
            })
    }

    struct MeDTO: Content {
        var id: UUID
        var email: String
        var role: Role
        var personId: UUID?
    }

    @Sendable func apiMe(request: Request) async throws -> MeDTO {
        let user = try request.requireUser()
        return MeDTO(id: user.id, email: user.email, role: user.role, personId: user.personID)
    }
}
