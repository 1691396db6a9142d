/// The demo customer's other vendors, scored by its reviewers with the same questionnaire last
/// year and this year, with the actions agreed with each: made up for Acumen, steady from run to run.
public enum DemoVendorScorecard {
    public struct Vendor: Sendable {
        public var name: String
        /// How favourably the customer sees the team, 0 (poorly) to 2 (well), in each year from the oldest.
        public var standing: [Int]
        public var actions: [(title: String, owner: String, status: ActionItem.Status)]
    }

    public static let vendors: [Vendor] = [
        Vendor(
            name: "Meridian Relocation Partners", standing: [1, 2],
            actions: [
                ("Send the quarterly cost report by the tenth working day", "Lena Brandt", .done),
                ("Name a deputy for the account manager's holidays", "Lena Brandt", .inProgress),
            ]),
        Vendor(
            name: "Harbour Lane Mobility", standing: [1, 0],
            actions: [
                ("Answer assignee escalations within one working day", "Tomás Reyes", .open),
                ("Bring one improvement proposal to each quarterly review", "Tomás Reyes", .open),
            ]),
    ]

    /// Questionnaires answered about a vendor in one year.
    public static let questionnairesPerYear = 2

    /// The answer one reviewer gave to the question at `position`.
    public static func answer(standing: Int, reviewer: Int, position: Int) -> FrequencyAnswer {
        let scale: [FrequencyAnswer] = [.rarely, .sometimes, .often, .always]
        let step = (position * 3 + reviewer) % 5
        let level = standing + (step == 0 ? -1 : step == 4 ? 1 : 0) + 1
        return (position + reviewer) % 11 == 0 ? .dontKnow : scale[min(scale.count - 1, max(0, level))]
    }
}
