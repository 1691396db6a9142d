import AcumenCore
import Foundation
import PropertyBased
import Testing

/// Properties of every reader of outside input, checked on generated input: what a writer
/// produces reads back as it was written, and input from anywhere else is either read or refused
/// with a located problem, never half-read and never a crash.
@Suite struct ParserPropertyTests {
    // MARK: Generators

    /// Text as people type it into a spreadsheet cell or a form, including what CSV and JSON must
    /// quote or escape, letters of other scripts, and what a spreadsheet would run as a formula.
    static var cellText: Generator<String, AnySequence<Any>> {
        Gen<Character?>.element(
            of: Array(
                "ab Zé中ß🙂,;\"'\n\t=+-@#/\\{}[]:0123456789."
            )
        ).compactMap { $0 }.string(of: 0...24).eraseToAny()
    }

    /// A cell's text as an import keeps it: spaces around it are trimmed by the reader, so the
    /// generated text has none there.
    static var trimmedCellText: Generator<String, AnySequence<Any>> {
        cellText.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.eraseToAny()
    }

    /// Bytes from anywhere: mostly CSV-like, with stray quotes, line ends and invalid UTF-8.
    static var looseBytes: Generator<[UInt8], AnySequence<Any>> {
        Gen<UInt8?>.element(of: Array("a,1\"\r\n ;".utf8) + [0, 0xC3, 0xFF, 0x80]).compactMap { $0 }.array(of: 0...200)
            .eraseToAny()
    }

    // MARK: CSV imports

    /// Whatever the export writes (quoted commas, quotes, line breaks, formula-like text), the
    /// import reads back cell for cell.
    @Test func csvExports_readBackCellForCell() async {
        await propertyCheck(input: Self.trimmedCellText.array(of: 1...4).array(of: 1...6)) { table in
            let header = ["First column", "Second", "Third", "Fourth"]
            let rows = table.map { row in (0..<4).map { row.indices.contains($0) ? row[$0] : "x" } }
            let text = CSVText.make(header: header, rows: rows)
            let read = try CSVTable(text: text, requiredColumns: header)
            let kept = rows.filter { !$0.allSatisfy(\.isEmpty) }
            #expect(read.rows.count == kept.count)
            for (row, written) in zip(read.rows, kept) {
                #expect(header.map { CSVText.undefused(row[$0]) } == written)
            }
        }
    }

    /// A file cut off inside a quoted cell is refused, not read up to the cut: the rows before
    /// it would otherwise be imported as if the file were whole.
    @Test func csvCutInsideAQuotedCell_isRefused() async {
        await propertyCheck(input: Self.trimmedCellText.array(of: 1...5), Gen.int(in: 1...20)) { cells, cut in
            let rows = cells.map { [$0, "line one\nline two, with a comma"] }
            let text = CSVText.make(header: ["name", "notes"], rows: rows)
            guard let quoted = text.range(of: "\"line one\nline two", options: .backwards) else { return }
            let end = text.index(
                quoted.lowerBound, offsetBy: min(cut, text.distance(from: quoted.lowerBound, to: quoted.upperBound)))
            let truncated = String(text[..<end])
            #expect(throws: ImportReport.self) { try CSVTable(text: truncated, requiredColumns: ["name"]) }
        }
    }

