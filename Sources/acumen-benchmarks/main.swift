import AcumenCore
import Foundation

// Timings of Core work that the targets name, on generated data, with no database or server:
// `swift run -c release acumen-benchmarks`. Each figure is the median of several runs.

func median(runs: Int = 5, _ body: () -> Void) -> Duration {
    var durations: [Duration] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        body()
        durations.append(ContinuousClock.now - start)
    }
    return durations.sorted()[runs / 2]
}

func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.1f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
}

/// The demo catalogue repeated under new codes until it holds `count` offerings, with the
/// prerequisites renamed alike, so the structure stays that of a real catalogue.
func catalogue(of count: Int, framework: UUID) -> [Offering] {
    let demo = DemoCatalogue.offerings(
        frameworks: .init(globalMobility: framework, general: UUID()), baseURL: "https://bench.example")
    var offerings: [Offering] = []
    var copy = 0
    while offerings.count < count {
        for offering in demo where offerings.count < count {
            var clone = offering
            clone.id = UUID()
            clone.code = "\(offering.code)-\(copy)"
            clone.prerequisites = offering.prerequisites.map { "\($0)-\(copy)" }
            offerings.append(clone)
        }
        copy += 1
    }
    return offerings
}

let framework = UUID()
let competencies = GlobalMobilityAccountManagerFramework.content.competencies.map(\.code)
let offerings = catalogue(of: 500, framework: framework)
var generator = SeededGenerator(seed: 18)
let people = (0..<10_000).map { _ in
    (
        gaps: competencies.map { code in
            CompetencyGap(
                competencyCode: code, target: Int.random(in: 1...2, using: &generator),
                current: Double(Int.random(in: 0...8, using: &generator)) / 4)
        },
        profile: LearnerProfile(
            isRemote: Int.random(in: 0..<5, using: &generator) == 0,
            travelsOften: Int.random(in: 0..<4, using: &generator) == 0,
            languages: Int.random(in: 0..<3, using: &generator) == 0 ? ["fr"] : [])
    )
}
let terms = RoadmapTerms(monthlyMinutes: 480, start: CalendarDate(year: 2027, month: 1, day: 1)!)
var items = 0
let drafting = median {
    let drafter = RoadmapDrafter(offerings: offerings, frameworkID: framework)
    items = 0
    for person in people {
        items += drafter.draft(gaps: person.gaps, profile: person.profile, terms: terms).count
    }
}
print(
    "Drafting roadmaps for \(people.count) account managers against \(offerings.count) offerings, explanations included: \(milliseconds(drafting)) (median of 5; \(items) items)"
)

// What formatting costs, per call: pages format many numbers, dates, lists and language names.
let english = Localizer(.english)
let day = CalendarDate(year: 2027, month: 3, day: 14)!
let french = ContentLanguage(tag: "fr")!
for (name, body) in [
    ("integer", { _ = english.integer(42) }), ("decimal", { _ = english.decimal(1.25, fractionDigits: 1) }),
    ("percent", { _ = english.percent(0.42) }), ("date", { _ = english.date(day) }),
    ("list of two", { _ = english.list(["OM.4", "RB.1"]) }), ("language name", { _ = english.name(of: french) }),
    ("message", { _ = english.text(StatsMessage.units, ["count": "3"]) }),
] as [(String, () -> Void)] {
    let each = median {
        for _ in 0..<10_000 { body() }
    }
    let (seconds, attoseconds) = each.components
    let micro = (Double(seconds) * 1e6 + Double(attoseconds) / 1e12) / 10_000
    print("\(name): \(String(format: "%.2f", micro)) µs a call")
}

// Reading a batch of 1,000 xAPI statements as the record store does, step by step.
let statementBatch = Data(
    ("["
        + (0..<1000).map { n in
            """
            {"id": "\(UUID().uuidString.lowercased())", "actor": {"mbox": "mailto:learner\(n % 120)@example.com", "name": "Learner"},
             "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced", "display": {"en-US": "experienced"}},
             "object": {"id": "https://content.example/videos/\(n)", "definition": {"name": {"en-US": "Video \(n)"},
             "type": "http://adlnet.gov/expapi/activities/media"}},
             "result": {"duration": "PT4M12S", "completion": false},
             "context": {"registration": "\(UUID().uuidString.lowercased())", "platform": "Benchmark"},
             "timestamp": "2026-12-03T09:30:00.000Z"}
            """
        }.joined(separator: ",") + "]").utf8)
var parsed = JSONValue.null
let parsing = median { parsed = JSONValue.parse(statementBatch) ?? .null }
var batchProblems: [String] = []
let checking = median { batchProblems = XAPIBatch.read(parsed).problems }
let stamping = median {
    for statement in parsed.array ?? [] {
        _ = XAPIStatement(valid: statement, storedAt: "2026-12-03T09:30:00.000Z", authority: .null)
    }
}
print(
    "xAPI batch of 1,000 statements (\(statementBatch.count / 1024) KB): parsing \(milliseconds(parsing)), checking \(milliseconds(checking)) (\(batchProblems.count) problems), stamping \(milliseconds(stamping))"
)

