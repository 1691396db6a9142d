import AcumenCore

/// Why a store operation refused to change anything.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The object does not exist, or is archived.
    case notFound(String)
    /// The object exists but is in a state that forbids the change.
    case conflict(String)
    /// The requested content breaks a rule; each problem says where and why.
    case invalid([ValidationProblem])
    /// Like `conflict`, in words that a page in the reader's language can show.
    case refused(ValidationProblem)

    public var description: String {
        switch self {
        case .notFound(let what): "\(what) was not found."
        case .conflict(let message): message
        case .refused(let problem): problem.message
        case .invalid(let problems): problems.map(\.description).joined(separator: "; ")
        }
    }
}
