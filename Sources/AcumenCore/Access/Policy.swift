/// The rules for one kind of resource: who may take which action on it.
///
/// Each policy answers two questions, both pure so that routes, use cases, the navigation and
/// the route-walking test ask exactly the same thing:
/// - `mayAttempt` is decided by the viewer alone. Routes check it before anything is looked up,
///   so a refusal says nothing about whether the thing asked for exists, and the navigation
///   offers only what the viewer may attempt.
/// - `allows` is decided once the resource is loaded (a framework's status, whether a subject
///   is in the viewer's line). It implies `mayAttempt`.
public protocol Policy: SendableMetatype {
    associatedtype Action: Hashable, Sendable, CaseIterable
    associatedtype Resource

    static func mayAttempt(_ action: Action, _ viewer: Viewer) -> Bool
    static func allows(_ action: Action, _ viewer: Viewer, _ resource: Resource) -> Bool
}
