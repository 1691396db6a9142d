import AcumenCore
import AcumenStore
import Plot

/// A check's item analysis for programme staff: how reliable the check is, then per question
/// how hard it was, how well it told stronger from weaker candidates, and how the options were
/// chosen. Every figure comes with what it means, and flags say what to look at.
enum ItemAnalysisPage {
    private typealias Message = KnowledgeCheckMessage

    static func render(_ check: KnowledgeCheck, _ loaded: CheckAnalysis, context: PageContext) -> HTMLPage {
        let text = context.localizer
        let analysis = loaded.analysis
        let title = text.text(Message.analysisTitle, ["title": check.title])
        func decimal(_ value: Double?) -> String { value.map { text.decimal($0, fractionDigits: 2) } ?? "–" }
        return Layout.page(title, context: context) {
            Paragraph { Link(check.title, url: SitePath.check.url(check.id)) }
            H1(title)
            Paragraph(
                text.text(
                    Message.analysisCounts,
                    ["attempts": text.integer(analysis.attempts), "complete": text.integer(analysis.completeAttempts)])
            )
            Paragraph {
                Link(text.text(Message.downloadAttempts), url: "/api/v1/checks/\(check.id)/attempts.csv")
                Text(" · ")
                Link(text.text(Message.analysisJSON), url: "/api/v1/checks/\(check.id)/analysis")
            }
            H2(text.text(Message.reliability))
            Tag("dl") {
                Tag("dt") {
                    Text(text.text(analysis.reliabilityKind == .kr20 ? Message.kr20 : .cronbachAlpha))
                }
                Tag("dd") {
                    Tag("strong") { Text(decimal(analysis.reliability)) }
                    Text(" · " + text.text(analysis.reliabilityKind == .kr20 ? Message.kr20Meaning : .alphaMeaning))
                    if let reliability = analysis.reliability {
                        Text(" " + text.text(reliabilityVerdict(reliability)))
                    }
                }
                Tag("dt") { Text(text.text(Message.sem)) }
                Tag("dd") {
                    Tag("strong") { Text(decimal(analysis.standardErrorOfMeasurement)) }
                    Text(
                        " · "
                            + text.text(
                                Message.semMeaning,
                                ["sem": decimal(analysis.standardErrorOfMeasurement)]))
                }
            }.class("facts")
            H2(text.text(Message.items))
            Paragraph(text.text(Message.itemsMeaning)).class("hint")
            DataTable(
                caption: text.text(Message.items),
                headings: [Message.question, .answeredBy, .difficulty, .discrimination, .flags].map { text.text($0) },
                rows: analysis.items.enumerated().map { position, item in
                    let key = loaded.versions[position]
                    let prompt = loaded.questions[key]?.prompt ?? item.questionID
                    return [
                        Text(
                            "\(text.integer(position + 1)). \(prompt.count > 120 ? String(prompt.prefix(117)) + "…" : prompt) (v\(key.version))"
                        ),
                        Text(text.integer(item.attempts)),
                        Text(decimal(item.difficulty)),
                        Text(decimal(item.discrimination)),
                        Text(
                            item.flags.map { flag(flag: $0, question: loaded.questions[key], text: text) }.joined(
                                separator: " ")),
                    ]
                }, stacksOnPhone: true)
            H2(text.text(Message.optionsHeading))
            Paragraph(text.text(Message.optionsMeaning)).class("hint")
            for (position, item) in analysis.items.enumerated() where !item.options.isEmpty {
                let question = loaded.questions[loaded.versions[position]]
                DataTable(
                    caption: "\(text.integer(position + 1)). \(question?.prompt ?? item.questionID)",
                    headings: [Message.option, .chosenBy, .strongGroup, .weakGroup].map { text.text($0) },
                    rows: item.options.map { share in
                        let words = question?.options.first { $0.key == share.option }?.text ?? share.option
                        return [
                            Text(
                                "\(share.option). \(words)"
                                    + (share.isCorrect ? " ✓ " + text.text(Message.rightOption) : "")),
                            Text(text.percent(share.share)),
                            Text(share.strongShare.map { text.percent($0) } ?? "–"),
                            Text(share.weakShare.map { text.percent($0) } ?? "–"),
                        ]
                    }, stacksOnPhone: true)
            }
        }
    }

    private static func reliabilityVerdict(_ value: Double) -> Message {
        switch value {
        case 0.8...: .reliabilityGood
        case 0.7..<0.8: .reliabilityFair
        default: .reliabilityLow
        }
    }

    private static func flag(flag: ItemAnalysis.Flag, question: BankQuestion?, text: Localizer) -> String {
        switch flag {
        case .tooEasy: text.text(Message.flagTooEasy)
        case .tooHard: text.text(Message.flagTooHard)
        case .weakDiscrimination: text.text(Message.flagWeak)
        case .distractorFavoursStrong(let option): text.text(Message.flagDistractor, ["option": option])
        }
    }
}
