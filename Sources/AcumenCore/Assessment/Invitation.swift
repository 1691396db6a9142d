import Foundation

/// A rater asked to assess one account manager in one cycle.
public struct Invitation: Hashable, Sendable, Identifiable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// A peer proposed by the account manager, waiting for the supervisor's approval.
        case nominated
        /// Approved (or automatic) and able to answer once the cycle opens.
        case approved
        /// Withdrawn; its link no longer works.
        case revoked

        public var label: String {
            switch self {
            case .nominated: "Waiting for approval"
            case .approved: "Approved"
            case .revoked: "Revoked"
            }
        }
    }

    public var id: UUID
    public var cycleID: UUID
    public var subjectID: UUID
    public var subjectName: String
    public var source: RaterSource
    public var raterPersonID: UUID?
    public var raterName: String
    public var raterEmail: String
    /// The account through which a customer rates the account manager.
    public var accountID: UUID?
    public var status: Status
    /// Whether a link has been sent; links are sent when the cycle opens or when reissued.
    public var issuedOn: CalendarDate?
    public var lastRemindedOn: CalendarDate?
    public var hasSubmitted: Bool
    /// The language the rater reads in: their own choice on the form, else the programme's
    /// (`programmeLanguage`); nil follows the rater's browser.
    public var language: Language?
    /// The language the programme chose for this rater, on the invitation or on the customer's
    /// account. Programme pages show only this one: the rater's own choice would tell that an
    /// anonymous rater had opened their form.
    public var programmeLanguage: Language?

    public init(
        id: UUID, cycleID: UUID, subjectID: UUID, subjectName: String, source: RaterSource, raterPersonID: UUID?,
        raterName: String, raterEmail: String, accountID: UUID?, status: Status, issuedOn: CalendarDate?,
        lastRemindedOn: CalendarDate?, hasSubmitted: Bool, language: Language? = nil,
        programmeLanguage: Language? = nil
    ) {
        self.language = language
        self.programmeLanguage = programmeLanguage
        self.id = id
        self.cycleID = cycleID
        self.subjectID = subjectID
        self.subjectName = subjectName
        self.source = source
        self.raterPersonID = raterPersonID
        self.raterName = raterName
        self.raterEmail = raterEmail
        self.accountID = accountID
        self.status = status
        self.issuedOn = issuedOn
        self.lastRemindedOn = lastRemindedOn
        self.hasSubmitted = hasSubmitted
    }
}
