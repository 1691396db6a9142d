/// A customer account as an import file or the demo generator describes it.
public struct AccountRecord: Hashable, Sendable {
    public var name: String
    public var customer: String
    public var accountManagerEmail: String
    public var memberEmails: [String]
    public var reviewerEmails: [String]

    public init(
        name: String, customer: String, accountManagerEmail: String, memberEmails: [String] = [],
        reviewerEmails: [String] = []
    ) {
        self.name = name
        self.customer = customer
        self.accountManagerEmail = accountManagerEmail
        self.memberEmails = memberEmails
        self.reviewerEmails = reviewerEmails
    }
}

/// Reads an accounts CSV file: `account, customer, account_manager_email`, and optionally
/// `team_member_emails` and `reviewer_emails`, each a list separated by semicolons.
/// Every email must belong to a stored person; the customer organisation is created if new.
public enum AccountsImport {
    public static let requiredColumns = ["account", "customer", "account_manager_email"]

    /// - Parameter knownEmails: lower-cased emails of stored people.
    public static func records(fromCSV text: String, knownEmails: Set<String>) throws(ImportReport) -> [AccountRecord] {
        let table = try CSVTable(text: text, requiredColumns: requiredColumns)
        var problems: [ImportProblem] = []
        var records: [AccountRecord] = []
        var lineByName: [String: Int] = [:]
        for row in table.rows {
            var rowProblems: [CatalogueText] = []
            let name = row["account"]
            if name.isEmpty { rowProblems.append(CatalogueText(ImportProblemMessage.required, ["column": "account"])) }
            if name.count > TextLimits.name {
                rowProblems.append(ImportProblemMessage.textTooLong(column: "account"))
            }
            if let first = lineByName[name.lowercased()], !name.isEmpty {
                rowProblems.append(
                    CatalogueText(
                        ImportProblemMessage.repeated, ["column": "account", "value": name, "first": "\(first)"]))
            }
            lineByName[name.lowercased()] = lineByName[name.lowercased()] ?? row.line
            if row["customer"].isEmpty {
                rowProblems.append(CatalogueText(ImportProblemMessage.required, ["column": "customer"]))
            }
            if row["customer"].count > TextLimits.name {
                rowProblems.append(ImportProblemMessage.textTooLong(column: "customer"))
            }
            let manager = row["account_manager_email"].lowercased()
            func check(_ email: String, column: String) {
                if !EmailAddress.isValid(email) {
                    rowProblems.append(
                        CatalogueText(ImportProblemMessage.notAnEmail, ["column": column, "value": email]))
                } else if !knownEmails.contains(email) {
                    rowProblems.append(
                        CatalogueText(ImportProblemMessage.unknownPerson, ["column": column, "value": email]))
                }
            }
            if manager.isEmpty {
                rowProblems.append(
                    CatalogueText(ImportProblemMessage.required, ["column": "account_manager_email"]))
            } else {
                check(manager, column: "account_manager_email")
            }
            let members = list(row["team_member_emails"])
            let reviewers = list(row["reviewer_emails"])
            members.forEach { check($0, column: "team_member_emails") }
            reviewers.forEach { check($0, column: "reviewer_emails") }
            problems += rowProblems.map { ImportProblem(line: row.line, $0) }
            if rowProblems.isEmpty {
                records.append(
                    AccountRecord(
                        name: name, customer: row["customer"], accountManagerEmail: manager, memberEmails: members,
                        reviewerEmails: reviewers))
            }
        }
        if table.rows.isEmpty {
            problems.append(ImportProblem(line: 2, CatalogueText(ImportProblemMessage.noAccounts)))
        }
        guard problems.isEmpty else { throw ImportReport(problems: problems) }
        return records
    }

    private static func list(_ cell: String) -> [String] {
        cell.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }
}
