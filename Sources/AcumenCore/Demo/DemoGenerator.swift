import Foundation

/// Builds the demo organisation: one relocation-services vendor with about 120 account
/// managers in 25 locations, their supervisors, 40 customers with accounts and reviewers,
/// and several years of hiring, leaving and promotion.
public struct DemoGenerator {
    public static let vendorName = "Northwind Mobility Services"
    static let domain = "northwind-mobility.example"
    /// The day the history runs up to; fixed so that the demo does not change with the clock.
    public static let referenceDate = CalendarDate(year: 2026, month: 11, day: 1)!

    private var random: SeededGenerator

    public init(seed: UInt64 = 2026) {
        random = SeededGenerator(seed: seed)
    }

    static let locations: [(city: String, country: String, region: String)] = [
        ("London", "United Kingdom", "EMEA"), ("Frankfurt", "Germany", "EMEA"), ("Paris", "France", "EMEA"),
        ("Amsterdam", "Netherlands", "EMEA"), ("Zurich", "Switzerland", "EMEA"), ("Madrid", "Spain", "EMEA"),
        ("Dubai", "United Arab Emirates", "EMEA"), ("Johannesburg", "South Africa", "EMEA"),
        ("Warsaw", "Poland", "EMEA"), ("New York", "United States", "Americas"),
        ("Chicago", "United States", "Americas"), ("Houston", "United States", "Americas"),
        ("San Francisco", "United States", "Americas"), ("Toronto", "Canada", "Americas"),
        ("Mexico City", "Mexico", "Americas"), ("São Paulo", "Brazil", "Americas"),
        ("Singapore", "Singapore", "APAC"), ("Hong Kong", "Hong Kong", "APAC"), ("Tokyo", "Japan", "APAC"),
        ("Shanghai", "China", "APAC"), ("Sydney", "Australia", "APAC"), ("Mumbai", "India", "APAC"),
        ("Bangalore", "India", "APAC"), ("Seoul", "South Korea", "APAC"), ("remote", "", "Remote"),
    ]

    /// The teams and the offices each covers; every office is in exactly one team.
    public static let teams: [(name: String, cities: [String])] = [
        ("EMEA North", ["London", "Amsterdam", "Warsaw"]), ("EMEA Central", ["Frankfurt", "Zurich"]),
        ("EMEA South", ["Paris", "Madrid"]), ("Middle East and Africa", ["Dubai", "Johannesburg"]),
        ("North America East", ["New York", "Toronto"]), ("North America Central", ["Chicago", "Houston"]),
        ("North America West", ["San Francisco"]), ("Latin America", ["Mexico City", "São Paulo"]),
        ("Greater China", ["Hong Kong", "Shanghai"]), ("South-East Asia", ["Singapore"]),
        ("Japan and Korea", ["Tokyo", "Seoul"]), ("India", ["Mumbai", "Bangalore"]), ("Oceania", ["Sydney"]),
        ("Remote Specialists", ["remote"]),
    ]

