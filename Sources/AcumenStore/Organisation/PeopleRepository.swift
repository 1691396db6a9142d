import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// People, their organisations, locations and teams, and their employment history.
public struct PeopleRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Lower-cased emails of everyone stored; imports check references against these.
    public func allEmails() async throws -> Set<String> {
        Set(try await PersonRow.query(on: database).field(\.$email).all().map { $0.email.lowercased() })
    }

    /// Who the viewer may see, as person ids, or nil for everyone: programme staff see all, a
    /// supervisor sees themselves and everyone who reports to them directly or indirectly,
    /// anyone else only themselves. The one place where this rule is decided.
    public func visiblePersonIDs(for viewer: Viewer) async throws -> Set<UUID>? {
        if viewer.role.seesEveryone { return nil }
        guard let me = viewer.personID else { return [] }
        guard viewer.role == .supervisor else { return [me] }
        let lines = try await database.sql.select().columns("id", "supervisor_id")
            .from(PersonRow.schema).all()
            .map {
                (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "supervisor_id", as: UUID?.self))
            }
        return ReportingLines(people: lines).reports(of: me).union([me])
    }

    /// Everyone the viewer may see, by name.
    public func people(visibleTo viewer: Viewer) async throws -> [PersonSummary] {
        guard let visible = try await visiblePersonIDs(for: viewer) else { return try await summaries(where: "") }
        guard !visible.isEmpty else { return [] }
        return try await summaries(where: "WHERE p.id IN (\(binds: Array(visible)))")
    }

    /// One person, or `notFound` when they do not exist or the viewer may not see them,
    /// so that the answer never reveals whether someone exists.
    public func person(id: UUID, visibleTo viewer: Viewer) async throws -> PersonSummary {
        if let visible = try await visiblePersonIDs(for: viewer), !visible.contains(id) {
            throw StoreError.notFound("That person")
        }
        guard let person = try await summaries(where: "WHERE p.id = \(bind: id)").first else {
            throw StoreError.notFound("That person")
        }
        return person
    }

    /// Teams and locations by name, for choosing who a cycle assesses.
    public func teamsAndLocations() async throws -> (teams: [(UUID, String)], locations: [(UUID, String)]) {
        let teams = try await TeamRow.query(on: database).sort(\.$name).all().map { ($0.id!, $0.name) }
        let locations = try await LocationRow.query(on: database).sort(\.$city).all().map {
            ($0.id!, $0.country.isEmpty ? $0.city : "\($0.city), \($0.country)")
        }
        return (teams, locations)
    }

    public func personID(email: String) async throws -> UUID? {
        try await PersonRow.query(on: database).filter(\.$email == email.lowercased()).first()?.id
    }

    /// Names of the given people, for lists that show raters by name.
    public func names(ids: Set<UUID>) async throws -> [UUID: String] {
        try await contacts(ids: ids).mapValues(\.name)
    }

    /// Active people who rate others as supervisors (they lead someone, or a cycle asks them for
    /// a supervisor's rating) but have no login, so they cannot take a calibration exercise.
    public func ratersWithoutLogin() async throws -> [(id: UUID, name: String, email: String, jobTitle: String)] {
        try await database.sql.raw(
            """
            SELECT p.id, p.name, p.email, p.job_title FROM people p
            WHERE p.employment_status = 'active'
              AND (EXISTS (SELECT 1 FROM people r WHERE r.supervisor_id = p.id AND r.employment_status = 'active')
                   OR EXISTS (SELECT 1 FROM invitations i WHERE i.rater_person_id = p.id AND i.source = 'supervisor'
                              AND i.status <> 'revoked'))
              AND NOT EXISTS (SELECT 1 FROM users u WHERE u.person_id = p.id OR lower(u.email) = lower(p.email))
            ORDER BY p.name, p.email
            """
        ).all().map { row in
            (
                try row.decode(column: "id", as: UUID.self), try row.decode(column: "name", as: String.self),
                try row.decode(column: "email", as: String.self), try row.decode(column: "job_title", as: String.self)
            )
        }
    }

    /// Names and e-mail addresses of the given people, for messages to them.
    public func contacts(ids: Set<UUID>) async throws -> [UUID: (name: String, email: String)] {
        guard !ids.isEmpty else { return [:] }
        var contacts: [UUID: (name: String, email: String)] = [:]
        for chunk in Array(ids).chunked(into: 500) {
            for person in try await PersonRow.query(on: database).filter(\.$id ~~ chunk).all() {
                if let id = person.id { contacts[id] = (person.name, person.email) }
            }
        }
        return contacts
    }

    public func employmentHistory(personID: UUID) async throws -> [EmploymentEvent] {
        let rows = try await EmploymentEventRow.query(on: database).filter(\.$person.$id == personID)
            .with(\.$person).sort(\.$date).all()
        return rows.compactMap { row in
            CalendarDate(row.date).map {
                .init(email: row.person.email, kind: row.kind, date: $0, fromTitle: row.fromTitle, toTitle: row.toTitle)
            }
        }
    }

    /// Validates the whole file, then stores it in one transaction: a file with any bad row changes nothing.
    public func importPeople(csv text: String) async throws -> ImportSummary {
        let records = try PeopleImport.records(fromCSV: text, existingEmails: try await allEmails())
        return try await store(records, events: [])
    }

    /// Creates or updates people by email, with the organisations, locations and teams they name.
    public func store(
        _ records: [PersonRecord], events: [EmploymentEvent]
    ) async throws -> ImportSummary {
        try await database.transaction { database in
            var directory = try await Directory.load(on: database)
            let existing = try await PersonRow.query(on: database).all()
            var byEmail = Dictionary(uniqueKeysWithValues: existing.map { ($0.email.lowercased(), $0) })
            var summary = ImportSummary(created: 0, updated: 0)
            // Everyone gets an id first, so that supervisors can be linked before anything is
            // written, whatever order the file lists them in.
            for record in records where byEmail[record.email] == nil {
                let person = PersonRow()
                person.id = UUID()
                byEmail[record.email] = person
            }
            var newPeople: [PersonRow] = []
            var changedPeople: [PersonRow] = []
            for record in records {
                let organisation = try await directory.organisation(named: record.organisation, on: database)
                let person = byEmail[record.email]!
                person.$organisation.id = organisation
                person.name = record.name
                person.email = record.email
                person.jobTitle = record.jobTitle
                person.hireDate = record.hireDate.description
                person.$location.id =
                    record.location.isEmpty
                    ? nil : try await directory.location(city: record.location, country: record.country, on: database)
                person.$team.id =
                    record.team.isEmpty
                    ? nil : try await directory.team(named: record.team, organisationID: organisation, on: database)
                person.$supervisor.id = record.supervisorEmail.isEmpty ? nil : byEmail[record.supervisorEmail]?.id
                person.status = record.status
                person.endDate = record.endDate?.description
                // A file without reasons keeps those recorded before; someone back at work has none.
                person.leavingReason = record.status == .left ? record.leavingReason ?? person.leavingReason : nil
                if person.$id.exists {
                    changedPeople.append(person)
                    summary.updated += 1
                } else {
                    newPeople.append(person)
                    summary.created += 1
                }
            }
            // New supervisors must exist before the rows that point at them.
            try await Batch.create(ordered(newPeople), on: database)
            for person in changedPeople {
                try await person.save(on: database)
            }
            try await storeEvents(
                records: records, explicit: events, people: byEmail, newPeople: newPeople, on: database)
            return summary
        }
    }

    /// Explicit history is stored as given; a new person without any gets a hire (and leave) event
    /// from their record, so that turnover can be computed for imported people too.
    private func storeEvents(
        records: [PersonRecord], explicit: [EmploymentEvent],
        people: [String: PersonRow], newPeople: [PersonRow], on database: any Database
    ) async throws {
        let newEmails = Set(newPeople.map(\.email))
        let existingKeys = Set(
            try await EmploymentEventRow.query(on: database).all().map { "\($0.$person.id)|\($0.kind)|\($0.date)" })
        var rows: [EmploymentEventRow] = []
        func add(_ personID: UUID, _ kind: EmploymentEventKind, _ date: CalendarDate, _ from: String, _ to: String) {
            guard !existingKeys.contains("\(personID)|\(kind)|\(date)") else { return }
            rows.append(EmploymentEventRow(personID: personID, kind: kind, date: date, fromTitle: from, toTitle: to))
        }
        let explicitEmails = Set(explicit.map(\.email))
        for event in explicit {
            guard let id = people[event.email]?.id else { continue }
            add(id, event.kind, event.date, event.fromTitle, event.toTitle)
        }
        for record in records where newEmails.contains(record.email) && !explicitEmails.contains(record.email) {
            guard let id = people[record.email]?.id else { continue }
            add(id, .hired, record.hireDate, "", record.jobTitle)
            if record.status == .left, let end = record.endDate {
                add(id, .left, end, record.jobTitle, "")
            }
        }
        try await Batch.create(rows, on: database)
    }

    /// Supervisors before their reports, so that each row's foreign key is already satisfied.
    private func ordered(_ people: [PersonRow]) -> [PersonRow] {
        let ids = Set(people.compactMap(\.id))
        var placed: Set<UUID> = []
        var result: [PersonRow] = []
        var remaining = people
        while !remaining.isEmpty {
            let ready = remaining.filter { person in
                guard let supervisor = person.$supervisor.id, ids.contains(supervisor) else { return true }
                return placed.contains(supervisor)
            }
            // A cycle in the file (A supervises B supervises A) cannot be ordered; write the rest as they are.
            let batch = ready.isEmpty ? remaining : ready
            result += batch
            placed.formUnion(batch.compactMap(\.id))
            let batchIDs = Set(batch.compactMap(\.id))
            remaining.removeAll { batchIDs.contains($0.id!) }
        }
        return result
    }

    /// People with their organisation, location, team and supervisor's name, in order of name:
    /// one query, as the person's own pages read it at every request.
    private func summaries(where condition: SQLQueryString) async throws -> [PersonSummary] {
        try await database.sql.raw(
            """
            SELECT p.id, p.name, p.email, p.job_title, p.hire_date, p.employment_status, p.end_date, p.supervisor_id,
                o.name AS organisation_name, o.kind AS organisation_kind, l.city, l.country, t.name AS team_name,
                s.name AS supervisor_name
            FROM people p JOIN organisations o ON o.id = p.organisation_id
            LEFT JOIN locations l ON l.id = p.location_id
            LEFT JOIN teams t ON t.id = p.team_id
            LEFT JOIN people s ON s.id = p.supervisor_id
            \(condition) ORDER BY p.name
            """
        ).all(decoding: SummaryRow.self).map { row in
            PersonSummary(
                id: row.id, name: row.name, email: row.email, jobTitle: row.jobTitle,
                organisation: row.organisationName, organisationKind: row.organisationKind,
                location: row.city.map { city in
                    city == "remote" ? PersonSummary.remoteLocation : "\(city), \(row.country ?? "")"
                } ?? "",
                team: row.teamName ?? "", supervisorID: row.supervisorID, supervisorName: row.supervisorName ?? "",
                hireDate: row.hireDate, status: row.status, endDate: row.endDate)
        }
    }

    private struct SummaryRow: Decodable {
        var id: UUID
        var name: String
        var email: String
        var jobTitle: String
        var hireDate: String
        var status: EmploymentStatus
        var endDate: String?
        var supervisorID: UUID?
        var organisationName: String
        var organisationKind: OrganisationKind
        var city: String?
        var country: String?
        var teamName: String?
        var supervisorName: String?

        enum CodingKeys: String, CodingKey {
            case id, name, email, city, country
            case jobTitle = "job_title"
            case hireDate = "hire_date"
            case status = "employment_status"
            case endDate = "end_date"
            case supervisorID = "supervisor_id"
            case organisationName = "organisation_name"
            case organisationKind = "organisation_kind"
            case teamName = "team_name"
            case supervisorName = "supervisor_name"
        }
    }
}

