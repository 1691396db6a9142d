import AcumenCore
import Foundation
import Vapor
import XCTVapor
import XCTest

@testable import AcumenWeb

final class StatsCommandLineTests: XCTestCase {
    /// Runs the command on a table given as text; returns the exit status and what it printed.
    func run(_ arguments: [String], table: String, language: Localizer? = nil) -> (
        status: Int32?, output: String, error: String
    ) {
        var output = ""
        var error = ""
        let status = StatsCommandLine.run(
            ["acumen"] + arguments, read: { _ in Data(table.utf8) }, output: { output += $0 },
            error: { error += $0 }, language: language)
        return (status, output, error)
    }

    /// Krippendorff's (2011) example: four observers, twelve units, missing ratings.
    let krippendorff2011 = """
        A,B,C,D
        1,1,,1
        2,2,3,2
        3,3,3,3
        3,3,3,3
        2,2,2,2
        1,2,3,4
        4,4,4,4
        1,1,2,1
        2,2,2,2
        ,5,5,5
        ,,1,1
        ,3,,
        """

    func test_agreement_printsTheDocumentedKeys_withThePublishedValues() throws {
        let result = run(["stats", "agreement", "ratings.csv"], table: krippendorff2011)
        XCTAssertEqual(result.status, 0, result.error)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        XCTAssertEqual(json["units"] as? Int, 12)
        XCTAssertEqual(json["raters"] as? Int, 4)
        let alpha = try XCTUnwrap(json["krippendorffAlpha"] as? [String: Double])
        XCTAssertEqual(alpha["nominal"] ?? 0, 0.743, accuracy: 0.0005)
        XCTAssertEqual(alpha["ordinal"] ?? 0, 0.815, accuracy: 0.0005)
        XCTAssertEqual(alpha["interval"] ?? 0, 0.849, accuracy: 0.0005)
        XCTAssertEqual(alpha["ratio"] ?? 0, 0.797, accuracy: 0.0005)
        XCTAssertNotNil(json["icc"] as? [String: Any], "seven units were rated by all four")
        XCTAssertTrue(json["fleissKappa"] is NSNull, "units have different numbers of ratings")
    }

