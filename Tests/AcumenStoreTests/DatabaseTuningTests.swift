import AcumenStore
import SQLKit
import XCTest

final class DatabaseTuningTests: XCTestCase {
    func test_unsetVariables_keepTheDefaults() throws {
        XCTAssertEqual(try DatabaseTuning(environment: [:]), DatabaseTuning())
        XCTAssertEqual(try DatabaseTuning(environment: ["ACUMEN_DB_POOL_SIZE": " "]), DatabaseTuning())
    }

    func test_eachVariable_setsItsValue() throws {
        let tuning = try DatabaseTuning(environment: [
            "ACUMEN_DB_POOL_SIZE": "8", "ACUMEN_DB_POOL_TIMEOUT": "2", "ACUMEN_DB_CONNECT_TIMEOUT": "1",
            "ACUMEN_DB_STATEMENT_TIMEOUT": "0",
        ])
        XCTAssertEqual(
            tuning, DatabaseTuning(connectionsPerEventLoop: 8, poolTimeout: 2, connectTimeout: 1, statementTimeout: 0))
    }

    func test_aValueOutOfRange_isRefused_namingTheVariable() {
        for (name, value) in [
            ("ACUMEN_DB_POOL_SIZE", "0"), ("ACUMEN_DB_POOL_TIMEOUT", "five"), ("ACUMEN_DB_STATEMENT_TIMEOUT", "-1"),
        ] {
            XCTAssertThrowsError(try DatabaseTuning(environment: [name: value])) { error in
                XCTAssertTrue("\(error)".hasPrefix("\(name) '\(value)' needs to be a whole number from"), "\(error)")
            }
        }
    }

    func test_postgreSQLConnections_carryTheStatementTimeout() async throws {
        guard let url = ProcessInfo.processInfo.environment["ACUMEN_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw XCTSkip("Set ACUMEN_TEST_POSTGRES_URL to run this test on PostgreSQL.")
        }
        try await StoreHarness.run(
            .postgres(url: url), tuning: DatabaseTuning(statementTimeout: 7), label: "PostgreSQL"
        ) { database, _ in
            let shown = try await (database as! any SQLDatabase).raw("SHOW statement_timeout").first()?.decode(
                column: "statement_timeout", as: String.self)
            XCTAssertEqual(shown, "7s")
        }
    }
}