// The group heatmap of a large organisation: 20,000 account managers in teams of about ten,
// each team with its supervisor, in 60 locations, five bands of service, one to three of 2,000
// customers each; every grouping of every competency checked together for withheld cells.
var organisation = SeededGenerator(seed: 19)
let members = (0..<20_000).map { index in
    AssessedMember(
        personID: UUID(),
        groups: [
            .team: ["Team \(index / 10)"],
            .supervisor: ["Supervisor \((index + (index % 37 == 0 ? 10 : 0)) / 10)"],
            .location: ["Location \(Int.random(in: 0..<60, using: &organisation))"],
            .tenure: [TenureBand.allCases[Int.random(in: 0..<5, using: &organisation)].rawValue],
            .customer: (0..<Int.random(in: 1...3, using: &organisation)).map { _ in
                "Customer \(Int.random(in: 0..<2_000, using: &organisation))"
            },
        ],
        levels: Dictionary(
            uniqueKeysWithValues: competencies.map { ($0, Double(Int.random(in: 0...8, using: &organisation)) / 4) }),
        targets: Dictionary(uniqueKeysWithValues: competencies.map { ($0, 1) }))
}
var shownCells = 0
let heatmapBuilding = median(runs: 3) {
    let heatmap = CompetencyHeatmap(people: members, competencyCodes: competencies, minimum: 3)
    shownCells = GroupDimension.allCases.flatMap { heatmap.cells($0) }.filter { !$0.isWithheld }.count
}
print(
    "Group heatmap of \(members.count) account managers, \(competencies.count) competencies, five groupings: \(milliseconds(heatmapBuilding)) (median of 3; \(shownCells) cells shown)"
)

// Item analysis of a knowledge check: 10,000 attempts of 60 four-option questions, each
// attempt's chance of a right answer rising with the person's ability and falling with the
// question's difficulty, a wrong answer spread over the three other options.
var candidates = SeededGenerator(seed: 20)
let checkQuestions = (1...60).map { number in
    ItemAnalysis.Question(
        id: "Q\(number)",
        options: (0..<4).map { ItemAnalysis.Question.Option(key: "abcd".map(String.init)[$0], isCorrect: $0 == 0) })
}
let hardness = checkQuestions.map { _ in Double.random(in: -2...2, using: &candidates) }
let attemptRows: [[ItemAnalysis.Answer?]] = (0..<10_000).map { _ in
    let ability = Double.random(in: -3...3, using: &candidates)
    return hardness.map { hardness in
        let right = Double.random(in: 0..<1, using: &candidates) < 1 / (1 + exp(hardness - ability))
        return ItemAnalysis.Answer(
            score: right ? 1 : 0, options: [right ? 0 : Int.random(in: 1...3, using: &candidates)])
    }
}
var reliability = 0.0
let analysing = median {
    reliability = ItemAnalysis.compute(questions: checkQuestions, attempts: attemptRows).reliability ?? .nan
}
print(
    "Item analysis of \(attemptRows.count) attempts of \(checkQuestions.count) questions: \(milliseconds(analysing)) (median of 5; KR-20 \(String(format: "%.3f", reliability)))"
)

// Scoring and analysis together: the same 10,000 attempts as answers to bank questions, each
// scored by the check's scoring sheet (`AttemptScoring.Sheet`) into what the analysis reads.
let bankQuestions = checkQuestions.map { question in
    BankQuestion(
        competencyCode: "KE.1", level: 0, kind: .singleChoice, prompt: question.id, explanation: "Because.",
        options: question.options.map { .init(key: $0.key, text: $0.key, isCorrect: $0.isCorrect) })
}
let byID = Dictionary(uniqueKeysWithValues: bankQuestions.map { ($0.id, $0) })
let paper = AttemptPaper(
    items: bankQuestions.map { .init(questionID: $0.id, version: 1, optionOrder: ["a", "b", "c", "d"]) })
let optionKeys = ["a", "b", "c", "d"]
let givenAnswers: [[UUID: GivenAnswer]] = attemptRows.map { row in
    Dictionary(
        uniqueKeysWithValues: zip(bankQuestions, row).map { question, answer in
            (question.id, GivenAnswer.choices([optionKeys[answer?.options.first ?? 0]]))
        })
}
var scoredReliability = 0.0
let scoringAndAnalysing = median {
    let sheet = AttemptScoring.Sheet(paper: paper, questions: byID)
    let scored = givenAnswers.map(sheet.analysed)
    scoredReliability = ItemAnalysis.compute(questions: checkQuestions, attempts: scored).reliability ?? .nan
}
print(
    "Scoring and item analysis of \(givenAnswers.count) attempts of \(bankQuestions.count) questions: \(milliseconds(scoringAndAnalysing)) (median of 5; KR-20 \(String(format: "%.3f", scoredReliability)))"
)

var scoredCount = 0
let scoringOnly = median {
    let sheet = AttemptScoring.Sheet(paper: paper, questions: byID)
    scoredCount = givenAnswers.reduce(0) { total, answers in
        total + sheet.outcome(answers: answers, passMark: 0.7).questionScores.count
    }
}
print("  of which scoring the \(scoredCount) answers alone: \(milliseconds(scoringOnly)) (median of 5)")
