import Foundation

/// How a customer scored one vendor's account team in one year with the annual questionnaire:
/// per competency, the share of answers on the scale that were Often or Always. The vendor
/// running Acumen is scored by its customers' reviewers in its cycles (as far as the anonymity
/// rules show them); the customer's other vendors by the customer's own entries, with the same
/// questions, so that the columns compare like with like.
public struct VendorScore: Hashable, Sendable {
    /// Answers of Often or Always out of those from Never to Always.
    public struct Tally: Hashable, Sendable {
        public var favourable: Int
        public var scored: Int

        public init(favourable: Int = 0, scored: Int = 0) {
            self.favourable = favourable
            self.scored = scored
        }

        public var share: Double? { scored == 0 ? nil : Double(favourable) / Double(scored) }

        mutating func count(_ answer: FrequencyAnswer, times: Int = 1) {
            guard answer.score != nil else { return }
            scored += times
            if answer == .often || answer == .always { favourable += times }
        }
    }

    public var vendor: String
    public var year: Int
    /// The vendor whose Acumen this is.
    public var isHost: Bool
    public var responses: Int
    public var byCompetency: [String: Tally]

    public init(vendor: String, year: Int, isHost: Bool, responses: Int, byCompetency: [String: Tally]) {
        self.vendor = vendor
        self.year = year
        self.isHost = isHost
        self.responses = responses
        self.byCompetency = byCompetency
    }

    /// Every competency's answers together.
    public var overall: Tally {
        byCompetency.values.reduce(into: Tally()) {
            $0.favourable += $1.favourable
            $0.scored += $1.scored
        }
    }

    /// From questionnaires as answered (question code to answer), each question read as the
    /// competency `competencyOf` names; questions it does not know are left out.
    public static func answered(
        _ questionnaires: [[String: FrequencyAnswer]], competencyOf: [String: String], vendor: String, year: Int
    ) -> VendorScore {
        var tallies: [String: Tally] = [:]
        for answers in questionnaires {
            for (question, answer) in answers {
                guard let code = competencyOf[question] else { continue }
                tallies[code, default: Tally()].count(answer)
            }
        }
        return VendorScore(
            vendor: vendor, year: year, isHost: false, responses: questionnaires.count, byCompetency: tallies)
    }

    /// From the customer results a cycle's gate showed, questions it withheld left out.
    public static func shown(_ results: [CustomerResults], vendor: String, year: Int) -> VendorScore {
        var tallies: [String: Tally] = [:]
        for result in results {
            for question in result.questions {
                guard let counts = question.result?.counts else { continue }
                for (answer, count) in counts {
                    tallies[question.competencyCode, default: Tally()].count(answer, times: count)
                }
            }
        }
        return VendorScore(
            vendor: vendor, year: year, isHost: true, responses: results.reduce(0) { $0 + $1.responses },
            byCompetency: tallies)
    }
}