    static let firstNames = [
        "Amara", "Ben", "Chiara", "Daniel", "Elif", "Farah", "Gabriel", "Hana", "Ivan", "Julia", "Kenji", "Leila",
        "Marco", "Nadia", "Oliver", "Priya", "Quentin", "Rosa", "Samuel", "Tanvi", "Umar", "Valeria", "Wei",
        "Ximena", "Yusuf", "Zoe", "Arjun", "Bianca", "Carlos", "Dana", "Emeka", "Fiona", "Goran", "Ines", "Jonas",
        "Keiko", "Lucas", "Mei", "Nikhil", "Olga",
    ]
    static let lastNames = [
        "Abebe", "Bauer", "Costa", "Dubois", "Eriksen", "Fernandes", "Garcia", "Haddad", "Ito", "Jansen", "Kim",
        "Lopez", "Müller", "Nakamura", "Okafor", "Patel", "Quinn", "Rossi", "Silva", "Tan", "Urban", "Varga",
        "Wong", "Xu", "Yilmaz", "Zhang", "Andersen", "Brennan", "Chen", "Dimitrov", "Evans", "Fischer",
    ]
    static let customerNames = [
        "Alder Pharmaceuticals", "Brightline Energy", "Cobalt Semiconductors", "Delta Freight", "Evergreen Foods",
        "Fjord Shipping", "Granite Insurance", "Harbor Bank", "Iris Telecom", "Juniper Software", "Kestrel Aviation",
        "Lumen Retail", "Meridian Chemicals", "Nimbus Cloud", "Orion Automotive", "Pinnacle Consulting",
        "Quarry Mining", "Redwood Media", "Summit Hotels", "Tidewater Logistics", "Umbra Security",
        "Vantage Engineering", "Willow Health", "Xenon Materials", "Yarrow Biotech", "Zephyr Wind",
        "Atlas Construction", "Beacon Analytics", "Cedar Publishing", "Dune Oil and Gas", "Ember Robotics",
        "Falcon Defence", "Glacier Water", "Helix Genomics", "Indigo Fashion", "Jade Electronics",
        "Keystone Steel", "Lotus Cosmetics", "Monarch Airlines", "Nova Payments",
    ]

