/// What disclosure needs to know about one current customer response: the slices it belongs
/// to (its attributes) and the questions it scored, that is answered on the scale rather than
/// with "Don't know".
public struct CustomerResponseFacts: Hashable, Sendable {
    public var attributes: [String: String]
    public var scored: Set<String>

    public init(attributes: [String: String], scored: Set<String>) {
        self.attributes = attributes
        self.scored = scored
    }
}

/// The one gate through which every read of a cycle's peer and customer data passes: reports
/// (HTML and JSON), sliced results, the raw export, the anonymity preview, measurement quality
/// and account pages.
///
/// The guarantee (docs/anonymity.md states it in full): every figure shown about anonymous
/// raters, combined with every other figure Acumen has shown or will show about the cycle, is
/// an aggregate of at least the cycle's minimum of raters. It holds because
/// - nothing about peers or customers is shown while a cycle collects answers, so no two reads
///   can differ by one submission;
/// - once the cycle closes its responses and rules are fixed (the store refuses later changes),
///   so the gate it builds is the same at every read, and the catalogue is in effect frozen;
/// - customer figures are shown only for slices of the catalogue, whose atoms (the groups of
///   responses belonging to exactly the same permitted slices) all reach the minimum;
/// - per question, the same holds among the customers who scored the question: each question
///   has its own catalogue over the permitted slices, so subtracting two slices cannot single
///   out one customer's answer where the question's figures are withheld.
public struct DisclosureGate: Sendable {
    public enum Phase: Hashable, Sendable {
        /// Draft or open: answers may still arrive, change or be voided.
        case collecting
        /// Closed or released: responses and rules are fixed.
        case settled
    }

    /// The attributes customer responses can be sliced by.
    public static let dimensions = ["subject", "team", "location", "account"]

    public let phase: Phase
    public let rules: AnonymityRules
    /// The customer slices that may be shown; none while collecting.
    public let catalog: SliceCatalog
    private let permittedIndex: [Slice: Int]
    /// Per question, the permitted slices (by place in `catalog.permitted`) whose figures for
    /// that question are withheld.
    private let questionWithholds: [String: Set<Int>]

    public static func phase(of status: CycleStatus) -> Phase {
        status.isSettled ? .settled : .collecting
    }

    /// The gate of a cycle that is still collecting answers: it shows named sources only.
    public static func collecting(rules: AnonymityRules) -> DisclosureGate {
        DisclosureGate(
            phase: .collecting, rules: rules, catalog: .permitsNothing, permittedIndex: [:],
            questionWithholds: [:])
    }

    /// The gate of a closed or released cycle, from the facts of its current customer responses.
    public static func settled(rules: AnonymityRules, customers: [CustomerResponseFacts], questionCodes: [String])
        -> DisclosureGate
    {
        let members = Slice.members(attributes: customers.map(\.attributes), dimensions: dimensions)
        let minimum = rules.minimumCustomers
        let catalog = SliceCatalog(members: members, count: customers.count, minimum: minimum)
        // Each question's own catalogue, over the permitted slices among the customers who scored
        // it; kept as the permitted slices it withholds (few), by their place in `permitted`.
        let permitted = catalog.permitted
        let names = permitted.map(\.description)
        var questionWithholds: [String: Set<Int>] = [:]
        for code in questionCodes {
            let scorers = customers.indices.filter { customers[$0].scored.contains(code) }
            var position: [Int: Int] = [:]
            for (index, response) in scorers.enumerated() { position[response] = index }
            // `.everyone` is permitted whenever anything is; without it nothing is shown anyway.
            guard let everyone = permitted.firstIndex(of: .everyone) else { continue }
            let scoredMembers = permitted.map { Set(members[$0, default: []].compactMap { position[$0] }) }
            let decisions = SliceCatalog.decide(
                names: names, members: scoredMembers, everyone: everyone, count: scorers.count, minimum: minimum)
            questionWithholds[code] = Set(decisions.indices.filter { decisions[$0] != nil })
        }
        return DisclosureGate(
            phase: .settled, rules: rules, catalog: catalog,
            permittedIndex: Dictionary(uniqueKeysWithValues: permitted.enumerated().map { ($1, $0) }),
            questionWithholds: questionWithholds)
    }

    // MARK: Customer slices

    public func permits(_ slice: Slice) -> Bool {
        phase == .settled && catalog.isPermitted(slice)
    }

    /// Whether one question's figures may be shown for a permitted slice.
    public func permits(question code: String, in slice: Slice) -> Bool {
        guard phase == .settled, let index = permittedIndex[slice], let withheld = questionWithholds[code] else {
            return false
        }
        return !withheld.contains(index)
    }

    /// Why a slice is not shown, in words; nil when it is shown.
    public func withholdingReason(for slice: Slice) -> WithholdingReason? {
        guard !permits(slice) else { return nil }
        guard phase == .settled else { return .cycleNotClosed }
        // One reason for every withheld slice: telling "none answered" from "too few" or from
        // "would single out a smaller group" would say whether somebody in it answered.
        return .belowMinimum(rules.minimumCustomers)
    }

