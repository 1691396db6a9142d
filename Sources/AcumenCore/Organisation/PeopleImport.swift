/// Reads a people CSV file into records, checking every row before anything is stored.
///
/// Columns: `name, email, job_title, hire_date` are required; `organisation, location,
/// country, team, supervisor_email, employment_status, end_date` are optional. A blank
/// organisation means the vendor. A supervisor must be in the same file or already stored.
public enum PeopleImport {
    public static let requiredColumns = ["name", "email", "job_title", "hire_date"]
    public static let optionalColumns = [
        "organisation", "location", "country", "team", "supervisor_email", "employment_status", "end_date",
    ]

    /// - Parameter existingEmails: lower-cased emails of people already stored, for supervisor references.
    /// - Returns: the records in file order; a person whose email is already stored is updated, not duplicated.
    public static func records(fromCSV text: String, existingEmails: Set<String>) throws(ImportReport) -> [PersonRecord]
    {
        let table = try CSVTable(text: text, requiredColumns: requiredColumns)
        var problems: [ImportProblem] = []
        var records: [PersonRecord] = []
        var linesByEmail: [String: Int] = [:]

        for row in table.rows {
            var rowProblems: [String] = []
            let name = row["name"]
            let email = row["email"].lowercased()
            let jobTitle = row["job_title"]
            if name.isEmpty { rowProblems.append("name is required") }
            if name.count > TextLimits.name { rowProblems.append("name is longer than \(TextLimits.name) characters") }
            if !EmailAddress.isValid(email) {
                rowProblems.append(
                    email.isEmpty ? "email is required" : "email '\(row["email"])' is not an email address")
            } else if let first = linesByEmail[email] {
                rowProblems.append("email \(email) already appears on line \(first)")
            } else {
                linesByEmail[email] = row.line
            }
            if jobTitle.isEmpty { rowProblems.append("job_title is required") }
            if jobTitle.count > TextLimits.name {
                rowProblems.append("job_title is longer than \(TextLimits.name) characters")
            }
            let hireDate = CalendarDate(row["hire_date"])
            if hireDate == nil {
                rowProblems.append("hire_date '\(row["hire_date"])' is not a date (expected YYYY-MM-DD)")
            }
            var status = EmploymentStatus.active
            if !row["employment_status"].isEmpty {
                if let parsed = EmploymentStatus(rawValue: row["employment_status"].lowercased()) {
                    status = parsed
                } else {
                    rowProblems.append("employment_status '\(row["employment_status"])' must be active or left")
                }
            }
            var endDate: CalendarDate?
            if !row["end_date"].isEmpty {
                endDate = CalendarDate(row["end_date"])
                if endDate == nil {
                    rowProblems.append("end_date '\(row["end_date"])' is not a date (expected YYYY-MM-DD)")
                }
            }
            if status == .left && row["end_date"].isEmpty {
                rowProblems.append("end_date is required when employment_status is left")
            }
            if let hireDate, let endDate, endDate < hireDate {
                rowProblems.append("end_date \(endDate) is before hire_date \(hireDate)")
            }
            for column in ["organisation", "location", "country", "team"] where row[column].count > TextLimits.name {
                rowProblems.append("\(column) is longer than \(TextLimits.name) characters")
            }
            let supervisor = row["supervisor_email"].lowercased()
            if !supervisor.isEmpty && !EmailAddress.isValid(supervisor) {
                rowProblems.append("supervisor_email '\(row["supervisor_email"])' is not an email address")
            } else if !supervisor.isEmpty && supervisor == email {
                rowProblems.append("a person cannot be their own supervisor")
            }
            if !row["location"].isEmpty && row["location"].lowercased() != "remote" && row["country"].isEmpty {
                rowProblems.append("country is required for location '\(row["location"])' (or use 'remote')")
            }

            problems += rowProblems.map { ImportProblem(line: row.line, message: $0) }
            if rowProblems.isEmpty, let hireDate {
                records.append(
                    PersonRecord(
                        name: name, email: email, jobTitle: jobTitle, hireDate: hireDate,
                        organisation: row["organisation"], location: row["location"], country: row["country"],
                        team: row["team"], supervisorEmail: supervisor, status: status, endDate: endDate))
            }
        }

        // Supervisors are checked once every row is known, because a supervisor may come later in the file.
        let lineOfRecord = Dictionary(uniqueKeysWithValues: records.map { ($0.email, linesByEmail[$0.email] ?? 0) })
        for record in records where !record.supervisorEmail.isEmpty {
            if linesByEmail[record.supervisorEmail] == nil && !existingEmails.contains(record.supervisorEmail) {
                problems.append(
                    ImportProblem(
                        line: lineOfRecord[record.email] ?? 0,
                        message:
                            "supervisor_email \(record.supervisorEmail) is neither in this file nor an existing person")
                )
            }
        }
        if table.rows.isEmpty {
            problems.append(ImportProblem(line: 2, message: "the file has a header but no people"))
        }
        guard problems.isEmpty else { throw ImportReport(problems: problems) }
        return records
    }
}

/// A deliberately plain email check: one @, something before it, a dotted domain after it, no spaces.
public enum EmailAddress {
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !text.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" })
        else { return false }
        return true
    }
}