    public mutating func generate() -> DemoOrganisation {
        var people: [PersonRecord] = []
        var events: [EmploymentEvent] = []
        var usedEmails: Set<String> = []

        // Names are never repeated: two "Hana Lopez" in one account team read as one person listed twice.
        var usedNames: Set<String> = []
        func newPerson(organisation: String, domain: String) -> (name: String, email: String) {
            while true {
                let first = Self.firstNames.randomElement(using: &random)!
                let last = Self.lastNames.randomElement(using: &random)!
                guard usedNames.insert("\(first) \(last)").inserted else { continue }
                let local = "\(first).\(last)".lowercased().folding(options: .diacriticInsensitive, locale: nil)
                var email = "\(local)@\(domain)"
                var suffix = 2
                while usedEmails.contains(email) {
                    email = "\(local)\(suffix)@\(domain)"
                    suffix += 1
                }
                usedEmails.insert(email)
                return ("\(first) \(last)", email)
            }
        }

        func hireDate(maxYearsAgo: Int) -> CalendarDate {
            Self.referenceDate.adding(months: -Int.random(in: 1...(maxYearsAgo * 12), using: &random))
        }

        // Programme staff first: they hold the administrator and programme-manager demo logins.
        let headOfService = PersonRecord(
            name: "Helen Marsh", email: "helen.marsh@\(Self.domain)", jobTitle: "Head of Client Services",
            hireDate: CalendarDate(year: 2015, month: 3, day: 2)!, location: "London", country: "United Kingdom",
            team: "Client Services Leadership")
        let programmeManager = PersonRecord(
            name: "Ravi Shankar", email: "ravi.shankar@\(Self.domain)", jobTitle: "Learning Programme Manager",
            hireDate: CalendarDate(year: 2018, month: 9, day: 17)!, location: "London", country: "United Kingdom",
            team: "Learning and Development", supervisorEmail: headOfService.email)
        people += [headOfService, programmeManager]
        usedEmails.formUnion([headOfService.email, programmeManager.email])

        // One team per group of offices, each led by a supervisor in the team's first office.
        var supervisors: [PersonRecord] = []
        for team in Self.teams {
            let office = Self.locations.first { $0.city == team.cities[0] }!
            let identity = newPerson(organisation: "", domain: Self.domain)
            let supervisor = PersonRecord(
                name: identity.name, email: identity.email, jobTitle: "Account Management Team Lead",
                hireDate: hireDate(maxYearsAgo: 10), location: office.city, country: office.country, team: team.name,
                supervisorEmail: headOfService.email)
            supervisors.append(supervisor)
        }
        people += supervisors

        // Account managers across the 25 locations, each reporting to a team lead.
        let activeAccountManagers = 120
        var accountManagers: [PersonRecord] = []
        for index in 0..<(activeAccountManagers + 18) {
            let location = Self.locations[index % Self.locations.count]
            // Each account manager is in the team of their own office.
            let supervisor = supervisors[Self.teams.firstIndex { $0.cities.contains(location.city) }!]
            let identity = newPerson(organisation: "", domain: Self.domain)
            let hired = hireDate(maxYearsAgo: 8)
            let tenure = hired.months(until: Self.referenceDate)
            var title = "Account Manager"
            var status = EmploymentStatus.active
            var endDate: CalendarDate?
            var leavingReason: LeavingReason?
            events.append(.init(email: identity.email, kind: .hired, date: hired, fromTitle: "", toTitle: title))
            if tenure > 36 && Int.random(in: 0..<3, using: &random) == 0 {
                let promoted = hired.adding(months: Int.random(in: 24...(tenure - 6), using: &random))
                events.append(
                    .init(
                        email: identity.email, kind: .promoted, date: promoted, fromTitle: title,
                        toTitle: "Senior Account Manager"))
                title = "Senior Account Manager"
            }
            // The last few have left, so that turnover has history to count.
            if index >= activeAccountManagers {
                status = .left
                endDate = hired.adding(months: Int.random(in: 1...max(1, tenure), using: &random))
                events.append(.init(email: identity.email, kind: .left, date: endDate!, fromTitle: title, toTitle: ""))
                // One in four let go; the rest chose to leave (drawn without the random source,
                // so that the rest of the demo stays as it was).
                leavingReason = index % 4 == 0 ? .involuntary : .voluntary
            }
            accountManagers.append(
                PersonRecord(
                    name: identity.name, email: identity.email, jobTitle: title, hireDate: hired,
                    location: location.city, country: location.country, team: supervisor.team,
                    supervisorEmail: supervisor.email, status: status, endDate: endDate,
                    leavingReason: leavingReason))
        }
        people += accountManagers

        // Customers, each with one or two reviewers and an account served by a small team.
        let serving = accountManagers.filter { $0.status == .active }
        var accounts: [AccountRecord] = []
        for (index, customer) in Self.customerNames.enumerated() {
            let customerDomain =
                customer.lowercased().filter { $0.isLetter || $0 == " " }.replacingOccurrences(of: " ", with: "-")
                + ".example"
            var reviewers: [String] = []
            for number in 0..<(1 + index % 2) {
                let identity = newPerson(organisation: customer, domain: customerDomain)
                people.append(
                    PersonRecord(
                        name: identity.name, email: identity.email,
                        jobTitle: number == 0 ? "Global Mobility Manager" : "Vendor Manager",
                        hireDate: hireDate(maxYearsAgo: 9), organisation: customer))
                reviewers.append(identity.email)
            }
            let manager = serving[(index * 3) % serving.count]
            let members = [serving[(index * 3 + 1) % serving.count], serving[(index * 3 + 2) % serving.count]]
            accounts.append(
                AccountRecord(
                    name: "\(customer) relocation programme", customer: customer,
                    accountManagerEmail: manager.email, memberEmails: members.map(\.email), reviewerEmails: reviewers))
        }

        let firstSupervisor = supervisors[0]
        let managerOfFirstAccount = accounts[0].accountManagerEmail
        let reviewer = accounts[0].reviewerEmails[0]
        let logins: [DemoOrganisation.Login] = [
            .init(email: "admin@\(Self.domain)", role: .administrator, note: "sets up users and imports"),
            .init(email: programmeManager.email, role: .programmeManager, note: "runs the programme, edits frameworks"),
            .init(email: firstSupervisor.email, role: .supervisor, note: "leads \(firstSupervisor.team)"),
            .init(email: managerOfFirstAccount, role: .accountManager, note: "manages \(accounts[0].name)"),
            .init(email: reviewer, role: .customerReviewer, note: "reviews for \(accounts[0].customer)"),
        ]
        return DemoOrganisation(
            vendorName: Self.vendorName, people: people, events: events, accounts: accounts, logins: logins)
    }
}
