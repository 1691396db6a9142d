import AcumenCore
import Plot

/// The confirmation before a cycle opens, closes or is released.
enum CycleAdvancePage {
    static func title(for next: CycleStatus, text: Localizer) -> String {
        text.text(CycleAdvanceMessage(rawValue: "cycleAdvance.\(next.rawValue)")!)
    }

    static func render(cycle: AssessmentCycle, preflight: CyclePreflight, context: PageContext) -> HTMLPage {
        let action = title(for: preflight.next, text: context.localizer)
        return ConfirmationPage(
            title: action, subject: (cycle.name, SitePath.cycle.url(cycle.id)), effects: preflight.effects,
            concerns: preflight.concerns, action: (action, SitePath.cycleAdvance.url(cycle.id)),
            hiddenFields: [("from", cycle.status.rawValue)]
        ).render(context: context)
    }
}

/// The step a cycle takes next, as its button and confirmation name it; keys are the prefix and
/// the status's raw value, and `MessageKeyTests` holds every status.
enum CycleAdvanceMessage: String, MessageKey, CaseIterable {
    case open = "cycleAdvance.open"
    case closed = "cycleAdvance.closed"
    case released = "cycleAdvance.released"
    case draft = "cycleAdvance.draft"
}
