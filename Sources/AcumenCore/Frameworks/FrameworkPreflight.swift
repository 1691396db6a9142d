import Foundation

/// What publishing or retiring a framework version will do, shown before it is confirmed:
/// neither can be undone, and publishing retires the version it replaces.
public struct FrameworkPreflight: Hashable, Sendable {
    public var effects: [String]
    public var concerns: [String]
    /// Problems that stop the step (a draft that is not complete).
    public var blockers: [String]

    /// - Parameters:
    ///   - replaced: the published version of the same framework that publishing retires.
    ///   - cyclesOnReplaced: cycles that were set up on the replaced version.
    public static func publishing(
        _ draft: FrameworkSummary, validation: FrameworkValidation, openComments: Int, replaced: FrameworkSummary?,
        cyclesOnReplaced: Int
    ) -> FrameworkPreflight {
        var effects = ["Version \(draft.version) of \(draft.name) is frozen: it can no longer change."]
        if let replaced {
            effects.append(
                "Version \(replaced.version), published now, is retired: new cycles will use version \(draft.version)."
                    + (cyclesOnReplaced > 0
                        ? " The \(cyclesOnReplaced) cycle\(cyclesOnReplaced == 1 ? "" : "s") set up on version \(replaced.version) keep it, and their ratings keep pointing at it."
                        : ""))
        } else {
            effects.append("New cycles and calibration exercises can use it.")
        }
        var concerns = validation.warnings.map { "Note: \($0.description)" }
        if openComments > 0 {
            concerns.append(
                "\(openComments) review comment\(openComments == 1 ? " is" : "s are") still open; they stay unanswered."
            )
        }
        return FrameworkPreflight(
            effects: effects, concerns: concerns, blockers: validation.errors.map(\.description))
    }

    /// - Parameters:
    ///   - cyclesUsing: cycles set up on this version that have not been released yet.
    ///   - anotherPublished: whether another version of the same framework stays published.
    public static func retiring(_ version: FrameworkSummary, cyclesUsing: Int, anotherPublished: Bool)
        -> FrameworkPreflight
    {
        var concerns: [String] = []
        if cyclesUsing > 0 {
            concerns.append(
                "\(cyclesUsing) cycle\(cyclesUsing == 1 ? " that uses" : "s that use") it \(cyclesUsing == 1 ? "is" : "are") not released yet; \(cyclesUsing == 1 ? "it keeps" : "they keep") this version."
            )
        }
        if !anotherPublished {
            concerns.append(
                "No other version of \(version.name) is published: until you publish one, no new cycle can use this framework."
            )
        }
        return FrameworkPreflight(
            effects: [
                "Version \(version.version) of \(version.name) is retired: no new cycle or exercise can use it.",
                "Ratings made against it keep pointing at it, and it can still be read.",
            ], concerns: concerns, blockers: [])
    }
}
