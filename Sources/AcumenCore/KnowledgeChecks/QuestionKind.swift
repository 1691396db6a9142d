/// The kinds of question a knowledge check asks.
public enum QuestionKind: String, Codable, Sendable, CaseIterable {
    /// One option is right.
    case singleChoice
    /// One or more options are right; each is chosen or not.
    case multipleChoice
    /// Two options, the statement true first and false second, one right.
    case trueFalse
    /// A number, right within a tolerance.
    case numeric
    /// Options to put in order; the order given is the right one.
    case ordering
    /// A situation answered in the person's own words, scored by an assessor on a rubric.
    case scenario

    /// Whether it is answered by choosing options: what option shares and the attempts export's `option` count.
    public var isChoice: Bool { self == .singleChoice || self == .multipleChoice || self == .trueFalse }

    /// Whether the server scores it on submission; a scenario waits for an assessor.
    public var isScoredAutomatically: Bool { self != .scenario }
}