    func test_levelAndPairsAndTable_changeWhatIsPrinted() throws {
        let ordinal = run(["stats", "agreement", "x.csv", "--level", "ordinal", "--pairs"], table: krippendorff2011)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ordinal.output.utf8)) as? [String: Any])
        XCTAssertEqual((json["krippendorffAlpha"] as? [String: Double])?.keys.sorted(), ["ordinal"])
        XCTAssertEqual((json["cohenKappa"] as? [Any])?.count, 6)
        let table = run(["stats", "agreement", "x.csv", "--format", "table"], table: krippendorff2011)
        XCTAssertTrue(table.output.contains("Krippendorff's alpha"), table.output)
        XCTAssertTrue(table.output.contains("ordinal    0.815"), table.output)
    }

    func test_scoresWithDecimals_getIntervalAndOrdinalAlpha_andSayWhy() throws {
        // The published table shifted by a half: the same agreement, but scores, not categories.
        let shifted = krippendorff2011.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            index, line in
            index == 0
                ? String(line)
                : line.split(separator: ",", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "\($0).5" }
                    .joined(separator: ",")
        }.joined(separator: "\n")
        let result = run(["stats", "agreement", "scores.csv"], table: shifted)
        XCTAssertEqual(result.status, 0, result.error)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let alpha = try XCTUnwrap(json["krippendorffAlpha"] as? [String: Double])
        XCTAssertEqual(alpha.keys.sorted(), ["interval", "ordinal"])
        XCTAssertEqual(alpha["ordinal"] ?? 0, 0.815, accuracy: 0.0005)
        XCTAssertEqual(alpha["interval"] ?? 0, 0.849, accuracy: 0.0005)
        let notes = try XCTUnwrap(json["notes"] as? [String])
        XCTAssertTrue(notes[0].hasPrefix("Ratings have decimals"), "\(notes)")
        XCTAssertTrue(notes.contains { $0.hasPrefix("Fleiss' kappa counts agreement on categories") }, "\(notes)")
        // Asked for, nominal is computed all the same, and no note explains a choice not made.
        let nominal = run(["stats", "agreement", "scores.csv", "--level", "nominal"], table: shifted)
        let asked = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(nominal.output.utf8)) as? [String: Any])
        XCTAssertEqual((asked["krippendorffAlpha"] as? [String: Double])?["nominal"] ?? 0, 0.743, accuracy: 0.0005)
        XCTAssertFalse((asked["notes"] as? [String] ?? []).contains { $0.hasPrefix("Ratings have decimals") })
        // A rating scale of whole numbers keeps every level and says so.
        let scale = run(["stats", "agreement", "ratings.csv"], table: krippendorff2011)
        let whole = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(scale.output.utf8)) as? [String: Any])
        XCTAssertEqual(
            whole["notes"] as? [String], ["Ratings are whole numbers from 1 to 5: alpha at every level of measurement."]
        )
    }

    func test_everyWordThePeoplePrintedTableAndErrorsSay_comesFromTheCatalogue() {
        let pseudo = Localizer(.english, catalogue: MessageCatalogue.builtIn.pseudoLocalized())
        let table = run(
            ["stats", "agreement", "ratings.csv", "--format", "table", "--pairs"], table: krippendorff2011,
            language: pseudo)
        XCTAssertEqual(table.status, 0)
        // Rater names, level names and statistics' notation are data; notes stay English for now.
        let notes = "Ratings are whole numbers from 1 to 5: alpha at every level of measurement."
        let figures = table.output.replacingOccurrences(of: notes, with: "")
        XCTAssertEqual(
            PseudoLocaleTests.strayWords(
                in: figures,
                data: ["ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)"]
                    + MeasurementLevel.allCases.map(\.rawValue) + ["A", "B", "C", "D"]), "")
        let bad = run(["stats", "agreement", "bad.csv"], table: "a,b\n1,2\n3,three\n", language: pseudo)
        XCTAssertEqual(PseudoLocaleTests.strayWords(in: bad.error, data: ["bad.csv", "three"]), "")
        let usage = run(["stats", "agreement", "--level", "cardinal"], table: "", language: pseudo)
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.error.contains("⟦"), usage.error)
    }

    func test_badInput_namesLineAndColumn_andExitsNonZero() {
        let bad = run(["stats", "agreement", "bad.csv"], table: "a,b\n1,2\n3,three\n")
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.error, "acumen stats: bad.csv: line 3, column 2: 'three' is not a number")
        XCTAssertEqual(run(["stats", "agreement"], table: "").status, 2)
        XCTAssertEqual(run(["stats", "agreement", "x.csv", "--level", "cardinal"], table: "").status, 2)
        XCTAssertNil(run(["serve"], table: "").status, "other commands are left to the application")
    }
}

final class StatsRoutesTests: XCTestCase {
    func test_agreementAPI_answersLikeTheCommand_andRejectsBadTables() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let token = try await WebHarness.token(for: .supervisor, app: app, demo: demo)
            let table = "a,b,c\n1,1,1\n2,2,3\n3,3,3\n1,2,1\n"
            var headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "text/csv"]
            try await app.send(
                .POST, "/api/v1/stats/agreement?level=interval", headers: headers, body: ByteBuffer(string: table),
                afterResponse: { response in
                    XCTAssertEqual(response.status, .ok)
                    let expected = try StatsCommandLine.json(
                        AgreementReport.compute(
                            try RatingTableReader.read(Data(table.utf8)).matrix, raterNames: ["a", "b", "c"],
                            levels: [.interval]))
                    XCTAssertEqual(response.body.string, expected)
                })
            try await app.send(
                .POST, "/api/v1/stats/agreement", headers: headers, body: ByteBuffer(string: "a,b\n1,x\n"),
                afterResponse: { response in
                    XCTAssertEqual(response.status, .unprocessableEntity)
                    XCTAssertEqual(try response.content.get(String.self, at: "error", "field"), "line 2, column 2")
                })
            try await app.send(
                .POST, "/api/v1/stats/agreement", headers: headers, body: ByteBuffer(string: "{}"),
                afterResponse: { response in
                    XCTAssertEqual(response.status, .unprocessableEntity, "a header alone is no table")
                })
            try await app.send(
                .POST, "/api/v1/stats/agreement?pairs=1", headers: headers, body: ByteBuffer(string: table),
                afterResponse: { response in
                    XCTAssertEqual(response.status, .badRequest)
                    XCTAssertEqual(try response.content.get(String.self, at: "error", "field"), "pairs")
                })
            headers.contentType = .json
            try await app.send(
                .POST, "/api/v1/stats/agreement", headers: headers, body: ByteBuffer(string: "{}"),
                afterResponse: { response in XCTAssertEqual(response.status, .unsupportedMediaType) })
        }
    }
}
