import Foundation

/// One round of assessment against one framework version: who is assessed, by which sources,
/// when, and under which anonymity rules.
public struct AssessmentCycle: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var frameworkID: UUID
    public var frameworkName: String
    public var frameworkVersion: Int
    public var settings: CycleSettings
    public var status: CycleStatus
    public var questionnaireTitle: String
    /// Whether reports show, beside the raw levels, levels corrected for each rater's leniency
    /// or severity measured in calibration. Raw levels are always shown.
    public var showsAdjustedScores: Bool
    /// The day a programme manager closed it, which may be before the planned closing day.
    public var closedOn: CalendarDate?

    public init(
        id: UUID, frameworkID: UUID, frameworkName: String, settings: CycleSettings, status: CycleStatus,
        questionnaireTitle: String, showsAdjustedScores: Bool = false, closedOn: CalendarDate? = nil,
        frameworkVersion: Int = 1
    ) {
        self.id = id
        self.frameworkID = frameworkID
        self.frameworkName = frameworkName
        self.frameworkVersion = frameworkVersion
        self.settings = settings
        self.status = status
        self.questionnaireTitle = questionnaireTitle
        self.showsAdjustedScores = showsAdjustedScores
        self.closedOn = closedOn
    }

    /// The last day answers were taken: the planned closing day, or the day the cycle was
    /// closed if that came first.
    public var answersClosedOn: CalendarDate {
        min(closedOn ?? settings.closesOn, settings.closesOn)
    }

    public var name: String { settings.name }

    /// Raters may answer from the opening day through the closing day, while the cycle is open.
    public func acceptsResponses(on day: CalendarDate) -> Bool {
        status.acceptsResponses && day >= settings.opensOn && day <= settings.closesOn
    }
}

/// Who is assessed in a cycle, as the programme manager chooses it on the form.
public enum SubjectScope: Hashable, Sendable {
    case allAccountManagers
    case team(UUID)
    case location(UUID)
}

extension AssessmentCycle {
    /// Why a rater of this source cannot be nominated now.
    public enum NominationRefusal: Hashable, Sendable {
        /// Self, supervisor and customer-reviewer invitations come with the cycle; only peers
        /// and further customers are nominated.
        case notNominated(RaterSource)
        case sourceNotAsked(RaterSource)
        case closed(CycleStatus)

        public var message: String {
            switch self {
            case .notNominated: "only peers and customers are nominated"
            case .sourceNotAsked(let source): "this cycle does not ask \(source.label.lowercased())"
            case .closed(let status): "the cycle is \(status.label.lowercased()); nobody can be added now"
            }
        }

        /// The refusal as a problem of the nomination's `field`, in words a translated page can show.
        public func problem(location: String) -> ValidationProblem {
            switch self {
            case .sourceNotAsked(.peer): ValidationProblem(location: location, .peersNotAsked)
            case .sourceNotAsked(.customer): ValidationProblem(location: location, .customersNotAsked)
            default: ValidationProblem(location: location, message: message)
            }
        }
    }

    /// Nil when a rater of this source can be nominated now.
    public func refusal(nominating source: RaterSource) -> NominationRefusal? {
        guard source == .peer || source == .customer else { return .notNominated(source) }
        guard settings.sources.contains(source) else { return .sourceNotAsked(source) }
        guard status == .draft || status == .open else { return .closed(status) }
        return nil
    }
}
