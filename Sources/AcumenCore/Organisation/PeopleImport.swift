/// Reads a people CSV file into records, checking every row before anything is stored.
///
/// Columns: `name, email, job_title, hire_date` are required; `organisation, location,
/// country, team, supervisor_email, employment_status, end_date, leaving_reason` are optional
/// (`leaving_reason`: voluntary or involuntary, for someone who left). A blank
/// organisation means the vendor. A supervisor must be in the same file or already stored.
public enum PeopleImport {
    public static let requiredColumns = ["name", "email", "job_title", "hire_date"]
    public static let optionalColumns = [
        "organisation", "location", "country", "team", "supervisor_email", "employment_status", "end_date",
        "leaving_reason",
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
            var rowProblems: [CatalogueText] = []
            let name = row["name"]
            let email = row["email"].lowercased()
            let jobTitle = row["job_title"]
            if name.isEmpty { rowProblems.append(CatalogueText(ImportProblemMessage.required, ["column": "name"])) }
            if name.count > TextLimits.name { rowProblems.append(ImportProblemMessage.textTooLong(column: "name")) }
            if !EmailAddress.isValid(email) {
                rowProblems.append(
                    email.isEmpty
                        ? CatalogueText(ImportProblemMessage.required, ["column": "email"])
                        : CatalogueText(ImportProblemMessage.notAnEmail, ["column": "email", "value": row["email"]]))
            } else if let first = linesByEmail[email] {
                rowProblems.append(
                    CatalogueText(
                        ImportProblemMessage.repeated, ["column": "email", "value": email, "first": "\(first)"]))
            } else {
                linesByEmail[email] = row.line
            }
            if jobTitle.isEmpty {
                rowProblems.append(CatalogueText(ImportProblemMessage.required, ["column": "job_title"]))
            }
            if jobTitle.count > TextLimits.name {
                rowProblems.append(ImportProblemMessage.textTooLong(column: "job_title"))
            }
            let hireDate = CalendarDate(row["hire_date"])
            if hireDate == nil {
                rowProblems.append(
                    CatalogueText(ImportProblemMessage.notADate, ["column": "hire_date", "value": row["hire_date"]]))
            }
            var status = EmploymentStatus.active
            if !row["employment_status"].isEmpty {
                if let parsed = EmploymentStatus(rawValue: row["employment_status"].lowercased()) {
                    status = parsed
                } else {
                    rowProblems.append(
                        CatalogueText(ImportProblemMessage.employmentStatus, ["value": row["employment_status"]]))
                }
            }
            var endDate: CalendarDate?
            if !row["end_date"].isEmpty {
                endDate = CalendarDate(row["end_date"])
                if endDate == nil {
                    rowProblems.append(
                        CatalogueText(ImportProblemMessage.notADate, ["column": "end_date", "value": row["end_date"]]))
                }
            }
            if status == .left && row["end_date"].isEmpty {
                rowProblems.append(CatalogueText(ImportProblemMessage.endDateWhenLeft))
            }
            var leavingReason: LeavingReason?
            if !row["leaving_reason"].isEmpty {
                leavingReason = LeavingReason(rawValue: row["leaving_reason"].lowercased())
                if leavingReason == nil {
                    rowProblems.append(
                        CatalogueText(ImportProblemMessage.leavingReason, ["value": row["leaving_reason"]]))
                } else if status != .left {
                    rowProblems.append(CatalogueText(ImportProblemMessage.leavingReasonWhenLeft))
                }
            }
            if let hireDate, let endDate, endDate < hireDate {
                rowProblems.append(
                    CatalogueText(ImportProblemMessage.endBeforeHire, ["end": "\(endDate)", "hire": "\(hireDate)"]))
            }
            for column in ["organisation", "location", "country", "team"] where row[column].count > TextLimits.name {
                rowProblems.append(ImportProblemMessage.textTooLong(column: column))
            }
            let supervisor = row["supervisor_email"].lowercased()
            if !supervisor.isEmpty && !EmailAddress.isValid(supervisor) {
                rowProblems.append(
                    CatalogueText(
                        ImportProblemMessage.notAnEmail,
                        ["column": "supervisor_email", "value": row["supervisor_email"]]))
            } else if !supervisor.isEmpty && supervisor == email {
                rowProblems.append(CatalogueText(ImportProblemMessage.ownSupervisor))
            }
            if !row["location"].isEmpty && row["location"].lowercased() != "remote" && row["country"].isEmpty {
                rowProblems.append(
                    CatalogueText(ImportProblemMessage.countryForLocation, ["location": row["location"]]))
            }

            problems += rowProblems.map { ImportProblem(line: row.line, $0) }
            if rowProblems.isEmpty, let hireDate {
                records.append(
                    PersonRecord(
                        name: name, email: email, jobTitle: jobTitle, hireDate: hireDate,
                        organisation: row["organisation"], location: row["location"], country: row["country"],
                        team: row["team"], supervisorEmail: supervisor, status: status, endDate: endDate,
                        leavingReason: leavingReason))
            }
        }

        // Supervisors are checked once every row is known, because a supervisor may come later in the file.
        let lineOfRecord = Dictionary(uniqueKeysWithValues: records.map { ($0.email, linesByEmail[$0.email] ?? 0) })
        for record in records where !record.supervisorEmail.isEmpty {
            if linesByEmail[record.supervisorEmail] == nil && !existingEmails.contains(record.supervisorEmail) {
                problems.append(
                    ImportProblem(
                        line: lineOfRecord[record.email] ?? 0,
                        CatalogueText(ImportProblemMessage.unknownSupervisor, ["email": record.supervisorEmail])))
            }
        }
        if table.rows.isEmpty {
            problems.append(ImportProblem(line: 2, CatalogueText(ImportProblemMessage.noPeople)))
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
