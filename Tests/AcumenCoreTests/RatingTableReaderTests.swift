import AcumenCore
import CSV
import Foundation
import XCTest

final class RatingTableReaderTests: XCTestCase {
    func read(_ text: String) throws -> RatingTableReader.Table {
        try RatingTableReader.read(Data(text.utf8))
    }

    func problem(_ text: String) -> String? {
        do {
            _ = try RatingTableReader.read(Data(text.utf8))
            return nil
        } catch {
            return error.description
        }
    }

    func test_header_followsCSVRules_andBlankCellsAreMissing() throws {
        let table = try read("\u{FEFF}\"Smith, Ann\",Bo,\"Cy \"\"C\"\"\"\r\n1,,3\r\n \"2.5\" ,-1,\r\n\r\n")
        XCTAssertEqual(table.raters, ["Smith, Ann", "Bo", "Cy \"C\""])
        XCTAssertEqual(table.matrix.values, [[1, nil, 3], [2.5, -1, nil]])
    }

    func test_badTables_nameTheLineAndColumn() {
        XCTAssertEqual(problem("a,b\n1,2\n3,x\n"), "line 3, column 2: 'x' is not a number")
        XCTAssertEqual(problem("a,b\n1,2,3\n"), "line 2: 3 cells, but the header names 2 raters")
        XCTAssertEqual(problem("a,b\n1\n"), "line 2: 1 cells, but the header names 2 raters")
        XCTAssertEqual(problem("a,a\n1,2\n"), "line 1, column 2: rater 'a' is named twice")
        XCTAssertEqual(problem("a,,c\n1,2,3\n"), "line 1, column 2: the rater has no name")
        XCTAssertEqual(problem("a,b\n1,\"2\n"), "line 2, column 2: a quoted cell is not closed")
        XCTAssertEqual(problem(""), "line 1: the header row names no raters")
        XCTAssertEqual(problem("a,b\n"), "line 2: no row of ratings follows the header: give one row per unit")
        XCTAssertEqual(problem("a,b\n1,\"2\"x\n"), "line 2, column 2: text after the closing quote")
        XCTAssertEqual(problem("a,b\n1,inf\n"), "line 2, column 2: 'inf' is not a number")
    }

    func test_numbers_areReadExactlyAsFoundationReadsThem() throws {
        let texts = ["0", "7", "-3", "2.5", "0.1", "3.14159", "-0.0625", "1e3", "2.50000000000000001", "123456789.123"]
        let table = try read("r\n" + texts.joined(separator: "\n") + "\n")
        XCTAssertEqual(table.matrix.values.map { $0[0]! }, texts.map { Double($0)! })
    }

    /// The reader made for numbers agrees with the general CSV parser on a random table.
    func test_randomTable_matchesCSVSwift() throws {
        var generator = SeededGenerator(seed: 11)
        let raters = 7
        var lines = [(0..<raters).map { "rater \($0)" }.joined(separator: ",")]
        for _ in 0..<300 {
            lines.append(
                (0..<raters).map { _ in
                    switch Int.random(in: 0..<5, using: &generator) {
                    case 0: ""
                    case 1: String(Int.random(in: 1...5, using: &generator))
                    case 2: String(format: "%.3f", Double.random(in: -10...10, using: &generator))
                    case 3: "\"\(Int.random(in: 0...9, using: &generator))\""
                    default: String(Int.random(in: -100...100, using: &generator))
                    }
                }.joined(separator: ","))
        }
        let text = lines.joined(separator: "\n") + "\n"
        let ours = try read(text)
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var theirs: [[Double?]] = []
        while let row = reader.next() {
            theirs.append(row.map { $0.isEmpty ? nil : Double($0.trimmingCharacters(in: .whitespaces))! })
        }
        XCTAssertEqual(ours.raters, reader.headerRow)
        XCTAssertEqual(ours.matrix.values, theirs)
    }
}

final class AgreementReportTests: XCTestCase {
    func test_json_alwaysHasEveryKey_withNullsWhereUndefined() throws {
        let matrix = RatingMatrix(values: [[1, 2, nil], [2, 2, 3]])
        let report = AgreementReport.compute(matrix, raterNames: ["a", "b", "c"])
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(StatsCommandLineJSON.encode(report).utf8)) as? [String: Any])
        XCTAssertEqual(json["units"] as? Int, 2)
        XCTAssertEqual(json["raters"] as? Int, 3)
        XCTAssertEqual(
            Set((json["krippendorffAlpha"] as? [String: Any])?.keys ?? [:].keys),
            ["nominal", "ordinal", "interval", "ratio"])
        XCTAssertTrue(json["icc"] is NSNull, "one complete unit is too few")
        XCTAssertTrue(json["fleissKappa"] is NSNull, "units with two and three ratings")
        XCTAssertNil(json["cohenKappa"], "only with --pairs")
    }

    func test_pairs_giveCohensKappa_forEveryPair() {
        let matrix = RatingMatrix(values: [[1, 1, 2], [2, 2, 2], [1, 2, 1], [2, 2, 1]])
        let report = AgreementReport.compute(matrix, raterNames: ["a", "b", "c"], levels: [.nominal], pairs: true)
        XCTAssertEqual(report.cohenKappa?.map(\.raters), [["a", "b"], ["a", "c"], ["b", "c"]])
        XCTAssertEqual(
            report.cohenKappa?.first?.kappa ?? 0, CohenKappa.kappa([1, 2, 1, 2], [1, 2, 2, 2])!, accuracy: 1e-12)
        XCTAssertEqual(report.krippendorffAlpha.map(\.0), [.nominal])
    }
}

/// The encoder the command uses, so the test reads exactly what the command prints.
enum StatsCommandLineJSON {
    static func encode(_ report: AgreementReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