    /// The people import takes any text without crashing, and every problem it reports names a
    /// line of the file.
    @Test func peopleImport_refusesByLine() async {
        await propertyCheck(input: Self.looseBytes) { bytes in
            let text =
                "email,name,job title,location,team,supervisor email,hire date\n"
                + String(decoding: bytes, as: UTF8.self)
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
            do {
                _ = try PeopleImport.records(fromCSV: text, existingEmails: [])
            } catch let error as ImportReport {
                #expect(!error.problems.isEmpty)
                for problem in error.problems { #expect((1...lines + 1).contains(problem.line), "\(problem)") }
            }
        }
    }

    // MARK: The rating-table reader

    /// A table of ratings written as CSV (blank cells missing) reads back as the same matrix.
    @Test func ratingTables_readBackAsWritten() async {
        let rating = Gen<Double??>.element(of: [nil, 1, 2, 3, 4, 5, 10, -2] as [Double?]).map { $0 ?? nil }
        // Two raters or more: a single rater's missing rating would be a blank line, which the
        // reader skips as it skips any blank line.
        await propertyCheck(input: Gen.int(in: 2...6), rating.array(of: 1...60)) { raters, cells in
            let units = max(1, cells.count / raters)
            let grid = (0..<units).map { unit in
                (0..<raters).map { rater in
                    cells.indices.contains(unit * raters + rater) ? cells[unit * raters + rater] : nil
                }
            }
            let names = (0..<raters).map { "rater \($0 + 1)" }
            let text =
                names.joined(separator: ",") + "\n"
                + grid.map { $0.map { $0.map { String(Int($0)) } ?? "" }.joined(separator: ",") }.joined(
                    separator: "\n")
            let table = try RatingTableReader.read(Data(text.utf8))
            #expect(table.raters == names)
            try #require(table.matrix.unitCount == units)
            for unit in 0..<units {
                for rater in 0..<raters { #expect(table.matrix[unit, rater] == grid[unit][rater]) }
            }
        }
    }

    /// The question bank's export reads back as the same questions whatever their prompts and
    /// explanations say (commas, quotes, line breaks, formula-like text, other scripts).
    @Test func questionBankExports_readBackAsTheSameQuestions() async throws {
        let bank = DemoQuestionBank.questions
        let codes = Set(bank.map(\.competencyCode))
        await propertyCheck(
            input: Self.trimmedCellText.filter { !$0.isEmpty }.array(of: 1...6), Gen.int(in: 0...10_000)
        ) {
            wordings, seed in
            var changed = bank
            for (offset, wording) in wordings.enumerated() {
                let index = (seed + offset * 7) % changed.count
                if offset % 2 == 0 { changed[index].prompt = wording } else { changed[index].explanation = wording }
            }
            let read = try QuestionBankCSV.questions(
                fromCSV: QuestionBankCSV.make(changed), competencyCodes: codes, existing: changed)
            #expect(read == changed)
        }
    }

    /// Any bytes are read as a table or refused with the line (and column) at fault; never a crash.
    @Test func ratingTables_refuseOtherBytesByPlace() async {
        await propertyCheck(input: Self.looseBytes) { bytes in
            do {
                let table = try RatingTableReader.read(Data(bytes))
                #expect(table.matrix.unitCount > 0 && !table.raters.isEmpty)
            } catch let error as RatingTableReader.Problem {
                #expect(error.line >= 1)
            }
        }
    }

    // MARK: JSON (xAPI statements, CASE packages)

    /// JSON values nest: objects of arrays of strings with every escape JSON has.
    static var jsonValue: Generator<JSONValue, AnySequence<Any>> {
        Gen.oneOf(
            cellText.map { JSONValue.string($0) }.eraseToAny(),
            Gen.int(in: -1_000_000...1_000_000).map { JSONValue.integer($0) }.eraseToAny(),
            Gen.bool.map { JSONValue.bool($0) }.eraseToAny(),
            cellText.map { JSONValue.string($0) }.array(of: 0...4).map { JSONValue.array($0) }.eraseToAny(),
            cellText.map { JSONValue.string($0) }.array(of: 0...4).map { values in
                JSONValue.object(Dictionary(values.enumerated().map { ("key\($0.offset)", $0.element) }) { a, _ in a })
            }.eraseToAny()
        ).eraseToAny()
    }

    /// What Acumen writes as JSON it reads back unchanged.
    @Test func json_readsBackAsWritten() async throws {
        await propertyCheck(input: Self.jsonValue.array(of: 0...5)) { values in
            let value = JSONValue.object(
                Dictionary(values.enumerated().map { ("field \($0.offset)", $0.element) }) { a, _ in a })
            let data = try JSONEncoder().encode(value)
            #expect(JSONValue.parse(data) == value)
        }
    }

    /// Bytes that are not JSON are refused as such, never half-read.
    @Test func json_refusesOtherBytes() async {
        await propertyCheck(input: Self.looseBytes) { bytes in
            let parsed = JSONValue.parse(Data(bytes))
            if let parsed {
                #expect(
                    (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil,
                    "\(parsed)")
            }
        }
    }

    /// A statement with an actor, a verb and an object passes, whatever else it carries; without
    /// any one of the three it is refused naming the one that is missing.
    @Test func xapiStatements_needActorVerbAndObject() async {
        let addresses = Gen.lowercaseLetter.string(of: 1...12)
        await propertyCheck(input: addresses, Self.cellText, Gen<String?>.element(of: ["actor", "verb", "object"])) {
            name, display, left in
            var statement: [String: JSONValue] = [
                "actor": .object(["mbox": .string("mailto:\(name)@example.com"), "name": .string(display)]),
                "verb": .object([
                    "id": .string("http://adlnet.gov/expapi/verbs/\(name)"),
                    "display": .object(["en-US": .string(display)]),
                ]),
                "object": .object(["id": .string("https://acumen.example/xapi/activities/\(name)")]),
            ]
            #expect(XAPIStatementRules.problems(.object(statement)) == [])
            guard let left else { return }
            statement[left] = nil
            let problems = XAPIStatementRules.problems(.object(statement))
            #expect(problems.contains { $0.hasPrefix(left) }, "\(problems)")
        }
    }

    /// A CASE package Acumen exports imports as the framework it came from: every category,
    /// competency, level and behaviour, in order, whatever their wording.
    @Test func caseExports_importAsTheSameFramework() async throws {
        let framework = GlobalMobilityAccountManagerFramework.content
        // A behaviour is one line: the editor takes one per line, and CASE carries a level's
        // behaviours as the lines of one description.
        let behaviour = Self.trimmedCellText.map { $0.replacingOccurrences(of: "\n", with: " ") }.filter { !$0.isEmpty }
        await propertyCheck(count: 20, input: behaviour, Gen.int(in: 0...1000)) {
            wording, seed in
            var changed = framework
            // New wording for one behaviour of one competency, chosen by the seed.
            let category = seed % changed.categories.count
            let competency = seed % changed.categories[category].competencies.count
            let standard = seed % changed.categories[category].competencies[competency].standards.count
            changed.categories[category].competencies[competency].standards[standard].behaviours[0] = wording
            let exporter = CASEExporter(baseURL: "https://acumen.example")
            let package = exporter.package(for: changed, version: 1, status: .published, lastChange: Date())
            let data = try JSONEncoder().encode(package)
            let imported = try CASEImporter.content(from: try CASEImporter.decode(data))
            #expect(imported.categories.map(\.title) == changed.categories.map(\.title))
            #expect(imported.competencies.map(\.code) == changed.competencies.map(\.code))
            #expect(
                imported.competencies.map { $0.standards.map(\.behaviours) }
                    == changed.competencies.map { $0.standards.map(\.behaviours) })
        }
    }

    // MARK: Form posts

    /// A rater's ratings saved as the form's fields come back from those fields unchanged.
    @Test func raterFormFields_readBackAsTheRatings() async {
        let framework = GlobalMobilityAccountManagerFramework.content
        let competencies = framework.competencies
        await propertyCheck(input: Gen.int(in: 0...10_000).array(of: 1...8), Self.cellText) { seeds, comment in
            var ratings: [String: CompetencyRatingInput] = [:]
            for seed in seeds {
                let competency = competencies[seed % competencies.count]
                let standard = competency.standards[seed % competency.standards.count]
                var rating = ratings[competency.code] ?? CompetencyRatingInput(competencyCode: competency.code)
                rating.observed[standard.level, default: []].insert(seed % standard.behaviours.count)
                if seed % 3 == 0 { rating.comment = comment }
                if seed % 5 == 0 {
                    rating.overrideLevel = seed % framework.levels.names.count
                    rating.overrideReason = comment.isEmpty ? "seen at a review" : comment
                }
                ratings[competency.code] = rating
            }
            let fields = RaterFormFields.fields(from: Array(ratings.values))
            let read = RaterFormFields.ratings(from: fields, framework: framework)
            #expect(Set(read) == Set(ratings.values))
            for (name, value) in fields {
                #expect(RaterFormFields.gridProblem(name: name, value: value, framework: framework) == nil, "\(name)")
            }
        }
    }

    /// Every field name a knowledge check's page sends parses back to its question and option;
    /// other names are no answer.
    @Test func attemptFieldNames_parseBack() async {
        await propertyCheck(input: Gen.int(in: 0...Int.max), Gen.lowercaseLetter.string(of: 0...3)) { seed, option in
            let id = UUID(uuidString: String(format: "%08X-0000-4000-8000-%012X", seed & 0xFFFF_FFFF, seed >> 20))!
            let name = AttemptForm.fieldName(id, option: option.isEmpty ? nil : option)
            let parsed = AttemptForm.parse(fieldName: name)
            #expect(parsed?.questionID == id && parsed?.option == (option.isEmpty ? nil : option))
            #expect(AttemptForm.parse(fieldName: "x" + name) == nil)
            #expect(AttemptForm.parse(fieldName: String(name.dropLast(option.isEmpty ? 1 : option.count + 2))) == nil)
        }
    }
}
