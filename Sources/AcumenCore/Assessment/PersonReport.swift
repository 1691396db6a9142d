import Foundation

/// One submitted internal response as a report reads it.
public struct InternalResponseRecord: Hashable, Sendable {
    public var source: RaterSource
    /// Level per competency; nil means not observed.
    public var levels: [String: Int?]
    public var comments: [String: String]
    /// For supervisors and peers: whether the rater was calibrated on the day they rated.
    public var raterCalibrated: Bool?
    /// The rater's leniency (positive) or severity in their last passed calibration, if known.
    public var raterBias: Double?

    public init(
        source: RaterSource, levels: [String: Int?], comments: [String: String], raterCalibrated: Bool? = nil,
        raterBias: Double? = nil
    ) {
        self.source = source
        self.levels = levels
        self.comments = comments
        self.raterCalibrated = raterCalibrated
        self.raterBias = raterBias
    }
}

/// One submitted customer questionnaire as a report reads it.
public struct CustomerResponseRecord: Hashable, Sendable {
    public var answers: [String: FrequencyAnswer]
    public var comments: [String: String]

    public init(answers: [String: FrequencyAnswer], comments: [String: String]) {
        self.answers = answers
        self.comments = comments
    }
}

/// The results of one account manager in one cycle, with the anonymity rules already applied:
/// everything in it may be shown to anyone allowed to read the report.
public struct PersonReport: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var competency: CompetencyResult
        /// Customers' mean score (1 Never to 5 Always) over their questions on this competency.
        public var customerMean: Double?
        /// "All other raters" when peers and customers are combined: their mean as a share of
        /// each scale's range (0 lowest to 1 highest), since levels and frequencies differ.
        public var otherRatersShare: Double?
        /// For shown supervisor and peer groups: the mean level with each rater's calibrated
        /// bias taken off (0-based, kept on the scale), shown beside the raw level when asked.
        public var adjusted: [RaterSource: Double] = [:]
    }

    public struct CommentGroup: Hashable, Sendable {
        public var label: String
        /// The source the comments come from; nil for all other raters together.
        public var source: RaterSource? = nil
        /// Sorted by text, not by submission, so order says nothing about who wrote what.
        public var comments: [String]
    }

    /// Target against what others see, for every competency with both: largest shortfall first.
    public var gaps: [CompetencyGap] {
        CompetencyGap.gaps(
            targets: rows.reduce(into: [:]) { targets, row in
                if let target = row.competency.target { targets[row.competency.competencyCode] = target }
            },
            current: rows.reduce(into: [:]) { current, row in
                if let others = row.competency.others { current[row.competency.competencyCode] = others.mean }
            })
    }

    public var plan: DisclosurePlan
    public var rows: [Row]
    /// Customers' answers per question, for the questions the gate shows.
    public var questions: [QuestionResult]
    /// Questions whose figures are withheld although customers are shown: too few customers
    /// scored them for their answers to stay anonymous.
    public var withheldQuestions: [String] = []
    public var commentsByCompetency: [String: [CommentGroup]]
    /// For shown supervisor and peer groups: responses from raters who were not calibrated
    /// on the day they rated. Every report says so.
    public var uncalibrated: [RaterSource: Int] = [:]

    /// Builds a report that follows `plan` (made by `DisclosureGate`). Customers' answers count
    /// only for `disclosedQuestions`, in means and comments alike, so that no figure combines a
    /// withheld question with shown ones.
    public static func build(
        framework: FrameworkContent, targets: [String: Int], internalResponses: [InternalResponseRecord],
        customers allCustomers: [CustomerResponseRecord], questionnaire: Questionnaire, rules: AnonymityRules,
        plan: DisclosurePlan, disclosedQuestions: Set<String>
    ) -> PersonReport {
        let customers = allCustomers.map { response in
            CustomerResponseRecord(
                answers: response.answers.filter { disclosedQuestions.contains($0.key) },
                comments: response.comments.filter { disclosedQuestions.contains($0.key) })
        }
        let shown = Set(plan.groups.filter { $0.decision == .shown }.map(\.source))
        let rolledUp = Set(plan.otherRaters)
        let levelTop = Double(max(1, framework.levels.count - 1))

        // Only shown sources feed level statistics: a rolled-up group is never shown on its own scale.
        let levelRatings = internalResponses.filter { shown.contains($0.source) }.flatMap { response in
            response.levels.map { LevelRating(source: response.source, competencyCode: $0.key, level: $0.value) }
        }
        let emptyPlan = DisclosurePlan(
            groups: plan.groups.filter { $0.decision == .shown }, otherRaters: [], otherRatersResponses: 0,
            otherRatersShowComments: false)
        let showCustomers = shown.contains(.customer)
        // Calibration qualifies the raters who judge behaviour: supervisors and peers.
        let judgedSources = [RaterSource.supervisor, .peer].filter { shown.contains($0) }
        var uncalibrated: [RaterSource: Int] = [:]
        for source in judgedSources {
            let count = internalResponses.filter { $0.source == source && $0.raterCalibrated == false }.count
            if count > 0 { uncalibrated[source] = count }
        }

        var rows: [Row] = []
        var comments: [String: [CommentGroup]] = [:]
        for competency in framework.competencies {
            let code = competency.code
            let questionCodes = Set(questionnaire.questions(for: code).map(\.code))
            let customerScores = customers.flatMap { response in
                response.answers.filter { questionCodes.contains($0.key) }.compactMap { $0.value.score }
            }
            var shares: [Double] = []
            if rolledUp.contains(.peer) {
                shares += internalResponses.filter { $0.source == .peer }.compactMap { $0.levels[code] ?? nil }
                    .map { Double($0) / levelTop }
            }
            if rolledUp.contains(.customer) { shares += customerScores.map { Double($0 - 1) / 4 } }
            var adjusted: [RaterSource: Double] = [:]
            for source in judgedSources {
                let values = internalResponses.filter { $0.source == source }.compactMap { response -> Double? in
                    guard let level = response.levels[code] ?? nil else { return nil }
                    return min(levelTop, max(0, Double(level) - (response.raterBias ?? 0)))
                }
                if !values.isEmpty { adjusted[source] = values.reduce(0, +) / Double(values.count) }
            }
            rows.append(
                Row(
                    competency: CompetencyResult.compute(
                        competencyCode: code, ratings: levelRatings, target: targets[code], plan: emptyPlan),
                    customerMean: showCustomers && !customerScores.isEmpty
                        ? Double(customerScores.reduce(0, +)) / Double(customerScores.count) : nil,
                    otherRatersShare: shares.isEmpty ? nil : shares.reduce(0, +) / Double(shares.count),
                    adjusted: adjusted))

            var groups: [CommentGroup] = []
            for group in plan.groups where group.decision == .shown && group.showsComments {
                let texts =
                    group.source == .customer
                    ? customers.flatMap { $0.comments.filter { questionCodes.contains($0.key) }.map(\.value) }
                    : internalResponses.filter { $0.source == group.source }.compactMap { $0.comments[code] }
                if !texts.isEmpty {
                    groups.append(
                        CommentGroup(label: group.source.label, source: group.source, comments: texts.sorted()))
                }
            }
            if plan.otherRatersShowComments {
                var texts: [String] = []
                if rolledUp.contains(.peer) {
                    texts += internalResponses.filter { $0.source == .peer }.compactMap { $0.comments[code] }
                }
                if rolledUp.contains(.customer) {
                    texts += customers.flatMap { $0.comments.filter { questionCodes.contains($0.key) }.map(\.value) }
                }
                if !texts.isEmpty { groups.append(CommentGroup(label: "All other raters", comments: texts.sorted())) }
            }
            comments[code] = groups
        }
        let questions =
            showCustomers
            ? questionnaire.questions.filter { disclosedQuestions.contains($0.code) }.map { question in
                QuestionResult(questionCode: question.code, answers: customers.compactMap { $0.answers[question.code] })
            } : []
        return PersonReport(
            plan: plan, rows: rows, questions: questions,
            withheldQuestions: showCustomers
                ? questionnaire.questions.map(\.code).filter { !disclosedQuestions.contains($0) } : [],
            commentsByCompetency: comments, uncalibrated: uncalibrated)
    }

    /// The disclosure plan of one report of a settled cycle. Customers whose slice the cycle's catalog withholds
    /// (because, with other permitted slices, it would single out a small group) are withheld
    /// here too, and never rolled up, since the combined group would contain them.
    public static func plan(responses: [RaterSource: Int], rules: AnonymityRules, customersMayBeShown: Bool)
        -> DisclosurePlan
    {
        var counts = responses
        let customerCount = counts[.customer] ?? 0
        if !customersMayBeShown { counts[.customer] = nil }
        var plan = DisclosurePlan.plan(responses: counts, rules: rules)
        if customerCount > 0 && !customersMayBeShown {
            plan.groups.append(
                DisclosurePlan.Group(
                    source: .customer, responses: customerCount, decision: .withheld, showsComments: false))
        }
        return plan
    }
}
