/// The demo's calibration exercise: two reference cases on the Global Mobility model, the
/// master ratings a panel agreed, and four team leads who have already taken it, so that the
/// results pages have something to show and the demo supervisor has an exercise to do.
public enum DemoCalibration {
    public static let title = "Calibration: renewal meeting and permit delay"
    public static let panel = "Helen Marsh (Head of Client Services) and Ravi Shankar (Learning Programme Manager)"

    public struct Case: Sendable {
        public var title: String
        public var kind: ReferenceCaseKind
        public var material: String
        /// Competency code and the master level (position on the scale), with the panel's reason.
        public var masters: [(code: String, level: Int, rationale: String)]
        /// For each earlier participant, their level per competency, in the order of `masters`.
        public var earlierRatings: [[Int]]
    }

    /// How many team leads took the exercise before the demo starts.
    public static let earlierParticipants = 4

    public static let cases: [Case] = [
        Case(
            title: "Preparing the annual renewal meeting",
            kind: .scenario,
            material: """
                Three weeks before the annual renewal meeting with a pharmaceutical customer, the account manager sends the customer's mobility lead a draft agenda and asks which topics their finance partner wants covered.
                The week before, she circulates a two-page pack: volumes by destination, the four service failures of the year with what was changed after each, and two options for next year's budget.
                In the meeting she answers the policy questions on home-leave entitlements by checking the customer's handbook during the call, and promises a written answer on the one exception she could not confirm.
                She sends the notes and the list of agreed actions the next morning.
                """,
            masters: [
                (
                    "OM.7", 1,
                    "The agenda was agreed in advance and the pack answered the customer's own questions, which is Advanced. Nothing showed the meeting being used to shape the customer's strategy, which Expert asks for."
                ),
                (
                    "KE.1", 0,
                    "She found the policy answers in the handbook during the call and followed up the exception in writing: sound Baseline. She did not yet know the rules well enough to advise without looking them up."
                ),
                (
                    "OM.4", 1,
                    "Each service failure came with what was changed afterwards, so causes were dealt with and not only symptoms: Advanced. Nothing showed her preventing problems across the customer's whole programme, which Expert asks for."
                ),
            ],
            earlierRatings: [[1, 0, 1], [1, 1, 2], [2, 0, 1], [1, 1, 0]]
        ),
        Case(
            title: "A work permit running late",
            kind: .transcript,
            material: """
                Customer: The permit for our engineer was due last Friday. Nobody told us anything.
                Account manager: You are right, and I am sorry: you should have heard from me on Thursday, when the consulate asked for another document. I have it from the employee this morning and it was filed an hour ago.
                Customer: So when can he start?
                Account manager: The consulate's usual time after a resubmission is eight working days. I have asked our immigration partner to flag it as urgent, and I will send you the status every Tuesday and Friday until it is issued. If the start date has to move, I can arrange a business-visitor trip so the project is not held up.
                Customer: And next time?
                Account manager: I have added a check to our intake list so that consulate requests reach me the same day.
                """,
            masters: [
                (
                    "OM.2", 1,
                    "She set a fixed update rhythm and offered a way round the delay before she was asked, which is Advanced. The first notice came late, so this is not yet Expert."
                ),
                (
                    "OM.4", 0,
                    "The problem was owned and fixed, with a change to the intake list: Baseline. The root cause was not analysed across other cases, which Advanced would show."
                ),
            ],
            earlierRatings: [[1, 0], [2, 1], [1, 0], [0, 0]]
        ),
    ]

    /// Ticks that show a level: every behaviour of that level and the levels below it.
    public static func ticks(showing level: Int, competency: CompetencyContent) -> [Int: Set<Int>] {
        var observed: [Int: Set<Int>] = [:]
        for standard in competency.standards where standard.level <= level {
            observed[standard.level] = Set(standard.behaviours.indices)
        }
        return observed
    }
}
