import AcumenCore
import AcumenStore
import Plot
import Vapor

/// People and accounts, filtered by what the signed-in user may see.
struct PeopleController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        signedIn.get("people", use: list)
        signedIn.get("people", ":personID", use: show)
        signedIn.get("accounts", use: accounts)
        signedIn.get("api", "v1", "people", use: apiList)
        signedIn.get("api", "v1", "me", use: apiMe)
    }

    @Sendable func list(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let people = try await PeopleRepository(database: request.db).people(visibleTo: user.viewer)
        return PeopleListPage.render(people: people, context: PageContext(request))
    }

    @Sendable func show(request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let id = request.parameters.get("personID", as: UUID.self) else { throw AppError.notFound("That person") }
        let repository = PeopleRepository(database: request.db)
        let person = try await repository.person(id: id, visibleTo: user.viewer)
        let history = try await repository.employmentHistory(personID: id)
        return PersonPage.render(person: person, history: history, context: PageContext(request))
    }

    @Sendable func accounts(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let accounts = try await AccountRepository(database: request.db).accounts(visibleTo: user.viewer)
        return AccountListPage.render(accounts: accounts, context: PageContext(request))
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

enum PeopleListPage {
    static func render(people: [PersonSummary], context: PageContext) -> Response {
        Layout.page("People", context: context) {
            H1("People")
            Paragraph("\(people.count) \(people.count == 1 ? "person" : "people") you can see.")
            Div {
                Tag("table") {
                    Tag("caption") { Text("People, by name") }
                    Tag("thead") {
                        Tag("tr") {
                            for heading in ["Name", "Job title", "Organisation", "Location", "Team", "Status"] {
                                Tag("th") { Text(heading) }.attribute(named: "scope", value: "col")
                            }
                        }
                    }
                    Tag("tbody") {
                        for person in people {
                            Tag("tr") {
                                Tag("th") { Link(person.name, url: "/people/\(person.id)") }.attribute(
                                    named: "scope", value: "row")
                                Tag("td") { Text(person.jobTitle) }
                                Tag("td") { Text(person.organisation) }
                                Tag("td") { Text(person.location) }
                                Tag("td") { Text(person.team) }
                                Tag("td") { Text(person.status == .active ? "Active" : "Left \(person.endDate ?? "")") }
                            }
                        }
                    }
                }.class("table")
            }.class("table-scroll").attribute(named: "tabindex", value: "0").accessibilityLabel("People table")
        }
    }
}

enum PersonPage {
    static func render(person: PersonSummary, history: [EmploymentEvent], context: PageContext) -> Response {
        Layout.page(person.name, context: context) {
            H1(person.name)
            Tag("dl") {
                for (term, value) in [
                    ("Job title", person.jobTitle), ("Email", person.email), ("Organisation", person.organisation),
                    ("Location", person.location.isEmpty ? "Not set" : person.location),
                    ("Team", person.team.isEmpty ? "None" : person.team),
                    ("Supervisor", person.supervisorName.isEmpty ? "None" : person.supervisorName),
                    ("Hired", person.hireDate),
                    ("Status", person.status == .active ? "Active" : "Left on \(person.endDate ?? "unknown date")"),
                ] {
                    Tag("dt") { Text(term) }
                    Tag("dd") { Text(value) }
                }
            }.class("facts")
            H2("Employment history")
            if history.isEmpty {
                Paragraph("No events recorded.")
            } else {
                List(history) { event in
                    let change: String =
                        switch event.kind {
                        case .hired: "Hired as \(event.toTitle)"
                        case .promoted: "Promoted from \(event.fromTitle) to \(event.toTitle)"
                        case .transferred: "Transferred from \(event.fromTitle) to \(event.toTitle)"
                        case .left: "Left (was \(event.fromTitle))"
                        }
                    return ListItem { Text("\(event.date): \(change)") }
                }
            }
        }
    }
}

enum AccountListPage {
    static func render(accounts: [AccountSummary], context: PageContext) -> Response {
        Layout.page("Accounts", context: context) {
            H1("Customer accounts")
            if accounts.isEmpty {
                Paragraph("No accounts you can see.")
            }
            Div {
                for account in accounts {
                    Tag("article") {
                        H2(account.name)
                        Tag("dl") {
                            Tag("dt") { Text("Customer") }
                            Tag("dd") { Text(account.customer) }
                            Tag("dt") { Text("Account manager") }
                            Tag("dd") { Link(account.accountManagerName, url: "/people/\(account.accountManagerID)") }
                            Tag("dt") { Text("Account team") }
                            Tag("dd") {
                                Text(account.memberNames.isEmpty ? "None" : account.memberNames.joined(separator: ", "))
                            }
                            Tag("dt") { Text("Customer reviewers") }
                            Tag("dd") {
                                Text(
                                    account.reviewerNames.isEmpty
                                        ? "None" : account.reviewerNames.joined(separator: ", "))
                            }
                        }.class("facts")
                    }.class("card")
                }
            }.class("cards")
        }
    }
}