/// Organisations, locations and teams by name, created on first use during an import.
struct Directory {
    private var organisations: [String: UUID]
    private var vendorID: UUID?
    private var locations: [String: UUID]
    private var teams: [String: UUID]

    /// The name given to the vendor when the first import creates it.
    static let defaultVendorName = "Our organisation"

    static func load(on database: any Database) async throws -> Directory {
        let organisations = try await OrganisationRow.query(on: database).all()
        let locations = try await LocationRow.query(on: database).all()
        let teams = try await TeamRow.query(on: database).all()
        return Directory(
            organisations: Dictionary(
                organisations.filter { $0.kind == .customer }.map { ($0.name.lowercased(), $0.id!) },
                uniquingKeysWith: { first, _ in first }),
            vendorID: organisations.first { $0.kind == .vendor }?.id,
            locations: Dictionary(
                locations.map { ("\($0.city.lowercased())|\($0.country.lowercased())", $0.id!) },
                uniquingKeysWith: { first, _ in first }),
            teams: Dictionary(
                teams.map { ("\($0.$organisation.id)|\($0.name.lowercased())", $0.id!) },
                uniquingKeysWith: { first, _ in first }))
    }

    /// A blank name is the vendor; any other name is a customer.
    mutating func organisation(named name: String, on database: any Database) async throws -> UUID {
        if name.isEmpty {
            if let vendorID { return vendorID }
            let vendor = OrganisationRow(name: Self.defaultVendorName, kind: .vendor)
            try await vendor.create(on: database)
            vendorID = vendor.id
            return vendor.id!
        }
        if let id = organisations[name.lowercased()] { return id }
        let customer = OrganisationRow(name: name, kind: .customer)
        try await customer.create(on: database)
        organisations[name.lowercased()] = customer.id
        return customer.id!
    }

    mutating func location(city: String, country: String, on database: any Database) async throws -> UUID {
        let isRemote = city.lowercased() == "remote"
        let key = isRemote ? "remote|" : "\(city.lowercased())|\(country.lowercased())"
        if let id = locations[key] { return id }
        let location = LocationRow(city: isRemote ? "remote" : city, country: isRemote ? "" : country)
        try await location.create(on: database)
        locations[key] = location.id
        return location.id!
    }

    mutating func team(named name: String, organisationID: UUID, on database: any Database) async throws -> UUID {
        let key = "\(organisationID)|\(name.lowercased())"
        if let id = teams[key] { return id }
        let team = TeamRow(name: name, organisationID: organisationID)
        try await team.create(on: database)
        teams[key] = team.id
        return team.id!
    }

    mutating func renameVendor(to name: String, on database: any Database) async throws {
        let id = try await organisation(named: "", on: database)
        guard let vendor = try await OrganisationRow.find(id, on: database), vendor.name != name else { return }
        vendor.name = name
        try await vendor.save(on: database)
    }
}
