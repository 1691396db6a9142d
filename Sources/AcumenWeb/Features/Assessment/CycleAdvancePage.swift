import AcumenCore
import Plot

/// The confirmation before a cycle opens, closes or is released.
enum CycleAdvancePage {
    static func title(for next: CycleStatus) -> String {
        switch next {
        case .open: "Open the cycle"
        case .closed: "Close the cycle"
        case .released: "Release the results"
        case .draft: "Back to draft"
        }
    }

    static func render(cycle: AssessmentCycle, preflight: CyclePreflight, context: PageContext) -> HTMLPage {
        let action = title(for: preflight.next)
        return ConfirmationPage(
            title: action, subject: (cycle.name, SitePath.cycle.url(cycle.id)), effects: preflight.effects,
            concerns: preflight.concerns, action: (action, SitePath.cycleAdvance.url(cycle.id)),
            hiddenFields: [("from", cycle.status.rawValue)]
        ).render(context: context)
    }
}