    /// Customer results of a slice with every withheld question blanked, or nil when the slice
    /// is not shown. `responses` must be exactly the slice's current responses.
    public func customerResults(
        _ responses: [CustomerResponseRecord], in slice: Slice, questionnaire: Questionnaire
    ) -> CustomerResults? {
        guard permits(slice) else { return nil }
        return CustomerResults(
            responses: responses.count,
            questions: questionnaire.questions.map { question in
                CustomerResults.Question(
                    code: question.code, competencyCode: question.competencyCode,
                    result: permits(question: question.code, in: slice)
                        ? QuestionResult(
                            questionCode: question.code, answers: responses.compactMap { $0.answers[question.code] })
                        : nil)
            })
    }

    // MARK: Individual reports

    /// The slice of one account manager's customers.
    public static func subjectSlice(_ subjectID: String) -> Slice {
        Slice(["subject": subjectID])
    }

    /// How each group of one account manager's report is shown. While collecting, anonymous
    /// sources of the cycle are listed as shown after close, whatever has arrived.
    public func plan(responses: [RaterSource: Int], subjectID: String, sources: Set<RaterSource>) -> DisclosurePlan {
        guard phase == .settled else {
            var groups: [DisclosurePlan.Group] = []
            for source in RaterSource.allCases where sources.contains(source) {
                if source.isAnonymous {
                    groups.append(.init(source: source, responses: 0, decision: .afterClose, showsComments: false))
                } else if let count = responses[source], count > 0 {
                    groups.append(.init(source: source, responses: count, decision: .shown, showsComments: true))
                }
            }
            return DisclosurePlan(
                groups: groups, otherRaters: [], otherRatersResponses: 0, otherRatersShowComments: false)
        }
        var plan = PersonReport.plan(
            responses: responses, rules: rules, customersMayBeShown: permits(Self.subjectSlice(subjectID)))
        // An anonymous source nobody answered is listed as withheld like a small one: "no
        // responses" beside "too few" would tell that nobody, or somebody, answered.
        for source in RaterSource.allCases where source.isAnonymous && sources.contains(source) {
            if plan.decision(for: source) == nil {
                plan.groups.append(.init(source: source, responses: 0, decision: .withheld, showsComments: false))
            }
        }
        return plan
    }

    /// One account manager's report with everything this gate withholds left out.
    public func report(
        subjectID: String, sources: Set<RaterSource>, framework: FrameworkContent, targets: [String: Int],
        internalResponses: [InternalResponseRecord], customers: [CustomerResponseRecord], questionnaire: Questionnaire
    ) -> PersonReport {
        var counts: [RaterSource: Int] = [:]
        for response in internalResponses { counts[response.source, default: 0] += 1 }
        if !customers.isEmpty { counts[.customer] = customers.count }
        let plan = plan(responses: counts, subjectID: subjectID, sources: sources)
        let slice = Self.subjectSlice(subjectID)
        let disclosed = Set(questionnaire.questions.map(\.code).filter { permits(question: $0, in: slice) })
        return PersonReport.build(
            framework: framework, targets: targets, internalResponses: internalResponses,
            customers: plan.decision(for: .customer) == .shown ? customers : [], questionnaire: questionnaire,
            rules: rules, plan: plan, disclosedQuestions: disclosed)
    }

    // MARK: Cycle-wide figures

    /// Whether a group of this source in one report may feed cycle-wide figures (measurement
    /// quality, dashboards): only groups the report itself shows on their own.
    public func feedsCycleFigures(_ plan: DisclosurePlan, source: RaterSource) -> Bool {
        phase == .settled && plan.decision(for: source) == .shown
    }

    /// Whether one account manager's customer answers may feed cycle-wide figures as a whole
    /// (a share of Often or Always over all questions): their report shows their customers,
    /// and shows them on every question. A report that leaves one question out keeps the
    /// person out of such figures altogether, rather than counting answers question by question.
    public func feedsCycleFigures(customersOf plan: DisclosurePlan, subjectID: String, questions: [String]) -> Bool {
        let slice = Self.subjectSlice(subjectID)
        return feedsCycleFigures(plan, source: .customer) && questions.allSatisfy { permits(question: $0, in: slice) }
    }
}

/// Why a slice's customer results are not shown.
public enum WithholdingReason: Hashable, Sendable, CustomStringConvertible {
    case cycleNotClosed
    /// Fewer customers than the minimum answered, or the slice would single out a smaller group.
    case belowMinimum(Int)

    public func text(_ text: Localizer) -> String {
        switch self {
        case .cycleNotClosed: text.text(WithholdingMessage.cycleNotClosed)
        case .belowMinimum(let minimum): text.text(WithholdingMessage.belowMinimum, ["minimum": text.integer(minimum)])
        }
    }

    /// In English, for the API.
    public var description: String { text(Localizer(.english)) }
}

public enum WithholdingMessage: String, MessageKey, CaseIterable {
    case cycleNotClosed = "withheld.cycleNotClosed"
    case belowMinimum = "withheld.belowMinimum"
}
