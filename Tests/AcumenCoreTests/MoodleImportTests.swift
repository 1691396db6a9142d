import AcumenCore
import XCTest

final class MoodleImportTests: XCTestCase {
    let header =
        "\"Parent ID number\",\"ID number\",\"Short name\",\"Description\",\"Description format\",\"Scale values\",\"Scale configuration\",\"Rule type (optional)\",\"Rule outcome (optional)\",\"Rule config (optional)\",\"Cross-referenced competency ID numbers\",\"Exported ID (optional)\",\"Is framework\",\"Taxonomy\"\n"

    func test_moodleExport_becomesCategoriesAndCompetencies() throws {
        let csv =
            header
            + "\"\",\"AM-2024\",\"Account management\",\"<p>Our model &amp; standards</p>\",\"1\",\"Not yet competent,Competent\",\"\",\"\",\"\",\"\",\"\",\"1\",\"1\",\"domain,competency\"\n"
            + "\"\",\"NEG\",\"Negotiation\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"2\",\"\",\"\"\n"
            + "\"NEG\",\"NEG 1\",\"Prepares negotiations\",\"<p>Knows the walk-away point.</p>\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"3\",\"\",\"\"\n"
            + "\"NEG 1\",\"NEG 1a\",\"Knows limits\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"4\",\"\",\"\"\n"
        let content = try MoodleFrameworkImport.content(fromCSV: csv)
        XCTAssertEqual(content.name, "Account management")
        XCTAssertEqual(content.description, "Our model & standards")
        XCTAssertEqual(content.categories.map(\.title), ["Negotiation"])
        let competency = try XCTUnwrap(content.competencies.first)
        XCTAssertEqual(competency.code, "NEG-1", "spaces are not allowed in codes")
        XCTAssertEqual(competency.description, "Knows the walk-away point.")
        XCTAssertEqual(competency.indicators.map(\.title), ["Knows limits"], "deeper rows are kept as indicators")
        XCTAssertEqual(competency.indicators.map(\.code), ["NEG-1a"])
        let notes = try MoodleFrameworkImport.read(csv: csv).notes
        XCTAssertTrue(notes.contains { $0.hasPrefix("ID number NEG 1 became the code NEG-1") }, "\(notes)")
        XCTAssertTrue(notes.contains("rows below competencies were kept as their indicators (1)"), "\(notes)")
        XCTAssertTrue(notes.contains { $0.contains("to be written in the draft") }, "\(notes)")
        XCTAssertEqual(content.levels, .standard)
        XCTAssertFalse(content.validate(requireComplete: true).isValid, "behaviours must be written before publishing")
    }

    func test_brokenParents_andMissingFrameworkRow_areReportedByLine() {
        let csv =
            header + "\"\",\"F\",\"Framework\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"1\",\"1\",\"\"\n"
            + "\"GHOST\",\"X\",\"Orphan\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"2\",\"\",\"\"\n"
        XCTAssertThrowsError(try MoodleFrameworkImport.content(fromCSV: csv)) { error in
            XCTAssertEqual((error as? ImportReport)?.problems.map(\.line), [3])
        }
        XCTAssertThrowsError(try MoodleFrameworkImport.content(fromCSV: header)) { error in
            XCTAssertTrue("\(error)".contains("exactly one row with 'Is framework'"), "\(error)")
        }
    }

    func test_selfParents_parentCycles_andOverlongTexts_areReportedAtTheirOwnLines() throws {
        func row(_ parent: String, _ id: String, _ name: String, description: String = "") -> String {
            "\"\(parent)\",\"\(id)\",\"\(name)\",\"\(description)\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
        }
        let framework = "\"\",\"F\",\"Framework\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"1\",\"1\",\"\"\n"
        let csv =
            header + framework
            + row("", "NEG", "Negotiation")  // line 3
            + row("NEG", "NEG 1", "Prepares")  // line 4
            + row("SELF", "SELF", "Its own parent")  // line 5
            + row("B", "A", "Loop A")  // line 6
            + row("A", "B", "Loop B")  // line 7
            + row("NEG", "LONG", String(repeating: "n", count: TextLimits.name + 1))  // line 8
            // line 9
            + row("NEG", "WORDY", "Wordy", description: String(repeating: "w", count: TextLimits.description + 1))
        XCTAssertThrowsError(try MoodleFrameworkImport.content(fromCSV: csv)) { error in
            let problems = (error as? ImportReport)?.problems ?? []
            XCTAssertEqual(Set(problems.map(\.line)), [5, 6, 8, 9], "\(problems)")
            let text = "\(error)"
            XCTAssertTrue(text.contains("cannot be its own parent"), text)
            XCTAssertTrue(text.contains("A → B → A"), text)
            XCTAssertTrue(text.contains("Short name is longer than"), text)
            XCTAssertTrue(text.contains("Description is longer than"), text)
        }
    }

    func test_rowsDeeperThanAcumenKeeps_areRefusedAtTheirLine() {
        func row(_ parent: String, _ id: String) -> String {
            "\"\(parent)\",\"\(id)\",\"Row \(id)\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
        }
        var csv = header + "\"\",\"F\",\"Framework\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"1\",\"1\",\"\"\n"
        for level in 0..<20 { csv += row(level == 0 ? "" : "R\(level - 1)", "R\(level)") }
        XCTAssertThrowsError(try MoodleFrameworkImport.content(fromCSV: csv)) { error in
            let problems = (error as? ImportReport)?.problems ?? []
            XCTAssertEqual(problems.map(\.line), [3 + CASEImporter.maximumDepth], "\(error)")
            XCTAssertTrue("\(error)".contains("R12 is more than 12 levels deep"), "\(error)")
        }
    }

    func test_descriptions_becomePlainText_inOnePass() throws {
        func row(_ parent: String, _ id: String, description: String) -> String {
            "\"\(parent)\",\"\(id)\",\"Row \(id)\",\"\(description)\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
        }
        let html =
            "<p>Keeps margins &gt; 20&#037;<br />when it&#039;s hard</p><ul><li>a &lt; b</li><li>c</li></ul> 1 < 2"
        let csv =
            header + "\"\",\"F\",\"Framework\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"1\",\"1\",\"\"\n"
            + row("", "C", description: "") + row("C", "C1", description: html)
        let content = try MoodleFrameworkImport.content(fromCSV: csv)
        XCTAssertEqual(
            content.competencies.first?.description, "Keeps margins > 20%\nwhen it's hard\na < b\nc\n1 < 2")
        // Many tags in one cell are read in one pass, and what is left is then checked for length.
        let tags = String(repeating: "<b>x</b>", count: 200_000)
        let frameworkRow = "\"\",\"F\",\"Framework\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"1\",\"1\",\"\"\n"
        XCTAssertThrowsError(
            try MoodleFrameworkImport.content(fromCSV: header + frameworkRow + row("", "C", description: tags))
        ) { error in
            XCTAssertTrue("\(error)".contains("Description"), "\(error)")
            XCTAssertEqual((error as? ImportReport)?.problems.map(\.line), [3])
        }
    }
}
