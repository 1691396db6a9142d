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
        cyclesOnReplaced: Int, text: Localizer = Localizer(.english)
    ) -> FrameworkPreflight {
        let version = text.integer(draft.version)
        var effects = [text.text(FrameworkPreflightMessage.frozen, ["version": version, "name": draft.name])]
        if let replaced {
            let old = text.integer(replaced.version)
            effects.append(
                text.text(FrameworkPreflightMessage.replaces, ["old": old, "version": version])
                    + (cyclesOnReplaced > 0
                        ? " "
                            + text.text(FrameworkPreflightMessage.cyclesKeepOld, count: cyclesOnReplaced, ["old": old])
                        : ""))
        } else {
            effects.append(text.text(FrameworkPreflightMessage.usable))
        }
        // Validation's findings are English sentences for now, as on the draft's page.
        var concerns = validation.warnings.map { "Note: \($0.description)" }
        if openComments > 0 { concerns.append(text.text(FrameworkPreflightMessage.openComments, count: openComments)) }
        return FrameworkPreflight(
            effects: effects, concerns: concerns, blockers: validation.errors.map(\.description))
    }

    /// - Parameters:
    ///   - cyclesUsing: cycles set up on this version that have not been released yet.
    ///   - anotherPublished: whether another version of the same framework stays published.
    public static func retiring(
        _ version: FrameworkSummary, cyclesUsing: Int, anotherPublished: Bool, text: Localizer = Localizer(.english)
    ) -> FrameworkPreflight {
        var concerns: [String] = []
        if cyclesUsing > 0 { concerns.append(text.text(FrameworkPreflightMessage.cyclesUsing, count: cyclesUsing)) }
        if !anotherPublished {
            concerns.append(text.text(FrameworkPreflightMessage.noOtherVersion, ["name": version.name]))
        }
        let named = ["version": text.integer(version.version), "name": version.name]
        return FrameworkPreflight(
            effects: [
                text.text(FrameworkPreflightMessage.retired, named), text.text(FrameworkPreflightMessage.stillRead),
            ], concerns: concerns, blockers: [])
    }
}

/// The words of what publishing or retiring a framework version will do.
public enum FrameworkPreflightMessage: String, MessageKey, CaseIterable {
    case frozen = "frameworkPreflight.frozen"
    case replaces = "frameworkPreflight.replaces"
    case cyclesKeepOld = "frameworkPreflight.cyclesKeepOld"
    case usable = "frameworkPreflight.usable"
    case openComments = "frameworkPreflight.openComments"
    case cyclesUsing = "frameworkPreflight.cyclesUsing"
    case noOtherVersion = "frameworkPreflight.noOtherVersion"
    case retired = "frameworkPreflight.retired"
    case stillRead = "frameworkPreflight.stillRead"
}
